// enroll, list, show, review and calibrate: the enrollment workflow and matching, headless.
#include "CliSupport.h"
#include "InputChecks.h"
#include "Commands.h"
#include "JsonFormat.h"
#include "LiveOptions.h"
#include "StoreAccess.h"
#include "SubjectFile.h"
#include "common/Error.h"
#include "common/OutcomeTexts.h"
#include "enroll/EnrollmentService.h"
#include "enroll/IdPhotoReader.h"
#include "enroll/LiveCapture.h"
#include "enroll/MatchIndex.h"
#include "match/Calibration.h"
#include "match/Gallery.h"
#include "match/MatchPolicy.h"
#include "store/Session.h"
#include "vision/FrameAnalyzer.h"
#include "vision/FrameSource.h"
#include "vision/VisionModels.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
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
            {QStringLiteral("text"), qstr(translatedOutcome(OutcomeKind::Flag, f.code))},
            {QStringLiteral("score"), rounded(f.score, 4)},
            {QStringLiteral("threshold"), rounded(f.threshold, 4)}};
}

// A face image given on the command line or in a pairs file: an image path, or VIDEO#FRAME,
// optionally followed by @X:Y to pick, in a photo of several people, the face whose box holds
// that point (px of the original image); relative paths are taken from `base`, and
// "@assets/NAME" from the assets folder.
struct FaceRef
{
    QString path;
    int frame = -1;
    std::optional<cv::Point2f> point;

    [[nodiscard]] QString key() const
    {
        QString k = path + u'#' + QString::number(frame);
        if (point)
            k += u'@' + QString::number(point->x) + u':' + QString::number(point->y);
        return k;
    }
};

FaceRef parseRef(const QString& text, const QDir& base)
{
    FaceRef ref;
    QString p = text.trimmed();
    if (const auto at = p.lastIndexOf(u'@'); at > 0) {
        const QStringList xy = p.mid(at + 1).split(u':');
        bool okX = false, okY = false;
        if (xy.size() == 2) {
            const float x = xy[0].toFloat(&okX);
            const float y = xy[1].toFloat(&okY);
            if (okX && okY && std::isfinite(x) && std::isfinite(y)) {
                ref.point = cv::Point2f(x, y);
                p = p.left(at);
            }
        }
        if (!ref.point && p.mid(at + 1).contains(u':'))
            throw UsageError(tr("bad face position in \"%1\" (want @X:Y)").arg(text));
    }
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

// The face a reference names among the faces found: the one whose box holds its point (the
// nearest box centre when several do), or the primary face. nullptr when there is none.
const vision::FaceObservation* pickFace(const vision::FrameAnalysis& a, const FaceRef& ref)
{
    if (a.faces.empty())
        return nullptr;
    if (!ref.point)
        return &a.faces.front();
    const vision::FaceObservation* best = nullptr;
    double bestDistance = 0.0;
    for (const auto& f : a.faces) {
        const cv::Rect2f box = f.box;
        if (!box.contains(*ref.point))
            continue;
        const cv::Point2f c(box.x + box.width / 2.f, box.y + box.height / 2.f);
        const double d = cv::norm(c - *ref.point);
        if (!best || d < bestDistance) {
            best = &f;
            bestDistance = d;
        }
    }
    return best;
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

// The ID-document photo: --id-photo PATH, a frame of a video with --id-photo-frame N. A path
// that exists is a path, whatever characters it holds ("id#1.png"); the older VIDEO#FRAME
// form is read only when no such file exists.
FaceRef idPhotoRef(const QCommandLineParser& parser)
{
    const QString text = requiredValue(parser, QStringLiteral("id-photo"));
    FaceRef ref;
    if (parser.isSet(QStringLiteral("id-photo-frame"))) {
        ref.path = text;
        ref.frame = intOption(parser, QStringLiteral("id-photo-frame"), 0, 0, 100'000'000);
        checkMediaInput(ref.path, QStringLiteral("id-photo"), MediaKind::Video);
        return ref;
    }
    if (QFileInfo::exists(text)) {
        ref.path = text;
        checkMediaInput(ref.path, QStringLiteral("id-photo"), MediaKind::VideoOrImage);
        return ref;
    }
    // No such file: perhaps the older VIDEO#FRAME form, else a missing file.
    try {
        ref = parseRef(text, QDir::current());
    } catch (const UsageError&) {
        ref.path.clear();
    }
    if (ref.path.isEmpty() || !QFileInfo::exists(ref.path))
        throw UsageError(tr("--%1: the file %2 does not exist").arg(QStringLiteral("id-photo"), text));
    checkMediaInput(ref.path, QStringLiteral("id-photo"), ref.frame >= 0 ? MediaKind::Video : MediaKind::VideoOrImage);
    return ref;
}

int runEnroll(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parser.addOption({QStringLiteral("live"), tr("The live capture: a video (or a still, which will fail liveness)."), QStringLiteral("VIDEO")});
    parser.addOption({QStringLiteral("live-start"), tr("Seconds into the video where the live window starts (default 0)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("live-seconds"), tr("Length of the live window (default 10)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("id-photo"), tr("The ID-document photo: an image, or a video with --id-photo-frame."), QStringLiteral("IMAGE")});
    parser.addOption({QStringLiteral("id-photo-frame"), tr("Take the ID-document photo from this frame (0-based) of the --id-photo video."),
                      QStringLiteral("N")});
    addSubjectFileOption(parser);
    parser.addOption({QStringLiteral("name"), tr("The customer's name (visible in the process list: prefer --subject-file)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("document-type"), tr("cn_resident_id (Chinese resident identity card), passport, or national_id (another country's identity card)."), QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("document-number"), tr("The document's number (visible in the process list: prefer --subject-file)."),
                      QStringLiteral("NUM")});
    parser.addOption({QStringLiteral("date-of-birth"), tr("Optional, YYYY-MM-DD."), QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("phone"), tr("The phone number, E.164 (or national with --region; visible in the process list: "
                                                  "prefer --subject-file)."),
                      QStringLiteral("E164")});
    parser.addOption({QStringLiteral("region"), tr("Region for a national phone number, e.g. CN."), QStringLiteral("CC")});
    parser.addOption({QStringLiteral("consent"), tr("yes or no: the customer's consent, attested by the operator."), QStringLiteral("yes|no")});
    parser.addOption({QStringLiteral("notice-version"), tr("Version of the privacy notice shown (default 1)."), QStringLiteral("V")});
    parser.addOption({QStringLiteral("language"), tr("Language of the notice shown (default en)."), QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("mode"), tr("Liveness: challenge (default) or spontaneous."), QStringLiteral("MODE"), QStringLiteral("challenge")});
    parser.addOption({QStringLiteral("challenges"), tr("Challenges in order (default: random)."), QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("quality-profile"), tr("Quality profile: icao, default or lowres."), QStringLiteral("NAME"), QStringLiteral("default")});
    parser.addOption({QStringLiteral("allow-low-quality"), tr("Keep the best portrait even below the quality gate (flagged).")});
    parser.addOption({QStringLiteral("id-photo-override"), tr("Keep an ID-document photo that fails the document quality check (flagged).")});
    parseOrThrow(parser, args, 0, 0);

    const QString consent = requiredValue(parser, QStringLiteral("consent"));
    if (consent != QLatin1String("yes") && consent != QLatin1String("no"))
        throw UsageError(tr("--consent takes yes or no"));
    const SubjectFields fields = readSubjectFields(parser);
    enroll::SubjectInput input;
    input.subject.name = fields.name.toStdString();
    input.subject.documentType = fields.documentType.toStdString();
    input.subject.documentNumber = fields.documentNumber.toStdString();
    if (!fields.dateOfBirth.isEmpty()) {
        input.subject.dateOfBirth = store::parseDate(fields.dateOfBirth.toStdString());
        if (!input.subject.dateOfBirth)
            throw UsageError(tr("the date of birth takes a date like 1990-04-21"));
    }
    input.phone = fields.phone.toStdString();
    input.defaultRegion = fields.region.toStdString();
    input.consent.given = consent == QLatin1String("yes");
    input.consent.operatorAttested = input.consent.given;
    input.consent.noticeVersion = parser.isSet(QStringLiteral("notice-version")) ? parser.value(QStringLiteral("notice-version")).toStdString() : "1";
    input.consent.language = parser.isSet(QStringLiteral("language")) ? parser.value(QStringLiteral("language")).toStdString() : "en";

    enroll::LiveCapture::Options options;
    options.analyzer.profile = vision::QualityProfile::byName(parser.value(QStringLiteral("quality-profile")).toStdString());
    options.liveness.mode = parseMode(parser.value(QStringLiteral("mode")));
    // A recorded file, not a counter camera: liveness.spontaneous_mode treats it as the demo camera.
    options.liveness.source = liveness::CaptureSource::DemoCamera;
    if (parser.isSet(QStringLiteral("challenges")))
        options.liveness.challenges = parseChallenges(parser.value(QStringLiteral("challenges")));
    const double start = doubleOption(parser, QStringLiteral("live-start"), 0.0, 0.0, 1e7);
    const double seconds = doubleOption(parser, QStringLiteral("live-seconds"), kDefaultLiveSeconds, 1.0, 600.0);
    options.spontaneousWindowMs = seconds * 1000.0;
    const bool allowLow = parser.isSet(QStringLiteral("allow-low-quality"));
    const bool idPhotoOverride = parser.isSet(QStringLiteral("id-photo-override"));
    // With consent, the media must be named correctly: said before the password is checked
    // (a login costs seconds). Without consent nothing is read.
    QString livePath;
    FaceRef idRef;
    if (input.consent.given) {
        livePath = requiredValue(parser, QStringLiteral("live"));
        checkMediaInput(livePath, QStringLiteral("live"), MediaKind::VideoOrImage);
        idRef = idPhotoRef(parser);
    }

    store::Session session = login(parser);
    // A role that may not enroll is told so in those words before anything else is looked up.
    session.require(store::Permission::Enroll);
    enroll::EnrollmentService service(session);
    // Consent and the typed data are the service's decision, before any media or model is
    // read. A refusal is audited there; nothing biometric is read or stored.
    const enroll::SubjectDecision subject = service.start(input);
    if (subject.consentRefused) {
        printSummary({{QStringLiteral("status"), QStringLiteral("refused")},
                      {QStringLiteral("enrollment_id"), QJsonValue()},
                      {QStringLiteral("flags"), QJsonArray()}});
        session.logout();
        return 0;
    }
    const auto models = vision::VisionModels::load(assetResolver());
    enroll::IdPhotoReader idReader(models);
    // An image goes through vision::readImage (truncated or corrupt files are refused).
    const enroll::IdPhotoCheck id = idRef.frame < 0 ? idReader.analyzeFile(idRef.path.toStdString())
                                                    : idReader.analyze(readRef(idRef));
    service.checkIdPhotoRules(id, idPhotoOverride); // fails before the live capture

    // The GUI loads the index on a worker thread while the capture runs; here it is loaded
    // first, on this thread.
    auto index = std::make_shared<enroll::MatchIndex>(enroll::MatchIndex::specOf(idReader.encoder()));
    index->load(session);
    service.setIndex(index);
    const enroll::LiveResult live = runLive(models, livePath, options, start, seconds, allowLow);
    enroll::EnrollOptions enrollOptions;
    enrollOptions.lowQualityOverride = allowLow;
    enrollOptions.idPhotoQualityOverride = idPhotoOverride;
    const enroll::EnrollmentOutcome out = service.enroll(input, id, live, enrollOptions);

    QJsonArray flags;
    for (const auto& f : out.flags)
        flags.append(flagJson(f));
    QJsonArray reasons;
    for (auto r : live.liveness.reasons)
        reasons.append(key(liveness::reasonKey(r)));
    QJsonObject idMatch{{QStringLiteral("score"), QJsonValue()}, {QStringLiteral("threshold"), QJsonValue()},
                        {QStringLiteral("decision"), QJsonValue()}};
    if (out.idPhoto)
        idMatch = {{QStringLiteral("score"), rounded(out.idPhoto->score, 4)},
                   {QStringLiteral("threshold"), out.idPhoto->threshold},
                   {QStringLiteral("decision"), out.idPhoto->matched ? QStringLiteral("match") : QStringLiteral("non-match")}};
    printSummary({
        {QStringLiteral("enrollment_id"), out.enrollmentId.empty() ? QJsonValue() : QJsonValue(qstr(out.enrollmentId))},
        {QStringLiteral("status"), key(enroll::outcomeKey(out.outcome))},
        {QStringLiteral("flags"), flags},
        {QStringLiteral("liveness"), QJsonObject{{QStringLiteral("verdict"), key(liveness::verdictKey(live.liveness.verdict))},
                                                 {QStringLiteral("mode"), key(liveness::modeKey(live.liveness.mode))},
                                                 {QStringLiteral("reasons"), reasons},
                                                 {QStringLiteral("passive_score"), rounded(live.liveness.passiveScore, 3)},
                                                 {QStringLiteral("blinks"), live.liveness.blinks}}},
        {QStringLiteral("match_id_photo"), idMatch},
        {QStringLiteral("id_photo_quality"), toJson(id.quality)},
        {QStringLiteral("portrait_quality"), live.portrait ? QJsonValue(toJson(live.portrait->quality)) : QJsonValue()},
        {QStringLiteral("gallery_size"), static_cast<qint64>(out.gallerySize)},
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
            {QStringLiteral("status"), statusWord(e.status)},
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
        filter.status = parseStatusWord(parser.value(QStringLiteral("status")));
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
    // Gallery candidates best first, each with its rank over the gallery and its cohort score
    // (how many robust standard deviations it stands above this face's other best scores:
    // one candidate far above the rest is a likely duplicate, several close ones look-alikes).
    for (const auto& m : e.matches)
        matches.append(QJsonObject{{QStringLiteral("kind"), QString::fromLatin1(store::toString(m.kind))},
                                   {QStringLiteral("candidate"), qstr(m.candidateId)},
                                   {QStringLiteral("score"), rounded(m.score, 4)},
                                   {QStringLiteral("threshold"), rounded(m.threshold, 4)},
                                   {QStringLiteral("matched"), m.matched},
                                   {QStringLiteral("rank"), m.rank ? QJsonValue(*m.rank) : QJsonValue()},
                                   {QStringLiteral("cohort_score"), m.cohortScore ? QJsonValue(rounded(*m.cohortScore, 2)) : QJsonValue()}});
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
                                                       {QStringLiteral("mode"), e.liveness.mode.empty() ? QJsonValue() : QJsonValue(qstr(e.liveness.mode))},
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
    enroll::EnrollmentService service(session); // no models: a review decides on stored data
    service.review(id, decision == QLatin1String("approve") ? store::ReviewOutcome::Approved : store::ReviewOutcome::Rejected,
                   reason.toStdString());
    const auto e = session.getEnrollment(id);
    printSummary({{QStringLiteral("enrollment_id"), qstr(id)},
                  {QStringLiteral("decision"), decision},
                  {QStringLiteral("status"), statusWord(e.status)}});
    session.logout();
    return 0;
}

// Cohort scores on the calibration faces: every face with a genuine partner is a probe
// against a gallery of all other faces (less its own near-duplicates: same-identity faces it
// has no genuine pair with, such as neighbouring video frames). Compares the cohort score of
// its best genuine partner with that of its best impostor.
QJsonObject cohortSeparation(const std::vector<QString>& faces, const std::map<QString, vision::FaceTemplate>& templates,
                             const std::vector<int>& identity, const std::set<std::pair<int, int>>& genuinePartners,
                             std::size_t candidates)
{
    match::Gallery gallery(templates.begin()->second.values.size());
    for (std::size_t i = 0; i < faces.size(); ++i)
        gallery.add(std::to_string(i), templates.at(faces[i]).values);
    match::CandidateOptions options;
    options.cohortSkip = candidates;
    std::vector<double> genuineZ, impostorZ, genuineScore, impostorScore;
    std::size_t probes = 0, rankOne = 0;
    for (std::size_t i = 0; i < faces.size(); ++i) {
        const int fi = static_cast<int>(i);
        std::vector<std::size_t> removed;
        bool hasPartner = false;
        for (std::size_t j = 0; j < faces.size(); ++j) {
            const bool partner = genuinePartners.count({std::min(fi, static_cast<int>(j)), std::max(fi, static_cast<int>(j))}) > 0;
            hasPartner = hasPartner || partner;
            if (j == i || (identity[j] == identity[i] && !partner))
                removed.push_back(j);
        }
        if (!hasPartner)
            continue;
        for (std::size_t j : removed)
            gallery.remove(std::to_string(j));
        const auto result = gallery.candidates(templates.at(faces[i]).values, -1.f, options);
        std::optional<double> bestGenuineZ, bestImpostorZ, bestGenuine, bestImpostor;
        for (const auto& h : result.hits) {
            const std::size_t j = std::stoul(h.id);
            const bool same = identity[j] == identity[i];
            auto& z = same ? bestGenuineZ : bestImpostorZ;
            auto& sc = same ? bestGenuine : bestImpostor;
            if (!sc) {
                sc = h.score;
                z = h.cohortScore.value_or(0.f);
            }
        }
        for (std::size_t j : removed)
            gallery.add(std::to_string(j), templates.at(faces[j]).values);
        if (!bestGenuine || !bestImpostor || result.cohort.size == 0)
            continue;
        ++probes;
        rankOne += *bestGenuine > *bestImpostor ? 1 : 0;
        genuineZ.push_back(*bestGenuineZ);
        impostorZ.push_back(*bestImpostorZ);
        genuineScore.push_back(*bestGenuine);
        impostorScore.push_back(*bestImpostor);
    }
    if (probes == 0)
        return {};
    const auto summary = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return QJsonObject{{QStringLiteral("min"), rounded(v.front(), 3)},
                           {QStringLiteral("median"), rounded(percentile(v, 0.5), 3)},
                           {QStringLiteral("max"), rounded(v.back(), 3)}};
    };
    // How many probes a single cut would separate: the best cut on the cohort score and on
    // the raw score, each scored by errors (genuine below + impostor at or above).
    const auto bestCutErrors = [](const std::vector<double>& gen, const std::vector<double>& imp) {
        std::vector<double> cuts(gen);
        cuts.insert(cuts.end(), imp.begin(), imp.end());
        std::size_t best = gen.size() + imp.size();
        for (double c : cuts) {
            std::size_t e = 0;
            for (double g : gen)
                e += g < c ? 1 : 0;
            for (double m : imp)
                e += m >= c ? 1 : 0;
            best = std::min(best, e);
        }
        return static_cast<qint64>(best);
    };
    return {{QStringLiteral("probes"), static_cast<qint64>(probes)},
            {QStringLiteral("rank_one"), static_cast<qint64>(rankOne)},
            {QStringLiteral("genuine_cohort_score"), summary(genuineZ)},
            {QStringLiteral("best_impostor_cohort_score"), summary(impostorZ)},
            {QStringLiteral("genuine_score"), summary(genuineScore)},
            {QStringLiteral("best_impostor_score"), summary(impostorScore)},
            {QStringLiteral("errors_best_cut_cohort"), bestCutErrors(genuineZ, impostorZ)},
            {QStringLiteral("errors_best_cut_score"), bestCutErrors(genuineScore, impostorScore)}};
}

QJsonObject choiceJson(const match::ThresholdChoice& c)
{
    return {{QStringLiteral("threshold"), rounded(c.threshold, 4)},
            {QStringLiteral("threshold_bound_95"), rounded(c.bound, 4)},
            {QStringLiteral("target_fmr"), c.targetFmr},
            {QStringLiteral("extrapolated"), c.extrapolated},
            {QStringLiteral("at_floor"), c.atFloor},
            {QStringLiteral("from_setting"), c.fromSetting}};
}

int runCalibrate(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PAIRS.csv"),
                                 tr("Rows a,b,label[,identity_a,identity_b]: images, VIDEO#FRAME or IMAGE@X:Y, label 1 same person, 0 different."));
    parser.addOption({QStringLiteral("target-fmr"), tr("Target false match rates measured directly (default 0.01,0.001)."), QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("false-flags-per-1000"),
                      tr("Expected false duplicate flags per 1,000 enrollments (default: the station default, 1)."), QStringLiteral("E")});
    parser.addOption({QStringLiteral("gallery-sizes"), tr("Gallery sizes of the duplicate table (default 1000,10000,100000,1000000)."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("skip-missing"), tr("Leave out the pairs of a face the detector does not find (listed) instead of stopping.")});
    parseOrThrow(parser, args, 1, 1);
    std::vector<double> targets = {1e-2, 1e-3};
    if (parser.isSet(QStringLiteral("target-fmr"))) {
        targets.clear();
        for (const auto& t : parser.value(QStringLiteral("target-fmr")).split(u',')) {
            bool ok = false;
            const double v = t.toDouble(&ok);
            if (!ok || !(v > 0 && v < 1)) // written so that NaN fails too
                throw UsageError(tr("--target-fmr takes rates between 0 and 1"));
            targets.push_back(v);
        }
    }
    const double falseFlags = doubleOption(parser, QStringLiteral("false-flags-per-1000"), match::MatchPolicy().falseFlagsPer1000,
                                           match::MatchPolicy::kMinFalseFlags, match::MatchPolicy::kMaxFalseFlags);
    std::vector<std::size_t> sizes = {1'000, 10'000, 100'000, 1'000'000};
    if (parser.isSet(QStringLiteral("gallery-sizes"))) {
        sizes.clear();
        for (const auto& t : parser.value(QStringLiteral("gallery-sizes")).split(u',')) {
            bool ok = false;
            const qlonglong v = t.toLongLong(&ok);
            if (!ok || v < 1 || v > 1'000'000'000)
                throw UsageError(tr("--gallery-sizes takes whole numbers from 1 to 1000000000"));
            sizes.push_back(static_cast<std::size_t>(v));
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
        int idA = -1, idB = -1;
    };
    std::vector<Row> rows;
    std::map<QString, int> identityIndex;
    const auto identityOf = [&](const QString& name) {
        return identityIndex.emplace(name.trimmed(), static_cast<int>(identityIndex.size())).first->second;
    };
    QTextStream in(&f);
    int lineNo = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        ++lineNo;
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(QLatin1String("a,")))
            continue;
        const QStringList cells = line.split(u',');
        if ((cells.size() != 3 && cells.size() != 5) ||
            (cells[2].trimmed() != QLatin1String("1") && cells[2].trimmed() != QLatin1String("0")))
            throw Error(ErrorCode::InvalidInput,
                        QT_TRANSLATE_NOOP("fe::Error", "Line %1 of %2 is not \"a,b,label\" or \"a,b,label,identity_a,identity_b\" with label 0 or 1."),
                        {std::to_string(lineNo), file.toStdString()});
        Row r{parseRef(cells[0], base), parseRef(cells[1], base), cells[2].trimmed() == QLatin1String("1")};
        if (cells.size() == 5) {
            r.idA = identityOf(cells[3]);
            r.idB = identityOf(cells[4]);
        }
        rows.push_back(std::move(r));
    }
    // Encode every distinct face once; video frames are decoded in one pass per video.
    const auto models = vision::VisionModels::load(assetResolver());
    auto encoder = models.makeEncoder();
    std::map<QString, std::map<int, std::vector<FaceRef>>> wanted; // path -> frame -> refs
    for (const auto& r : rows)
        for (const auto* ref : {&r.a, &r.b})
            wanted[ref->path][ref->frame].push_back(*ref);
    std::map<QString, vision::FaceTemplate> templates;
    std::set<QString> missing;
    const bool skipMissing = parser.isSet(QStringLiteral("skip-missing"));
    const auto encodeStill = [&](const cv::Mat& bgr, const std::vector<FaceRef>& refs) {
        vision::FrameAnalyzer analyzer(models.landmarks);
        const auto a = analyzer.analyze(bgr, 0.0);
        for (const auto& ref : refs) {
            if (templates.count(ref.key()) || missing.count(ref.key()))
                continue;
            const vision::FaceObservation* face = pickFace(a, ref);
            if (!face && skipMissing) {
                missing.insert(ref.key());
                printJson({{QStringLiteral("missing_face"), ref.key()}});
                continue;
            }
            if (!face)
                throw Error(ErrorCode::NoFace, QT_TRANSLATE_NOOP("fe::Error", "No face was found in %1 (frame %2) at the position given."),
                            {ref.path.toStdString(), std::to_string(ref.frame)});
            templates[ref.key()] = encoder->encode(bgr, face->landmarks);
        }
    };
    for (const auto& [path, frames] : wanted) {
        if (frames.begin()->first < 0) {
            encodeStill(vision::readImage(path.toStdString()), frames.begin()->second);
            continue;
        }
        vision::SourceOptions so;
        so.maxFrames = frames.rbegin()->first + 1;
        auto source = vision::FrameSource::open(path.toStdString(), so);
        vision::Frame fr;
        std::set<int> seen;
        while (source->next(fr)) {
            const auto it = frames.find(static_cast<int>(fr.index));
            if (it != frames.end()) {
                encodeStill(fr.bgr, it->second);
                seen.insert(it->first);
            }
        }
        for (const auto& [fi, refs] : frames) {
            if (!seen.count(fi))
                throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "%1 has no frame %2."), {path.toStdString(), std::to_string(fi)});
        }
    }
    if (!missing.empty())
        std::erase_if(rows, [&](const Row& r) { return missing.count(r.a.key()) || missing.count(r.b.key()); });
    std::vector<match::ScoredPair> pairs;
    for (const auto& r : rows)
        pairs.push_back({vision::cosineSimilarity(templates.at(r.a.key()), templates.at(r.b.key())), r.genuine, r.idA, r.idB});
    // The highest impostor pairs, for a review of the labels: a pair of one person labelled as
    // two would inflate the impostor tail.
    {
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < pairs.size(); ++i)
            if (!pairs[i].genuine)
                order.push_back(i);
        const std::size_t shown = std::min<std::size_t>(order.size(), 10);
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                          [&](std::size_t x, std::size_t y) { return pairs[x].score > pairs[y].score; });
        for (std::size_t i = 0; i < shown; ++i)
            printJson({{QStringLiteral("top_impostor"), rounded(pairs[order[i]].score, 4)},
                       {QStringLiteral("a"), rows[order[i]].a.key()},
                       {QStringLiteral("b"), rows[order[i]].b.key()}});
    }
    const match::CalibrationReport report = match::calibrate(pairs, targets);
    const match::ThresholdPlan plan = match::planThresholds(pairs, falseFlags, sizes);

    // The duplicate table, one line per gallery size.
    QJsonArray table;
    for (const auto& row : plan.duplicate) {
        QJsonObject line = choiceJson(row.choice);
        line.insert(QStringLiteral("gallery_size"), static_cast<qint64>(row.gallerySize));
        line.insert(QStringLiteral("expected_false_flags_per_1000"), row.expectedFalseFlagsPer1000);
        line.insert(QStringLiteral("false_flags_per_1000_bound_95"), row.falseFlagsPer1000Bound);
        line.insert(QStringLiteral("fnmr"), row.fnmr);
        printJson(line);
        table.append(line);
    }
    const auto stats = [](const match::ScoreSummary& s) {
        return QJsonObject{{QStringLiteral("count"), s.count}, {QStringLiteral("min"), rounded(s.min, 4)},
                           {QStringLiteral("p01"), rounded(s.p01, 4)}, {QStringLiteral("p05"), rounded(s.p05, 4)},
                           {QStringLiteral("median"), rounded(s.median, 4)}, {QStringLiteral("mean"), rounded(s.mean, 4)},
                           {QStringLiteral("p95"), rounded(s.p95, 4)}, {QStringLiteral("p99"), rounded(s.p99, 4)},
                           {QStringLiteral("max"), rounded(s.max, 4)}};
    };
    QJsonArray points;
    for (const auto& p : report.points)
        points.append(QJsonObject{{QStringLiteral("target_fmr"), p.targetFmr}, {QStringLiteral("threshold"), rounded(p.threshold, 4)},
                                  {QStringLiteral("fmr"), p.fmr}, {QStringLiteral("fnmr"), p.fnmr},
                                  {QStringLiteral("resolved"), p.resolved}});
    QJsonArray curve;
    for (const auto& p : plan.curve.points)
        curve.append(QJsonArray{p.fmr, rounded(p.threshold, 4), rounded(p.bound, 4)});
    const auto& tail = plan.fit.point;
    QJsonObject document = choiceJson(plan.document);
    document.insert(QStringLiteral("fnmr"), plan.documentFnmr);

    // Faces, identities and the cohort evaluation.
    std::vector<QString> faces;
    std::map<QString, int> faceIndex;
    for (const auto& [key, t] : templates) {
        faceIndex[key] = static_cast<int>(faces.size());
        faces.push_back(key);
    }
    // Identities: as named in the file, else the groups the genuine pairs connect.
    std::vector<int> parent(faces.size());
    std::iota(parent.begin(), parent.end(), 0);
    const std::function<int(int)> root = [&](int x) {
        while (parent[static_cast<std::size_t>(x)] != x)
            x = parent[static_cast<std::size_t>(x)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
        return x;
    };
    std::set<std::pair<int, int>> partners;
    bool named = !rows.empty();
    for (const auto& r : rows) {
        named = named && r.idA >= 0;
        if (!r.genuine)
            continue;
        const int a = faceIndex[r.a.key()], b = faceIndex[r.b.key()];
        partners.insert({std::min(a, b), std::max(a, b)});
        parent[static_cast<std::size_t>(root(a))] = root(b);
    }
    std::vector<int> identity(faces.size());
    for (std::size_t i = 0; i < faces.size(); ++i)
        identity[i] = root(static_cast<int>(i));
    if (named) {
        for (const auto& r : rows) {
            identity[static_cast<std::size_t>(faceIndex[r.a.key()])] = r.idA;
            identity[static_cast<std::size_t>(faceIndex[r.b.key()])] = r.idB;
        }
    }
    const std::size_t identities = std::set<int>(identity.begin(), identity.end()).size();
    const QJsonObject cohort = cohortSeparation(faces, templates, identity, partners,
                                                static_cast<std::size_t>(match::MatchPolicy().maxCandidates));

    printSummary({
        {QStringLiteral("pairs"), static_cast<qint64>(pairs.size())},
        {QStringLiteral("faces"), static_cast<qint64>(templates.size())},
        {QStringLiteral("missing_faces"), static_cast<qint64>(missing.size())},
        {QStringLiteral("identities"), static_cast<qint64>(identities)},
        {QStringLiteral("genuine"), stats(report.genuine)},
        {QStringLiteral("impostor"), stats(report.impostor)},
        {QStringLiteral("eer"), report.eer},
        {QStringLiteral("eer_threshold"), rounded(report.eerThreshold, 4)},
        {QStringLiteral("operating_points"), points},
        {QStringLiteral("tail"), QJsonObject{{QStringLiteral("u"), tail.u},
                                             {QStringLiteral("tail_share"), tail.tailShare},
                                             {QStringLiteral("xi"), tail.xi},
                                             {QStringLiteral("sigma"), tail.sigma},
                                             {QStringLiteral("endpoint"), std::isfinite(tail.endpoint()) ? QJsonValue(tail.endpoint()) : QJsonValue()},
                                             {QStringLiteral("exceedances"), static_cast<qint64>(plan.fit.exceedances)},
                                             {QStringLiteral("bootstrap"), static_cast<qint64>(plan.fit.replicates.size())},
                                             {QStringLiteral("bootstrap_identities"), static_cast<qint64>(plan.fit.identities)},
                                             {QStringLiteral("confidence"), plan.fit.confidence},
                                             {QStringLiteral("max_impostor"), plan.fit.maxImpostor},
                                             {QStringLiteral("smallest_measurable_fmr"), plan.fit.smallestMeasurableFmr()}}},
        {QStringLiteral("curve"), curve},
        {QStringLiteral("floor"), rounded(plan.curve.floor, 4)},
        {QStringLiteral("document"), document},
        {QStringLiteral("false_flags_per_1000"), falseFlags},
        {QStringLiteral("duplicate"), table},
        {QStringLiteral("cohort"), cohort},
        {QStringLiteral("model"), QString::fromStdString(encoder->modelId())},
    });
    return 0;
}

} // namespace

void registerEnrollCommands(CommandTable& table)
{
    table[QStringLiteral("enroll")] = {runEnroll, QT_TRANSLATE_NOOP("cli", "--db PATH --user OP [--password-file FILE] [--lock-timeout S] --live VIDEO [--live-start S] [--live-seconds S] --id-photo IMAGE|VIDEO [--id-photo-frame N] --subject-file FILE|- | --name NAME --document-type T --document-number N --phone E164 [--date-of-birth DATE] [--region CC]  --consent yes|no [--notice-version V] [--language LANG] [--mode challenge|spontaneous] [--challenges LIST] [--quality-profile NAME] [--allow-low-quality] [--id-photo-override]  enroll a customer")};
    table[QStringLiteral("list")] = {runList, QT_TRANSLATE_NOOP("cli", "--db PATH --user U [--status flagged]  enrollments, one per line (no biometric data)")};
    table[QStringLiteral("show")] = {runShow, QT_TRANSLATE_NOOP("cli", "ID --db PATH --user U  one enrollment's record (no biometric data)")};
    table[QStringLiteral("review")] = {runReview, QT_TRANSLATE_NOOP("cli", "--db PATH --user SUP --enrollment ID --decision approve|reject --reason TEXT  decide a flagged enrollment")};
    table[QStringLiteral("calibrate")] = {runCalibrate, QT_TRANSLATE_NOOP("cli", "PAIRS.csv [--false-flags-per-1000 E] [--gallery-sizes LIST]  impostor tail, thresholds per gallery size, cohort scores")};
}

} // namespace fe::cli
