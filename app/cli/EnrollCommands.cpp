// enroll, list, show, review and calibrate: the enrollment workflow and matching, headless.
#include "CliSupport.h"
#include "Commands.h"
#include "JsonFormat.h"
#include "LiveOptions.h"
#include "StoreAccess.h"
#include "common/Error.h"
#include "enroll/EnrollmentService.h"
#include "enroll/LiveCapture.h"
#include "match/Calibration.h"
#include "store/Session.h"
#include "vision/FrameAnalyzer.h"
#include "vision/FrameSource.h"
#include "vision/VisionModels.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cmath>
#include <map>
#include <set>

namespace fe::cli {
namespace {

QString key(std::string_view k)
{
    return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
}

QString qstr(const std::string& s)
{
    return QString::fromStdString(s);
}

// The live window of an enrollment read from a file.
constexpr double kDefaultLiveSeconds = 10.0;

enroll::LiveResult runLive(const vision::VisionModels& models, const QString& input, const enroll::LiveCapture::Options& options,
                           double startSeconds, double seconds, bool allowBelowGate)
{
    auto source = vision::FrameSource::open(std::filesystem::path(input.toStdString()), liveSourceOptions());
    enroll::LiveCapture capture(models, options);
    const double startMs = source->isStill() ? 0.0 : startSeconds * 1000.0;
    const double endMs = startMs + seconds * 1000.0;
    vision::Frame f;
    bool any = false;
    while (source->next(f)) {
        if (f.timestampMs < startMs)
            continue;
        if (f.timestampMs >= endMs && !source->isStill())
            break;
        any = true;
        if (capture.feed(f.bgr, f.timestampMs - startMs).done)
            break;
    }
    if (!any)
        throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "The live video %1 has no frames in the chosen window."),
                    {input.toStdString()});
    return capture.finish(allowBelowGate);
}

QJsonObject flagJson(const store::Flag& f)
{
    return {{QStringLiteral("type"), qstr(f.code)},
            {QStringLiteral("reason"), qstr(f.reason)},
            {QStringLiteral("score"), rounded(f.score, 4)},
            {QStringLiteral("threshold"), rounded(f.threshold, 4)}};
}

// A face image given on the command line or in a pairs file: an image path, or VIDEO#FRAME;
// relative paths are taken from `base`, and "@assets/NAME" from the assets folder.
struct FaceRef
{
    QString path;
    int frame = -1;
};

FaceRef parseRef(const QString& text, const QDir& base)
{
    FaceRef ref;
    QString p = text.trimmed();
    if (const auto hash = p.lastIndexOf(u'#'); hash > 0) {
        bool ok = false;
        ref.frame = p.mid(hash + 1).toInt(&ok);
        if (!ok || ref.frame < 0)
            throw UsageError(tr("bad frame reference \"%1\"").arg(text));
        p = p.left(hash);
    }
    if (p.startsWith(QLatin1String("@assets/")))
        ref.path = QString::fromStdString((assetResolver().assetsDir() / p.mid(8).toStdString()).string());
    else
        ref.path = QDir::isAbsolutePath(p) ? p : base.filePath(p);
    return ref;
}

// Reads the image a reference names (one frame of a video for VIDEO#FRAME).
cv::Mat readRef(const FaceRef& ref)
{
    if (ref.frame < 0)
        return vision::readImage(ref.path.toStdString());
    vision::SourceOptions so;
    so.maxFrames = ref.frame + 1;
    auto source = vision::FrameSource::open(ref.path.toStdString(), so);
    vision::Frame f;
    while (source->next(f)) {
        if (f.index == ref.frame)
            return f.bgr;
    }
    throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "%1 has no frame %2."),
                {ref.path.toStdString(), std::to_string(ref.frame)});
}

int runEnroll(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parser.addOption({QStringLiteral("live"), tr("The live capture: a video (or a still, which will fail liveness)."), QStringLiteral("VIDEO")});
    parser.addOption({QStringLiteral("live-start"), tr("Seconds into the video where the live window starts (default 0)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("live-seconds"), tr("Length of the live window (default 10)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("id-photo"), tr("The ID-document photo (an image, or VIDEO#FRAME)."), QStringLiteral("IMAGE")});
    parser.addOption({QStringLiteral("name"), tr("The customer's name."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("document-type"), tr("e.g. national_id, passport."), QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("document-number"), tr("The document's number."), QStringLiteral("NUM")});
    parser.addOption({QStringLiteral("date-of-birth"), tr("Optional, YYYY-MM-DD."), QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("phone"), tr("The phone number, E.164 (or national with --region)."), QStringLiteral("E164")});
    parser.addOption({QStringLiteral("region"), tr("Region for a national phone number, e.g. CN."), QStringLiteral("CC")});
    parser.addOption({QStringLiteral("consent"), tr("yes or no: the customer's consent, attested by the operator."), QStringLiteral("yes|no")});
    parser.addOption({QStringLiteral("notice-version"), tr("Version of the privacy notice shown (default 1)."), QStringLiteral("V")});
    parser.addOption({QStringLiteral("language"), tr("Language of the notice shown (default en)."), QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("mode"), tr("Liveness: challenge (default) or spontaneous."), QStringLiteral("MODE"), QStringLiteral("challenge")});
    parser.addOption({QStringLiteral("challenges"), tr("Challenges in order (default: random)."), QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("quality-profile"), tr("Quality profile: icao, default or lowres."), QStringLiteral("NAME"), QStringLiteral("default")});
    parser.addOption({QStringLiteral("allow-low-quality"), tr("Keep the best portrait even below the quality gate (flagged).")});
    parseOrThrow(parser, args, 0, 0);

    const QString consent = requiredValue(parser, QStringLiteral("consent"));
    if (consent != QLatin1String("yes") && consent != QLatin1String("no"))
        throw UsageError(tr("--consent takes yes or no"));
    enroll::SubjectInput input;
    input.subject.name = requiredValue(parser, QStringLiteral("name")).toStdString();
    input.subject.documentType = requiredValue(parser, QStringLiteral("document-type")).toStdString();
    input.subject.documentNumber = requiredValue(parser, QStringLiteral("document-number")).toStdString();
    if (parser.isSet(QStringLiteral("date-of-birth"))) {
        input.subject.dateOfBirth = store::parseDate(parser.value(QStringLiteral("date-of-birth")).toStdString());
        if (!input.subject.dateOfBirth)
            throw UsageError(tr("--date-of-birth takes a date like 1990-04-21"));
    }
    input.phone = requiredValue(parser, QStringLiteral("phone")).toStdString();
    input.defaultRegion = parser.value(QStringLiteral("region")).toStdString();
    input.consent.given = consent == QLatin1String("yes");
    input.consent.operatorAttested = input.consent.given;
    input.consent.noticeVersion = parser.isSet(QStringLiteral("notice-version")) ? parser.value(QStringLiteral("notice-version")).toStdString() : "1";
    input.consent.language = parser.isSet(QStringLiteral("language")) ? parser.value(QStringLiteral("language")).toStdString() : "en";

    enroll::LiveCapture::Options options;
    options.analyzer.profile = vision::QualityProfile::byName(parser.value(QStringLiteral("quality-profile")).toStdString());
    options.liveness.mode = parseMode(parser.value(QStringLiteral("mode")));
    if (parser.isSet(QStringLiteral("challenges")))
        options.liveness.challenges = parseChallenges(parser.value(QStringLiteral("challenges")));
    const double start = doubleOption(parser, QStringLiteral("live-start"), 0.0, 0.0, 1e7);
    const double seconds = doubleOption(parser, QStringLiteral("live-seconds"), kDefaultLiveSeconds, 1.0, 600.0);
    options.spontaneousWindowMs = seconds * 1000.0;
    const bool allowLow = parser.isSet(QStringLiteral("allow-low-quality"));

    store::Session session = login(parser);
    if (!input.consent.given) {
        // Nothing biometric is read or stored without consent; the refusal itself is audited.
        session.recordConsentRefused();
        printSummary({{QStringLiteral("status"), QStringLiteral("refused")},
                      {QStringLiteral("enrollment_id"), QJsonValue()},
                      {QStringLiteral("flags"), QJsonArray()}});
        session.logout();
        return 0;
    }
    const auto models = vision::VisionModels::load(assetResolver());
    enroll::EnrollmentService service(session, models);
    (void)service.validateSubject(input); // bad data fails before any media is read

    const QString idPhotoPath = requiredValue(parser, QStringLiteral("id-photo"));
    const cv::Mat idImage = readRef(parseRef(idPhotoPath, QDir::current()));
    const enroll::IdPhotoCheck id = service.checkIdPhoto(idImage);
    if (!id.faceFound)
        throw Error(ErrorCode::NoFace, QT_TRANSLATE_NOOP("fe::Error", "No face was found on the ID-document photo %1."),
                    {idPhotoPath.toStdString()});
    const enroll::LiveResult live = runLive(models, requiredValue(parser, QStringLiteral("live")), options, start, seconds, allowLow);
    const enroll::EnrollmentOutcome out = service.enroll(input, id, live, allowLow);

    QJsonArray flags;
    for (const auto& f : out.flags)
        flags.append(flagJson(f));
    QJsonArray reasons;
    for (auto r : live.liveness.reasons)
        reasons.append(key(liveness::reasonKey(r)));
    const double idThreshold = service.policy().documentThreshold;
    printSummary({
        {QStringLiteral("enrollment_id"), out.enrollmentId.empty() ? QJsonValue() : QJsonValue(qstr(out.enrollmentId))},
        {QStringLiteral("status"), key(enroll::outcomeKey(out.outcome))},
        {QStringLiteral("flags"), flags},
        {QStringLiteral("liveness"), QJsonObject{{QStringLiteral("verdict"), key(liveness::verdictKey(live.liveness.verdict))},
                                                 {QStringLiteral("reasons"), reasons},
                                                 {QStringLiteral("passive_score"), rounded(live.liveness.passiveScore, 3)},
                                                 {QStringLiteral("blinks"), live.liveness.blinks}}},
        {QStringLiteral("match_id_photo"),
         QJsonObject{{QStringLiteral("score"), out.idPhotoScore ? QJsonValue(rounded(*out.idPhotoScore, 4)) : QJsonValue()},
                     {QStringLiteral("threshold"), idThreshold},
                     {QStringLiteral("decision"), out.idPhotoScore && *out.idPhotoScore >= idThreshold ? QStringLiteral("match")
                                                                                                      : QStringLiteral("non-match")}}},
        {QStringLiteral("id_photo_quality"), toJson(id.quality)},
        {QStringLiteral("portrait_quality"), live.portrait ? QJsonValue(toJson(live.portrait->quality)) : QJsonValue()},
        {QStringLiteral("gallery_size"), static_cast<qint64>(service.gallery().size())},
    });
    session.logout();
    return 0;
}

QJsonObject summaryJson(const store::EnrollmentSummary& e)
{
    return {{QStringLiteral("id"), qstr(e.id)},
            {QStringLiteral("created"), isoTime(e.createdAt)},
            {QStringLiteral("station"), qstr(e.stationId)},
            {QStringLiteral("operator"), qstr(e.operatorId)},
            {QStringLiteral("status"), QString::fromLatin1(store::toString(e.status))},
            {QStringLiteral("upload_state"), QString::fromLatin1(store::toString(e.uploadState))},
            {QStringLiteral("flags"), e.flagCount},
            {QStringLiteral("purged"), e.purged},
            {QStringLiteral("name"), qstr(e.subjectName)},
            {QStringLiteral("document_type"), qstr(e.documentType)},
            {QStringLiteral("document_number"), qstr(e.documentNumber)},
            {QStringLiteral("phone"), qstr(e.phone)}};
}

int runList(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parser.addOption({QStringLiteral("status"), tr("accepted, flagged (pending review), approved or rejected."), QStringLiteral("STATUS")});
    parseOrThrow(parser, args, 0, 0);
    store::EnrollmentFilter filter;
    if (parser.isSet(QStringLiteral("status"))) {
        QString s = parser.value(QStringLiteral("status"));
        if (s == QLatin1String("flagged"))
            s = QString::fromLatin1(store::toString(store::EnrollmentStatus::PendingReview));
        filter.status = store::parseEnrollmentStatus(s.toStdString());
        if (!filter.status)
            throw UsageError(tr("--status takes accepted, flagged, approved or rejected"));
    }
    store::Session session = login(parser);
    const auto list = session.listEnrollments(filter);
    for (const auto& e : list)
        printJson(summaryJson(e));
    printSummary({{QStringLiteral("count"), static_cast<qint64>(list.size())}});
    session.logout();
    return 0;
}

int runShow(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The enrollment id."));
    parseOrThrow(parser, args, 1, 1);
    store::Session session = login(parser);
    const store::Enrollment e = session.getEnrollment(parser.positionalArguments().first().toStdString());
    QJsonArray flags, matches, quality, challenges;
    for (const auto& f : e.flags)
        flags.append(flagJson(f));
    for (const auto& m : e.matches)
        matches.append(QJsonObject{{QStringLiteral("kind"), QString::fromLatin1(store::toString(m.kind))},
                                   {QStringLiteral("candidate"), qstr(m.candidateId)},
                                   {QStringLiteral("score"), rounded(m.score, 4)},
                                   {QStringLiteral("threshold"), m.threshold},
                                   {QStringLiteral("matched"), m.matched}});
    for (const auto& q : e.quality)
        quality.append(QJsonObject{{QStringLiteral("name"), qstr(q.name)}, {QStringLiteral("value"), rounded(q.value, 3)},
                                   {QStringLiteral("passed"), q.passed}});
    for (const auto& c : e.liveness.challenges)
        challenges.append(QJsonObject{{QStringLiteral("kind"), qstr(c.challenge)}, {QStringLiteral("met"), c.passed},
                                      {QStringLiteral("duration_ms"), static_cast<qint64>(c.durationMs)}});
    QJsonObject out = summaryJson({e.id, e.stationId, e.operatorId, e.createdAt, e.status, e.upload.state,
                                   static_cast<int>(e.flags.size()), e.purgedAt.has_value(), e.subject.name,
                                   e.subject.documentType, e.subject.documentNumber, e.phone});
    out.insert(QStringLiteral("flag_details"), flags);
    out.insert(QStringLiteral("matches"), matches);
    out.insert(QStringLiteral("quality"), quality);
    out.insert(QStringLiteral("liveness"), QJsonObject{{QStringLiteral("verdict"), qstr(e.liveness.verdict)},
                                                       {QStringLiteral("challenges"), challenges},
                                                       {QStringLiteral("evidence_frames"), static_cast<int>(e.liveness.evidenceFrames.size())}});
    // Biometric payloads stay in the store: only their presence and size are shown.
    out.insert(QStringLiteral("portrait_bytes"), static_cast<qint64>(e.portrait.size()));
    out.insert(QStringLiteral("id_photo_bytes"), static_cast<qint64>(e.idPhoto.size()));
    out.insert(QStringLiteral("template_model"), qstr(e.faceTemplate.modelId));
    if (e.review)
        out.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("reviewer"), qstr(e.review->reviewerId)},
                                                         {QStringLiteral("decision"), QString::fromLatin1(store::toString(e.review->outcome))},
                                                         {QStringLiteral("reason"), qstr(e.review->reason)},
                                                         {QStringLiteral("time"), isoTime(e.review->time)}});
    printSummary(out);
    session.logout();
    return 0;
}

int runReview(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parser.addOption({QStringLiteral("enrollment"), tr("The enrollment id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("decision"), tr("approve or reject."), QStringLiteral("DECISION")});
    parser.addOption({QStringLiteral("reason"), tr("Why (mandatory)."), QStringLiteral("TEXT")});
    parseOrThrow(parser, args, 0, 0);
    const QString decision = requiredValue(parser, QStringLiteral("decision"));
    if (decision != QLatin1String("approve") && decision != QLatin1String("reject"))
        throw UsageError(tr("--decision takes approve or reject"));
    const QString reason = requiredValue(parser, QStringLiteral("reason"));
    const std::string id = requiredValue(parser, QStringLiteral("enrollment")).toStdString();
    store::Session session = login(parser);
    const auto models = vision::VisionModels::load(assetResolver());
    enroll::EnrollmentService service(session, models);
    service.review(id, decision == QLatin1String("approve") ? store::ReviewOutcome::Approved : store::ReviewOutcome::Rejected,
                   reason.toStdString());
    const auto e = session.getEnrollment(id);
    printSummary({{QStringLiteral("enrollment_id"), qstr(id)},
                  {QStringLiteral("decision"), decision},
                  {QStringLiteral("status"), QString::fromLatin1(store::toString(e.status))}});
    session.logout();
    return 0;
}

int runCalibrate(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PAIRS.csv"), tr("Rows a,b,label: images or VIDEO#FRAME, label 1 same person, 0 different."));
    parser.addOption({QStringLiteral("target-fmr"), tr("Target false match rates (default 0.01,0.001)."), QStringLiteral("LIST")});
    parseOrThrow(parser, args, 1, 1);
    std::vector<double> targets = {1e-2, 1e-3};
    if (parser.isSet(QStringLiteral("target-fmr"))) {
        targets.clear();
        for (const auto& t : parser.value(QStringLiteral("target-fmr")).split(u',')) {
            bool ok = false;
            const double v = t.toDouble(&ok);
            if (!ok || v <= 0 || v >= 1)
                throw UsageError(tr("--target-fmr takes rates between 0 and 1"));
            targets.push_back(v);
        }
    }
    const QString file = parser.positionalArguments().first();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "Cannot read the pairs file %1."), {file.toStdString()});
    const QDir base = QFileInfo(file).absoluteDir();
    struct Row
    {
        FaceRef a, b;
        bool genuine;
    };
    std::vector<Row> rows;
    QTextStream in(&f);
    int lineNo = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        ++lineNo;
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(QLatin1String("a,")))
            continue;
        const QStringList cells = line.split(u',');
        if (cells.size() != 3 || (cells[2].trimmed() != QLatin1String("1") && cells[2].trimmed() != QLatin1String("0")))
            throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "Line %1 of %2 is not \"a,b,label\" with label 0 or 1."),
                        {std::to_string(lineNo), file.toStdString()});
        rows.push_back({parseRef(cells[0], base), parseRef(cells[1], base), cells[2].trimmed() == QLatin1String("1")});
    }
    // Encode every distinct face once; video frames are decoded in one pass per video.
    const auto models = vision::VisionModels::load(assetResolver());
    auto encoder = models.makeEncoder();
    std::map<QString, std::set<int>> wanted;
    for (const auto& r : rows)
        for (const auto* ref : {&r.a, &r.b})
            wanted[ref->path].insert(ref->frame);
    std::map<std::pair<QString, int>, vision::FaceTemplate> templates;
    const auto encodeStill = [&](const cv::Mat& bgr, const QString& path, int frame) {
        vision::FrameAnalyzer analyzer(models.landmarks);
        const auto a = analyzer.analyze(bgr, 0.0);
        if (a.faces.empty())
            throw Error(ErrorCode::NoFace, QT_TRANSLATE_NOOP("fe::Error", "No face was found in %1 (frame %2)."),
                        {path.toStdString(), std::to_string(frame)});
        templates[{path, frame}] = encoder->encode(bgr, a.faces.front().landmarks);
    };
    for (const auto& [path, frames] : wanted) {
        if (*frames.begin() < 0) {
            encodeStill(vision::readImage(path.toStdString()), path, -1);
            continue;
        }
        vision::SourceOptions so;
        so.maxFrames = *frames.rbegin() + 1;
        auto source = vision::FrameSource::open(path.toStdString(), so);
        vision::Frame fr;
        while (source->next(fr)) {
            if (frames.count(static_cast<int>(fr.index)))
                encodeStill(fr.bgr, path, static_cast<int>(fr.index));
        }
        for (int fi : frames) {
            if (!templates.count({path, fi}))
                throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "%1 has no frame %2."), {path.toStdString(), std::to_string(fi)});
        }
    }
    std::vector<match::ScoredPair> pairs;
    for (const auto& r : rows)
        pairs.push_back({vision::cosineSimilarity(templates.at({r.a.path, r.a.frame}), templates.at({r.b.path, r.b.frame})), r.genuine});
    // The thresholds FaceEnroll chooses: the 1:1 document check at FMR 1e-3; the 1:N duplicate
    // search, which compares against the whole gallery, at FMR 1e-4.
    constexpr double kDocumentFmr = 1e-3;
    constexpr double kDuplicateFmr = 1e-4;
    std::vector<double> computed = targets;
    for (double t : {kDocumentFmr, kDuplicateFmr}) {
        if (std::find(computed.begin(), computed.end(), t) == computed.end())
            computed.push_back(t);
    }
    const match::CalibrationReport report = match::calibrate(pairs, computed);
    const auto stats = [](const match::ScoreSummary& s) {
        return QJsonObject{{QStringLiteral("count"), s.count}, {QStringLiteral("min"), rounded(s.min, 4)},
                           {QStringLiteral("p01"), rounded(s.p01, 4)}, {QStringLiteral("p05"), rounded(s.p05, 4)},
                           {QStringLiteral("median"), rounded(s.median, 4)}, {QStringLiteral("mean"), rounded(s.mean, 4)},
                           {QStringLiteral("p95"), rounded(s.p95, 4)}, {QStringLiteral("p99"), rounded(s.p99, 4)},
                           {QStringLiteral("max"), rounded(s.max, 4)}};
    };
    QJsonArray points;
    for (const auto& p : report.points) {
        if (std::find(targets.begin(), targets.end(), p.targetFmr) == targets.end())
            continue;
        points.append(QJsonObject{{QStringLiteral("target_fmr"), p.targetFmr}, {QStringLiteral("threshold"), rounded(p.threshold, 4)},
                                  {QStringLiteral("fmr"), p.fmr}, {QStringLiteral("fnmr"), p.fnmr},
                                  {QStringLiteral("resolved"), p.resolved}});
    }
    const auto resolved = [&](double fmr) {
        for (const auto& p : report.points)
            if (p.targetFmr == fmr)
                return p.resolved;
        return false;
    };
    printSummary({
        {QStringLiteral("pairs"), static_cast<qint64>(pairs.size())},
        {QStringLiteral("faces"), static_cast<qint64>(templates.size())},
        {QStringLiteral("genuine"), stats(report.genuine)},
        {QStringLiteral("impostor"), stats(report.impostor)},
        {QStringLiteral("eer"), report.eer},
        {QStringLiteral("eer_threshold"), rounded(report.eerThreshold, 4)},
        {QStringLiteral("operating_points"), points},
        {QStringLiteral("thresholds"),
         QJsonObject{{QStringLiteral("document"), rounded(match::chosenThreshold(report, kDocumentFmr), 4)},
                     {QStringLiteral("document_fmr"), kDocumentFmr},
                     {QStringLiteral("document_resolved"), resolved(kDocumentFmr)},
                     {QStringLiteral("duplicate"), rounded(match::chosenThreshold(report, kDuplicateFmr), 4)},
                     {QStringLiteral("duplicate_fmr"), kDuplicateFmr},
                     {QStringLiteral("duplicate_resolved"), resolved(kDuplicateFmr)}}},
        {QStringLiteral("model"), QString::fromStdString(encoder->modelId())},
    });
    return 0;
}

} // namespace

void registerEnrollCommands(CommandTable& table)
{
    table[QStringLiteral("enroll")] = {runEnroll, QT_TRANSLATE_NOOP("cli", "--db PATH --user OP --live VIDEO --id-photo IMAGE --name NAME --document-type T --document-number N --phone E164 --consent yes|no  enroll a customer")};
    table[QStringLiteral("list")] = {runList, QT_TRANSLATE_NOOP("cli", "--db PATH --user U [--status flagged]  enrollments, one per line (no biometric data)")};
    table[QStringLiteral("show")] = {runShow, QT_TRANSLATE_NOOP("cli", "ID --db PATH --user U  one enrollment's record (no biometric data)")};
    table[QStringLiteral("review")] = {runReview, QT_TRANSLATE_NOOP("cli", "--db PATH --user SUP --enrollment ID --decision approve|reject --reason TEXT  decide a flagged enrollment")};
    table[QStringLiteral("calibrate")] = {runCalibrate, QT_TRANSLATE_NOOP("cli", "PAIRS.csv [--target-fmr LIST]  score distributions, EER, thresholds")};
}

} // namespace fe::cli
