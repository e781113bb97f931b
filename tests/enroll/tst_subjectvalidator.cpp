// What a document number, a name and a phone number are (issue 9, item 2): normalisation and
// the rules of each document type, as data in one place.
#include "common/Error.h"
#include "enroll/DocumentTypes.h"
#include "enroll/SubjectValidator.h"

#include <QtTest>

using namespace fe::enroll;
using namespace std::chrono;

namespace {

const year_month_day kToday{year(2026), month(6), day(1)};

fe::store::TimePoint todayAsTime()
{
    return sys_days(kToday) + hours(12);
}

QString refusal(const std::string& type, const std::string& number)
{
    try {
        (void)DocumentTypes::normalise(type, number, kToday);
    } catch (const fe::Error& e) {
        return e.code() == fe::ErrorCode::InvalidInput ? QString::fromStdString(e.what())
                                                       : QStringLiteral("wrong code");
    }
    return {};
}

std::string utf8(const QString& s)
{
    return s.toStdString();
}

} // namespace

class TestSubjectValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mod11_2_matchesPublishedNumbers();
    void sameNumber_however_typed_data();
    void sameNumber_however_typed();
    void invalidNumbers_areRefusedNamingTheRule_data();
    void invalidNumbers_areRefusedNamingTheRule();
    void everyTypeHasItsRulesAndAName();
    void canonical_isCheapForStoredNumbers();
    void names_areNormalised_data();
    void names_areNormalised();
    void dateOfBirth_mustAgreeWithTheCard();
    void utf8Validation();
};

void TestSubjectValidator::mod11_2_matchesPublishedNumbers()
{
    // GB 11643's worked example and two more computed by hand.
    QCOMPARE(DocumentTypes::mod11_2("11010519491231002"), 'X');
    QCOMPARE(DocumentTypes::mod11_2("11010119900505000"), '6');
    QCOMPARE(DocumentTypes::mod11_2("44030419800101001"), '7');
}

void TestSubjectValidator::sameNumber_however_typed_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("normalised");
    const QString card = QStringLiteral("110101199005050006");
    QTest::newRow("plain") << "cn_resident_id" << card << card;
    QTest::newRow("leading space") << "cn_resident_id" << (QStringLiteral(" ") + card) << card;
    QTest::newRow("trailing newline") << "cn_resident_id" << (card + QStringLiteral("\n")) << card;
    QTest::newRow("groups") << "cn_resident_id" << QStringLiteral("110101 19900505 0006") << card;
    QTest::newRow("dashes and en dash")
        << "cn_resident_id" << QStringLiteral("110101-19900505\u20130006") << card;
    QTest::newRow("zero-width space, joiner, BOM")
        << "cn_resident_id" << (QStringLiteral("\u200b1101\u200d01\ufeff") + card.mid(6)) << card;
    QTest::newRow("full-width") << "cn_resident_id" << QStringLiteral("１１０１０１１９９００５０５０００６")
                                << card;
    QTest::newRow("ideographic space")
        << "cn_resident_id" << (card.left(6) + QChar(0x3000) + card.mid(6)) << card;
    QTest::newRow("lower-case x") << "cn_resident_id" << QStringLiteral("11010519491231002x")
                                  << QStringLiteral("11010519491231002X");
    QTest::newRow("full-width X") << "cn_resident_id" << QStringLiteral("11010519491231002Ｘ")
                                  << QStringLiteral("11010519491231002X");
    QTest::newRow("passport lower case, spaces")
        << "passport" << QStringLiteral(" e 1234 5678 ") << QStringLiteral("E12345678");
    QTest::newRow("passport full-width")
        << "passport" << QStringLiteral("ＥＡ１２３４５６７") << QStringLiteral("EA1234567");
    QTest::newRow("foreign card with dots")
        << "national_id" << QStringLiteral("12.345.678-a") << QStringLiteral("12345678A");
}

void TestSubjectValidator::sameNumber_however_typed()
{
    QFETCH(QString, type);
    QFETCH(QString, typed);
    QFETCH(QString, normalised);
    QCOMPARE(QString::fromStdString(DocumentTypes::normalise(type.toStdString(), utf8(typed), kToday)),
             normalised);
    QCOMPARE(QString::fromStdString(DocumentTypes::canonical(utf8(typed))), normalised);
}

void TestSubjectValidator::invalidNumbers_areRefusedNamingTheRule_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("typed");
    QTest::addColumn<QString>("reason");
    QTest::newRow("wrong check character")
        << "cn_resident_id" << QByteArray("110101199005050001") << "check character";
    QTest::newRow("17 digits") << "cn_resident_id" << QByteArray("11010119900505000") << "18 characters";
    QTest::newRow("19 digits") << "cn_resident_id" << QByteArray("1101011990050500061") << "18 characters";
    QTest::newRow("February 30") << "cn_resident_id" << QByteArray("110101199002300004") << "date of birth";
    QTest::newRow("born tomorrow") << "cn_resident_id" << QByteArray("110101202606020000") << "date of birth";
    QTest::newRow("born 1890") << "cn_resident_id" << QByteArray("110101189001010000") << "date of birth";
    QTest::newRow("X in the middle") << "cn_resident_id" << QByteArray("1101011990X5050006") << "only digits";
    QTest::newRow("SQL") << "cn_resident_id" << QByteArray("1' OR '1'='1") << "only digits";
    QTest::newRow("10,000 digits") << "cn_resident_id" << QByteArray(10000, '1') << "far too long";
    QTest::newRow("only separators") << "cn_resident_id" << QByteArray(" - \xe2\x80\x8b ") << "missing";
    QTest::newRow("invalid UTF-8") << "cn_resident_id"
                                   << QByteArray("1101\xff"
                                                 "01199005050006")
                                   << "UTF-8";
    QTest::newRow("passport too short") << "passport" << QByteArray("E123") << "6 to 9";
    QTest::newRow("passport with a plus") << "passport" << QByteArray("E1234+678") << "letters A to Z";
    QTest::newRow("passport in Han") << "passport"
                                     << QByteArray("\xe6\x8a\xa4\xe7\x85\xa7"
                                                   "123456")
                                     << "letters A to Z";
    QTest::newRow("resident card as a foreign card")
        << "national_id" << QByteArray("110101199005050006") << "cn_resident_id";
    QTest::newRow("unknown type") << "driving_licence" << QByteArray("D1234567") << "Unknown document type";
}

void TestSubjectValidator::invalidNumbers_areRefusedNamingTheRule()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, typed);
    QFETCH(QString, reason);
    const QString why = refusal(type.toStdString(), typed.toStdString());
    QVERIFY2(why.contains(reason), qPrintable(QStringLiteral("got: ") + why));
    // Never the number itself.
    if (typed.size() >= 8)
        QVERIFY2(!why.contains(QString::fromUtf8(typed.left(8))), qPrintable(why));
}

void TestSubjectValidator::everyTypeHasItsRulesAndAName()
{
    QCOMPARE(DocumentTypes::all().size(), std::size_t(3));
    for (const auto& t : DocumentTypes::all()) {
        QVERIFY(t.minLength >= 1 && t.minLength <= t.maxLength);
        QVERIFY(!t.alphabet.empty());
        QVERIFY(DocumentTypes::find(t.key) == &t);
    }
    QVERIFY(DocumentTypes::find("library_card") == nullptr);
    const auto* card = DocumentTypes::find("cn_resident_id");
    QVERIFY(card);
    QCOMPARE(DocumentTypes::dateOfBirth(*card, "110101199005050006"),
             std::optional(year_month_day{year(1990), month(5), day(5)}));
}

void TestSubjectValidator::canonical_isCheapForStoredNumbers()
{
    // What the index does with every stored number at unlock: already canonical numbers are
    // returned as they are; others are normalised the same way.
    QCOMPARE(DocumentTypes::canonical("P1234567"), std::string("P1234567"));
    QCOMPARE(DocumentTypes::canonical("p 123-4567"), std::string("P1234567"));
    QCOMPARE(DocumentTypes::canonical(""), std::string());
}

void TestSubjectValidator::names_areNormalised_data()
{
    QTest::addColumn<QByteArray>("typed");
    QTest::addColumn<QString>("stored");
    QTest::newRow("trimmed, one space") << QByteArray("  Zhang \t  San ") << QStringLiteral("Zhang San");
    QTest::newRow("Han") << QByteArray("\xe5\xbc\xa0\xe4\xb8\x89") << QStringLiteral("张三");
    QTest::newRow("decomposed e acute becomes NFC") << QByteArray("Jose\xcc\x81") << QStringLiteral("José");
    QTest::newRow("ZWNJ kept (Persian)")
        << QByteArray("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb1\xd9\x88\xd9\x85")
        << QString::fromUtf8("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb1\xd9\x88\xd9\x85");
    QTest::newRow("apostrophe and hyphen") << QByteArray("O'Brien-Smith") << QStringLiteral("O'Brien-Smith");
}

void TestSubjectValidator::names_areNormalised()
{
    QFETCH(QByteArray, typed);
    QFETCH(QString, stored);
    QCOMPARE(QString::fromStdString(SubjectValidator::name(typed.toStdString())), stored);
}

void TestSubjectValidator::dateOfBirth_mustAgreeWithTheCard()
{
    fe::store::Subject s;
    s.name = "Zhang San";
    s.documentType = "cn_resident_id";
    s.documentNumber = "110101199005050006";
    s.dateOfBirth = year_month_day{year(1990), month(5), day(5)};
    const auto ok = SubjectValidator::validate(s, "+8613800138000", {}, todayAsTime());
    QCOMPARE(ok.phoneE164, std::string("+8613800138000"));
    s.dateOfBirth = year_month_day{year(1990), month(5), day(6)};
    QVERIFY_THROWS_EXCEPTION(fe::Error, SubjectValidator::validate(s, "+8613800138000", {}, todayAsTime()));
    s.dateOfBirth = year_month_day{year(2027), month(1), day(1)};
    s.documentType = "passport";
    s.documentNumber = "E12345678";
    QVERIFY_THROWS_EXCEPTION(fe::Error, SubjectValidator::validate(s, "+8613800138000", {}, todayAsTime()));
    // Full-width digits in a phone number, as a Chinese input method types them.
    s.dateOfBirth.reset();
    QCOMPARE(SubjectValidator::validate(s, "＋８６１３８００１３８０００", {}, todayAsTime()).phoneE164,
             std::string("+8613800138000"));
}

void TestSubjectValidator::utf8Validation()
{
    QVERIFY(SubjectValidator::isValidUtf8(""));
    QVERIFY(SubjectValidator::isValidUtf8("abc \xe5\xbc\xa0 \xf0\x9f\x98\x80"));
    QVERIFY(!SubjectValidator::isValidUtf8("\x80"));
    QVERIFY(!SubjectValidator::isValidUtf8("\xc3"));             // cut short
    QVERIFY(!SubjectValidator::isValidUtf8("\xe0\x80\xaf"));     // overlong
    QVERIFY(!SubjectValidator::isValidUtf8("\xed\xa0\x80"));     // a surrogate
    QVERIFY(!SubjectValidator::isValidUtf8("\xf4\x90\x80\x80")); // above U+10FFFF
}

QTEST_APPLESS_MAIN(TestSubjectValidator)
#include "tst_subjectvalidator.moc"
