#include "enroll/EnrollmentService.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "common/SettingsSchema.h"
#include "enroll/DocumentTypes.h"
#include "enroll/ErrorBoundary.h"
#include "store/Session.h"

#include <algorithm>
#include <set>

namespace fe::enroll {
namespace {

store::TemplateRecord toRecord(const vision::FaceTemplate& t)
{
    return {t.values, t.modelId, t.modelVersion};
}

store::Flag makeFlag(FlagType type, double score, double threshold)
{
    return {std::string(flagKey(type)), flagReasonKey(type), score, threshold};
}

std::string challengeDetail(const liveness::ChallengeRecord& c)
{
    return "value=" + std::to_string(c.value) + ";nose_shift=" + std::to_string(c.noseShift) +
           ";non_planarity=" + std::to_string(c.nonPlanarity) +
           ";prompted_ms=" + std::to_string(c.promptedAtMs);
}

struct Decision
{
    std::vector<store::Flag> flags;
    std::vector<store::MatchResult> matches;
    IdPhotoMatch idPhoto;
};

// The registration rules, on an index caught up under the write lock.
Decision applyRules(const match::MatchPolicy& policy, const ValidatedSubject& subject,
                    const IdPhotoCheck& idPhoto, const LiveResult& live, const EnrollOptions& options,
                    const MatchIndex::Lookup& lookup)
{
    Decision d;
    const vision::FaceTemplate& face = live.portrait->faceTemplate;

    // 1:1 against the document photo.
    d.idPhoto.score = vision::cosineSimilarity(face, idPhoto.faceTemplate);
    d.idPhoto.threshold = policy.documentThreshold;
    d.idPhoto.matched = d.idPhoto.score >= policy.documentThreshold;
    d.matches.push_back({store::MatchKind::IdDocument, {}, d.idPhoto.score, policy.documentThreshold,
                         d.idPhoto.matched, std::nullopt, std::nullopt});
    if (!d.idPhoto.matched)
        d.flags.push_back(makeFlag(FlagType::IdPhotoMismatch, d.idPhoto.score, policy.documentThreshold));
    if (options.idPhotoQualityOverride && !idPhoto.quality.passed) {
        d.flags.push_back(makeFlag(FlagType::IdPhotoQualityOverride, 0.0, 0.0));
        if (options.idPhotoOverrideReason.find_first_not_of(" \t\r\n") != std::string::npos)
            d.flags.back().reason = options.idPhotoOverrideReason;
    }

    // 1:N: the same face under another document, or holding too many numbers; searched at the
    // threshold for the gallery size at this moment (lookup.similarThreshold), and the best
    // policy.maxCandidates recorded with their rank and cohort score.
    const double duplicateThreshold = lookup.similarThreshold;
    std::optional<double> otherDocument;
    std::set<std::string> phonesOfThisFace;
    int recorded = 0;
    for (const auto& c : lookup.similar) {
        if (recorded++ < policy.maxCandidates)
            d.matches.push_back({store::MatchKind::Gallery, c.enrollmentId, c.score, duplicateThreshold, true,
                                 static_cast<int>(c.rank),
                                 c.cohortScore ? std::optional<double>(*c.cohortScore) : std::nullopt});
        if (c.documentType != subject.subject.documentType ||
            c.documentNumber != subject.subject.documentNumber)
            otherDocument = std::max(otherDocument.value_or(-1.0), static_cast<double>(c.score));
        if (c.phone != subject.phoneE164)
            phonesOfThisFace.insert(c.phone);
    }
    if (otherDocument)
        d.flags.push_back(makeFlag(FlagType::DuplicateIdentity, *otherDocument, duplicateThreshold));
    if (static_cast<int>(phonesOfThisFace.size()) >= policy.maxNumbersPerPerson)
        d.flags.push_back(makeFlag(FlagType::TooManyNumbers, static_cast<double>(phonesOfThisFace.size()),
                                   static_cast<double>(policy.maxNumbersPerPerson)));

    // Bindings: the number and the document each belong to one face (1:1 per binding).
    const auto boundElsewhere = [&](const std::vector<MatchIndex::Candidate>& bound) {
        std::optional<double> worst;
        for (const auto& c : bound) {
            if (c.score < policy.documentThreshold)
                worst = std::max(worst.value_or(-1.0), static_cast<double>(c.score));
        }
        return worst;
    };
    if (const auto s = boundElsewhere(lookup.samePhone))
        d.flags.push_back(makeFlag(FlagType::NumberBoundToOtherFace, *s, policy.documentThreshold));
    if (const auto s = boundElsewhere(lookup.sameDocument))
        d.flags.push_back(makeFlag(FlagType::DocumentBoundToOtherFace, *s, policy.documentThreshold));

    // Liveness and quality.
    if (live.liveness.verdict == liveness::Verdict::Spoof)
        d.flags.push_back(makeFlag(FlagType::LivenessFailed, live.liveness.passiveScore, 0.0));
    else if (live.liveness.verdict == liveness::Verdict::Inconclusive)
        d.flags.push_back(makeFlag(FlagType::LivenessInconclusive, live.liveness.passiveScore, 0.0));
    // Spontaneous mode with a real camera (the station allows it): that mode cannot tell a
    // replayed recording from a live face, so a supervisor looks (issue 12).
    if (live.liveness.mode == liveness::Mode::Spontaneous && live.liveness.source == liveness::CaptureSource::Camera)
        d.flags.push_back(makeFlag(FlagType::LivenessSpontaneous, 0.0, 0.0));
    if (options.lowQualityOverride && !live.portrait->passedQualityGate) {
        d.flags.push_back(makeFlag(FlagType::LowQualityOverride, 0.0, 0.0));
        // The operator's own words, when given, replace the text key.
        if (options.overrideReason.find_first_not_of(" \t\r\n") != std::string::npos)
            d.flags.back().reason = options.overrideReason;
    }
    return d;
}

// The live step's result and the index, as enroll() and assess() need them.
void checkPortrait(const LiveResult& live, const EnrollOptions& options, const MatchIndex* index)
{
    if (!live.portrait)
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP("fe::Error",
                                      "No live frame passed the quality check (most often: %1); capture again."),
                    {std::string(vision::guidanceKey(live.blockingGuidance))});
    if (!live.portrait->passedQualityGate && !options.lowQualityOverride)
        throw Error(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("fe::Error",
                              "The portrait is below the quality gate; capture again or confirm the override."));
    if (options.overrideReason.size() > EnrollmentService::kMaxReviewReason ||
        options.idPhotoOverrideReason.size() > EnrollmentService::kMaxReviewReason)
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP("fe::Error", "The override reason is too long (at most %1 bytes)."),
                    {std::to_string(EnrollmentService::kMaxReviewReason)});
    if (!index)
        throw Error(ErrorCode::Internal,
                    QT_TRANSLATE_NOOP("fe::Error",
                                      "This workflow has no match index; enrollments cannot be decided."));
    const vision::FaceTemplate& face = live.portrait->faceTemplate;
    if (face.modelId != index->spec().modelId || face.values.size() != index->spec().dimension)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error",
                                      "The portrait's template (model %1) does not match the index's model %2."),
                    {face.modelId, index->spec().modelId});
}

} // namespace

EnrollmentService::EnrollmentService(store::Session& session, std::shared_ptr<MatchIndex> index)
    : m_session(session), m_index(std::move(index))
{}

EnrollmentService::~EnrollmentService() = default;

template <typename F> decltype(auto) EnrollmentService::call(const char* where, F&& f)
{
    try {
        return detail::guarded(where, std::forward<F>(f));
    } catch (const Error& e) {
        // A locked session means the station is locked: the index must not outlive it.
        if (e.code() == ErrorCode::Locked && m_index)
            m_index->wipe();
        throw;
    }
}

match::MatchPolicy EnrollmentService::policy() const
{
    return match::MatchPolicy::fromSettings(m_session.settings());
}

liveness::SpontaneousPolicy EnrollmentService::spontaneousPolicy() const
{
    // Read through the schema: a stored value that no longer validates gives the default.
    const std::string key = SettingsSchema::text(m_session.settings(), setting::kLivenessSpontaneousMode);
    return liveness::spontaneousPolicyFromKey(key).value_or(liveness::SpontaneousPolicy::DemoCameraOnly);
}

void EnrollmentService::checkLivenessMode(const LiveResult& live) const
{
    if (live.liveness.mode == liveness::Mode::Spontaneous &&
        !liveness::spontaneousAllowed(spontaneousPolicy(), live.liveness.source))
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP("fe::Error", "Liveness without prompts (spontaneous mode) is not allowed with "
                                                   "this camera at this station; capture again in challenge mode."));
}

ValidatedSubject EnrollmentService::validateSubject(const SubjectInput& input) const
{
    if (!input.consent.operatorAttested)
        throw Error(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("fe::Error", "The operator must confirm that the customer gave consent."));
    return SubjectValidator::validate(input.subject, input.phone, input.defaultRegion,
                                      m_session.currentTime());
}

SubjectDecision EnrollmentService::start(const SubjectInput& input)
{
    return call("EnrollmentService::start", [&] {
        SubjectDecision d;
        if (!input.consent.given) {
            m_session.recordConsentRefused();
            d.consentRefused = true;
            return d;
        }
        ValidatedSubject v = validateSubject(input);
        d.subject = std::move(v.subject);
        d.phoneE164 = std::move(v.phoneE164);
        return d;
    });
}

void EnrollmentService::checkIdPhotoRules(const IdPhotoCheck& idPhoto, bool qualityOverride) const
{
    if (idPhoto.faceCount == 0 || idPhoto.faceTemplate.empty())
        throw Error(ErrorCode::NoFace,
                    QT_TRANSLATE_NOOP("fe::Error", "No face was found on the ID-document photo; capture "
                                                   "it again, flat and well lit."));
    if (idPhoto.faceCount > 1)
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP(
                        "fe::Error", "The ID-document photo shows %1 faces; it must show only the document's "
                                     "photo. Capture the document alone."),
                    {std::to_string(idPhoto.faceCount)});
    if (!idPhoto.quality.passed && !qualityOverride) {
        std::string failed;
        for (const auto id : idPhoto.quality.failed())
            failed += (failed.empty() ? "" : ", ") + std::string(vision::qualityMeasureKey(id));
        throw Error(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("fe::Error",
                              "The ID-document photo fails the document quality check (%1); capture it "
                              "again, or keep it with the override (the enrollment is then reviewed)."),
            {failed});
    }
}

EnrollmentOutcome EnrollmentService::enroll(const SubjectInput& input, const IdPhotoCheck& idPhoto,
                                            const LiveResult& live, const EnrollOptions& options)
{
    return call("EnrollmentService::enroll", [&] {
        EnrollmentOutcome out;
        const SubjectDecision subject = start(input);
        if (subject.consentRefused) {
            out.outcome = Outcome::Refused;
            return out;
        }
        out.phoneE164 = subject.phoneE164;
        checkIdPhotoRules(idPhoto, options.idPhotoQualityOverride);
        checkPortrait(live, options, m_index.get());
        checkLivenessMode(live);
        const vision::FaceTemplate& face = live.portrait->faceTemplate;

        store::Enrollment e;
        e.subject = subject.subject;
        e.phone = subject.phoneE164;
        e.consent = {input.consent.noticeVersion, input.consent.language, m_session.currentTime(),
                     input.consent.operatorAttested};
        e.portrait = live.portrait->jpeg;
        e.faceTemplate = toRecord(face);
        for (const auto& m : live.portrait->quality.measures) {
            e.quality.push_back(
                {std::string(vision::qualityMeasureKey(m.id)), m.value, m.passed,
                 m.passed ? std::string() : "quality." + std::string(vision::qualityMeasureKey(m.id))});
        }
        e.liveness.verdict = std::string(liveness::verdictKey(live.liveness.verdict));
        e.liveness.mode = std::string(liveness::modeKey(live.liveness.mode));
        for (const auto& c : live.liveness.challenges) {
            const auto duration =
                c.metAtMs ? static_cast<std::int64_t>(*c.metAtMs - c.promptedAtMs) : std::int64_t{0};
            e.liveness.challenges.push_back(
                {std::string(liveness::challengeKey(c.kind)), c.met, duration, challengeDetail(c)});
        }
        e.liveness.passiveScores.push_back({"fr_liveness", live.liveness.passiveScore});
        for (const auto& ev : live.liveness.evidence)
            e.liveness.evidenceFrames.push_back(ev.jpeg);
        e.idPhoto = idPhoto.jpeg;
        e.idTemplate = toRecord(idPhoto.faceTemplate);

        const match::MatchPolicy rules = policy();
        const ValidatedSubject validated{subject.subject, subject.phoneE164};
        // Decided under the store's write lock, against everything committed before.
        out.enrollmentId = m_session.insertEnrollment(
            std::move(e), [&](store::Session::GalleryChanges& changes, store::Enrollment& record) {
                const MatchIndex::Lookup lookup = m_index->catchUpAndLookup(
                    changes, face.values, validated.subject.documentType, validated.subject.documentNumber,
                    validated.phoneE164, rules);
                Decision d = applyRules(rules, validated, idPhoto, live, options, lookup);
                record.flags = d.flags;
                record.matches = d.matches;
                out.flags = std::move(d.flags);
                out.matches = std::move(d.matches);
                out.idPhoto = d.idPhoto;
                out.gallerySize = lookup.size;
            });
        out.outcome = out.flags.empty() ? Outcome::Accepted : Outcome::Flagged;
        // The index learns this enrollment from the change log, as any other.
        try {
            m_index->refresh(m_session);
        } catch (const Error& err) {
            qCWarning(lcEnroll) << "index refresh after an insert failed:" << err.what();
        }
        qCDebug(lcEnroll) << "enrollment stored:" << out.enrollmentId.c_str() << "flags:" << out.flags.size();
        return out;
    });
}

EnrollmentOutcome EnrollmentService::assess(const SubjectInput& input, const IdPhotoCheck& idPhoto,
                                            const LiveResult& live, const EnrollOptions& options) const
{
    return detail::guarded("EnrollmentService::assess", [&] {
        EnrollmentOutcome out;
        if (!input.consent.given) {
            out.outcome = Outcome::Refused;
            return out;
        }
        const ValidatedSubject validated = validateSubject(input);
        out.phoneE164 = validated.phoneE164;
        checkIdPhotoRules(idPhoto, options.idPhotoQualityOverride);
        checkPortrait(live, options, m_index.get());
        checkLivenessMode(live);
        const match::MatchPolicy rules = policy();
        // Against the index as it is (shared lock only); enroll() decides again under the
        // store's write lock after catching up.
        const MatchIndex::Lookup lookup =
            m_index->lookup(live.portrait->faceTemplate.values, validated.subject.documentType,
                            validated.subject.documentNumber, validated.phoneE164, rules);
        Decision d = applyRules(rules, validated, idPhoto, live, options, lookup);
        out.flags = std::move(d.flags);
        out.matches = std::move(d.matches);
        out.idPhoto = d.idPhoto;
        out.gallerySize = lookup.size;
        out.outcome = out.flags.empty() ? Outcome::Accepted : Outcome::Flagged;
        return out;
    });
}

void EnrollmentService::review(std::string_view enrollmentId, store::ReviewOutcome outcome,
                               std::string_view reason)
{
    call("EnrollmentService::review", [&] {
        if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos)
            throw Error(ErrorCode::InvalidArgument,
                        QT_TRANSLATE_NOOP("fe::Error", "A review decision needs a reason."));
        if (reason.size() > kMaxReviewReason || !SubjectValidator::isValidUtf8(reason))
            throw Error(
                ErrorCode::InvalidArgument,
                QT_TRANSLATE_NOOP("fe::Error", "A review reason is text of at most %1 bytes (valid UTF-8)."),
                {std::to_string(kMaxReviewReason)});
        m_session.recordReview(enrollmentId, outcome, reason);
    });
}

store::PurgeReport EnrollmentService::purge(store::PurgeMode mode)
{
    return call("EnrollmentService::purge", [&] {
        const store::PurgeReport report = m_session.purge(mode);
        if (report.purged > 0 && m_index)
            m_index->refresh(m_session);
        return report;
    });
}

void EnrollmentService::erase(std::string_view enrollmentId)
{
    call("EnrollmentService::erase", [&] {
        m_session.eraseEnrollment(enrollmentId);
        if (m_index)
            m_index->forget(enrollmentId);
    });
}

std::vector<store::EnrollmentSummary> EnrollmentService::list(const store::EnrollmentFilter& filter)
{
    return call("EnrollmentService::list", [&] { return m_session.listEnrollments(filter); });
}

std::vector<store::EnrollmentSummary> EnrollmentService::reviewQueue()
{
    return call("EnrollmentService::reviewQueue", [&] { return m_session.reviewQueue(); });
}

store::Enrollment EnrollmentService::get(std::string_view enrollmentId)
{
    return call("EnrollmentService::get", [&] { return m_session.getEnrollment(enrollmentId); });
}

std::vector<store::EnrollmentSummary> EnrollmentService::findByDocument(std::string_view documentType,
                                                                        std::string_view number)
{
    return call("EnrollmentService::findByDocument", [&] {
        return m_session.findByDocumentNumber(documentType, DocumentTypes::canonical(number));
    });
}

} // namespace fe::enroll
