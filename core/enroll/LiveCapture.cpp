#include "enroll/LiveCapture.h"

#include "common/Error.h"
#include "enroll/ErrorBoundary.h"
#include "liveness/LivenessSession.h"
#include "vision/FrameSource.h"
#include "vision/VisionModels.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace fe::enroll {

struct LiveCapture::Impl
{
    Impl(const vision::VisionModels& models, Options o, Engines e)
        : options(std::move(o)), encoder(std::move(e.encoder)), pad(std::move(e.pad)),
          analyzer(models.landmarks, options.analyzer), session(*encoder, *pad, options.liveness),
          capture(*encoder)
    {}

    Options options;
    std::shared_ptr<vision::FaceEncoder> encoder;
    std::shared_ptr<vision::PadModel> pad;
    vision::FrameAnalyzer analyzer;
    liveness::LivenessSession session;
    liveness::CaptureSelector capture;
    std::optional<double> firstT;
    std::optional<double> finishedAt;
    std::optional<double> lastT;
};

LiveCapture::Engines LiveCapture::Engines::load(const vision::VisionModels& models)
{
    return detail::guarded("LiveCapture::Engines::load",
                           [&] { return Engines{models.makeEncoder(), models.makePad()}; });
}

LiveCapture::LiveCapture(const vision::VisionModels& models, Options options)
    : LiveCapture(models, std::move(options), Engines{})
{}

LiveCapture::LiveCapture(const vision::VisionModels& models, Options options, Engines engines)
    : m_d(detail::guarded("LiveCapture", [&] {
          return std::make_unique<Impl>(models, std::move(options),
                                        engines.valid() ? std::move(engines) : Engines::load(models));
      }))
{}

LiveCapture::~LiveCapture() = default;

LiveCapture::Step LiveCapture::feed(const cv::Mat& bgr, double timestampMs)
{
    return detail::guarded("LiveCapture::feed", [&] {
        Impl& d = *m_d;
        if (bgr.empty() || bgr.depth() != CV_8U ||
            (bgr.channels() != 1 && bgr.channels() != 3 && bgr.channels() != 4) ||
            bgr.cols < vision::kMinImageSide || bgr.rows < vision::kMinImageSide)
            throw Error(
                ErrorCode::InvalidArgument,
                QT_TRANSLATE_NOOP("fe::Error",
                                  "A live frame must be an 8-bit image of 1, 3 or 4 channels, at least "
                                  "%1x%1 px."),
                {std::to_string(vision::kMinImageSide)});
        if (!std::isfinite(timestampMs) || (d.lastT && timestampMs < *d.lastT))
            throw Error(
                ErrorCode::InvalidArgument,
                QT_TRANSLATE_NOOP("fe::Error",
                                  "Live frames must come in order: a timestamp went back in time or is "
                                  "not a number."));
        cv::Mat frame = bgr;
        if (bgr.channels() == 1)
            cv::cvtColor(bgr, frame, cv::COLOR_GRAY2BGR);
        else if (bgr.channels() == 4)
            cv::cvtColor(bgr, frame, cv::COLOR_BGRA2BGR);
        Step step;
        step.analysis = d.analyzer.analyze(frame, timestampMs);
        if (!d.firstT)
            d.firstT = timestampMs;
        d.lastT = timestampMs;
        step.elapsedMs = timestampMs - *d.firstT;
        d.capture.offer(frame, step.analysis);
        if (!d.finishedAt) {
            d.session.feed(frame, step.analysis);
            step.prompt = d.session.prompt();
            const bool windowOver = d.options.liveness.mode == liveness::Mode::Spontaneous &&
                                    step.elapsedMs >= d.options.spontaneousWindowMs;
            if (d.session.finished() || windowOver)
                d.finishedAt = timestampMs;
        }
        step.livenessFinished = d.finishedAt.has_value();
        step.done = done();
        return step;
    });
}

bool LiveCapture::done() const
{
    return m_d->finishedAt && m_d->lastT && *m_d->lastT - *m_d->finishedAt >= m_d->options.captureTailMs;
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
    return detail::guarded("LiveCapture::finish", [&] {
        LiveResult r;
        r.liveness = m_d->session.finish();
        r.portrait = m_d->capture.portrait(allowBelowGate);
        r.blockingGuidance = m_d->capture.blockingGuidance();
        return r;
    });
}

} // namespace fe::enroll
