#include "enroll/LiveCapture.h"

#include "liveness/LivenessSession.h"
#include "vision/VisionModels.h"

namespace fe::enroll {

struct LiveCapture::Impl
{
    Impl(const vision::VisionModels& models, Options o, Engines e)
        : options(std::move(o)), encoder(std::move(e.encoder)), pad(std::move(e.pad)),
          analyzer(models.landmarks, options.analyzer), session(*encoder, *pad, options.liveness), capture(*encoder)
    {
    }

    Options options;
    std::shared_ptr<vision::FaceEncoder> encoder;
    std::shared_ptr<vision::PadModel> pad;
    vision::FrameAnalyzer analyzer;
    liveness::LivenessSession session;
    liveness::CaptureSelector capture;
    std::optional<double> firstT;
    std::optional<double> finishedAt;
    double lastT = 0.0;
};

LiveCapture::Engines LiveCapture::Engines::load(const vision::VisionModels& models)
{
    return {models.makeEncoder(), models.makePad()};
}

LiveCapture::LiveCapture(const vision::VisionModels& models, Options options)
    : LiveCapture(models, std::move(options), Engines::load(models))
{
}

LiveCapture::LiveCapture(const vision::VisionModels& models, Options options, Engines engines)
    : m_d(std::make_unique<Impl>(models, std::move(options), engines.valid() ? std::move(engines) : Engines::load(models)))
{
}

LiveCapture::~LiveCapture() = default;

LiveCapture::Step LiveCapture::feed(const cv::Mat& bgr, double timestampMs)
{
    Impl& d = *m_d;
    Step step;
    step.analysis = d.analyzer.analyze(bgr, timestampMs);
    if (!d.firstT)
        d.firstT = timestampMs;
    d.lastT = timestampMs;
    step.elapsedMs = timestampMs - *d.firstT;
    d.capture.offer(bgr, step.analysis);
    if (!d.finishedAt) {
        d.session.feed(bgr, step.analysis);
        step.prompt = d.session.prompt();
        const bool windowOver = d.options.liveness.mode == liveness::Mode::Spontaneous &&
                                step.elapsedMs >= d.options.spontaneousWindowMs;
        if (d.session.finished() || windowOver)
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

const LiveCapture::Options& LiveCapture::options() const
{
    return m_d->options;
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
