#include "sync/RecordCodec.h"

#include "sync/BundleError.h"
#include "sync/ByteUtil.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborStreamWriter>
#include <QCborValue>

#include <bit>
#include <cstring>
#include <limits>

namespace fe::sync {
namespace {

using store::ExportRecord;

// Templates travel as little-endian IEEE-754 float32, whatever the host (as the store keeps
// them).
std::vector<unsigned char> floatsToLittleEndian(const std::vector<float>& values)
{
    static_assert(sizeof(float) == 4 && std::numeric_limits<float>::is_iec559);
    std::vector<unsigned char> out(values.size() * 4);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto u = std::bit_cast<std::uint32_t>(values[i]);
        for (int b = 0; b < 4; ++b)
            out[4 * i + static_cast<std::size_t>(b)] = static_cast<unsigned char>(u >> (8 * b));
    }
    return out;
}

std::vector<float> floatsFromLittleEndian(const std::vector<unsigned char>& bytes)
{
    std::vector<float> out(bytes.size() / 4);
    for (std::size_t i = 0; i < out.size(); ++i) {
        std::uint32_t u = 0;
        for (int b = 3; b >= 0; --b)
            u = u << 8 | bytes[4 * i + static_cast<std::size_t>(b)];
        out[i] = std::bit_cast<float>(u);
    }
    return out;
}

// --- writing -----------------------------------------------------------------------------

class Writer
{
public:
    explicit Writer(QByteArray& out) : m_w(&out) {}

    void beginMap() { m_w.startMap(); }
    void endMap() { m_w.endMap(); }
    void beginArray(const char* key)
    {
        keyOf(key);
        m_w.startArray();
    }
    void beginArray() { m_w.startArray(); }
    void endArray() { m_w.endArray(); }
    void beginMap(const char* key)
    {
        keyOf(key);
        m_w.startMap();
    }
    void text(const char* key, const std::string& v)
    {
        keyOf(key);
        m_w.appendTextString(v.data(), static_cast<qsizetype>(v.size()));
    }
    void integer(const char* key, std::int64_t v)
    {
        keyOf(key);
        m_w.append(static_cast<qint64>(v));
    }
    void real(const char* key, double v)
    {
        keyOf(key);
        m_w.append(v);
    }
    void boolean(const char* key, bool v)
    {
        keyOf(key);
        m_w.append(v);
    }
    void bytes(const char* key, const unsigned char* data, std::size_t n)
    {
        keyOf(key);
        bytes(data, n);
    }
    void bytes(const unsigned char* data, std::size_t n)
    {
        m_w.appendByteString(reinterpret_cast<const char*>(data), static_cast<qsizetype>(n));
    }
    void templateRecord(const char* key, const store::TemplateRecord& t)
    {
        beginMap(key);
        text("model", t.modelId);
        text("version", t.modelVersion);
        integer("dims", static_cast<std::int64_t>(t.values.size()));
        const auto le = floatsToLittleEndian(t.values);
        bytes("values", le.data(), le.size());
        endMap();
    }

private:
    void keyOf(const char* key) { m_w.append(QLatin1StringView(key)); }
    QCborStreamWriter m_w;
};

// --- reading -----------------------------------------------------------------------------

[[noreturn]] void badField(const std::string& field)
{
    throw BundleError(BundleProblem::BadRecord,
                      QT_TRANSLATE_NOOP("fe::Error", "A record in the bundle is malformed (field %1)."), {field});
}

// A decoded map with typed getters that name the field when it is missing or wrong.
class Fields
{
public:
    Fields(QCborMap map, std::string path) : m_map(std::move(map)), m_path(std::move(path)) {}

    [[nodiscard]] bool has(const char* key) const { return m_map.contains(QLatin1StringView(key)); }
    [[nodiscard]] QCborValue value(const char* key) const { return m_map.value(QLatin1StringView(key)); }

    std::string text(const char* key, bool required = false) const
    {
        const QCborValue v = value(key);
        if (v.isUndefined()) {
            if (required)
                badField(name(key));
            return {};
        }
        if (!v.isString())
            badField(name(key));
        return v.toString().toStdString();
    }
    std::int64_t integer(const char* key, bool required = false) const
    {
        const QCborValue v = value(key);
        if (v.isUndefined()) {
            if (required)
                badField(name(key));
            return 0;
        }
        if (!v.isInteger())
            badField(name(key));
        return v.toInteger();
    }
    double real(const char* key) const
    {
        const QCborValue v = value(key);
        if (v.isUndefined())
            return 0.0;
        if (v.isDouble())
            return v.toDouble();
        if (v.isInteger())
            return static_cast<double>(v.toInteger());
        badField(name(key));
    }
    bool boolean(const char* key) const
    {
        const QCborValue v = value(key);
        if (v.isUndefined())
            return false;
        if (!v.isBool())
            badField(name(key));
        return v.toBool();
    }
    std::vector<unsigned char> bytes(const char* key, bool required = false) const
    {
        const QCborValue v = value(key);
        if (v.isUndefined()) {
            if (required)
                badField(name(key));
            return {};
        }
        if (!v.isByteArray())
            badField(name(key));
        const QByteArray b = v.toByteArray();
        return {reinterpret_cast<const unsigned char*>(b.constData()),
                reinterpret_cast<const unsigned char*>(b.constData()) + b.size()};
    }
    std::optional<Fields> map(const char* key, bool required = false) const
    {
        const QCborValue v = value(key);
        if (v.isUndefined()) {
            if (required)
                badField(name(key));
            return std::nullopt;
        }
        if (!v.isMap())
            badField(name(key));
        return Fields(v.toMap(), name(key));
    }
    // Each element must be a map.
    std::vector<Fields> maps(const char* key) const
    {
        const QCborValue v = value(key);
        std::vector<Fields> out;
        if (v.isUndefined())
            return out;
        if (!v.isArray())
            badField(name(key));
        const QCborArray a = v.toArray();
        out.reserve(static_cast<std::size_t>(a.size()));
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isMap())
                badField(name(key) + "[" + std::to_string(i) + "]");
            out.emplace_back(a.at(i).toMap(), name(key) + "[" + std::to_string(i) + "]");
        }
        return out;
    }
    std::vector<std::vector<unsigned char>> byteStrings(const char* key) const
    {
        const QCborValue v = value(key);
        std::vector<std::vector<unsigned char>> out;
        if (v.isUndefined())
            return out;
        if (!v.isArray())
            badField(name(key));
        const QCborArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isByteArray())
                badField(name(key) + "[" + std::to_string(i) + "]");
            const QByteArray b = a.at(i).toByteArray();
            out.emplace_back(reinterpret_cast<const unsigned char*>(b.constData()),
                             reinterpret_cast<const unsigned char*>(b.constData()) + b.size());
        }
        return out;
    }
    store::TemplateRecord templateRecord(const char* key) const
    {
        store::TemplateRecord t;
        const auto m = map(key);
        if (!m)
            return t;
        t.modelId = m->text("model", true);
        t.modelVersion = m->text("version", true);
        const auto dims = m->integer("dims", true);
        const auto le = m->bytes("values", true);
        if (dims < 0 || static_cast<std::uint64_t>(dims) * 4 != le.size())
            badField(m->name("values"));
        t.values = floatsFromLittleEndian(le);
        return t;
    }
    [[nodiscard]] std::string name(const char* key) const { return m_path.empty() ? key : m_path + "." + key; }

private:
    QCborMap m_map;
    std::string m_path;
};

// Times a record may carry: 1900-01-01 to 2200-01-01 UTC. Anything outside is not a real
// enrollment time, and converting it to a time point in nanoseconds would overflow (the
// fuzzer found that).
constexpr std::int64_t kEarliestMs = -2'208'988'800'000;
constexpr std::int64_t kLatestMs = 7'258'118'400'000;

store::TimePoint timeOf(std::int64_t ms, const std::string& field)
{
    if (ms < kEarliestMs || ms > kLatestMs)
        badField(field);
    return store::fromMillis(ms);
}

} // namespace

void RecordCodec::encode(const ExportRecord& record, QByteArray& out)
{
    const store::Enrollment& e = record.enrollment;
    Writer w(out);
    w.beginMap();
    w.text("id", e.id);
    w.text("station", e.stationId);
    w.text("operator", e.operatorId);
    w.integer("created", store::toMillis(e.createdAt));
    w.text("status", store::toString(e.status));

    w.beginMap("subject");
    w.text("name", e.subject.name);
    w.text("document_type", e.subject.documentType);
    w.text("document_number", e.subject.documentNumber);
    if (e.subject.dateOfBirth)
        w.text("date_of_birth", store::formatDate(*e.subject.dateOfBirth));
    w.endMap();
    w.text("phone", e.phone);

    w.beginMap("consent");
    w.text("notice_version", e.consent.noticeVersion);
    w.text("language", e.consent.language);
    w.integer("time", store::toMillis(e.consent.time));
    w.boolean("attested", e.consent.operatorAttested);
    w.endMap();

    w.bytes("portrait", e.portrait.data(), e.portrait.size());
    w.templateRecord("face_template", e.faceTemplate);

    w.beginArray("quality");
    for (const auto& q : e.quality) {
        w.beginMap();
        w.text("name", q.name);
        w.real("value", q.value);
        w.boolean("passed", q.passed);
        w.text("reason", q.reason);
        w.endMap();
    }
    w.endArray();

    w.beginMap("liveness");
    w.text("verdict", e.liveness.verdict);
    if (!e.liveness.mode.empty())
        w.text("mode", e.liveness.mode); // "challenge" | "spontaneous"; absent: unknown
    w.beginArray("challenges");
    for (const auto& c : e.liveness.challenges) {
        w.beginMap();
        w.text("challenge", c.challenge);
        w.boolean("passed", c.passed);
        w.integer("duration_ms", c.durationMs);
        w.text("detail", c.detail);
        w.endMap();
    }
    w.endArray();
    w.beginArray("passive");
    for (const auto& p : e.liveness.passiveScores) {
        w.beginMap();
        w.text("model", p.model);
        w.real("score", p.score);
        w.endMap();
    }
    w.endArray();
    w.beginArray("evidence");
    for (const auto& f : e.liveness.evidenceFrames)
        w.bytes(f.data(), f.size());
    w.endArray();
    w.endMap();

    if (!e.idPhoto.empty())
        w.bytes("id_photo", e.idPhoto.data(), e.idPhoto.size());
    if (!e.idTemplate.empty())
        w.templateRecord("id_template", e.idTemplate);

    w.beginArray("matches");
    for (const auto& m : e.matches) {
        w.beginMap();
        w.text("kind", store::toString(m.kind));
        w.text("candidate", m.candidateId);
        w.real("score", m.score);
        w.real("threshold", m.threshold);
        w.boolean("matched", m.matched);
        if (m.rank)
            w.integer("rank", *m.rank);
        if (m.cohortScore)
            w.real("cohort_score", *m.cohortScore);
        w.endMap();
    }
    w.endArray();

    w.beginArray("flags");
    for (const auto& f : e.flags) {
        w.beginMap();
        w.text("code", f.code);
        w.text("reason", f.reason);
        w.real("score", f.score);
        w.real("threshold", f.threshold);
        w.endMap();
    }
    w.endArray();

    if (e.review) {
        w.beginMap("review");
        w.text("reviewer", e.review->reviewerId);
        w.text("outcome", store::toString(e.review->outcome));
        w.text("reason", e.review->reason);
        w.integer("time", store::toMillis(e.review->time));
        w.endMap();
    }

    w.beginArray("audit");
    for (const auto& a : record.audit) {
        w.beginMap();
        w.integer("seq", a.seq);
        w.integer("time", store::toMillis(a.event.time));
        w.text("actor", a.event.actor);
        w.text("action", a.event.action);
        w.text("outcome", a.event.outcome);
        w.bytes("hash", a.hash.data(), a.hash.size());
        w.endMap();
    }
    w.endArray();
    w.endMap();
}

QByteArray RecordCodec::encode(const ExportRecord& record)
{
    QByteArray out;
    encode(record, out);
    return out;
}

ExportRecord RecordCodec::decode(const QByteArray& cbor)
{
    QCborStreamReader reader(cbor);
    if (!reader.isMap())
        badField("(record)");
    // One map, read whole; unknown keys stay in the map and are never looked at.
    const QCborValue top = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError || !top.isMap())
        badField("(record)");
    if (reader.currentOffset() != cbor.size())
        badField("(trailing bytes)");
    const Fields f(top.toMap(), {});

    ExportRecord r;
    store::Enrollment& e = r.enrollment;
    e.id = f.text("id", true);
    e.stationId = f.text("station", true);
    e.operatorId = f.text("operator");
    e.createdAt = timeOf(f.integer("created", true), "created");
    if (const auto s = store::parseEnrollmentStatus(f.text("status")))
        e.status = *s;

    if (const auto s = f.map("subject")) {
        e.subject.name = s->text("name");
        e.subject.documentType = s->text("document_type");
        e.subject.documentNumber = s->text("document_number");
        if (s->has("date_of_birth")) {
            e.subject.dateOfBirth = store::parseDate(s->text("date_of_birth"));
            if (!e.subject.dateOfBirth)
                badField("subject.date_of_birth");
        }
    }
    e.phone = f.text("phone");
    if (const auto c = f.map("consent")) {
        e.consent.noticeVersion = c->text("notice_version");
        e.consent.language = c->text("language");
        e.consent.time = timeOf(c->integer("time"), "consent.time");
        e.consent.operatorAttested = c->boolean("attested");
    }
    e.portrait = f.bytes("portrait", true);
    e.faceTemplate = f.templateRecord("face_template");
    if (e.faceTemplate.empty())
        badField("face_template");
    for (const auto& q : f.maps("quality"))
        e.quality.push_back({q.text("name"), q.real("value"), q.boolean("passed"), q.text("reason")});
    if (const auto l = f.map("liveness")) {
        e.liveness.verdict = l->text("verdict");
        e.liveness.mode = l->text("mode");
        // The store accepts only these two (schema version 8); anything else is a damaged record.
        if (!e.liveness.mode.empty() && e.liveness.mode != "challenge" && e.liveness.mode != "spontaneous")
            badField("liveness.mode");
        for (const auto& c : l->maps("challenges"))
            e.liveness.challenges.push_back(
                {c.text("challenge"), c.boolean("passed"), c.integer("duration_ms"), c.text("detail")});
        for (const auto& p : l->maps("passive"))
            e.liveness.passiveScores.push_back({p.text("model"), p.real("score")});
        e.liveness.evidenceFrames = l->byteStrings("evidence");
    }
    e.idPhoto = f.bytes("id_photo");
    e.idTemplate = f.templateRecord("id_template");
    for (const auto& m : f.maps("matches")) {
        store::MatchResult mr;
        mr.kind = m.text("kind") == "gallery" ? store::MatchKind::Gallery : store::MatchKind::IdDocument;
        mr.candidateId = m.text("candidate");
        mr.score = m.real("score");
        mr.threshold = m.real("threshold");
        mr.matched = m.boolean("matched");
        if (m.has("rank")) {
            const std::int64_t rank = m.integer("rank");
            if (rank < 1 || rank > std::numeric_limits<int>::max())
                badField("matches.rank");
            mr.rank = static_cast<int>(rank);
        }
        if (m.has("cohort_score"))
            mr.cohortScore = m.real("cohort_score");
        e.matches.push_back(std::move(mr));
    }
    for (const auto& fl : f.maps("flags"))
        e.flags.push_back({fl.text("code"), fl.text("reason"), fl.real("score"), fl.real("threshold")});
    if (const auto rv = f.map("review")) {
        store::ReviewDecision d;
        d.reviewerId = rv->text("reviewer");
        d.outcome = rv->text("outcome") == "rejected" ? store::ReviewOutcome::Rejected : store::ReviewOutcome::Approved;
        d.reason = rv->text("reason");
        d.time = timeOf(rv->integer("time"), "review.time");
        e.review = std::move(d);
    }
    for (const auto& a : f.maps("audit")) {
        store::AuditEntry entry;
        entry.seq = a.integer("seq");
        entry.event.time = timeOf(a.integer("time"), a.name("time"));
        entry.event.actor = a.text("actor");
        entry.event.action = a.text("action");
        entry.event.objectId = e.id;
        entry.event.outcome = a.text("outcome");
        const auto h = a.bytes("hash");
        if (h.size() != entry.hash.size())
            badField(a.name("hash"));
        std::copy(h.begin(), h.end(), entry.hash.begin());
        r.audit.push_back(std::move(entry));
    }
    (void)identity(r);
    return r;
}

RecordCodec::Identity RecordCodec::identity(const ExportRecord& record)
{
    const auto& e = record.enrollment;
    if (!uuidToBytes(e.id))
        badField("id");
    if (!uuidToBytes(e.stationId))
        badField("station");
    return {e.id, e.stationId};
}

} // namespace fe::sync
