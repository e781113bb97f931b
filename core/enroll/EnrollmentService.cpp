#include "enroll/EnrollmentService.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "enroll/PhoneNumberValidator.h"
#include "store/Session.h"
#include "vision/FrameAnalyzer.h"
#include "vision/VisionModels.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <set>

namespace fe::enroll {
namespace {

// The template's model version as recorded with it (the npm package version of the model).
constexpr const char* kTemplateModelVersion = "0.0.1";
// ID-document photos are kept at most this large (long side, px).
constexpr int kIdPhotoMaxSide = 1024;

store::TemplateRecord toRecord(const vision::FaceTemplate& t)
{
    return {t.values, t.modelId, kTemplateModelVersion};
}

store::Flag makeFlag(FlagType type, double score, double threshold)
{
    return {std::string(flagKey(type)), flagReasonKey(type), score, threshold};
}

std::string challengeDetail(const liveness::ChallengeRecord& c)
{
    return "value=" + std::to_string(c.value) + ";nose_shift=" + std::to_string(c.noseShift) +
           ";non_planarity=" + std::to_string(c.nonPlanarity) + ";prompted_ms=" + std::to_string(c.promptedAtMs);
}

} // namespace

EnrollmentService::EnrollmentService(store::Session& session, const vision::VisionModels& models)
    : m_session(session), m_models(models), m_encoder(models.makeEncoder()),
      m_policy(match::MatchPolicy::fromSettings(session.settings())), m_gallery(512)
{
    reloadGallery();
}

EnrollmentService::~EnrollmentService() = default;

void EnrollmentService::reloadGallery()
{
    m_gallery.clear();
    m_entries.clear();
    const std::string model = m_encoder->modelId();
    m_session.forEachGalleryTemplate([&](const store::GalleryRow& row) {
        if (row.values.size() != m_gallery.dimension() || row.modelId != model)
            return; // another model's template cannot be compared
        m_gallery.add(row.enrollmentId, row.values);
        m_entries.emplace(std::string(row.enrollmentId),
                          Entry{std::string(row.documentType), std::string(row.documentNumber), std::string(row.phone)});
    });
    qCDebug(lcEnroll) << "gallery loaded:" << m_gallery.size() << "templates";
}

std::string EnrollmentService::validateSubject(const SubjectInput& input) const
{
    if (input.subject.name.empty())
        throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "The customer's name is missing."));
    if (input.subject.documentType.empty() || input.subject.documentNumber.empty())
        throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "The document type and number are both needed."));
    const auto phone = PhoneNumberValidator::toE164(input.phone, input.defaultRegion);
    if (!phone)
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP("fe::Error", "The phone number is not a valid number; type it with its country code, e.g. +86."));
    return *phone;
}

IdPhotoCheck EnrollmentService::checkIdPhoto(const cv::Mat& bgr)
{
    IdPhotoCheck check;
    vision::AnalyzerOptions options;
    options.profile = vision::QualityProfile::byName("document");
    vision::FrameAnalyzer analyzer(m_models.landmarks, options);
    const vision::FrameAnalysis a = analyzer.analyze(bgr, 0.0);
    check.faceCount = static_cast<int>(a.faces.size());
    check.guidance = a.guidance;
    if (a.faces.empty())
        return check;
    const vision::FaceObservation& face = a.faces.front();
    check.faceFound = true;
    check.quality = face.quality;
    check.faceBox = face.box;
    check.faceTemplate = m_encoder->encode(bgr, face.landmarks);
    cv::Mat kept = bgr;
    const int side = std::max(bgr.cols, bgr.rows);
    if (side > kIdPhotoMaxSide) {
        const double s = static_cast<double>(kIdPhotoMaxSide) / side;
        cv::resize(bgr, kept, cv::Size(), s, s, cv::INTER_AREA);
    }
    cv::imencode(".jpg", kept, check.jpeg, {cv::IMWRITE_JPEG_QUALITY, 92});
    return check;
}

std::vector<store::Flag> EnrollmentService::applyRules(const SubjectInput& input, const std::string& phone,
                                                       const IdPhotoCheck& idPhoto, const LiveResult& live,
                                                       bool lowQualityOverride, std::string_view overrideReason,
                                                       std::vector<store::MatchResult>& matches,
                                                       std::optional<double>& idScore) const
{
    std::vector<store::Flag> flags;
    const vision::FaceTemplate& face = live.portrait->faceTemplate;

    // 1:1 against the document photo.
    idScore = vision::cosineSimilarity(face, idPhoto.faceTemplate);
    const bool idMatch = *idScore >= m_policy.documentThreshold;
    matches.push_back({store::MatchKind::IdDocument, {}, *idScore, m_policy.documentThreshold, idMatch, std::nullopt, std::nullopt});
    if (!idMatch)
        flags.push_back(makeFlag(FlagType::IdPhotoMismatch, *idScore, m_policy.documentThreshold));

    // 1:N against every enrolled face, at the threshold for the current gallery size; the best
    // maxCandidates are recorded with their rank and cohort score.
    const double duplicateThreshold = m_policy.duplicateThreshold(m_gallery.size()).threshold;
    match::CandidateOptions candidateOptions;
    candidateOptions.cohortSkip = static_cast<std::size_t>(m_policy.maxCandidates);
    const auto hits = m_gallery.candidates(face.values, static_cast<float>(duplicateThreshold), candidateOptions).hits;
    std::optional<double> otherDocument;
    std::set<std::string> phonesOfThisFace;
    int recorded = 0;
    for (const auto& hit : hits) {
        const auto it = m_entries.find(hit.id);
        if (it == m_entries.end())
            continue;
        if (recorded++ < m_policy.maxCandidates)
            matches.push_back({store::MatchKind::Gallery, hit.id, hit.score, duplicateThreshold, true, static_cast<int>(hit.rank),
                               hit.cohortScore ? std::optional<double>(*hit.cohortScore) : std::nullopt});
        if (it->second.documentType != input.subject.documentType || it->second.documentNumber != input.subject.documentNumber)
            otherDocument = std::max(otherDocument.value_or(-1.0), static_cast<double>(hit.score));
        if (it->second.phone != phone)
            phonesOfThisFace.insert(it->second.phone);
    }
    if (otherDocument)
        flags.push_back(makeFlag(FlagType::DuplicateIdentity, *otherDocument, duplicateThreshold));
    if (static_cast<int>(phonesOfThisFace.size()) >= m_policy.maxNumbersPerPerson)
        flags.push_back(makeFlag(FlagType::TooManyNumbers, static_cast<double>(phonesOfThisFace.size()),
                                 static_cast<double>(m_policy.maxNumbersPerPerson)));

    // Bindings: the number and the document each belong to one face.
    std::optional<double> numberOther, documentOther;
    for (const auto& [id, entry] : m_entries) {
        const bool samePhone = entry.phone == phone;
        const bool sameDocument =
            entry.documentType == input.subject.documentType && entry.documentNumber == input.subject.documentNumber;
        if (!samePhone && !sameDocument)
            continue;
        const auto score = m_gallery.score(id, face.values);
        if (!score || *score >= m_policy.documentThreshold)
            continue;
        if (samePhone)
            numberOther = std::max(numberOther.value_or(-1.0), static_cast<double>(*score));
        if (sameDocument)
            documentOther = std::max(documentOther.value_or(-1.0), static_cast<double>(*score));
    }
    if (numberOther)
        flags.push_back(makeFlag(FlagType::NumberBoundToOtherFace, *numberOther, m_policy.documentThreshold));
    if (documentOther)
        flags.push_back(makeFlag(FlagType::DocumentBoundToOtherFace, *documentOther, m_policy.documentThreshold));

    // Liveness and quality.
    if (live.liveness.verdict == liveness::Verdict::Spoof)
        flags.push_back(makeFlag(FlagType::LivenessFailed, live.liveness.passiveScore, 0.0));
    else if (live.liveness.verdict == liveness::Verdict::Inconclusive)
        flags.push_back(makeFlag(FlagType::LivenessInconclusive, live.liveness.passiveScore, 0.0));
    if (lowQualityOverride && !live.portrait->passedQualityGate) {
        flags.push_back(makeFlag(FlagType::LowQualityOverride, 0.0, 0.0));
        if (overrideReason.find_first_not_of(" \t\r\n") != std::string_view::npos)
            flags.back().reason = std::string(overrideReason);
    }
    return flags;
}

EnrollmentOutcome EnrollmentService::assess(const SubjectInput& input, const IdPhotoCheck& idPhoto, const LiveResult& live,
                                            bool lowQualityOverride, std::string_view overrideReason) const
{
    EnrollmentOutcome out;
    if (!input.consent.given) {
        out.outcome = Outcome::Refused;
        return out;
    }
    if (!input.consent.operatorAttested)
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP("fe::Error", "The operator must confirm that the customer gave consent."));
    out.phoneE164 = validateSubject(input);
    if (!idPhoto.faceFound)
        throw Error(ErrorCode::NoFace, QT_TRANSLATE_NOOP("fe::Error", "No face was found on the ID-document photo; capture it again, flat and well lit."));
    if (!live.portrait)
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP("fe::Error", "No live frame passed the quality check (most often: %1); capture again."),
                    {std::string(vision::guidanceKey(live.blockingGuidance))});
    if (!live.portrait->passedQualityGate && !lowQualityOverride)
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP("fe::Error", "The portrait is below the quality gate; capture again or confirm the override."));

    out.flags = applyRules(input, out.phoneE164, idPhoto, live, lowQualityOverride, overrideReason, out.matches,
                           out.idPhotoScore);
    out.outcome = out.flags.empty() ? Outcome::Accepted : Outcome::Flagged;
    return out;
}

EnrollmentOutcome EnrollmentService::enroll(const SubjectInput& input, const IdPhotoCheck& idPhoto, const LiveResult& live,
                                            bool lowQualityOverride, std::string_view overrideReason)
{
    if (!input.consent.given) {
        m_session.recordConsentRefused();
        EnrollmentOutcome out;
        out.outcome = Outcome::Refused;
        return out;
    }
    EnrollmentOutcome out = assess(input, idPhoto, live, lowQualityOverride, overrideReason);
    const std::vector<store::MatchResult>& matches = out.matches;

    store::Enrollment e;
    e.subject = input.subject;
    e.phone = out.phoneE164;
    e.consent = {input.consent.noticeVersion, input.consent.language, store::systemNow(), input.consent.operatorAttested};
    e.portrait = live.portrait->jpeg;
    e.faceTemplate = toRecord(live.portrait->faceTemplate);
    for (const auto& m : live.portrait->quality.measures) {
        e.quality.push_back({std::string(vision::qualityMeasureKey(m.id)), m.value, m.passed,
                             m.passed ? std::string() : "quality." + std::string(vision::qualityMeasureKey(m.id))});
    }
    e.liveness.verdict = std::string(liveness::verdictKey(live.liveness.verdict));
    for (const auto& c : live.liveness.challenges) {
        const auto duration = c.metAtMs ? static_cast<std::int64_t>(*c.metAtMs - c.promptedAtMs) : std::int64_t{0};
        e.liveness.challenges.push_back({std::string(liveness::challengeKey(c.kind)), c.met, duration, challengeDetail(c)});
    }
    e.liveness.passiveScores.push_back({"fr_liveness", live.liveness.passiveScore});
    for (const auto& ev : live.liveness.evidence)
        e.liveness.evidenceFrames.push_back(ev.jpeg);
    e.idPhoto = idPhoto.jpeg;
    e.idTemplate = toRecord(idPhoto.faceTemplate);
    e.matches = matches;
    e.flags = out.flags;

    out.enrollmentId = m_session.insertEnrollment(e);
    m_gallery.add(out.enrollmentId, live.portrait->faceTemplate.values);
    m_entries[out.enrollmentId] = {input.subject.documentType, input.subject.documentNumber, out.phoneE164};
    qCDebug(lcEnroll) << "enrollment stored:" << out.enrollmentId.c_str() << "flags:" << out.flags.size();
    return out;
}

void EnrollmentService::review(std::string_view enrollmentId, store::ReviewOutcome outcome, std::string_view reason)
{
    if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A review decision needs a reason."));
    m_session.recordReview(enrollmentId, outcome, reason);
}

store::PurgeReport EnrollmentService::purge(store::PurgeMode mode)
{
    const store::PurgeReport report = m_session.purge(mode);
    if (report.purged > 0)
        reloadGallery();
    return report;
}

void EnrollmentService::erase(std::string_view enrollmentId)
{
    m_session.eraseEnrollment(enrollmentId);
    m_gallery.remove(enrollmentId);
    m_entries.erase(std::string(enrollmentId));
}

} // namespace fe::enroll
