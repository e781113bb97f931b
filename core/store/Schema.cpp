#include "store/Schema.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "store/Connection.h"
#include "store/Transaction.h"

namespace fe::store {
namespace {

// Version 1: the station, its users and settings, and the audit log. The audit table refuses
// UPDATE and DELETE through triggers; anyone with the key can drop a trigger, which is why
// every row is also hash-chained (AuditLog::verify).
constexpr const char* kV1 = R"sql(
CREATE TABLE store_info (
    singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
    database_id      TEXT NOT NULL,
    local_station_id TEXT NOT NULL,
    created_at       INTEGER NOT NULL
);
CREATE TABLE stations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE users (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL,
    created_by  TEXT REFERENCES users(id),
    disabled_at INTEGER
);
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT REFERENCES users(id)
);
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    time      INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    object_id TEXT NOT NULL,
    outcome   TEXT NOT NULL,
    hash      BLOB NOT NULL
);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

// Version 2: enrollments. Metadata in one narrow table so that lists read few pages; images
// and templates in their own tables (BLOBs, never files); the logs of the capture (quality,
// liveness, matches, flags, review) as child rows that cascade on erasure.
constexpr const char* kV2 = R"sql(
CREATE TABLE enrollments (
    id                     TEXT PRIMARY KEY,
    station_id             TEXT NOT NULL REFERENCES stations(id),
    operator_id            TEXT NOT NULL REFERENCES users(id),
    created_at             INTEGER NOT NULL,
    status                 TEXT NOT NULL
        CHECK (status IN ('accepted', 'pending_review', 'approved', 'rejected')),
    subject_name           TEXT,
    document_type          TEXT,
    document_number        TEXT,
    date_of_birth          TEXT,
    phone                  TEXT,
    consent_notice_version TEXT,
    consent_language       TEXT,
    consent_time           INTEGER,
    consent_attested       INTEGER,
    liveness_verdict       TEXT
);
CREATE INDEX enrollments_by_time ON enrollments(created_at);
CREATE INDEX enrollments_by_operator ON enrollments(operator_id, created_at);
CREATE INDEX enrollments_by_status ON enrollments(status, created_at);
CREATE INDEX enrollments_by_document ON enrollments(document_number);
CREATE INDEX enrollments_by_phone ON enrollments(phone);

CREATE TABLE enrollment_images (
    id            INTEGER PRIMARY KEY,
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('portrait', 'id_photo', 'evidence')),
    seq           INTEGER NOT NULL,
    jpeg          BLOB NOT NULL,
    UNIQUE (enrollment_id, kind, seq)
);
CREATE TABLE templates (
    id            INTEGER PRIMARY KEY,
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('face', 'id_photo')),
    model_id      TEXT NOT NULL,
    model_version TEXT NOT NULL,
    dimensions    INTEGER NOT NULL,
    vector        BLOB NOT NULL,
    UNIQUE (enrollment_id, kind)
);
CREATE TABLE quality_measures (
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    name          TEXT NOT NULL,
    value         REAL NOT NULL,
    passed        INTEGER NOT NULL,
    reason        TEXT NOT NULL,
    PRIMARY KEY (enrollment_id, seq)
);
CREATE TABLE liveness_challenges (
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    challenge     TEXT NOT NULL,
    passed        INTEGER NOT NULL,
    duration_ms   INTEGER NOT NULL,
    detail        TEXT NOT NULL,
    PRIMARY KEY (enrollment_id, seq)
);
CREATE TABLE passive_scores (
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    model         TEXT NOT NULL,
    score         REAL NOT NULL,
    PRIMARY KEY (enrollment_id, seq)
);
CREATE TABLE match_results (
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('id_document', 'gallery')),
    candidate_id  TEXT NOT NULL,
    score         REAL NOT NULL,
    threshold     REAL NOT NULL,
    matched       INTEGER NOT NULL,
    PRIMARY KEY (enrollment_id, seq)
);
CREATE TABLE flags (
    id            INTEGER PRIMARY KEY,
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    code          TEXT NOT NULL,
    reason        TEXT NOT NULL,
    score         REAL NOT NULL,
    threshold     REAL NOT NULL,
    raised_at     INTEGER NOT NULL
);
CREATE INDEX flags_by_enrollment ON flags(enrollment_id);
CREATE TABLE review_decisions (
    id            INTEGER PRIMARY KEY,
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    reviewer_id   TEXT NOT NULL REFERENCES users(id),
    outcome       TEXT NOT NULL CHECK (outcome IN ('approved', 'rejected')),
    reason        TEXT,
    decided_at    INTEGER NOT NULL
);
CREATE INDEX review_decisions_by_enrollment ON review_decisions(enrollment_id);
)sql";

// Version 3: the way out (outbox, receipts) and retention. Enrollments made before this
// version are queued or held according to their review status.
constexpr const char* kV3 = R"sql(
CREATE TABLE outbox (
    enrollment_id TEXT PRIMARY KEY REFERENCES enrollments(id) ON DELETE CASCADE,
    state         TEXT NOT NULL CHECK (state IN ('held', 'queued', 'exported', 'uploaded', 'receipted')),
    bundle_id     TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX outbox_by_state ON outbox(state);
CREATE TABLE receipts (
    enrollment_id  TEXT PRIMARY KEY REFERENCES enrollments(id) ON DELETE CASCADE,
    receipt_id     TEXT NOT NULL,
    received_at    INTEGER NOT NULL,
    signed_receipt BLOB
);
CREATE INDEX receipts_by_time ON receipts(received_at);
ALTER TABLE enrollments ADD COLUMN purged_at INTEGER;
INSERT INTO outbox (enrollment_id, state, updated_at)
    SELECT id, CASE WHEN status IN ('accepted', 'approved') THEN 'queued' ELSE 'held' END, created_at
    FROM enrollments;
)sql";

// Version 4 (sync, issue 14): the station's Ed25519 signing key (inside the encrypted store),
// the trust list of stations whose bundles this one relays, the bundles waiting in the
// outbox (their files sit in <database>.outbox/, sealed to the central service), which
// enrollments went into which bundle (a receipt marks only those), and the central
// service's signed receipts. The audit log gets an index by object so that an
// enrollment's rows travel with it in a bundle. Stores made before this version get their
// signing key at first use.
constexpr const char* kV4 = R"sql(
CREATE TABLE station_keys (
    station_id  TEXT PRIMARY KEY REFERENCES stations(id),
    algorithm   TEXT NOT NULL CHECK (algorithm = 'ed25519'),
    public_key  BLOB NOT NULL CHECK (length(public_key) = 32),
    secret_seed BLOB NOT NULL CHECK (length(secret_seed) = 32),
    created_at  INTEGER NOT NULL
);
CREATE TABLE trusted_stations (
    station_id TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    added_at   INTEGER NOT NULL,
    added_by   TEXT REFERENCES users(id)
);
CREATE TABLE outbox_bundles (
    bundle_id    TEXT PRIMARY KEY,
    origin       TEXT NOT NULL CHECK (origin IN ('local', 'relayed')),
    station_id   TEXT NOT NULL,
    record_count INTEGER NOT NULL,
    size_bytes   INTEGER NOT NULL,
    file_name    TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('pending', 'rejected', 'receipted')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX outbox_bundles_by_state ON outbox_bundles(state, created_at);
CREATE TABLE sync_receipts (
    receipt_id  TEXT PRIMARY KEY,
    bundle_id   TEXT NOT NULL,
    station_id  TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    signed      BLOB NOT NULL
);
CREATE INDEX sync_receipts_by_bundle ON sync_receipts(bundle_id);
CREATE INDEX sync_receipts_by_station ON sync_receipts(station_id, received_at);
CREATE TABLE bundle_members (
    bundle_id     TEXT NOT NULL,
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    PRIMARY KEY (bundle_id, enrollment_id)
);
CREATE INDEX bundle_members_by_enrollment ON bundle_members(enrollment_id);
CREATE INDEX audit_by_object ON audit(object_id, seq);
)sql";

// Version 5: duplicate-search candidates carry their rank over the gallery and their cohort
// score (how far the score stands above the probe's other best scores), so that a reviewer
// can tell one clear duplicate from a crowd of look-alikes. NULL for the ID-photo row and for
// rows recorded before this version.
constexpr const char* kV5 = R"sql(
ALTER TABLE match_results ADD COLUMN rank INTEGER CHECK (rank IS NULL OR rank >= 1);
ALTER TABLE match_results ADD COLUMN cohort_score REAL;
)sql";

// Version 6 (issue 9, login and audit): a password an admin set (new user, reset) works
// once: the user must choose their own at the next login. And the ids of the failed-login
// events the key file handed to the audit log, so a replay after an interrupted login adds
// nothing while two failures in one millisecond stay two rows.
constexpr const char* kV6 = R"sql(
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
CREATE TABLE key_file_events (
    event_id  TEXT PRIMARY KEY,
    audit_seq INTEGER NOT NULL
);
)sql";

// Version 7: the gallery's change log. Every change that a 1:N index must see — a face
// template added or removed (insert, erasure, retention purge, import) or the document or
// phone of an enrollment changed — appends the enrollment's id under a sequence number that
// only grows (AUTOINCREMENT never reuses one). Triggers write it, so no write path can forget
// it. An index remembers the sequence of its snapshot and, under the write lock of its own
// insert, reads what was committed after it (docs/matching.md, "Concurrency").
constexpr const char* kV7 = R"sql(
CREATE TABLE gallery_changes (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    enrollment_id TEXT NOT NULL
);
CREATE TRIGGER gallery_change_template_added AFTER INSERT ON templates WHEN NEW.kind = 'face'
BEGIN INSERT INTO gallery_changes (enrollment_id) VALUES (NEW.enrollment_id); END;
CREATE TRIGGER gallery_change_template_replaced AFTER UPDATE ON templates WHEN NEW.kind = 'face' OR OLD.kind = 'face'
BEGIN INSERT INTO gallery_changes (enrollment_id) VALUES (NEW.enrollment_id); END;
CREATE TRIGGER gallery_change_template_removed AFTER DELETE ON templates WHEN OLD.kind = 'face'
BEGIN INSERT INTO gallery_changes (enrollment_id) VALUES (OLD.enrollment_id); END;
CREATE TRIGGER gallery_change_binding AFTER UPDATE OF document_type, document_number, phone ON enrollments
BEGIN INSERT INTO gallery_changes (enrollment_id) VALUES (NEW.id); END;
)sql";

// Version 8: the liveness mode an enrollment was captured in. Spontaneous mode cannot tell a
// replayed recording from a live face (docs/liveness.md), so review and the central service
// must know which mode vouched for the face. NULL for enrollments made before this version
// (unknown) and after the retention purge. Self-contained: one column, no data rewritten.
constexpr const char* kV8 = R"sql(
ALTER TABLE enrollments ADD COLUMN liveness_mode TEXT
    CHECK (liveness_mode IN ('challenge', 'spontaneous'));
)sql";

} // namespace

const std::vector<Schema::Migration>& Schema::migrations()
{
    static const std::vector<Migration> all = {
        {1, "station, users, settings, audit log", kV1},
        {2, "enrollments, images, templates, capture logs, flags, reviews", kV2},
        {3, "outbox, receipts, retention", kV3},
        {4, "sync: station signing key, trust list, outbox bundles, central receipts", kV4},
        {5, "match candidates: rank and cohort score", kV5},
        {6, "one-time passwords, key-file event ids", kV6},
        {7, "gallery change log", kV7},
        {8, "liveness mode of each enrollment", kV8},
    };
    return all;
}

int Schema::latestVersion()
{
    return migrations().back().version;
}

int Schema::version(Connection& db)
{
    return static_cast<int>(db.queryInt("PRAGMA user_version").value_or(0));
}

std::vector<int> Schema::migrate(Connection& db, int targetVersion, const StepObserver& observer)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    const int current = version(db);
    if (current > latestVersion())
        throw Error(
            ErrorCode::Conflict,
            QT_TRANSLATE_NOOP("fe::Error", "The database %1 was written by a newer FaceEnroll (schema version %2; this build "
                          "knows up to %3). Update FaceEnroll."),
            {db.path().string(), std::to_string(current), std::to_string(latestVersion())});
    std::vector<int> applied;
    for (const auto& step : migrations()) {
        if (step.version <= current || step.version > targetVersion)
            continue;
        Transaction tx(db);
        // A second process may have migrated while we waited for the write lock.
        if (version(db) >= step.version)
            continue;
        db.exec(step.sql);
        db.exec("PRAGMA user_version = " + std::to_string(step.version));
        if (observer)
            observer(db, step);
        tx.commit();
        applied.push_back(step.version);
        qCInfo(lcStore) << "schema migrated to version" << step.version;
    }
    return applied;
}

} // namespace fe::store
