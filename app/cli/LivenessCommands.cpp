// liveness: a live session (challenge or spontaneous) and the best-shot portrait, headless.
#include "CliSupport.h"
#include "ExportFile.h"
#include "Commands.h"
#include "JsonFormat.h"
#include "LiveOptions.h"
#include "common/Error.h"
#include "enroll/LiveCapture.h"
#include "vision/FrameSource.h"
#include "vision/VisionModels.h"

#include <QFile>

namespace fe::cli {
namespace {

using liveness::ChallengeKind;

QString key(std::string_view k)
{
    return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
}

QJsonObject toJson(const liveness::ChallengeRecord& c)
{
    QJsonObject o{{QStringLiteral("kind"), key(liveness::challengeKey(c.kind))},
                  {QStringLiteral("met"), c.met},
                  {QStringLiteral("prompted_ms"), rounded(c.promptedAtMs, 1)},
                  {QStringLiteral("value"), rounded(c.value, 3)}};
    o.insert(QStringLiteral("t_ms"), c.metAtMs ? QJsonValue(rounded(*c.metAtMs, 1)) : QJsonValue());
    if (c.kind == ChallengeKind::TurnLeft || c.kind == ChallengeKind::TurnRight) {
        o.insert(QStringLiteral("nose_shift"), rounded(c.noseShift, 3));
        o.insert(QStringLiteral("non_planarity"), rounded(c.nonPlanarity, 4));
    }
    return o;
}

int runLiveness(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("INPUT"), tr("A video, or a still image (shown for 5 s at 25 fps)."));
    parser.addOption({QStringLiteral("mode"), tr("challenge (default) or spontaneous."), QStringLiteral("MODE"),
                      QStringLiteral("challenge")});
    parser.addOption({QStringLiteral("challenges"), tr("Challenges in order, e.g. blink,turn-left (default: random)."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("portrait"), tr("Write the chosen portrait JPEG to this new file, readable by you only (an "
                                                     "export of biometric data)."),
                      QStringLiteral("OUT.jpg")});
    parser.addOption({QStringLiteral("force"), tr("Replace the --portrait file if it exists.")});
    parser.addOption({QStringLiteral("quality-profile"), tr("Quality profile: icao, default or lowres."),
                      QStringLiteral("NAME"), QStringLiteral("default")});
    parser.addOption({QStringLiteral("seed"), tr("Seed of the random challenge draw (default: random)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-frames"), tr("Read at most N frames."), QStringLiteral("N")});
    parseOrThrow(parser, args, 1, 1);
    // The export target is checked before the session runs: a wrong name costs nothing.
    std::optional<ExportFile> portraitFile;
    if (parser.isSet(QStringLiteral("portrait")))
        portraitFile.emplace(parser.value(QStringLiteral("portrait")), QStringLiteral("portrait"),
                             std::initializer_list<const char*>{"jpg", "jpeg"}, parser.isSet(QStringLiteral("force")));
    else if (parser.isSet(QStringLiteral("force")))
        throw UsageError(tr("--force goes with --portrait"));

    enroll::LiveCapture::Options options;
    const QString mode = parser.value(QStringLiteral("mode"));
    options.liveness.mode = parseMode(mode);
    if (parser.isSet(QStringLiteral("challenges"))) {
        if (options.liveness.mode == liveness::Mode::Spontaneous)
            throw UsageError(tr("--challenges applies to challenge mode only"));
        options.liveness.challenges = parseChallenges(parser.value(QStringLiteral("challenges")));
    }
    options.liveness.seed = static_cast<std::uint64_t>(intOption(parser, QStringLiteral("seed"), 0, 0, 2'000'000'000));
    options.analyzer.profile = vision::QualityProfile::byName(parser.value(QStringLiteral("quality-profile")).toStdString());

    vision::SourceOptions sourceOptions = liveSourceOptions();
    sourceOptions.maxFrames = intOption(parser, QStringLiteral("max-frames"), -1, 1, 100'000'000);
    const QString input = parser.positionalArguments().first();
    auto source = vision::FrameSource::open(std::filesystem::path(input.toStdString()), sourceOptions);

    // The same live loop as `enroll` and the GUI: one LiveCapture.
    const auto models = vision::VisionModels::load(assetResolver());
    enroll::LiveCapture capture(models, options);
    if (options.liveness.mode == liveness::Mode::Challenge) {
        QJsonArray sequence;
        for (auto k : capture.sequence())
            sequence.append(key(liveness::challengeKey(k)));
        printJson({{QStringLiteral("event"), QStringLiteral("sequence")}, {QStringLiteral("challenges"), sequence}});
    }
    vision::Frame frame;
    int lastPrompt = -1;
    while (source->next(frame)) {
        const enroll::LiveCapture::Step step = capture.feed(frame.bgr, frame.timestampMs);
        if (step.prompt && step.prompt->index != lastPrompt) {
            lastPrompt = step.prompt->index;
            printJson({{QStringLiteral("event"), QStringLiteral("prompt")},
                       {QStringLiteral("challenge"), key(liveness::challengeKey(step.prompt->kind))},
                       {QStringLiteral("index"), step.prompt->index},
                       {QStringLiteral("t_ms"), rounded(frame.timestampMs, 1)}});
        }
        if (step.done)
            break;
    }
    const enroll::LiveResult live = capture.finish();
    const liveness::LivenessResult& result = live.liveness;

    QJsonArray reasons;
    for (auto r : result.reasons)
        reasons.append(key(liveness::reasonKey(r)));
    QJsonArray challenges;
    for (const auto& c : result.challenges)
        challenges.append(toJson(c));
    QJsonObject summary{
        {QStringLiteral("verdict"), key(liveness::verdictKey(result.verdict))},
        {QStringLiteral("reasons"), reasons},
        {QStringLiteral("mode"), mode},
        {QStringLiteral("passive_score"), rounded(result.passiveScore, 3)},
        {QStringLiteral("passive_samples"), result.passiveSamples},
        {QStringLiteral("blinks"), result.blinks},
        {QStringLiteral("yaw_range"), rounded(result.yawRange(), 2)},
        {QStringLiteral("non_planarity"), rounded(result.nonPlanarity, 4)},
        {QStringLiteral("same_face_score"), rounded(result.sameFaceScore, 3)},
        {QStringLiteral("challenges"), challenges},
        {QStringLiteral("evidence_frames"), static_cast<int>(result.evidence.size())},
        {QStringLiteral("frames"), result.frames},
        {QStringLiteral("duration_ms"), rounded(result.durationMs, 1)},
    };
    if (live.portrait) {
        const liveness::Portrait& portrait = *live.portrait;
        summary.insert(QStringLiteral("portrait_quality"), cli::toJson(portrait.quality));
        summary.insert(QStringLiteral("portrait_frame"), static_cast<qint64>(portrait.frameIndex));
        if (portraitFile)
            portraitFile->write(std::string_view(reinterpret_cast<const char*>(portrait.jpeg.data()), portrait.jpeg.size()));
    } else {
        summary.insert(QStringLiteral("portrait_quality"), QJsonValue());
        summary.insert(QStringLiteral("capture_blocked_by"), key(vision::guidanceKey(live.blockingGuidance)));
    }
    printSummary(summary);
    return 0;
}

} // namespace

void registerLivenessCommands(CommandTable& table)
{
    table[QStringLiteral("liveness")] = {runLiveness, QT_TRANSLATE_NOOP("cli", "INPUT [--mode challenge|spontaneous] [--challenges LIST] [--portrait OUT.jpg [--force]]  liveness verdict and portrait")};
}

} // namespace fe::cli
