// Schema migrations: a store written at every earlier schema version, with data, opens with
// this build, is brought to the latest version (audited), keeps its data readable through the
// current API and ends with the same schema as a new store; the same from the SQLCipher 3
// format of FaceEnroll before issue 16, at every schema version it had. A newer schema is
// refused, and a migration that fails leaves the database at its old version.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/AuditLog.h"
#include "store/Connection.h"
#include "store/EnrollmentRepository.h"
#include "store/FileUtil.h"
#include "store/KeyFile.h"
#include "store/Schema.h"
#include "store/SlotCrypto.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QtTest>

using namespace fe::store;
using namespace fe::store::test;

namespace {

const std::string kDatabaseId = "6f1c0b1e-5a43-4e77-9c1d-0a2b3c4d5e6f";
const std::string kStationId = "0b7e4c1a-1111-4222-8333-944455556666";
const std::string kAdminId = "a0000000-0000-4000-8000-000000000001";
const std::string kOperatorId = "a0000000-0000-4000-8000-000000000002";
const std::string kAccepted = "e0000000-0000-4000-8000-000000000001";
const std::string kFlagged = "e0000000-0000-4000-8000-000000000002";

// Writes a store as a build with schema `version` would have: its tables only, its rows, a
// valid audit chain and a key file with an admin and an operator slot.
StorePaths createAtVersion(const std::filesystem::path& dir, int version)
{
    const auto paths = StorePaths::forDatabase(dir / "store.db");
    const SecretBytes key = SecretBytes::random(32);
    const TimePoint now = truncateToMillis(systemNow());
    const auto ms = std::to_string(toMillis(now));
    createPrivateFile(paths.database);
    {
        Connection db = Connection::openEncrypted(paths.database, key, Connection::Mode::Create);
        Schema::migrate(db, version);
        Transaction tx(db);
        db.exec("INSERT INTO store_info VALUES (1, '" + kDatabaseId + "', '" + kStationId + "', " + ms + ")");
        db.exec("INSERT INTO stations VALUES ('" + kStationId + "', 'old station', " + ms + ")");
        db.exec("INSERT INTO users (id, name, role, active, created_at) VALUES ('" + kAdminId +
                "', 'admin', 'admin', 1, " + ms + "), ('" + kOperatorId + "', 'op1', 'operator', 1, " + ms +
                ")");
        db.exec("INSERT INTO settings VALUES ('retention.days', '7', " + ms + ", NULL)");
        AuditLog audit(db, kDatabaseId);
        audit.append({now, kAdminId, "store_initialized", kDatabaseId, "ok"});
        if (version >= 2) {
            // Two enrollments as version 2 stored them: one accepted, one waiting for review.
            const Enrollment e = sampleEnrollment(1);
            for (const auto& [id, status] :
                 {std::pair{kAccepted, "accepted"}, std::pair{kFlagged, "pending_review"}}) {
                Statement row = db.prepare(
                    "INSERT INTO enrollments (id, station_id, operator_id, created_at, status, subject_name, "
                    "document_type, document_number, phone, consent_notice_version, consent_language, "
                    "consent_time, "
                    "consent_attested, liveness_verdict) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                    "?11, ?12, 1, "
                    "'live')");
                row.bind(1, id)
                    .bind(2, kStationId)
                    .bind(3, kOperatorId)
                    .bind(4, toMillis(now))
                    .bind(5, status);
                row.bind(6, e.subject.name).bind(7, e.subject.documentType).bind(8, e.subject.documentNumber);
                row.bind(9, e.phone).bind(10, e.consent.noticeVersion).bind(11, e.consent.language);
                row.bind(12, toMillis(e.consent.time));
                row.run();
                Statement image = db.prepare("INSERT INTO enrollment_images (enrollment_id, kind, seq, jpeg) "
                                             "VALUES (?1, 'portrait', 0, ?2)");
                image.bind(1, id).bindBlob(2, e.portrait);
                image.run();
                Statement tmpl =
                    db.prepare("INSERT INTO templates (enrollment_id, kind, model_id, model_version, "
                               "dimensions, vector) VALUES (?1, 'face', ?2, ?3, ?4, ?5)");
                tmpl.bind(1, id).bind(2, e.faceTemplate.modelId).bind(3, e.faceTemplate.modelVersion);
                tmpl.bind(4, static_cast<std::int64_t>(e.faceTemplate.values.size()));
                tmpl.bindBlob(5, EnrollmentRepository::encodeTemplate(e.faceTemplate.values));
                tmpl.run();
            }
            db.exec("INSERT INTO flags (enrollment_id, code, reason, score, threshold, raised_at) VALUES ('" +
                    kFlagged + "', 'duplicate_face', 'r', 0.6, 0.5, " + ms + ")");
            // A gallery candidate as version 2 stored it: no rank, no cohort score.
            db.exec("INSERT INTO match_results (enrollment_id, seq, kind, candidate_id, score, threshold, matched) "
                    "VALUES ('" + kFlagged + "', 0, 'gallery', '" + kAccepted + "', 0.6, 0.5, 1)");
            audit.append({now, kOperatorId, "enrollment_created", kAccepted, "accepted"});
            audit.append({now, kOperatorId, "enrollment_created", kFlagged, "pending_review"});
            if (version >= 3) {
                // Version 3 wrote an outbox row with every enrollment.
                db.exec("INSERT INTO outbox (enrollment_id, state, updated_at) VALUES ('" + kAccepted + "', 'queued', " +
                        ms + "), ('" + kFlagged + "', 'held', " + ms + ")");
            }
        }
        tx.commit();
        db.checkpointTruncate();
    }
    KeyFile f;
    f.databaseId = kDatabaseId;
    const auto head = readFileHead(paths.database, 16);
    std::copy(head.begin(), head.end(), f.databaseSalt.begin());
    const SlotCrypto::Binding b{f.databaseId, f.databaseSalt};
    f.slots.push_back(SlotCrypto::createUserSlot(SlotCrypto::labelFor("admin", kDatabaseId),
                                                 secret(kAdminPassword), fastOptions().kdf, key, b));
    f.slots.push_back(SlotCrypto::createUserSlot(SlotCrypto::labelFor("op1", kDatabaseId),
                                                 secret(kOperatorPassword), fastOptions().kdf, key, b));
    f.slots.push_back(SlotCrypto::createRecoverySlot(SecretBytes::random(32), key, b));
    f.save(paths.keyFile);
    return paths;
}

std::vector<std::string> schemaOf(const StorePaths& paths, const char* user, const char* password)
{
    Connection db = Connection::openEncrypted(paths.database, databaseKey(paths, user, password));
    Statement q = db.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master "
                             "ORDER BY type, name");
    std::vector<std::string> out;
    while (q.step())
        out.push_back(q.text(0));
    return out;
}

// Opens a store written at `version` with this build and checks it as a new one.
void checkReachesTheLatestWithDataIntact(const StorePaths& paths, int version)
{
    {
        Session admin = Store::unlock(paths.database, "admin", secret(kAdminPassword), fastOptions());
        QCOMPARE(admin.info().schemaVersion, Schema::latestVersion());
        const auto rows = admin.auditEntries();
        for (int v = version + 1; v <= Schema::latestVersion(); ++v) {
            const auto object = "v" + std::to_string(v);
            QVERIFY2(std::any_of(rows.begin(), rows.end(),
                                 [&](const AuditEntry& a) {
                                     return a.event.action == "schema_migrated" && a.event.objectId == object;
                                 }),
                     object.c_str());
        }
        QVERIFY(admin.verifyAudit().valid);
        QVERIFY(admin.checkIntegrity().ok);
        QCOMPARE(admin.setting("retention.days").value_or(""), std::string("7"));
        // The store works as a new one: users can be added.
        addUserWithOwnPassword(admin, paths.database, "sup", Role::Supervisor, kSupervisorPassword, fastOptions());
    }
    if (version >= 2) {
        Session sup = Store::unlock(paths.database, "sup", secret(kSupervisorPassword), fastOptions());
        const auto accepted = sup.getEnrollment(kAccepted);
        QCOMPARE(accepted.subject.name, sampleEnrollment(1).subject.name);
        QVERIFY(accepted.portrait == sampleEnrollment(1).portrait);
        QVERIFY(accepted.faceTemplate == sampleEnrollment(1).faceTemplate);
        // Version 3 queued what was accepted and held what waits for review (or, from version 3,
        // kept what the build had queued and held).
        QVERIFY(accepted.upload.state == UploadState::Queued);
        QVERIFY(sup.getEnrollment(kFlagged).upload.state == UploadState::Held);
        QCOMPARE(sup.reviewQueue().size(), std::size_t{1});
        QCOMPARE(sup.galleryTemplates().size(), std::size_t{2});
        // Version 5 gave candidates a rank and a cohort score; older rows read back without.
        const auto matches = sup.getEnrollment(kFlagged).matches;
        QCOMPARE(matches.size(), std::size_t{1});
        QCOMPARE(matches[0].candidateId, kAccepted);
        QVERIFY(!matches[0].rank && !matches[0].cohortScore);
    }
    // Same schema as a store created today.
    TempStore fresh;
    QCOMPARE(schemaOf(paths, "admin", kAdminPassword), schemaOf(fresh.paths, "admin", kAdminPassword));
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromEveryEarlierVersion_reachesTheLatestWithDataIntact_data();
    void fromEveryEarlierVersion_reachesTheLatestWithDataIntact();
    void fromSqlcipher3AtEveryVersion_reachesTheLatestWithDataIntact_data();
    void fromSqlcipher3AtEveryVersion_reachesTheLatestWithDataIntact();
    void newerSchema_isRefused();
    void failedMigration_leavesTheOldVersion();
};

void TestMigrations::fromEveryEarlierVersion_reachesTheLatestWithDataIntact_data()
{
    QTest::addColumn<int>("version");
    for (int v = 1; v < Schema::latestVersion(); ++v)
        QTest::addRow("from version %d", v) << v;
}

void TestMigrations::fromEveryEarlierVersion_reachesTheLatestWithDataIntact()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    const auto paths = createAtVersion(dir.path().toStdString(), version);
    checkReachesTheLatestWithDataIntact(paths, version);
}

void TestMigrations::fromSqlcipher3AtEveryVersion_reachesTheLatestWithDataIntact_data()
{
    QTest::addColumn<int>("version");
    // At the latest version: tst_ciphermigration (a store of this build's schema).
    for (int v = 1; v < Schema::latestVersion(); ++v)
        QTest::addRow("from SQLCipher 3 at version %d", v) << v;
}

void TestMigrations::fromSqlcipher3AtEveryVersion_reachesTheLatestWithDataIntact()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    const auto paths = createAtVersion(dir.path().toStdString(), version);
    const auto key = databaseKey(paths, "admin", kAdminPassword);
    convertToSqlcipher3(paths, key);
    QCOMPARE(cipherFormatOf(paths.database, key), std::string("sqlcipher3"));
    checkReachesTheLatestWithDataIntact(paths, version);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(cipherFormatOf(paths.database, key), std::string("sqlcipher4"));
    // The cipher migration ran before the schema migrations, each audited once.
    Session admin = Store::unlock(paths.database, "admin", secret(kAdminPassword), fastOptions());
    const auto rows = admin.auditEntries();
    QCOMPARE(std::count_if(rows.begin(), rows.end(),
                           [](const AuditEntry& a) { return a.event.action == "cipher_migrated"; }),
             std::ptrdiff_t{1});
}

void TestMigrations::newerSchema_isRefused()
{
    TempStore s;
    {
        Connection db = Connection::openEncrypted(s.database, databaseKey(s.paths, "admin", kAdminPassword));
        db.exec("PRAGMA user_version = " + std::to_string(Schema::latestVersion() + 1));
    }
    try {
        s.login("admin");
        QFAIL("a newer schema was opened");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Conflict);
        QVERIFY2(contains(e.what(), "newer FaceEnroll"), e.what());
    }
}

void TestMigrations::failedMigration_leavesTheOldVersion()
{
    QTemporaryDir dir;
    const auto paths = createAtVersion(dir.path().toStdString(), 2);
    const auto key = databaseKey(paths, "admin", kAdminPassword);
    {
        // Something in the way of version 3's first statement.
        Connection db = Connection::openEncrypted(paths.database, key);
        db.exec("CREATE TABLE outbox (x)");
    }
    QVERIFY_THROWS_EXCEPTION(fe::Error,
                             Store::unlock(paths.database, "admin", secret(kAdminPassword), fastOptions()));
    Connection db = Connection::openEncrypted(paths.database, key);
    QCOMPARE(Schema::version(db), 2);
    QVERIFY(!db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'receipts'").value_or(1));
    QCOMPARE(*db.queryText("PRAGMA integrity_check"), std::string("ok"));
}

QTEST_APPLESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
