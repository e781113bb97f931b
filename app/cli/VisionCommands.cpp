// analyze, embed, match and bench: the vision core, headless.
#include "CliSupport.h"
#include "Commands.h"
#include "JsonFormat.h"
#include "common/Error.h"
#include "liveness/CaptureSelector.h"
#include "liveness/LivenessSession.h"
#include "match/MatchPolicy.h"
#include "vision/BestShotSelector.h"
#include "vision/FaceGeometry.h"
#include "vision/FrameAnalyzer.h"
#include "vision/FrameSource.h"
#include "vision/ImageReader.h"
#include "vision/VisionModels.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cmath>
#include <ctime>

namespace fe::cli {
namespace {

using vision::AnalyzerOptions;
using vision::FrameAnalyzer;
using vision::FrameSource;

const QString kQualityProfile = QStringLiteral("quality-profile");

QCommandLineOption profileOption()
{
    return {kQualityProfile, tr("Quality profile: icao, default or lowres (default: default)."), QStringLiteral("NAME"),
            QStringLiteral("default")};
}

vision::VisionModels loadModels()
{
    return vision::VisionModels::load(assetResolver());
}

AnalyzerOptions analyzerOptions(const QCommandLineParser& parser)
{
    AnalyzerOptions options;
    options.profile = vision::QualityProfile::byName(parser.value(kQualityProfile).toStdString());
    return options;
}

std::filesystem::path pathArg(const QString& arg)
{
    return std::filesystem::path(arg.toStdString());
}

// The face to encode from an input: the primary face of a still image, or the best-quality
// frame of a video. Throws fe::Error(NoFace) when there is none.
vision::BestShotSelector::Shot bestShot(const QString& input, const vision::VisionModels& models,
                                        const AnalyzerOptions& options, std::int64_t maxFrames)
{
    vision::SourceOptions sourceOptions;
    sourceOptions.maxFrames = maxFrames;
    auto source = FrameSource::open(pathArg(input), sourceOptions);
    FrameAnalyzer analyzer(models.landmarks, options);
    vision::BestShotSelector selector;
    vision::Frame frame;
    while (source->next(frame)) {
        if (source->independentFrames())
            analyzer.reset(); // a folder's photos are unrelated: no track carries over
        const auto analysis = analyzer.analyze(frame.bgr, frame.timestampMs);
        if (!selector.offer(frame.bgr, analysis) && source->isStill() && !analysis.faces.empty()) {
            // A still with several faces: take the largest (the analyzer's primary).
            vision::FrameAnalysis largest = analysis;
            largest.faces.resize(1);
            selector.offer(frame.bgr, largest);
        }
    }
    if (!selector.best())
        throw Error(ErrorCode::NoFace, QT_TRANSLATE_NOOP("fe::Error", "No face was found in %1."), {input.toStdString()});
    return *selector.best();
}

// Per-frame lines and the summary's counts.
struct AnalyzeTally
{
    std::vector<double> times;
    std::int64_t frames = 0, withFace = 0, oneFace = 0, unreadable = 0;
    int blinks = 0;

    void add(const vision::FrameAnalysis& analysis, QJsonObject line, double decodeScale)
    {
        if (decodeScale < 1.0)
            line.insert(QStringLiteral("decode_scale"), rounded(decodeScale, 6));
        printJson(line);
        times.push_back(analysis.timings.totalMs);
        ++frames;
        withFace += analysis.faces.empty() ? 0 : 1;
        oneFace += analysis.faces.size() == 1 ? 1 : 0;
    }

    QJsonObject summary() const
    {
        double sum = 0.0;
        for (double t : times)
            sum += t;
        return {
            {QStringLiteral("frames"), static_cast<qint64>(frames)},
            {QStringLiteral("frames_with_face"), static_cast<qint64>(withFace)},
            {QStringLiteral("frames_with_one_face"), static_cast<qint64>(oneFace)},
            {QStringLiteral("blinks"), blinks},
            {QStringLiteral("mean_ms"), rounded(frames > 0 ? sum / static_cast<double>(frames) : 0.0, 3)},
            {QStringLiteral("p95_ms"), rounded(percentile(times, 0.95), 3)},
        };
    }
};

// A folder is a set of unrelated photos: each is read and analysed on its own (a fresh track,
// eye baseline and blink count), each line names its file, and a photo that cannot be read
// is reported on its line and counted instead of ending the run.
void analyzeFolder(const std::filesystem::path& folder, const vision::SourceOptions& sourceOptions, FrameAnalyzer& analyzer,
                   AnalyzeTally& tally)
{
    const auto files = vision::listImageFiles(folder);
    std::int64_t index = 0;
    for (const auto& file : files) {
        if (sourceOptions.maxFrames >= 0 && index >= sourceOptions.maxFrames)
            break;
        const QString name = QString::fromStdString(file.filename().string());
        vision::DecodedImage image;
        try {
            image = vision::decodeImage(file);
        } catch (const Error& e) {
            printJson({{QStringLiteral("frame"), static_cast<qint64>(index)},
                       {QStringLiteral("file"), name},
                       {QStringLiteral("error"), errorText(e)}});
            ++tally.unreadable;
            ++index;
            continue;
        }
        if (!sourceOptions.resize.empty())
            cv::resize(image.bgr, image.bgr, sourceOptions.resize, 0, 0, cv::INTER_LINEAR);
        analyzer.reset();
        const auto analysis = analyzer.analyze(image.bgr, 0.0);
        QJsonObject line = toJson(analysis);
        line.insert(QStringLiteral("frame"), static_cast<qint64>(index));
        line.insert(QStringLiteral("file"), name);
        tally.add(analysis, line, image.scale);
        ++index;
    }
}

int runAnalyze(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("INPUT"), tr("A video, an image or a folder of images."));
    parser.addOption({QStringLiteral("max-frames"), tr("Stop after N frames."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("resize"), tr("Scale frames to WxH first."), QStringLiteral("WxH")});
    parser.addOption(profileOption());
    parseOrThrow(parser, args, 1, 1);

    vision::SourceOptions sourceOptions;
    sourceOptions.maxFrames = intOption(parser, QStringLiteral("max-frames"), -1, 1, 100'000'000);
    const Size resize = sizeOption(parser, QStringLiteral("resize"));
    sourceOptions.resize = cv::Size(resize.width, resize.height);
    const AnalyzerOptions options = analyzerOptions(parser);
    const auto input = pathArg(parser.positionalArguments().first());
    std::error_code ec;
    const bool folder = std::filesystem::is_directory(input, ec);
    // Open (and so check) the input before the models load: bad input fails fast.
    std::unique_ptr<FrameSource> source;
    if (folder)
        (void)vision::listImageFiles(input);
    else
        source = FrameSource::open(input, sourceOptions);
    const auto models = loadModels();
    FrameAnalyzer analyzer(models.landmarks, options);

    AnalyzeTally tally;
    if (folder) {
        analyzeFolder(input, sourceOptions, analyzer, tally);
    } else {
        vision::Frame frame;
        while (source->next(frame)) {
            const auto analysis = analyzer.analyze(frame.bgr, frame.timestampMs);
            tally.add(analysis, toJson(analysis), frame.decodeScale);
            tally.blinks = analysis.blinkCount;
        }
    }
    QJsonObject summary = tally.summary();
    if (folder) {
        // Blinks need a sequence; a folder has none.
        summary.remove(QStringLiteral("blinks"));
        summary.insert(QStringLiteral("files"), static_cast<qint64>(tally.frames + tally.unreadable));
        summary.insert(QStringLiteral("unreadable"), static_cast<qint64>(tally.unreadable));
    }
    summary.insert(QStringLiteral("quality_profile"), QString::fromStdString(options.profile.name));
    printSummary(summary);
    return 0;
}

int runEmbed(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("IMAGE"), tr("An image with one face."));
    parser.addOption(profileOption());
    parseOrThrow(parser, args, 1, 1);
    const AnalyzerOptions options = analyzerOptions(parser);
    const QString input = parser.positionalArguments().first();
    const auto image = vision::readImage(pathArg(input));
    const auto models = loadModels();
    FrameAnalyzer analyzer(models.landmarks, options);
    const auto analysis = analyzer.analyze(image, 0.0);
    if (analysis.faces.empty())
        throw Error(ErrorCode::NoFace, QT_TRANSLATE_NOOP("fe::Error", "No face was found in %1."), {input.toStdString()});
    const auto& face = analysis.faces.front();
    auto encoder = models.makeEncoder();
    const auto tmpl = encoder->encode(image, face.landmarks);
    printSummary({
        {QStringLiteral("template"), toJson(tmpl)},
        {QStringLiteral("model"), QString::fromStdString(tmpl.modelId)},
        {QStringLiteral("dimension"), static_cast<int>(tmpl.values.size())},
        {QStringLiteral("face_count"), static_cast<int>(analysis.faces.size())},
        {QStringLiteral("quality"), toJson(face.quality)},
        {QStringLiteral("guidance"), QString::fromLatin1(vision::guidanceKey(analysis.guidance).data())},
    });
    return 0;
}

int runMatch(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("A"), tr("An image or a video (its best-quality frame is used)."));
    parser.addPositionalArgument(QStringLiteral("B"), tr("An image or a video."));
    parser.addOption({QStringLiteral("purpose"),
                      tr("document (1:1 against an ID photo, the default) or duplicate (as one comparison of the 1:N search)."),
                      QStringLiteral("PURPOSE"), QStringLiteral("document")});
    parser.addOption({QStringLiteral("gallery-size"),
                      tr("For --purpose duplicate: the gallery size the threshold is chosen for (default 1000)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("threshold"), tr("A fixed decision threshold on the cosine similarity instead."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("max-frames"), tr("Read at most N frames of a video."), QStringLiteral("N")});
    parser.addOption(profileOption());
    parseOrThrow(parser, args, 2, 2);
    const QString purpose = parser.value(QStringLiteral("purpose"));
    if (purpose != QLatin1String("document") && purpose != QLatin1String("duplicate"))
        throw UsageError(tr("--purpose takes document or duplicate"));
    const bool duplicate = purpose == QLatin1String("duplicate");
    if (parser.isSet(QStringLiteral("gallery-size")) && !duplicate)
        throw UsageError(tr("--gallery-size goes with --purpose duplicate"));
    // The station's rule, as enrollment applies it (default settings).
    const match::MatchPolicy policy;
    const std::size_t gallerySize =
        static_cast<std::size_t>(intOption(parser, QStringLiteral("gallery-size"), 1000, 1, 1'000'000'000));
    match::ThresholdChoice choice = duplicate ? policy.duplicateThreshold(gallerySize) : policy.documentChoice();
    if (parser.isSet(QStringLiteral("threshold"))) {
        choice.threshold = doubleOption(parser, QStringLiteral("threshold"), choice.threshold, -1.0, 1.0);
        choice.fromSetting = true;
        choice.extrapolated = choice.atFloor = false;
    }
    const std::int64_t maxFrames = intOption(parser, QStringLiteral("max-frames"), -1, 1, 100'000'000);
    const AnalyzerOptions options = analyzerOptions(parser);
    const auto models = loadModels();
    auto encoder = models.makeEncoder();
    const QStringList inputs = parser.positionalArguments();
    std::vector<vision::FaceTemplate> templates;
    for (int i = 0; i < 2; ++i) {
        const auto shot = bestShot(inputs[i], models, options, maxFrames);
        templates.push_back(encoder->encode(shot.bgr, shot.face.landmarks));
        printJson({{QStringLiteral("input"), i == 0 ? QStringLiteral("a") : QStringLiteral("b")},
                   {QStringLiteral("frame"), static_cast<qint64>(shot.frameIndex)},
                   {QStringLiteral("quality"), toJson(shot.face.quality)}});
    }
    const double score = vision::cosineSimilarity(templates[0], templates[1]);
    QJsonObject summary{
        {QStringLiteral("score"), rounded(score, 4)},
        {QStringLiteral("purpose"), purpose},
        {QStringLiteral("threshold"), rounded(choice.threshold, 4)},
        {QStringLiteral("threshold_bound_95"), choice.fromSetting ? QJsonValue() : QJsonValue(rounded(choice.bound, 4))},
        {QStringLiteral("target_fmr"), choice.fromSetting ? QJsonValue() : QJsonValue(choice.targetFmr)},
        {QStringLiteral("extrapolated"), choice.extrapolated},
        {QStringLiteral("at_floor"), choice.atFloor},
        {QStringLiteral("fixed_threshold"), choice.fromSetting},
        {QStringLiteral("decision"), score >= choice.threshold ? QStringLiteral("match") : QStringLiteral("non-match")},
        {QStringLiteral("model"), QString::fromStdString(templates[0].modelId)},
    };
    if (duplicate) {
        summary.insert(QStringLiteral("gallery_size"), static_cast<qint64>(gallerySize));
        summary.insert(QStringLiteral("expected_false_flags_per_1000"), policy.expectedFalseFlagsPer1000(choice.threshold, gallerySize));
    }
    printSummary(summary);
    return 0;
}

// Processor time of this process in ms: the bench runs one thread, so on a shared machine
// this is the figure that does not grow with the other jobs' load.
double cpuMs()
{
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// Wrappers that time the two inferences liveness samples (the face template and passive
// PAD), in processor time, so the bench can say what a liveness frame's cost is made of.
struct InferenceClock
{
    int calls = 0;
    double ms = 0.0;
    template <typename F> auto time(F&& f)
    {
        const double t = cpuMs();
        auto r = f();
        ms += cpuMs() - t;
        ++calls;
        return r;
    }
};

class TimedEncoder final : public vision::FaceEncoder
{
public:
    explicit TimedEncoder(std::unique_ptr<vision::FaceEncoder> inner) : m_inner(std::move(inner)) {}
    vision::FaceTemplate encode(const cv::Mat& bgr, const vision::Landmarks& lm) override
    {
        return clock.time([&] { return m_inner->encode(bgr, lm); });
    }
    vision::FaceTemplate encodeAligned(const cv::Mat& aligned) override
    {
        return clock.time([&] { return m_inner->encodeAligned(aligned); });
    }
    std::string modelId() const override { return m_inner->modelId(); }
    std::string modelVersion() const override { return m_inner->modelVersion(); }
    int dimension() const override { return m_inner->dimension(); }
    InferenceClock clock;

private:
    std::unique_ptr<vision::FaceEncoder> m_inner;
};

class TimedPad final : public vision::PadModel
{
public:
    explicit TimedPad(std::unique_ptr<vision::PadModel> inner) : m_inner(std::move(inner)) {}
    double liveProbability(const cv::Mat& bgr, const vision::Landmarks& lm) override
    {
        return clock.time([&] { return m_inner->liveProbability(bgr, lm); });
    }
    InferenceClock clock;

private:
    std::unique_ptr<vision::PadModel> m_inner;
};

struct RunStats
{
    double oursFps = 0, naiveFps = 0, speedup = 0, diffIod = 0, p95 = 0, naiveP95 = 0;
    double detectMs = 0, landmarksMs = 0, poseMs = 0, qualityMs = 0, totalMs = 0, naiveTotalMs = 0;
    double livenessMeanMs = 0, livenessP95Ms = 0, captureFinishMs = 0;
    // Per frame, over the whole run: the template and PAD inferences, and the rest.
    double oursCpuMs = 0, naiveCpuMs = 0; // processor time per frame, mean
    double livenessCpuMs = 0, templateMs = 0, padMs = 0, otherMs = 0, templateCalls = 0, padCalls = 0;
    std::int64_t compared = 0;
};

double median(std::vector<double> v)
{
    return percentile(std::move(v), 0.5);
}

int runBench(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("INPUT"), tr("A video or image folder."));
    parser.addOption({QStringLiteral("frames"), tr("Frames to use (default 480)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("resize"), tr("Scale frames to WxH first."), QStringLiteral("WxH")});
    parser.addOption({QStringLiteral("runs"), tr("Repetitions; medians are reported (default 3)."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("liveness-only"),
                      tr("Skip the naive baseline: analysis and liveness only (for profilers such as callgrind).")});
    parser.addOption(profileOption());
    parseOrThrow(parser, args, 1, 1);
    const bool livenessOnly = parser.isSet(QStringLiteral("liveness-only"));
    vision::SourceOptions sourceOptions;
    sourceOptions.maxFrames = intOption(parser, QStringLiteral("frames"), 480, 1, 100'000);
    const Size resize = sizeOption(parser, QStringLiteral("resize"));
    sourceOptions.resize = cv::Size(resize.width, resize.height);
    const int runs = intOption(parser, QStringLiteral("runs"), 3, 1, 50);
    const AnalyzerOptions options = analyzerOptions(parser);

    // One thread, and decoding outside the timed loop: only analysis is measured.
    cv::setNumThreads(1);
    auto source = FrameSource::open(pathArg(parser.positionalArguments().first()), sourceOptions);
    std::vector<vision::Frame> frames;
    vision::Frame frame;
    while (source->next(frame)) {
        frame.bgr = frame.bgr.clone();
        frames.push_back(frame);
    }
    const auto models = loadModels();
    // The naive baseline also uses dlib's own shape predictor, as shipped.
    const auto reference =
        livenessOnly ? models.landmarks : vision::LandmarkModel::loadDlibReference(assetResolver().path(Asset::LandmarkModel));

    std::vector<RunStats> stats;
    for (int run = 0; run < runs; ++run) {
        using Clock = std::chrono::steady_clock;
        AnalyzerOptions naiveOptions = options;
        naiveOptions.tracking = false;
        FrameAnalyzer ours(models.landmarks, options);
        FrameAnalyzer naive(reference, naiveOptions);
        std::vector<double> oursMs, naiveMs, detect, lms, pose, quality;
        std::vector<vision::FrameAnalysis> oursResults;
        oursResults.reserve(frames.size());
        const double oursCpuStart = cpuMs();
        for (const auto& f : frames) {
            const auto t = Clock::now();
            oursResults.push_back(ours.analyze(f.bgr, f.timestampMs));
            oursMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
            const auto& tm = oursResults.back().timings;
            detect.push_back(tm.detectMs);
            lms.push_back(tm.landmarksMs);
            pose.push_back(tm.poseMs);
            quality.push_back(tm.qualityMs);
        }
        RunStats s;
        s.oursCpuMs = cpuMs() - oursCpuStart;
        // Liveness and capture on top of the analysis: only their own time is counted.
        {
            TimedEncoder encoder(models.makeEncoder());
            TimedPad pad(models.makePad());
            liveness::LivenessOptions lo;
            lo.mode = liveness::Mode::Spontaneous;
            liveness::LivenessSession session(encoder, pad, lo);
            liveness::CaptureSelector capture(encoder);
            std::vector<double> extra;
            double extraSum = 0.0;
            const double cpuStart = cpuMs();
            for (std::size_t i = 0; i < frames.size(); ++i) {
                const auto t = Clock::now();
                session.feed(frames[i].bgr, oursResults[i]);
                capture.offer(frames[i].bgr, oursResults[i]);
                extra.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
                extraSum += extra.back();
            }
            const double cpuLoop = cpuMs() - cpuStart;
            const InferenceClock encoderInLoop = encoder.clock;
            encoder.clock = {};
            const auto t = Clock::now();
            (void)session.finish();
            (void)capture.portrait(true);
            s.captureFinishMs = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
            const double perFrame = frames.empty() ? 0.0 : 1.0 / static_cast<double>(frames.size());
            s.livenessMeanMs = extraSum * perFrame;
            // finish() encodes once more; the per-frame shares count the feeding loop only.
            s.templateCalls = encoderInLoop.calls;
            s.padCalls = pad.clock.calls;
            s.templateMs = encoderInLoop.ms * perFrame;
            s.padMs = pad.clock.ms * perFrame;
            s.livenessCpuMs = cpuLoop * perFrame;
            s.otherMs = s.livenessCpuMs - s.templateMs - s.padMs;
            s.livenessP95Ms = percentile(extra, 0.95);
        }
        double diffSum = 0.0;
        double naiveCpu = 0.0;
        for (std::size_t i = 0; i < (livenessOnly ? 0 : frames.size()); ++i) {
            const double c = cpuMs();
            const auto t = Clock::now();
            const auto n = naive.analyze(frames[i].bgr, frames[i].timestampMs);
            naiveCpu += cpuMs() - c;
            naiveMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
            const auto* a = oursResults[i].primary();
            const auto* b = n.primary();
            if (a != nullptr && b != nullptr && b->interEyeDistance > 1.0) {
                double d = 0.0;
                for (std::size_t k = 0; k < a->landmarks.size(); ++k)
                    d += cv::norm(a->landmarks[k] - b->landmarks[k]);
                diffSum += d / static_cast<double>(a->landmarks.size()) / b->interEyeDistance;
                ++s.compared;
            }
        }
        double oursSum = 0.0, naiveSum = 0.0;
        for (double v : oursMs)
            oursSum += v;
        for (double v : naiveMs)
            naiveSum += v;
        const auto n = static_cast<double>(frames.size());
        s.oursCpuMs /= n;
        s.naiveCpuMs = naiveCpu / n;
        s.oursFps = oursSum > 0 ? 1000.0 * n / oursSum : 0.0;
        s.naiveFps = naiveSum > 0 ? 1000.0 * n / naiveSum : 0.0;
        s.speedup = s.naiveFps > 0 ? s.oursFps / s.naiveFps : 0.0;
        s.diffIod = s.compared > 0 ? diffSum / static_cast<double>(s.compared) : 0.0;
        s.p95 = percentile(oursMs, 0.95);
        s.naiveP95 = percentile(naiveMs, 0.95);
        s.detectMs = median(detect);
        s.landmarksMs = median(lms);
        s.poseMs = median(pose);
        s.qualityMs = median(quality);
        s.totalMs = median(oursMs);
        s.naiveTotalMs = median(naiveMs);
        printJson({{QStringLiteral("run"), run + 1},
                   {QStringLiteral("ours_fps"), rounded(s.oursFps, 1)},
                   {QStringLiteral("naive_fps"), rounded(s.naiveFps, 1)},
                   {QStringLiteral("speedup"), rounded(s.speedup, 2)},
                   {QStringLiteral("landmark_diff_iod"), rounded(s.diffIod, 4)},
                   {QStringLiteral("p95_ms"), rounded(s.p95, 2)},
                   {QStringLiteral("liveness_mean_ms"), rounded(s.livenessMeanMs, 3)},
                   {QStringLiteral("liveness_cpu_mean_ms"), rounded(s.livenessCpuMs, 3)}});
        stats.push_back(s);
    }
    const auto med = [&](double RunStats::*field) {
        std::vector<double> v;
        for (const auto& s : stats)
            v.push_back(s.*field);
        return median(v);
    };
    printSummary({
        {QStringLiteral("frames"), static_cast<qint64>(frames.size())},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("frame_size"), QStringLiteral("%1x%2").arg(frames.empty() ? 0 : frames[0].bgr.cols)
                                           .arg(frames.empty() ? 0 : frames[0].bgr.rows)},
        {QStringLiteral("ours_fps"), rounded(med(&RunStats::oursFps), 1)},
        {QStringLiteral("naive_fps"), rounded(med(&RunStats::naiveFps), 1)},
        {QStringLiteral("speedup"), rounded(med(&RunStats::speedup), 2)},
        {QStringLiteral("landmark_diff_iod"), rounded(med(&RunStats::diffIod), 4)},
        {QStringLiteral("frames_compared"), static_cast<qint64>(stats.front().compared)},
        {QStringLiteral("p95_ms"), rounded(med(&RunStats::p95), 2)},
        {QStringLiteral("naive_p95_ms"), rounded(med(&RunStats::naiveP95), 2)},
        {QStringLiteral("cpu_ms_per_frame"),
         QJsonObject{{QStringLiteral("ours"), rounded(med(&RunStats::oursCpuMs), 3)},
                     {QStringLiteral("naive"), rounded(med(&RunStats::naiveCpuMs), 3)}}},
        {QStringLiteral("median_ms"),
         QJsonObject{{QStringLiteral("detect"), rounded(med(&RunStats::detectMs), 3)},
                     {QStringLiteral("landmarks"), rounded(med(&RunStats::landmarksMs), 3)},
                     {QStringLiteral("pose_eyes"), rounded(med(&RunStats::poseMs), 3)},
                     {QStringLiteral("quality"), rounded(med(&RunStats::qualityMs), 3)},
                     {QStringLiteral("total"), rounded(med(&RunStats::totalMs), 3)},
                     {QStringLiteral("naive_total"), rounded(med(&RunStats::naiveTotalMs), 3)}}},
        {QStringLiteral("liveness_ms"),
         QJsonObject{{QStringLiteral("mean_per_frame"), rounded(med(&RunStats::livenessMeanMs), 3)},
                     {QStringLiteral("p95_per_frame"), rounded(med(&RunStats::livenessP95Ms), 3)},
                     {QStringLiteral("finish_once"), rounded(med(&RunStats::captureFinishMs), 3)},
                     {QStringLiteral("cpu_mean_per_frame"), rounded(med(&RunStats::livenessCpuMs), 3)},
                     {QStringLiteral("template_per_frame"), rounded(med(&RunStats::templateMs), 3)},
                     {QStringLiteral("pad_per_frame"), rounded(med(&RunStats::padMs), 3)},
                     {QStringLiteral("other_per_frame"), rounded(med(&RunStats::otherMs), 3)},
                     {QStringLiteral("template_calls"), med(&RunStats::templateCalls)},
                     {QStringLiteral("pad_calls"), med(&RunStats::padCalls)}}},
        {QStringLiteral("threads"), 1},
    });
    return 0;
}

} // namespace

void registerVisionCommands(CommandTable& table)
{
    table[QStringLiteral("analyze")] = {runAnalyze, QT_TRANSLATE_NOOP("cli", "INPUT [--max-frames N] [--resize WxH] [--quality-profile NAME]  per-frame face analysis")};
    table[QStringLiteral("embed")] = {runEmbed, QT_TRANSLATE_NOOP("cli", "IMAGE [--quality-profile NAME]  face template of an image")};
    table[QStringLiteral("match")] = {runMatch, QT_TRANSLATE_NOOP("cli", "A B [--purpose document|duplicate] [--gallery-size N] [--threshold T]  compare the faces of two images or videos under the station's rule")};
    table[QStringLiteral("bench")] = {runBench, QT_TRANSLATE_NOOP("cli", "INPUT [--frames N] [--resize WxH] [--runs R]  tracked pipeline vs naive baseline")};
}

} // namespace fe::cli
