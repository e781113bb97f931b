#include "liveness/LivenessSession.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "liveness/Challenge.h"
#include "liveness/MotionEvidence.h"
#include "vision/FaceEncoder.h"
#include "vision/PadModel.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <random>

namespace fe::liveness {
namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

std::vector<ChallengeKind> drawSequence(const LivenessOptions& o, std::mt19937_64& rng)
{
    if (!o.challenges.empty())
        return o.challenges;
    std::vector<ChallengeKind> pool = {ChallengeKind::Blink, ChallengeKind::TurnLeft, ChallengeKind::TurnRight};
    if (o.allowMouth)
        pool.push_back(ChallengeKind::OpenMouth);
    const int lo = std::clamp(o.minChallenges, 1, static_cast<int>(pool.size()));
    const int hi = std::clamp(o.maxChallenges, lo, static_cast<int>(pool.size()));
    const int n = std::uniform_int_distribution<int>(lo, hi)(rng);
    // Always one turn: it is the challenge that proves a 3D head.
    const ChallengeKind turn = std::uniform_int_distribution<int>(0, 1)(rng) == 0 ? ChallengeKind::TurnLeft
                                                                                  : ChallengeKind::TurnRight;
    std::vector<ChallengeKind> rest;
    for (auto k : pool) {
        if (k != turn)
            rest.push_back(k);
    }
    std::shuffle(rest.begin(), rest.end(), rng);
    std::vector<ChallengeKind> out = {turn};
    out.insert(out.end(), rest.begin(), rest.begin() + (n - 1));
    std::shuffle(out.begin(), out.end(), rng);
    return out;
}

double meanShift(const vision::Landmarks& a, const vision::Landmarks& b, double iod)
{
    double d = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        d += cv::norm(a[i] - b[i]);
    return iod > 1.0 ? d / static_cast<double>(a.size()) / iod : 0.0;
}

// EAR over the subject's open-eye baseline, as the quality measure reports it.
double eyeOpenness(const vision::FaceObservation& face)
{
    if (const auto* m = face.quality.find(vision::QualityMeasureId::EyesOpen))
        return m->value;
    constexpr double kPopulationOpenEar = 0.25; // EyeStateTracker's default baseline
    return face.ear / kPopulationOpenEar;
}

struct PendingEvidence
{
    std::string label;
    double timestampMs;
    cv::Mat small;
};

} // namespace

struct LivenessSession::Impl
{
    Impl(vision::FaceEncoder& e, vision::PadModel& p, LivenessOptions o)
        : encoder(e), pad(p), options(std::move(o)),
          rng(options.seed != 0 ? options.seed : std::random_device{}() ^ (std::uint64_t(std::random_device{}()) << 32))
    {
        sequence = drawSequence(options, rng);
    }

    vision::FaceEncoder& encoder;
    vision::PadModel& pad;
    LivenessOptions options;
    std::mt19937_64 rng;
    std::vector<ChallengeKind> sequence;

    // Stream state.
    bool started = false;
    double t0 = 0.0, tLast = 0.0;
    int frames = 0, oneFace = 0, severalFaceFrames = 0;
    double gapStart = -1.0;
    bool faceLost = false;
    std::optional<vision::FaceObservation> neutral;
    std::optional<vision::Landmarks> previous;
    std::vector<double> brightness;
    MotionEvidence motion;

    // Blinks validated against the rigid face.
    std::optional<vision::Landmarks> lastOpen;
    std::optional<vision::Landmarks> mostClosed;
    double mostClosedEar = 1e9;
    int blinks = 0;

    // Same face and passive PAD.
    vision::FaceTemplate first;
    double lastTemplateT = -1e18, lastPadT = -1e18;
    double minSimilarity = 1.0;
    bool templatesChecked = false;
    std::vector<double> padScores;
    cv::Mat lastFrame;
    vision::Landmarks lastLandmarks{};
    double lastFrameT = 0.0;

    // Challenges.
    std::size_t current = 0;
    std::unique_ptr<Challenge> active;
    double activeSince = 0.0;
    double activeProgress = 0.0;
    std::vector<ChallengeRecord> records;
    std::optional<Reason> challengeFailure;
    bool done = false;

    // Evidence (encoded at the end).
    std::vector<PendingEvidence> evidence;
    double maxAbsYaw = -1.0;
    std::optional<PendingEvidence> widestTurn;

    std::optional<LivenessResult> result;

    void keepEvidence(std::vector<PendingEvidence>& into, const std::string& label, const cv::Mat& bgr, double t)
    {
        if (bgr.empty() || static_cast<int>(into.size()) >= options.maxEvidenceFrames)
            return;
        into.push_back({label, t, shrink(bgr)});
    }

    cv::Mat shrink(const cv::Mat& bgr) const
    {
        cv::Mat small;
        const double s = std::min(1.0, static_cast<double>(options.evidenceWidth) / bgr.cols);
        cv::resize(bgr, small, cv::Size(), s, s, cv::INTER_AREA);
        return small;
    }

    void sampleTemplate(const cv::Mat& bgr, const vision::Landmarks& lm)
    {
        const vision::FaceTemplate t = encoder.encode(bgr, lm);
        templatesChecked = true;
        if (first.empty())
            first = t;
        else
            minSimilarity = std::min(minSimilarity, static_cast<double>(vision::cosineSimilarity(first, t)));
    }

    void feed(const cv::Mat& bgr, const vision::FrameAnalysis& a);
    void advanceChallenges(const cv::Mat& bgr, const vision::FaceObservation& face, double t, bool validBlink,
                           double openness);
    LivenessResult decide();
};

void LivenessSession::Impl::feed(const cv::Mat& bgr, const vision::FrameAnalysis& a)
{
    if (result)
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "The liveness session has already finished."));
    const double t = a.timestampMs;
    if (!started) {
        started = true;
        t0 = t;
    }
    tLast = t;
    ++frames;
    if (a.faces.size() > 1)
        ++severalFaceFrames;
    if (a.faces.size() != 1) {
        if (gapStart < 0.0)
            gapStart = t;
        if (neutral && t - gapStart > options.maxFaceGapMs)
            faceLost = true;
        previous.reset();
        lastOpen.reset();
        mostClosed.reset();
    } else {
        gapStart = -1.0;
        ++oneFace;
        const vision::FaceObservation& face = a.faces.front();
        if (!neutral) {
            neutral = face;
            keepEvidence(evidence, "start", bgr, t);
        }
        motion.add(face, t);
        if (const auto* e = face.quality.find(vision::QualityMeasureId::Exposure))
            brightness.push_back(e->value);

        // Blink validation: the lids of the most closed frame against the last open frame.
        bool validBlink = false;
        if (face.eyesClosed) {
            if (face.ear < mostClosedEar) {
                mostClosedEar = face.ear;
                mostClosed = face.landmarks;
            }
        } else if (!a.blinkCompleted) {
            lastOpen = face.landmarks;
            mostClosed.reset();
            mostClosedEar = 1e9;
        }
        if (a.blinkCompleted && lastOpen && mostClosed) {
            const double closure = MotionEvidence::lidClosure(*lastOpen, *mostClosed);
            validBlink = closure <= options.blinkMaxLidClosure;
            qCDebug(lcLiveness) << "blink at" << t << "ms, lid closure" << closure << (validBlink ? "valid" : "rejected");
            if (validBlink) {
                ++blinks;
                if (options.mode == Mode::Spontaneous && blinks == 1)
                    keepEvidence(evidence, "blink", bgr, t);
            }
            lastOpen = face.landmarks;
            mostClosed.reset();
            mostClosedEar = 1e9;
        }

        // Same face and passive PAD, sampled.
        const bool jumped = previous && meanShift(*previous, face.landmarks, face.interEyeDistance) > options.jumpIod;
        previous = face.landmarks;
        if (!bgr.empty()) {
            if (jumped || t - lastTemplateT >= options.templateIntervalMs) {
                sampleTemplate(bgr, face.landmarks);
                lastTemplateT = t;
            }
            if (t - lastPadT >= options.padIntervalMs) {
                padScores.push_back(pad.liveProbability(bgr, face.landmarks));
                lastPadT = t;
            }
            // A copy into one reused buffer (no allocation once sized): the caller's buffer
            // may hold a later frame by the time finish() encodes this one.
            bgr.copyTo(lastFrame);
            lastLandmarks = face.landmarks;
            lastFrameT = t;
            if (options.mode == Mode::Spontaneous && face.pose.valid &&
                std::abs(face.pose.yaw - neutral->pose.yaw) > maxAbsYaw) {
                maxAbsYaw = std::abs(face.pose.yaw - neutral->pose.yaw);
                widestTurn = PendingEvidence{"turn", t, shrink(bgr)};
            }
        }
        if (options.mode == Mode::Challenge)
            advanceChallenges(bgr, face, t, validBlink, eyeOpenness(face));
    }
    if (options.mode == Mode::Challenge && !done && t - t0 > options.sessionTimeoutMs) {
        challengeFailure = Reason::SessionTimeout;
        done = true;
    }
}

void LivenessSession::Impl::advanceChallenges(const cv::Mat& bgr, const vision::FaceObservation& face, double t,
                                              bool validBlink, double openness)
{
    if (done)
        return;
    if (!active) {
        if (current >= sequence.size()) {
            done = true;
            return;
        }
        active = Challenge::create(sequence[current], options);
        active->start(face, *neutral, t);
        activeSince = t;
        activeProgress = 0.0;
        qCDebug(lcLiveness) << "prompt" << challengeKey(sequence[current]).data() << "at" << t << "ms";
        return;
    }
    const ChallengeStep step = active->update({face, t, validBlink, openness});
    activeProgress = step.progress;
    if (step.met) {
        records.push_back(active->record());
        keepEvidence(evidence, std::string(challengeKey(active->kind())), bgr, t);
        active.reset();
        ++current;
        done = current >= sequence.size();
    } else if (step.failure) {
        records.push_back(active->record());
        challengeFailure = step.failure;
        active.reset();
        done = true;
    } else if (t - activeSince > options.challengeTimeoutMs) {
        records.push_back(active->record());
        challengeFailure = Reason::ChallengeTimeout;
        active.reset();
        done = true;
    }
}

LivenessResult LivenessSession::Impl::decide()
{
    LivenessResult r;
    r.mode = options.mode;
    r.frames = frames;
    r.framesWithOneFace = oneFace;
    r.durationMs = started ? tLast - t0 : 0.0;
    r.blinks = blinks;
    r.yawMin = motion.yawMin();
    r.yawMax = motion.yawMax();
    r.nonPlanarity = motion.rigidNonPlanarity();
    r.mouthRange = motion.mouthRange();
    r.noseRange = motion.noseRange();
    r.challenges = records;
    if (active) {
        // Unfinished at the end of the stream.
        r.challenges.push_back(active->record());
        if (!challengeFailure)
            challengeFailure = Reason::ChallengeTimeout;
    }
    if (options.mode == Mode::Challenge) {
        for (std::size_t i = r.challenges.size(); i < sequence.size(); ++i) {
            ChallengeRecord never;
            never.kind = sequence[i];
            r.challenges.push_back(never);
        }
    }

    // The end of the stream is sampled too, so that a swap in the last second is seen.
    if (!lastFrame.empty() && lastFrameT > lastTemplateT)
        sampleTemplate(lastFrame, lastLandmarks);
    r.sameFaceScore = minSimilarity;
    r.passiveSamples = static_cast<int>(padScores.size());
    r.passiveScore = median(padScores);

    std::vector<Reason> spoof, inconclusive;
    if (oneFace == 0)
        inconclusive.push_back(Reason::NoFace);
    if (faceLost)
        inconclusive.push_back(Reason::FaceLost);
    if (severalFaceFrames > options.maxSeveralFaceFrames)
        inconclusive.push_back(Reason::SeveralFaces);
    if (!brightness.empty() && median(brightness) < options.minFaceBrightness)
        inconclusive.push_back(Reason::TooDark);
    if (templatesChecked && minSimilarity < options.sameFaceThreshold)
        spoof.push_back(Reason::FaceChanged);
    if (r.passiveSamples >= options.padMinSamples && r.passiveScore < options.padSpoofThreshold)
        spoof.push_back(Reason::PassiveScoreLow);

    if (options.mode == Mode::Challenge) {
        if (challengeFailure) {
            (*challengeFailure == Reason::FlatMotion ? spoof : inconclusive).push_back(*challengeFailure);
        } else if (current < sequence.size()) {
            inconclusive.push_back(Reason::ChallengeTimeout);
        }
    } else if (oneFace > 0 && blinks == 0) {
        const bool rigid3d = motion.rigidNonPlanarity() >= options.spontaneousMinRigidNonPlanarity;
        const bool mouth = motion.mouthRange() >= options.spontaneousMinMouthRange;
        const bool nose = motion.noseRange() >= options.spontaneousMinNoseRange;
        const int kinds = int(rigid3d) + int(mouth) + int(nose);
        if (kinds < 2) {
            if (kinds == 0)
                spoof.push_back(Reason::FlatMotion);
            inconclusive.push_back(Reason::NoBlink);
            if (!rigid3d && !nose)
                inconclusive.push_back(Reason::NoHeadMotion);
        }
    }

    r.reasons = spoof;
    r.reasons.insert(r.reasons.end(), inconclusive.begin(), inconclusive.end());
    r.verdict = !spoof.empty() ? Verdict::Spoof : !inconclusive.empty() ? Verdict::Inconclusive : Verdict::Live;

    if (options.mode == Mode::Spontaneous && widestTurn && static_cast<int>(evidence.size()) < options.maxEvidenceFrames)
        evidence.push_back(*widestTurn);
    const std::vector<int> jpegParams = {cv::IMWRITE_JPEG_QUALITY, 80};
    for (const auto& e : evidence) {
        EvidenceFrame f;
        f.label = e.label;
        f.timestampMs = e.timestampMs;
        if (!cv::imencode(".jpg", e.small, f.jpeg, jpegParams) || f.jpeg.empty())
            throw Error(ErrorCode::Internal,
                        QT_TRANSLATE_NOOP("fe::Error", "A liveness evidence frame could not be encoded as JPEG."));
        r.evidence.push_back(std::move(f));
    }
    return r;
}

LivenessSession::LivenessSession(vision::FaceEncoder& encoder, vision::PadModel& pad, LivenessOptions options)
    : m_d(std::make_unique<Impl>(encoder, pad, std::move(options)))
{
}

LivenessSession::~LivenessSession() = default;

void LivenessSession::feed(const cv::Mat& bgr, const vision::FrameAnalysis& analysis)
{
    m_d->feed(bgr, analysis);
}

std::optional<Prompt> LivenessSession::prompt() const
{
    const Impl& d = *m_d;
    if (d.options.mode != Mode::Challenge || d.done || !d.active)
        return std::nullopt;
    Prompt p;
    p.kind = d.sequence[d.current];
    p.index = static_cast<int>(d.current);
    p.total = static_cast<int>(d.sequence.size());
    p.progress = d.activeProgress;
    p.secondsLeft = std::max(0.0, (d.options.challengeTimeoutMs - (d.tLast - d.activeSince)) / 1000.0);
    return p;
}

bool LivenessSession::finished() const
{
    return m_d->done || m_d->result.has_value();
}

const std::vector<ChallengeKind>& LivenessSession::sequence() const
{
    return m_d->sequence;
}

const LivenessOptions& LivenessSession::options() const
{
    return m_d->options;
}

LivenessResult LivenessSession::finish()
{
    if (!m_d->result)
        m_d->result = m_d->decide();
    return *m_d->result;
}

} // namespace fe::liveness
