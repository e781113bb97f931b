#include "enroll/LiveCapture.h"

#include "liveness/LivenessSession.h"
#include "vision/VisionModels.h"

namespace fe::enroll {

struct LiveCapture::Impl
{
    Impl(const vision::VisionModels& models, Options o)
        : options(std::move(o)), encoder(models.makeEncoder()), pad(models.makePad()),
          analyzer(models.landmarks, options.analyzer), session(*encoder, *pad, options.liveness), capture(*encoder)
    {
    }

    Options options;
    std::unique_ptr<vision::FaceEncoder> encoder;
    std::unique_ptr<vision::PadModel> pad;
    vision::FrameAnalyzer analyzer;
    liveness::LivenessSession session;
    liveness::CaptureSelector capture;
    std::optional<double> finishedAt;
    double lastT = 0.0;
};

LiveCapture::LiveCapture(const vision::VisionModels& models, Options options)
    : m_d(std::make_unique<Impl>(models, std::move(options)))
{
}

LiveCapture::~LiveCapture() = default;

LiveCapture::Step LiveCapture::feed(const cv::Mat& bgr, double timestampMs)
{
    Impl& d = *m_d;
    Step step;
    step.analysis = d.analyzer.analyze(bgr, timestampMs);
    d.lastT = timestampMs;
    d.capture.offer(bgr, step.analysis);
    if (!d.finishedAt) {
        d.session.feed(bgr, step.analysis);
        step.prompt = d.session.prompt();
        if (d.session.finished())
            d.finishedAt = timestampMs;
    }
    step.livenessFinished = d.finishedAt.has_value();
    step.done = done();
    return step;
}

bool LiveCapture::done() const
{
    return m_d->finishedAt && m_d->lastT - *m_d->finishedAt >= m_d->options.captureTailMs;
}

const std::vector<liveness::ChallengeKind>& LiveCapture::sequence() const
{
    return m_d->session.sequence();
}

LiveResult LiveCapture::finish(bool allowBelowGate)
{
    LiveResult r;
    r.liveness = m_d->session.finish();
    r.portrait = m_d->capture.portrait(allowBelowGate);
    r.blockingGuidance = m_d->capture.blockingGuidance();
    return r;
}

} // namespace fe::enroll
