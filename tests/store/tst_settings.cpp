// One settings schema (issue 9, item 6): keys, types, ranges, defaults and who may set each in
// one table; the store refuses unknown keys (naming the nearest known one) and values out of
// range (naming the range); whatever a setting holds, readers get a valid value, so no
// setting stops a station from enrolling, reviewing or purging.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "common/SettingsSchema.h"
#include "match/MatchPolicy.h"
#include "store/Connection.h"
#include "store/Store.h"

#include <QtTest>

#include <set>

using namespace fe;
using namespace fe::store;
using namespace fe::store::test;

namespace {

// Writes a value straight into the settings table, around the store's checks: what an older
// build, a hand edit or a bug elsewhere could have left.
void storeRaw(const TempStore& s, const std::string& key, const std::string& value)
{
    Connection db = Connection::openEncrypted(s.database, databaseKey(s.paths, "admin", kAdminPassword));
    Statement q = db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?1, ?2, 0)");
    q.bind(1, key).bind(2, value);
    q.run();
}

std::string refusal(Session& session, const char* key, const char* value)
{
    try {
        session.setSetting(key, value);
    } catch (const Error& e) {
        return std::string(errorCodeName(e.code())) + ": " + e.what();
    }
    return "accepted";
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schema_everyDefaultIsAllowed_andKeysAreUnique();
    void schema_thresholdDefaultsAreMatchPolicys();
    void validate_refusesTheIssuesExamples_data();
    void validate_refusesTheIssuesExamples();
    void validate_acceptsValuesInRange_data();
    void validate_acceptsValuesInRange();
    void nearestKey_findsTypos();
    void setSetting_refusesAndChangesNothing();
    void setSetting_needsTheRowsPermission();
    void storedValueOutOfRange_readersFallBackToTheDefault();
    void storedValueOutOfRange_doesNotStopPurgeOrLogin();
};

void TestSettings::schema_everyDefaultIsAllowed_andKeysAreUnique()
{
    std::set<std::string_view> keys;
    for (const auto& spec : SettingsSchema::all()) {
        QVERIFY2(keys.insert(spec.key).second, spec.key.data());
        const auto problem = SettingsSchema::problem(spec, spec.defaultValue);
        QVERIFY2(!problem, problem.value_or("").c_str());
        QVERIFY(spec.description != nullptr && *spec.description != '\0');
        QVERIFY(spec.min <= spec.max);
    }
    QVERIFY(keys.size() >= 6);
}

void TestSettings::schema_thresholdDefaultsAreMatchPolicys()
{
    // MatchPolicy reads its thresholds through the schema: with nothing stored it gets the
    // schema's defaults, which must be the ones documented on the struct.
    const match::MatchPolicy declared;
    const auto read = match::MatchPolicy::fromSettings({});
    QCOMPARE(read.documentThreshold, declared.documentThreshold);
    QCOMPARE(read.duplicateThreshold(1000).threshold, declared.duplicateThreshold(1000).threshold);
    QCOMPARE(read.maxNumbersPerPerson, declared.maxNumbersPerPerson);
    QCOMPARE(read.falseFlagsPer1000, declared.falseFlagsPer1000);
    QCOMPARE(read.maxCandidates, declared.maxCandidates);
}

void TestSettings::validate_refusesTheIssuesExamples_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("says");
    // Issue 9: "settings set threshold.duplicate 45" (a typo for 0.45), "threshold.
    // numbers_per_person 0" and "threshold.documnet" were accepted and then stopped the station.
    QTest::newRow("45 for 0.45") << "threshold.duplicate" << "45" << "a number from 0.2 to 0.8";
    QTest::newRow("no numbers at all") << "threshold.numbers_per_person" << "0" << "a whole number from 1 to 100";
    QTest::newRow("misspelt key") << "threshold.documnet" << "0.4" << "did you mean threshold.document?";
    QTest::newRow("negative") << "threshold.document" << "-0.1" << "a number from 0.2 to 0.8";
    QTest::newRow("not a number") << "threshold.document" << "0,4" << "a number from 0.2 to 0.8";
    QTest::newRow("not finite") << "threshold.duplicate" << "nan" << "a number from 0.2 to 0.8";
    QTest::newRow("fraction for an integer") << "retention.days" << "7.5" << "a whole number from 0 to 3650";
    QTest::newRow("negative days") << "retention.days" << "-1" << "a whole number from 0 to 3650";
    QTest::newRow("idle lock off") << "session.idle_timeout_minutes" << "0" << "a whole number from 1 to 240";
    QTest::newRow("empty name") << "station.name" << "" << "1 to 64 characters";
    QTest::newRow("control character") << "station.name" << "a\nb" << "1 to 64 characters";
    QTest::newRow("far from any key") << "colour" << "blue" << "the settings are retention.days";
}

void TestSettings::validate_refusesTheIssuesExamples()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, says);
    try {
        SettingsSchema::validate(key.toStdString(), value.toStdString());
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QVERIFY2(contains(e.what(), says.toStdString()), e.what());
    }
}

void TestSettings::validate_acceptsValuesInRange_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("lowest threshold") << "threshold.document" << "0.2";
    QTest::newRow("highest threshold") << "threshold.duplicate" << "0.8";
    QTest::newRow("default") << "threshold.duplicate" << "0.45";
    QTest::newRow("one number") << "threshold.numbers_per_person" << "1";
    QTest::newRow("purge at once") << "retention.days" << "0";
    QTest::newRow("unicode name") << "station.name" << "营业厅 3";
}

void TestSettings::validate_acceptsValuesInRange()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    SettingsSchema::validate(key.toStdString(), value.toStdString());
}

void TestSettings::nearestKey_findsTypos()
{
    QCOMPARE(SettingsSchema::nearestKey("threshold.documnet").value_or(""), std::string_view("threshold.document"));
    QCOMPARE(SettingsSchema::nearestKey("threshold.duplicates").value_or(""), std::string_view("threshold.duplicate"));
    QCOMPARE(SettingsSchema::nearestKey("retention.day").value_or(""), std::string_view("retention.days"));
    QVERIFY(!SettingsSchema::nearestKey("colour"));
}

void TestSettings::setSetting_refusesAndChangesNothing()
{
    TempStore s;
    Session admin = s.login("admin");
    const auto before = admin.settings();
    QVERIFY2(contains(refusal(admin, "threshold.duplicate", "45"), "invalid_argument: 45 is not allowed"),
             refusal(admin, "threshold.duplicate", "45").c_str());
    QVERIFY(contains(refusal(admin, "threshold.numbers_per_person", "0"), "from 1 to 100"));
    QVERIFY(contains(refusal(admin, "threshold.documnet", "0.4"), "did you mean threshold.document?"));
    QVERIFY(contains(refusal(admin, "threshold.match", "0.5"), "invalid_argument"));
    QCOMPARE(admin.settings(), before);
    admin.setSetting("threshold.duplicate", "0.5");
    QCOMPARE(admin.setting("threshold.duplicate").value_or(""), std::string("0.5"));
    QCOMPARE(SettingsSchema::optionalReal(admin.settings(), setting::kThresholdDuplicate).value_or(0), 0.5);
}

void TestSettings::setSetting_needsTheRowsPermission()
{
    TempStore s;
    Session op = s.login("op1");
    Session sup = s.login("sup");
    for (Session* who : {&op, &sup}) {
        for (const char* key : {"threshold.duplicate", "retention.days", "threshold.no_such_key"}) {
            try {
                who->setSetting(key, "1");
                QFAIL("a role without the permission changed a setting");
            } catch (const Error& e) {
                QCOMPARE(e.code(), ErrorCode::PermissionDenied);
            }
        }
    }
}

void TestSettings::storedValueOutOfRange_readersFallBackToTheDefault()
{
    TempStore s;
    storeRaw(s, "threshold.duplicate", "45");
    storeRaw(s, "threshold.document", "-3");
    storeRaw(s, "threshold.numbers_per_person", "0");
    Session op = s.login("op1");
    const auto stored = op.settings();
    QCOMPARE(stored.at("threshold.duplicate"), std::string("45"));
    // What the enrollment workflow reads: the defaults, not an exception (which stopped every
    // enrollment and review on the station).
    const auto policy = match::MatchPolicy::fromSettings(stored);
    QCOMPARE(policy.duplicateThreshold(1000).threshold, match::MatchPolicy{}.duplicateThreshold(1000).threshold);
    QCOMPARE(policy.documentThreshold, match::MatchPolicy{}.documentThreshold);
    QCOMPARE(policy.maxNumbersPerPerson, match::MatchPolicy{}.maxNumbersPerPerson);
    QVERIFY(!SettingsSchema::optionalReal(stored, setting::kThresholdDuplicate));
}

void TestSettings::storedValueOutOfRange_doesNotStopPurgeOrLogin()
{
    TempStore s;
    storeRaw(s, "retention.days", "seven");
    storeRaw(s, "session.idle_timeout_minutes", "0");
    Session sup = s.login("sup");
    QCOMPARE(sup.idleTimeout(), std::chrono::milliseconds(std::chrono::minutes(5)));
    const auto report = sup.purge();
    QCOMPARE(report.retentionDays, 7);
    // An admin can repair it through the store.
    Session admin = s.login("admin");
    admin.setSetting("retention.days", "30");
    QCOMPARE(sup.purge().retentionDays, 30);
}

QTEST_APPLESS_MAIN(TestSettings)
#include "tst_settings.moc"
