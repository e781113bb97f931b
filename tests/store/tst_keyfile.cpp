// The key file and the slot cryptography: format, damage detection, binding to one database,
// wrapping and unwrapping, recovery keys.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/FileUtil.h"
#include "store/KeyFile.h"
#include "store/SlotCrypto.h"
#include "store/Store.h"

#include <QtTest>
#include <set>
#include <sodium.h>

using namespace fe::store;
using namespace fe::store::test;

namespace {

SlotCrypto::Binding sampleBinding()
{
    SlotCrypto::Binding b;
    b.databaseId = "11111111-2222-4333-8444-555555555555";
    for (std::size_t i = 0; i < b.databaseSalt.size(); ++i)
        b.databaseSalt[i] = static_cast<unsigned char>(i * 7);
    return b;
}

KeyFile sampleKeyFile(const SecretBytes& dbKey, const SecretBytes& recoveryKey)
{
    const auto b = sampleBinding();
    KeyFile f;
    f.databaseId = b.databaseId;
    f.databaseSalt = b.databaseSalt;
    f.slots.push_back(SlotCrypto::createUserSlot(SlotCrypto::labelFor("alice", b.databaseId),
                                                 secret("alice-password"), fastOptions().kdf, dbKey, b));
    f.slots.push_back(SlotCrypto::createRecoverySlot(recoveryKey, dbKey, b));
    f.slots.push_back(SlotCrypto::createUserSlot(SlotCrypto::labelFor("bob", b.databaseId),
                                                 secret("bob-password-1"), fastOptions().kdf, dbKey, b));
    f.slots[0].lockout.failedAttempts = 3;
    f.slots[0].lockout.lockouts = 1;
    f.slots[0].lockout.lockedUntil = fromMillis(1'800'000'000'123);
    f.addEvent({fromMillis(1'800'000'000'000), f.slots[0].label, "login_failed", "wrong_password"});
    return f;
}

} // namespace

class TestKeyFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serialize_thenParse_roundTrips();
    void parse_flippedByteInAnyLine_isReportedAsDamagedWithLineNumber_data();
    void parse_flippedByteInAnyLine_isReportedAsDamagedWithLineNumber();
    void parse_skipDamagedLines_keepsTheIntactSlots();
    void userSlot_opensWithItsPasswordOnly();
    void userSlot_recordsItsKdfParameters();
    void userSlot_boundToItsDatabase_data();
    void userSlot_boundToItsDatabase();
    void wrappedKey_opensWithNextKeyForEverySlotWithoutPasswords();
    void recoverySlot_opensWithTheRecoveryKeyOnly();
    void recoveryKey_printedFormParsesBack();
    void recoveryKey_garbageIsRejected();
    void label_dependsOnNameAndDatabase();
    void keyFile_containsNoNamesOrKeys();
    void pendingEvents_areCappedAndCounted();
    void pendingEvents_haveUniqueIds_thatRoundTrip();
    void parse_damagedEventLine_isSkippedAndCounted();
    void unknownNames_roundTrip_andAreCapped();
    void kdfParams_outOfRangeAreRejected();
};

void TestKeyFile::serialize_thenParse_roundTrips()
{
    const auto dbKey = SecretBytes::random(32);
    const auto f = sampleKeyFile(dbKey, SecretBytes::random(32));
    const auto text = f.serialize();
    const auto g = KeyFile::parse(text, "k");
    QCOMPARE(g.serialize(), text);
    QCOMPARE(g.slots.size(), std::size_t{3});
    QCOMPARE(g.slots[0].lockout.failedAttempts, 3);
    QCOMPARE(g.slots[0].lockout.lockouts, 1);
    QVERIFY(g.slots[0].lockout.lockedUntil == fromMillis(1'800'000'000'123));
    QCOMPARE(g.events.size(), std::size_t{1});
    QCOMPARE(g.events[0].outcome, std::string("wrong_password"));
}

void TestKeyFile::parse_flippedByteInAnyLine_isReportedAsDamagedWithLineNumber_data()
{
    QTest::addColumn<int>("line");
    QTest::newRow("header") << 1;
    QTest::newRow("user slot") << 2;
    QTest::newRow("recovery slot") << 3;
    QTest::newRow("user slot after the recovery slot") << 4;
}

void TestKeyFile::parse_flippedByteInAnyLine_isReportedAsDamagedWithLineNumber()
{
    QFETCH(int, line);
    auto text = sampleKeyFile(SecretBytes::random(32), SecretBytes::random(32)).serialize();
    std::size_t start = 0;
    for (int i = 1; i < line; ++i)
        start = text.find('\n', start) + 1;
    text[start + 30] = static_cast<char>(text[start + 30] ^ 0x01);
    try {
        (void)KeyFile::parse(text, "store.db.keys");
        QFAIL("a damaged key file parsed");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Corrupt);
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("line %1 ").arg(line)), e.what());
    }
}

void TestKeyFile::parse_skipDamagedLines_keepsTheIntactSlots()
{
    const auto dbKey = SecretBytes::random(32);
    auto text = sampleKeyFile(dbKey, SecretBytes::random(32)).serialize();
    const auto second = text.find('\n') + 1; // the first user slot
    text[second + 40] = static_cast<char>(text[second + 40] ^ 0x01);
    const auto f = KeyFile::parse(text, "k", KeyFile::Parse::SkipDamagedLines);
    QCOMPARE(f.damagedLines, 1);
    QCOMPARE(f.slots.size(), std::size_t{2});
    QVERIFY(f.recovery() != nullptr);
}

void TestKeyFile::userSlot_opensWithItsPasswordOnly()
{
    const auto dbKey = SecretBytes::random(32);
    const auto b = sampleBinding();
    const auto slot = SlotCrypto::createUserSlot("l", secret("right-password"), fastOptions().kdf, dbKey, b);
    QVERIFY(!SlotCrypto::openUserSlot(slot, secret("wrong-password"), b));
    const auto sk = SlotCrypto::openUserSlot(slot, secret("right-password"), b);
    QVERIFY(sk.has_value());
    const auto unwrapped = SlotCrypto::unwrapDatabaseKey(slot.databaseKey, slot.publicKey, *sk, b);
    QVERIFY(unwrapped && unwrapped->equals(dbKey));
}

void TestKeyFile::userSlot_recordsItsKdfParameters()
{
    const KdfParams params{2, 64 * 1024};
    const auto b = sampleBinding();
    KeyFile f;
    f.databaseId = b.databaseId;
    f.databaseSalt = b.databaseSalt;
    f.slots.push_back(
        SlotCrypto::createUserSlot("l", secret("a-password"), params, SecretBytes::random(32), b));
    const auto g = KeyFile::parse(f.serialize(), "k");
    QVERIFY(g.slots[0].kdf == params);
    // The recorded cost is authenticated: lowering it in the file makes the slot unopenable.
    auto weakened = g.slots[0];
    weakened.kdf.opsLimit = 1;
    QVERIFY(!SlotCrypto::openUserSlot(weakened, secret("a-password"), b));
    QVERIFY(SlotCrypto::openUserSlot(g.slots[0], secret("a-password"), b));
}

void TestKeyFile::userSlot_boundToItsDatabase_data()
{
    QTest::addColumn<bool>("changeId");
    QTest::newRow("other database id") << true;
    QTest::newRow("other database salt") << false;
}

void TestKeyFile::userSlot_boundToItsDatabase()
{
    QFETCH(bool, changeId);
    const auto dbKey = SecretBytes::random(32);
    const auto b = sampleBinding();
    const auto slot = SlotCrypto::createUserSlot("l", secret("a-password"), fastOptions().kdf, dbKey, b);
    auto other = b;
    if (changeId)
        other.databaseId = "99999999-2222-4333-8444-555555555555";
    else
        other.databaseSalt[3] ^= 1;
    QVERIFY(!SlotCrypto::openUserSlot(slot, secret("a-password"), other));
    const auto sk = SlotCrypto::openUserSlot(slot, secret("a-password"), b);
    QVERIFY(!SlotCrypto::unwrapDatabaseKey(slot.databaseKey, slot.publicKey, *sk, other));
}

void TestKeyFile::wrappedKey_opensWithNextKeyForEverySlotWithoutPasswords()
{
    // Key rotation seals the next key to each slot's public key: no password needed.
    const auto dbKey = SecretBytes::random(32);
    const auto recoveryKey = SecretBytes::random(32);
    auto f = sampleKeyFile(dbKey, recoveryKey);
    const auto b = sampleBinding();
    const auto next = SecretBytes::random(32);
    for (auto& s : f.slots)
        s.nextDatabaseKey = SlotCrypto::wrapDatabaseKey(s.publicKey, next, b);
    const auto g = KeyFile::parse(f.serialize(), "k");
    const auto sk = SlotCrypto::openUserSlot(g.slots[2], secret("bob-password-1"), b);
    QVERIFY(sk);
    const auto n = SlotCrypto::unwrapDatabaseKey(*g.slots[2].nextDatabaseKey, g.slots[2].publicKey, *sk, b);
    QVERIFY(n && n->equals(next));
    const auto rsk = SlotCrypto::openRecoverySlot(*g.recovery(), recoveryKey);
    QVERIFY(rsk);
    const auto rn =
        SlotCrypto::unwrapDatabaseKey(*g.recovery()->nextDatabaseKey, g.recovery()->publicKey, *rsk, b);
    QVERIFY(rn && rn->equals(next));
}

void TestKeyFile::recoverySlot_opensWithTheRecoveryKeyOnly()
{
    const auto dbKey = SecretBytes::random(32);
    const auto recoveryKey = SecretBytes::random(32);
    const auto f = sampleKeyFile(dbKey, recoveryKey);
    QVERIFY(!SlotCrypto::openRecoverySlot(*f.recovery(), SecretBytes::random(32)));
    const auto sk = SlotCrypto::openRecoverySlot(*f.recovery(), recoveryKey);
    QVERIFY(sk);
    const auto k = SlotCrypto::unwrapDatabaseKey(f.recovery()->databaseKey, f.recovery()->publicKey, *sk,
                                                 sampleBinding());
    QVERIFY(k && k->equals(dbKey));
}

void TestKeyFile::recoveryKey_printedFormParsesBack()
{
    const auto key = SlotCrypto::newRecoveryKey();
    const auto printed = SlotCrypto::formatRecoveryKey(key);
    QCOMPARE(printed.size(), std::size_t{64 + 7});
    QVERIFY(SlotCrypto::parseRecoveryKey(printed.view()).equals(key));
    std::string messy(printed.view());
    for (auto& c : messy)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    messy = "  " + messy + "\n";
    QVERIFY(SlotCrypto::parseRecoveryKey(messy).equals(key));
}

void TestKeyFile::recoveryKey_garbageIsRejected()
{
    QVERIFY_THROWS_EXCEPTION(fe::Error, SlotCrypto::parseRecoveryKey("not a key"));
    QVERIFY_THROWS_EXCEPTION(fe::Error, SlotCrypto::parseRecoveryKey(std::string(62, 'a')));
}

void TestKeyFile::label_dependsOnNameAndDatabase()
{
    QVERIFY(SlotCrypto::labelFor("alice", "db1") != SlotCrypto::labelFor("bob", "db1"));
    QVERIFY(SlotCrypto::labelFor("alice", "db1") != SlotCrypto::labelFor("alice", "db2"));
    QCOMPARE(SlotCrypto::labelFor("alice", "db1"), SlotCrypto::labelFor("alice", "db1"));
}

void TestKeyFile::keyFile_containsNoNamesOrKeys()
{
    const auto dbKey = SecretBytes::random(32);
    const auto recoveryKey = SecretBytes::random(32);
    const auto text = sampleKeyFile(dbKey, recoveryKey).serialize();
    QVERIFY(!contains(text, "alice") && !contains(text, "bob"));
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, dbKey.data(), dbKey.size());
    QVERIFY(!contains(text, hex));
    QVERIFY(!contains(text, std::string(dbKey.view())));
    sodium_bin2hex(hex, sizeof hex, recoveryKey.data(), recoveryKey.size());
    QVERIFY(!contains(text, hex));
}

void TestKeyFile::pendingEvents_areCappedAndCounted()
{
    KeyFile f = sampleKeyFile(SecretBytes::random(32), SecretBytes::random(32));
    for (int i = 0; i < 1200; ++i)
        f.addEvent({fromMillis(i), "x", "login_failed", "unknown_user"});
    QCOMPARE(f.events.size(), std::size_t{1000});
    QCOMPARE(f.droppedEvents, std::uint64_t{201});
    const auto g = KeyFile::parse(f.serialize(), "k");
    QCOMPARE(g.droppedEvents, std::uint64_t{201});
}

void TestKeyFile::pendingEvents_haveUniqueIds_thatRoundTrip()
{
    KeyFile f = sampleKeyFile(SecretBytes::random(32), SecretBytes::random(32));
    // Two failures in the same millisecond, same name and outcome: still two events.
    f.addEvent({fromMillis(5), "x", "login_failed", "unknown_user"});
    f.addEvent({fromMillis(5), "x", "login_failed", "unknown_user"});
    std::set<std::string> ids;
    for (const auto& e : f.events) {
        QCOMPARE(e.id.size(), std::size_t{32});
        ids.insert(e.id);
    }
    QCOMPARE(ids.size(), f.events.size());
    const auto g = KeyFile::parse(f.serialize(), "k");
    for (std::size_t i = 0; i < f.events.size(); ++i)
        QCOMPARE(g.events[i].id, f.events[i].id);
    // A line written before events had ids still parses (its id is empty).
    const std::string legacyBody = "event time=5 label=x action=login_failed outcome=unknown_user";
    unsigned char sum[16];
    crypto_generichash(sum, sizeof sum, reinterpret_cast<const unsigned char*>(legacyBody.data()), legacyBody.size(),
                       nullptr, 0);
    char hexSum[33];
    sodium_bin2hex(hexSum, sizeof hexSum, sum, sizeof sum);
    const auto legacy = KeyFile::parse(f.serialize() + legacyBody + " sum=" + hexSum + "\n", "k");
    QCOMPARE(legacy.events.back().id, std::string());
    QCOMPARE(legacy.events.size(), f.events.size() + 1);
}

void TestKeyFile::parse_damagedEventLine_isSkippedAndCounted()
{
    // Issue 9, item 10: a damaged failed-login line must not make the whole key file unusable.
    auto text = sampleKeyFile(SecretBytes::random(32), SecretBytes::random(32)).serialize();
    const auto at = text.find("\nevent ") + 1;
    text[at + 30] = static_cast<char>(text[at + 30] ^ 0x01);
    const auto f = KeyFile::parse(text, "k");
    QCOMPARE(f.slots.size(), std::size_t{3});
    QVERIFY(f.events.empty());
    QCOMPARE(f.damagedEvents, std::uint64_t{1});
    QCOMPARE(f.damagedLines, 0);
    // Saved, the damaged line is gone and the count stays until a login reports it.
    const auto g = KeyFile::parse(f.serialize(), "k");
    QCOMPARE(g.damagedEvents, std::uint64_t{1});
    // Damage to the type word of an event line is still an event line (no slot fields).
    auto typo = sampleKeyFile(SecretBytes::random(32), SecretBytes::random(32)).serialize();
    typo[typo.find("\nevent ") + 2] = 'X';
    QCOMPARE(KeyFile::parse(typo, "k").damagedEvents, std::uint64_t{1});
}

void TestKeyFile::unknownNames_roundTrip_andAreCapped()
{
    KeyFile f = sampleKeyFile(SecretBytes::random(32), SecretBytes::random(32));
    auto& u = f.unknownName("aaaa", fromMillis(10));
    u.lockout.failedAttempts = 2;
    u.lockout.lockedUntil = fromMillis(99'000);
    const auto g = KeyFile::parse(f.serialize(), "k");
    QCOMPARE(g.unknownNames.size(), std::size_t{1});
    QCOMPARE(g.unknownNames[0].label, std::string("aaaa"));
    QCOMPARE(g.unknownNames[0].lockout.failedAttempts, 2);
    QVERIFY(g.unknownNames[0].lockout.lockedUntil == fromMillis(99'000));
    QVERIFY(g.unknownNames[0].lastFailure == fromMillis(10));
    QCOMPARE(g.serialize(), f.serialize());
    // Capped: the least recently tried name that is not locked goes first.
    for (int i = 0; i < 1100; ++i)
        f.unknownName("name" + std::to_string(i), fromMillis(1000 + i));
    QCOMPARE(f.unknownNames.size(), std::size_t{1000});
    QVERIFY(f.findUnknown("aaaa") != nullptr); // locked until 99 s, still kept at 2.1 s
    QVERIFY(f.findUnknown("name0") == nullptr);
    QVERIFY(f.findUnknown("name1099") != nullptr);
}

void TestKeyFile::kdfParams_outOfRangeAreRejected()
{
    QVERIFY_THROWS_EXCEPTION(fe::Error, (KdfParams{0, 1 << 20}).validate());
    QVERIFY_THROWS_EXCEPTION(fe::Error, (KdfParams{3, std::size_t{64} << 30}).validate());
    KdfParams::recommended().validate();
}

QTEST_APPLESS_MAIN(TestKeyFile)
#include "tst_keyfile.moc"
