#include "store/EnrollmentRepository.h"

#include "common/Error.h"
#include "store/Connection.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <unordered_map>

#include <sodium.h>

namespace fe::store {
namespace {

constexpr const char* kSummaryColumns =
    "e.id, e.station_id, e.operator_id, e.created_at, e.status, o.state, "
    "(SELECT count(*) FROM flags f WHERE f.enrollment_id = e.id), e.purged_at, "
    "e.subject_name, e.document_type, e.document_number, e.phone";
constexpr const char* kSummaryFrom = " FROM enrollments e LEFT JOIN outbox o ON o.enrollment_id = e.id";

EnrollmentSummary readSummary(const Statement& s)
{
    EnrollmentSummary r;
    r.id = s.text(0);
    r.stationId = s.text(1);
    r.operatorId = s.text(2);
    r.createdAt = fromMillis(s.int64(3));
    r.status = parseEnrollmentStatus(s.text(4)).value_or(EnrollmentStatus::Accepted);
    r.uploadState = parseUploadState(s.text(5)).value_or(UploadState::Held);
    r.flagCount = s.int32(6);
    r.purged = !s.isNull(7);
    r.subjectName = s.text(8);
    r.documentType = s.text(9);
    r.documentNumber = s.text(10);
    r.phone = s.text(11);
    return r;
}

void insertImage(Connection& db, std::string_view id, const char* kind, int seq, const Jpeg& jpeg)
{
    auto& q =
        db.cached("INSERT INTO enrollment_images (enrollment_id, kind, seq, jpeg) VALUES (?1, ?2, ?3, ?4)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id).bind(2, kind).bind(3, seq).bindBlobNoCopy(4, jpeg);
    q.run();
}

void insertTemplate(Connection& db, std::string_view id, const char* kind, const TemplateRecord& t)
{
    auto& q =
        db.cached("INSERT INTO templates (enrollment_id, kind, model_id, model_version, dimensions, vector) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    const Statement::ResetOnExit guard(q);
    const auto bytes = EnrollmentRepository::encodeTemplate(t.values);
    q.bind(1, id)
        .bind(2, kind)
        .bind(3, t.modelId)
        .bind(4, t.modelVersion)
        .bind(5, static_cast<std::int64_t>(t.values.size()))
        .bindBlobNoCopy(6, bytes);
    q.run();
}

TemplateRecord readTemplate(const Statement& s, int first)
{
    TemplateRecord t;
    t.modelId = s.text(first);
    t.modelVersion = s.text(first + 1);
    const auto dims = s.int64(first + 2);
    t.values = EnrollmentRepository::decodeTemplate(s.blob(first + 3));
    if (static_cast<std::int64_t>(t.values.size()) != dims)
        throw Error(ErrorCode::Corrupt,
                    QT_TRANSLATE_NOOP("fe::Error", "A stored template has %1 values where %2 were recorded."),
                    {std::to_string(t.values.size()), std::to_string(dims)});
    return t;
}

} // namespace

std::vector<unsigned char> EnrollmentRepository::encodeTemplate(const std::vector<float>& values)
{
    static_assert(sizeof(float) == 4 && std::numeric_limits<float>::is_iec559);
    std::vector<unsigned char> out(values.size() * 4);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto u = std::bit_cast<std::uint32_t>(values[i]);
        out[4 * i] = static_cast<unsigned char>(u);
        out[4 * i + 1] = static_cast<unsigned char>(u >> 8);
        out[4 * i + 2] = static_cast<unsigned char>(u >> 16);
        out[4 * i + 3] = static_cast<unsigned char>(u >> 24);
    }
    return out;
}

std::vector<float> EnrollmentRepository::decodeTemplate(const std::vector<unsigned char>& bytes)
{
    std::vector<float> out;
    decodeTemplate(bytes, out);
    return out;
}

void EnrollmentRepository::decodeTemplate(std::span<const unsigned char> bytes, std::vector<float>& out)
{
    if (bytes.size() % 4 != 0)
        throw Error(ErrorCode::Corrupt,
                    QT_TRANSLATE_NOOP("fe::Error", "A stored template is not a whole number of float values."));
    out.resize(bytes.size() / 4);
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(out.data(), bytes.data(), bytes.size()); // stored little-endian
        return;
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::uint32_t u = std::uint32_t{bytes[4 * i]} | std::uint32_t{bytes[4 * i + 1]} << 8 |
                                std::uint32_t{bytes[4 * i + 2]} << 16 | std::uint32_t{bytes[4 * i + 3]} << 24;
        out[i] = std::bit_cast<float>(u);
    }
}

void EnrollmentRepository::insert(const Enrollment& e, UploadState initialState)
{
    {
        auto& q = m_db.cached(
            "INSERT INTO enrollments (id, station_id, operator_id, created_at, status, subject_name, "
            "document_type, "
            "document_number, date_of_birth, phone, consent_notice_version, consent_language, consent_time, "
            "consent_attested, liveness_verdict, liveness_mode) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
        const Statement::ResetOnExit guard(q);
        q.bind(1, e.id)
            .bind(2, e.stationId)
            .bind(3, e.operatorId)
            .bind(4, toMillis(e.createdAt))
            .bind(5, toString(e.status))
            .bind(6, e.subject.name)
            .bind(7, e.subject.documentType)
            .bind(8, e.subject.documentNumber);
        if (e.subject.dateOfBirth)
            q.bind(9, formatDate(*e.subject.dateOfBirth));
        else
            q.bindNull(9);
        q.bind(10, e.phone)
            .bind(11, e.consent.noticeVersion)
            .bind(12, e.consent.language)
            .bind(13, toMillis(e.consent.time))
            .bind(14, e.consent.operatorAttested)
            .bind(15, e.liveness.verdict);
        if (e.liveness.mode.empty())
            q.bindNull(16);
        else
            q.bind(16, e.liveness.mode);
        q.run();
    }
    insertImage(m_db, e.id, "portrait", 0, e.portrait);
    if (!e.idPhoto.empty())
        insertImage(m_db, e.id, "id_photo", 0, e.idPhoto);
    for (std::size_t i = 0; i < e.liveness.evidenceFrames.size(); ++i)
        insertImage(m_db, e.id, "evidence", static_cast<int>(i), e.liveness.evidenceFrames[i]);
    insertTemplate(m_db, e.id, "face", e.faceTemplate);
    if (!e.idTemplate.empty())
        insertTemplate(m_db, e.id, "id_photo", e.idTemplate);

    for (std::size_t i = 0; i < e.quality.size(); ++i) {
        const auto& m = e.quality[i];
        auto& q =
            m_db.cached("INSERT INTO quality_measures (enrollment_id, seq, name, value, passed, reason) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        const Statement::ResetOnExit guard(q);
        q.bind(1, e.id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, m.name)
            .bind(4, m.value)
            .bind(5, m.passed)
            .bind(6, m.reason);
        q.run();
    }
    for (std::size_t i = 0; i < e.liveness.challenges.size(); ++i) {
        const auto& c = e.liveness.challenges[i];
        auto& q = m_db.cached(
            "INSERT INTO liveness_challenges (enrollment_id, seq, challenge, passed, duration_ms, "
            "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        const Statement::ResetOnExit guard(q);
        q.bind(1, e.id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, c.challenge)
            .bind(4, c.passed)
            .bind(5, c.durationMs)
            .bind(6, c.detail);
        q.run();
    }
    for (std::size_t i = 0; i < e.liveness.passiveScores.size(); ++i) {
        const auto& p = e.liveness.passiveScores[i];
        auto& q = m_db.cached(
            "INSERT INTO passive_scores (enrollment_id, seq, model, score) VALUES (?1, ?2, ?3, ?4)");
        const Statement::ResetOnExit guard(q);
        q.bind(1, e.id).bind(2, static_cast<std::int64_t>(i)).bind(3, p.model).bind(4, p.score);
        q.run();
    }
    for (std::size_t i = 0; i < e.matches.size(); ++i) {
        const auto& m = e.matches[i];
        auto& q = m_db.cached(
            "INSERT INTO match_results (enrollment_id, seq, kind, candidate_id, score, threshold, "
            "matched, rank, cohort_score) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        const Statement::ResetOnExit guard(q);
        q.bind(1, e.id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, toString(m.kind))
            .bind(4, m.candidateId)
            .bind(5, m.score)
            .bind(6, m.threshold)
            .bind(7, m.matched);
        if (m.rank)
            q.bind(8, static_cast<std::int64_t>(*m.rank));
        else
            q.bindNull(8);
        if (m.cohortScore)
            q.bind(9, *m.cohortScore);
        else
            q.bindNull(9);
        q.run();
    }
    for (const auto& f : e.flags) {
        auto& q = m_db.cached("INSERT INTO flags (enrollment_id, code, reason, score, threshold, raised_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        const Statement::ResetOnExit guard(q);
        q.bind(1, e.id)
            .bind(2, f.code)
            .bind(3, f.reason)
            .bind(4, f.score)
            .bind(5, f.threshold)
            .bind(6, toMillis(e.createdAt));
        q.run();
    }
    auto& q = m_db.cached("INSERT INTO outbox (enrollment_id, state, updated_at) VALUES (?1, ?2, ?3)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, e.id).bind(2, toString(initialState)).bind(3, toMillis(e.createdAt));
    q.run();
}

bool EnrollmentRepository::exists(std::string_view id)
{
    auto& q = m_db.cached("SELECT 1 FROM enrollments WHERE id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id);
    return q.step();
}

std::optional<Enrollment> EnrollmentRepository::get(std::string_view id)
{
    Enrollment e;
    {
        auto& q = m_db.cached(
            "SELECT e.id, e.station_id, e.operator_id, e.created_at, e.status, e.subject_name, "
            "e.document_type, "
            "e.document_number, e.date_of_birth, e.phone, e.consent_notice_version, e.consent_language, "
            "e.consent_time, e.consent_attested, e.liveness_verdict, e.purged_at, o.state, o.bundle_id, "
            "e.liveness_mode "
            "FROM enrollments e LEFT JOIN outbox o ON o.enrollment_id = e.id WHERE e.id = ?1");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        if (!q.step())
            return std::nullopt;
        e.id = q.text(0);
        e.stationId = q.text(1);
        e.operatorId = q.text(2);
        e.createdAt = fromMillis(q.int64(3));
        e.status = parseEnrollmentStatus(q.text(4)).value_or(EnrollmentStatus::Accepted);
        e.subject.name = q.text(5);
        e.subject.documentType = q.text(6);
        e.subject.documentNumber = q.text(7);
        if (const auto dob = q.optText(8))
            e.subject.dateOfBirth = parseDate(*dob);
        e.phone = q.text(9);
        e.consent.noticeVersion = q.text(10);
        e.consent.language = q.text(11);
        e.consent.time = fromMillis(q.optInt64(12).value_or(0));
        e.consent.operatorAttested = q.optInt64(13).value_or(0) != 0;
        e.liveness.verdict = q.text(14);
        if (const auto p = q.optInt64(15))
            e.purgedAt = fromMillis(*p);
        e.upload.state = parseUploadState(q.text(16)).value_or(UploadState::Held);
        e.upload.bundleId = q.text(17);
        e.liveness.mode = q.optText(18).value_or(std::string());
    }
    {
        auto& q = m_db.cached(
            "SELECT kind, seq, jpeg FROM enrollment_images WHERE enrollment_id = ?1 ORDER BY kind, seq");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        while (q.step()) {
            const auto kind = q.text(0);
            if (kind == "portrait")
                e.portrait = q.blob(2);
            else if (kind == "id_photo")
                e.idPhoto = q.blob(2);
            else
                e.liveness.evidenceFrames.push_back(q.blob(2));
        }
    }
    {
        auto& q = m_db.cached("SELECT kind, model_id, model_version, dimensions, vector FROM templates "
                              "WHERE enrollment_id = ?1");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        while (q.step()) {
            if (q.text(0) == "face")
                e.faceTemplate = readTemplate(q, 1);
            else
                e.idTemplate = readTemplate(q, 1);
        }
    }
    {
        auto& q =
            m_db.cached("SELECT name, value, passed, reason FROM quality_measures WHERE enrollment_id = ?1 "
                        "ORDER BY seq");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        while (q.step())
            e.quality.push_back({q.text(0), q.real(1), q.int64(2) != 0, q.text(3)});
    }
    {
        auto& q = m_db.cached("SELECT challenge, passed, duration_ms, detail FROM liveness_challenges "
                              "WHERE enrollment_id = ?1 ORDER BY seq");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        while (q.step())
            e.liveness.challenges.push_back({q.text(0), q.int64(1) != 0, q.int64(2), q.text(3)});
    }
    {
        auto& q =
            m_db.cached("SELECT model, score FROM passive_scores WHERE enrollment_id = ?1 ORDER BY seq");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        while (q.step())
            e.liveness.passiveScores.push_back({q.text(0), q.real(1)});
    }
    {
        auto& q = m_db.cached("SELECT kind, candidate_id, score, threshold, matched, rank, cohort_score FROM match_results "
                              "WHERE enrollment_id = ?1 ORDER BY seq");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        while (q.step()) {
            MatchResult m;
            m.kind = q.text(0) == "gallery" ? MatchKind::Gallery : MatchKind::IdDocument;
            m.candidateId = q.text(1);
            m.score = q.real(2);
            m.threshold = q.real(3);
            m.matched = q.int64(4) != 0;
            if (!q.isNull(5))
                m.rank = static_cast<int>(q.int64(5));
            if (!q.isNull(6))
                m.cohortScore = q.real(6);
            e.matches.push_back(std::move(m));
        }
    }
    {
        auto& q = m_db.cached(
            "SELECT code, reason, score, threshold FROM flags WHERE enrollment_id = ?1 ORDER BY id");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        while (q.step())
            e.flags.push_back({q.text(0), q.text(1), q.real(2), q.real(3)});
    }
    {
        auto& q = m_db.cached("SELECT reviewer_id, outcome, reason, decided_at FROM review_decisions "
                              "WHERE enrollment_id = ?1 ORDER BY id DESC LIMIT 1");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        if (q.step()) {
            ReviewDecision d;
            d.reviewerId = q.text(0);
            d.outcome = q.text(1) == "approved" ? ReviewOutcome::Approved : ReviewOutcome::Rejected;
            d.reason = q.text(2);
            d.time = fromMillis(q.int64(3));
            e.review = std::move(d);
        }
    }
    {
        auto& q = m_db.cached(
            "SELECT receipt_id, received_at, signed_receipt FROM receipts WHERE enrollment_id = ?1");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        if (q.step())
            e.upload.receipt = Receipt{q.text(0), fromMillis(q.int64(1)), q.blob(2)};
    }
    return e;
}

std::optional<EnrollmentSummary> EnrollmentRepository::summary(std::string_view id)
{
    auto& q = m_db.cached(std::string("SELECT ") + kSummaryColumns + kSummaryFrom + " WHERE e.id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id);
    if (!q.step())
        return std::nullopt;
    return readSummary(q);
}

std::vector<EnrollmentSummary> EnrollmentRepository::summaries(const std::string& where,
                                                               const std::vector<std::string>& args)
{
    auto& q = m_db.cached(std::string("SELECT ") + kSummaryColumns + kSummaryFrom + where +
                          " ORDER BY e.created_at, e.id");
    const Statement::ResetOnExit guard(q);
    for (std::size_t i = 0; i < args.size(); ++i)
        q.bind(static_cast<int>(i + 1), args[i]);
    std::vector<EnrollmentSummary> out;
    while (q.step())
        out.push_back(readSummary(q));
    return out;
}

std::vector<EnrollmentSummary> EnrollmentRepository::list(const EnrollmentFilter& filter)
{
    // Only the clauses in use, so that SQLite can pick the matching index; each shape of the
    // query is prepared once and cached.
    std::string where;
    const auto clause = [&](const char* c) {
        where += where.empty() ? " WHERE " : " AND ";
        where += c;
    };
    if (filter.status)
        clause("e.status = ?1");
    if (filter.operatorId)
        clause("e.operator_id = ?2");
    if (filter.since)
        clause("e.created_at >= ?3");
    if (filter.until)
        clause("e.created_at < ?4");
    auto& q = m_db.cached(std::string("SELECT ") + kSummaryColumns + kSummaryFrom + where +
                          " ORDER BY e.created_at, e.id LIMIT ?5");
    const Statement::ResetOnExit guard(q);
    if (filter.status)
        q.bind(1, toString(*filter.status));
    if (filter.operatorId)
        q.bind(2, *filter.operatorId);
    if (filter.since)
        q.bind(3, toMillis(*filter.since));
    if (filter.until)
        q.bind(4, toMillis(*filter.until));
    q.bind(5, filter.limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(filter.limit));
    std::vector<EnrollmentSummary> out;
    while (q.step())
        out.push_back(readSummary(q));
    return out;
}

std::vector<GalleryEntry> EnrollmentRepository::gallery()
{
    std::vector<GalleryEntry> out;
    forEachGalleryRow([&out](const GalleryRow& row) {
        GalleryEntry g;
        g.enrollmentId = row.enrollmentId;
        g.status = row.status;
        g.documentType = row.documentType;
        g.documentNumber = row.documentNumber;
        g.phone = row.phone;
        g.faceTemplate = {std::vector<float>(row.values.begin(), row.values.end()), std::string(row.modelId),
                          std::string(row.modelVersion)};
        out.push_back(std::move(g));
    });
    return out;
}

void EnrollmentRepository::forEachGalleryRow(const std::function<void(const GalleryRow&)>& visit)
{
    scanGallery([&visit](const GalleryRow& row) {
        visit(row);
        return true;
    });
}

bool EnrollmentRepository::scanGallery(const std::function<bool(const GalleryRow&)>& visit)
{
    // Two sequential scans merged in memory: joining templates to enrollments row by row
    // costs a primary-key lookup per template, which doubled the time at 100,000; and the
    // template bytes are decoded straight from SQLite's buffer into one reused array.
    struct Meta
    {
        EnrollmentStatus status;
        std::string documentType, documentNumber, phone;
    };
    std::unordered_map<std::string, Meta> meta;
    std::vector<float> values;
    // Document and phone numbers and the last template are personal data: wiped, not just
    // freed, however the scan ends.
    struct Wipe
    {
        std::unordered_map<std::string, Meta>& meta;
        std::vector<float>& values;
        ~Wipe()
        {
            for (auto& [id, m] : meta) {
                sodium_memzero(m.documentNumber.data(), m.documentNumber.size());
                sodium_memzero(m.phone.data(), m.phone.size());
            }
            sodium_memzero(values.data(), values.size() * sizeof(float));
        }
    } wipe{meta, values};
    {
        auto& q = m_db.cached("SELECT id, status, document_type, document_number, phone FROM enrollments");
        const Statement::ResetOnExit guard(q);
        while (q.step()) {
            meta.emplace(q.text(0), Meta{parseEnrollmentStatus(q.text(1)).value_or(EnrollmentStatus::Accepted), q.text(2),
                                         q.text(3), q.text(4)});
        }
    }
    auto& q = m_db.cached("SELECT enrollment_id, model_id, model_version, dimensions, vector FROM templates "
                          "WHERE kind = 'face'");
    const Statement::ResetOnExit guard(q);
    while (q.step()) {
        const auto it = meta.find(q.text(0));
        if (it == meta.end())
            continue;
        const std::string modelId = q.text(1);
        const std::string modelVersion = q.text(2);
        const std::int64_t dims = q.int64(3);
        decodeTemplate(q.blobView(4), values);
        if (static_cast<std::int64_t>(values.size()) != dims)
            throw Error(ErrorCode::Corrupt, QT_TRANSLATE_NOOP("fe::Error", "A stored template has %1 values where %2 were recorded."),
                        {std::to_string(values.size()), std::to_string(dims)});
        if (!visit({it->first, it->second.status, it->second.documentType, it->second.documentNumber, it->second.phone,
                    modelId, modelVersion, values}))
            return false;
    }
    return true;
}

std::int64_t EnrollmentRepository::countGalleryTemplates()
{
    auto& q = m_db.cached("SELECT count(*) FROM templates WHERE kind = 'face'");
    const Statement::ResetOnExit guard(q);
    return q.step() ? q.int64(0) : 0;
}

std::int64_t EnrollmentRepository::changeSequence()
{
    auto& q = m_db.cached("SELECT coalesce(max(seq), 0) FROM gallery_changes");
    const Statement::ResetOnExit guard(q);
    return q.step() ? q.int64(0) : 0;
}

std::int64_t EnrollmentRepository::galleryChangesSince(std::int64_t since,
                                                       const std::function<void(const GalleryRow&)>& upsert,
                                                       const std::function<void(std::string_view)>& removed)
{
    const std::int64_t upTo = changeSequence();
    if (upTo <= since)
        return upTo;
    // Each changed enrollment once, in the order of its last change; what it is now decides.
    std::vector<std::string> ids;
    {
        auto& q = m_db.cached("SELECT enrollment_id FROM gallery_changes WHERE seq > ?1 AND seq <= ?2 "
                              "GROUP BY enrollment_id ORDER BY max(seq)");
        const Statement::ResetOnExit guard(q);
        q.bind(1, since).bind(2, upTo);
        while (q.step())
            ids.push_back(q.text(0));
    }
    auto& q = m_db.cached("SELECT e.status, e.document_type, e.document_number, e.phone, t.model_id, t.model_version, "
                          "t.dimensions, t.vector FROM templates t JOIN enrollments e ON e.id = t.enrollment_id "
                          "WHERE t.enrollment_id = ?1 AND t.kind = 'face'");
    std::vector<float> values;
    for (const auto& id : ids) {
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        if (!q.step()) {
            removed(id);
            continue;
        }
        std::string documentType = q.text(1), documentNumber = q.text(2), phone = q.text(3);
        const std::string modelId = q.text(4), modelVersion = q.text(5);
        const std::int64_t dims = q.int64(6);
        decodeTemplate(q.blobView(7), values);
        if (static_cast<std::int64_t>(values.size()) != dims)
            throw Error(ErrorCode::Corrupt, QT_TRANSLATE_NOOP("fe::Error", "A stored template has %1 values where %2 were recorded."),
                        {std::to_string(values.size()), std::to_string(dims)});
        upsert({id, parseEnrollmentStatus(q.text(0)).value_or(EnrollmentStatus::Accepted), documentType, documentNumber,
                phone, modelId, modelVersion, values});
        sodium_memzero(documentNumber.data(), documentNumber.size());
        sodium_memzero(phone.data(), phone.size());
    }
    sodium_memzero(values.data(), values.size() * sizeof(float));
    return upTo;
}

std::vector<EnrollmentSummary> EnrollmentRepository::findByDocument(std::string_view documentType,
                                                                    std::string_view documentNumber)
{
    return summaries(" WHERE e.document_number = ?1 AND e.document_type = ?2",
                     {std::string(documentNumber), std::string(documentType)});
}

std::vector<EnrollmentSummary> EnrollmentRepository::findByPhone(std::string_view phone)
{
    return summaries(" WHERE e.phone = ?1", {std::string(phone)});
}

bool EnrollmentRepository::recordReview(std::string_view id, const ReviewDecision& decision,
                                        EnrollmentStatus newStatus, UploadState newState)
{
    {
        auto& q = m_db.cached("UPDATE enrollments SET status = ?2 WHERE id = ?1 AND status = 'pending_review'");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id).bind(2, toString(newStatus));
        q.run();
        if (m_db.changes() == 0)
            return false;
    }
    {
        auto& q = m_db.cached(
            "INSERT INTO review_decisions (enrollment_id, reviewer_id, outcome, reason, decided_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5)");
        const Statement::ResetOnExit guard(q);
        q.bind(1, id)
            .bind(2, decision.reviewerId)
            .bind(3, toString(decision.outcome))
            .bind(4, decision.reason)
            .bind(5, toMillis(decision.time));
        q.run();
    }
    setUploadState(id, newState, {}, decision.time);
    return true;
}

namespace {

// "'queued', 'exported'": the states are the enum's fixed names, so the list is part of the
// SQL text (one cached statement per list) rather than bound values.
std::string stateList(std::span<const UploadState> states)
{
    std::string out;
    for (const auto s : states) {
        out += out.empty() ? "'" : ", '";
        out += toString(s);
        out += '\'';
    }
    return out;
}

} // namespace

bool EnrollmentRepository::advanceUploadState(std::string_view id, std::span<const UploadState> from,
                                              UploadState to, std::string_view bundleId, TimePoint when)
{
    auto& q = m_db.cached("UPDATE outbox SET state = ?2, bundle_id = coalesce(?3, bundle_id), updated_at = ?4 "
                          "WHERE enrollment_id = ?1 AND state IN (" + stateList(from) + ")");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id).bind(2, toString(to));
    if (bundleId.empty())
        q.bindNull(3);
    else
        q.bind(3, bundleId);
    q.bind(4, toMillis(when));
    q.run();
    return m_db.changes() > 0;
}

bool EnrollmentRepository::recordReceipt(std::string_view id, const Receipt& receipt, TimePoint when)
{
    static constexpr UploadState kFrom[] = {UploadState::Exported, UploadState::Uploaded};
    if (!advanceUploadState(id, kFrom, UploadState::Receipted, {}, when))
        return false;
    auto& q = m_db.cached(
        "INSERT OR REPLACE INTO receipts (enrollment_id, receipt_id, received_at, signed_receipt) "
        "VALUES (?1, ?2, ?3, ?4)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id)
        .bind(2, receipt.receiptId)
        .bind(3, toMillis(receipt.receivedAt))
        .bindBlob(4, receipt.signedReceipt);
    q.run();
    return true;
}

bool EnrollmentRepository::eraseUnsent(std::string_view id)
{
    // An enrollment without an outbox row (none since schema 3) counts as held.
    auto& q = m_db.cached("DELETE FROM enrollments WHERE id = ?1 AND coalesce((SELECT state FROM outbox WHERE "
                          "enrollment_id = ?1), 'held') IN ('held', 'queued')");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id);
    q.run();
    return m_db.changes() > 0;
}

void EnrollmentRepository::setUploadState(std::string_view id, UploadState state, std::string_view bundleId,
                                          TimePoint when)
{
    static constexpr UploadState kAny[] = {UploadState::Held, UploadState::Queued, UploadState::Exported,
                                           UploadState::Uploaded, UploadState::Receipted};
    (void)advanceUploadState(id, kAny, state, bundleId, when);
}

std::vector<std::string> EnrollmentRepository::idsInState(UploadState state, std::size_t limit)
{
    auto& q = m_db.cached("SELECT o.enrollment_id FROM outbox o JOIN enrollments e ON e.id = o.enrollment_id "
                          "WHERE o.state = ?1 ORDER BY e.created_at, e.id LIMIT ?2");
    const Statement::ResetOnExit guard(q);
    q.bind(1, toString(state)).bind(2, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
    std::vector<std::string> out;
    while (q.step())
        out.push_back(q.text(0));
    return out;
}

std::vector<std::string> EnrollmentRepository::purgeCandidates(TimePoint receivedBefore)
{
    auto& q =
        m_db.cached("SELECT r.enrollment_id FROM receipts r JOIN enrollments e ON e.id = r.enrollment_id "
                    "WHERE r.received_at <= ?1 AND e.purged_at IS NULL ORDER BY r.received_at");
    const Statement::ResetOnExit guard(q);
    q.bind(1, toMillis(receivedBefore));
    std::vector<std::string> out;
    while (q.step())
        out.push_back(q.text(0));
    return out;
}

void EnrollmentRepository::purge(std::string_view id, TimePoint when)
{
    static constexpr const char* kDeletes[] = {
        "DELETE FROM enrollment_images WHERE enrollment_id = ?1",
        "DELETE FROM templates WHERE enrollment_id = ?1",
        "DELETE FROM quality_measures WHERE enrollment_id = ?1",
        "DELETE FROM liveness_challenges WHERE enrollment_id = ?1",
        "DELETE FROM passive_scores WHERE enrollment_id = ?1",
        "DELETE FROM match_results WHERE enrollment_id = ?1",
        "DELETE FROM flags WHERE enrollment_id = ?1",
        "DELETE FROM review_decisions WHERE enrollment_id = ?1",
    };
    for (const char* sql : kDeletes) {
        auto& q = m_db.cached(sql);
        const Statement::ResetOnExit guard(q);
        q.bind(1, id);
        q.run();
    }
    auto& q = m_db.cached(
        "UPDATE enrollments SET subject_name = NULL, document_type = NULL, document_number = NULL, "
        "date_of_birth = NULL, phone = NULL, consent_notice_version = NULL, consent_language = NULL, "
        "consent_time = NULL, consent_attested = NULL, liveness_verdict = NULL, liveness_mode = NULL, "
        "purged_at = ?2 "
        "WHERE id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id).bind(2, toMillis(when));
    q.run();
}

void EnrollmentRepository::erase(std::string_view id)
{
    // The child rows go with it (ON DELETE CASCADE; foreign_keys is on for every connection).
    auto& q = m_db.cached("DELETE FROM enrollments WHERE id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id);
    q.run();
}

} // namespace fe::store
