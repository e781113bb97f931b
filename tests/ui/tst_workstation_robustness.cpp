// The workstation under a clerk's mistakes and the station's rules (issue 13 "Robustness"):
// Enter pressed 20 times on every page skips nothing and saves once; wrong passwords and the
// lockout are explained in place; the idle lock discards the enrollment in progress; an
// operator sees no review or settings entry; in Chinese the wizard shows no English.
#include "GuiTestSupport.h"
#include "WorkstationDriver.h"
#include "app/AppOptions.h"
#include "app/StationContext.h"
#include "capture/CameraController.h"
#include "capture/CaptureView.h"
#include "screens/LoginWidget.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"
#include "common/LanguageManager.h"
#include "enroll/EnrollmentState.h"
#include "enroll/EnrollmentWizard.h"
#include "enroll/IdPhotoPage.h"
#include "enroll/LiveCapturePage.h"
#include "screens/ChoosePasswordWidget.h"
#include "screens/HomeWidget.h"
#include "screens/LanguageComboBox.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/Store.h"

#include <QAbstractScrollArea>
#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMediaPlayer>
#include <QPushButton>
#include <QRegularExpression>

using namespace fe::test::gui;
using fe::ui::EnrollmentWizard;

namespace {

std::filesystem::path dbOf(const WorkstationDriver& d)
{
    return (d.dataDir() + QStringLiteral("/station.db")).toStdString();
}

std::size_t storedEnrollments(const WorkstationDriver& d)
{
    fe::store::Session sup = fe::store::Store::unlock(dbOf(d), "sup", fe::store::SecretBytes::fromString(kSupervisorPassword),
                                                      fastStoreOptions());
    const std::size_t n = sup.listEnrollments().size();
    sup.logout();
    return n;
}

QStringList auditActions(const WorkstationDriver& d)
{
    fe::store::Session admin =
        fe::store::Store::unlock(dbOf(d), "admin", fe::store::SecretBytes::fromString(kAdminPassword), fastStoreOptions());
    QStringList out;
    for (const auto& e : admin.auditEntries())
        out << QString::fromStdString(e.event.action + ":" + e.event.outcome);
    admin.logout();
    return out;
}

// English words a Chinese screen must not show. Allowed: the product's name, file names,
// the E.164 number the clerk typed and the like (no three letters in a row).
QStringList englishIn(const QStringList& texts)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    QStringList out;
    for (const QString& t : texts) {
        QString rest = t;
        rest.remove(QStringLiteral("FaceEnroll"));
        // File names are data, not words to translate (the demo camera's franck.mp4).
        static const QRegularExpression fileName(QStringLiteral("[\\w.-]+\\.(mp4|png|jpg|jpeg)\\b"));
        rest.remove(fileName);
        if (word.match(rest).hasMatch())
            out << t;
    }
    return out;
}

} // namespace

class TestWorkstationRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void enterTwentyTimes_skipsNothingAndSavesOnce();
    void wrongPassword_isExplained_thenLockedWithTime();
    void idleLock_discardsTheEnrollmentInProgress();
    void manualLock_ctrlL_andUnlock();
    void operator_seesNoReviewOrSettings();
    void oneTimePassword_asksForTheUsersOwnFirst();
    void chinese_wizardShowsNoEnglish();
    void wizardControls_haveAccessibleNames_f12_andGeometryIsRemembered();

private:
    fe::ui::SharedModels m_models;
};

void TestWorkstationRobustness::initTestCase()
{
    m_models = sharedModels();
    QVERIFY(m_models);
}

void TestWorkstationRobustness::enterTwentyTimes_skipsNothingAndSavesOnce()
{
    WorkstationDriver d;
    fe::ui::MainWindow& w = d.window();
    QVERIFY(d.login("op1", kOperatorPassword));
    QVERIFY(d.startEnrollment());
    EnrollmentWizard* wizard = w.enrollmentWizard();

    // Consent: nothing moves until the customer agreed; then one step.
    pressKey(wizard, Qt::Key_Return, 20);
    QCOMPARE(d.wizardPage(), static_cast<int>(EnrollmentWizard::Consent));
    wizard->findChild<QCheckBox*>(QStringLiteral("consentCheck"))->setChecked(true);
    wizard->findChild<QCheckBox*>(QStringLiteral("consentCheck"))->setFocus();
    pressKey(wizard, Qt::Key_Return, 20);
    QCOMPARE(d.wizardPage(), static_cast<int>(EnrollmentWizard::Customer));

    // Customer: incomplete, Enter in each field changes nothing.
    pressKey(wizard, Qt::Key_Return, 20);
    QCOMPARE(d.wizardPage(), static_cast<int>(EnrollmentWizard::Customer));
    QTest::keyClicks(WorkstationDriver::edit(wizard, "nameEdit"), QStringLiteral("Enter Tester"));
    QTest::keyClicks(WorkstationDriver::edit(wizard, "documentNumberEdit"), QStringLiteral("11010519491231002X"));
    QTest::keyClicks(WorkstationDriver::edit(wizard, "phoneEdit"), QStringLiteral("+86 131"));
    WorkstationDriver::edit(wizard, "phoneEdit")->setFocus();
    pressKey(wizard, Qt::Key_Return, 20); // the number is not valid yet
    QCOMPARE(d.wizardPage(), static_cast<int>(EnrollmentWizard::Customer));
    QVERIFY(wizard->findChild<QWidget*>(QStringLiteral("phoneError"))->isVisible());
    QTest::keyClicks(WorkstationDriver::edit(wizard, "phoneEdit"), QStringLiteral("2345 6789"));
    pressKey(wizard, Qt::Key_Return, 20);
    QCOMPARE(d.wizardPage(), static_cast<int>(EnrollmentWizard::IdPhoto));
    QCOMPARE(wizard->state().phoneE164, QStringLiteral("+8613123456789"));

    // ID photo: no photo, no step.
    pressKey(wizard, Qt::Key_Return, 20);
    QCOMPARE(d.wizardPage(), static_cast<int>(EnrollmentWizard::IdPhoto));
    QTemporaryDir media;
    QVERIFY(d.importIdPhoto(demoFrame(media, 4700)));
    w.capture().camera()->demoPlayer()->setPosition(10000);
    pressKey(wizard, Qt::Key_Return, 20);
    QCOMPARE(d.wizardPage(), static_cast<int>(EnrollmentWizard::Live));

    // Live: Enter cannot end a capture that has not finished.
    QVERIFY(wizard->livePage()->isCapturing());
    pressKey(wizard, Qt::Key_Return, 20);
    QCOMPARE(d.wizardPage(), static_cast<int>(EnrollmentWizard::Live));
    QVERIFY(d.finishLive(false));

    // Result: twenty Enters, one enrollment.
    QSignalSpy saved(wizard, &EnrollmentWizard::saved);
    pressKey(wizard, Qt::Key_Return, 20);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.homeWidget()), 10000);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(storedEnrollments(d), std::size_t{1});
    // Enter on the home screen does not start another enrollment by itself.
    pressKey(&w, Qt::Key_Return, 5);
    QCOMPARE(w.currentScreen(), static_cast<QWidget*>(w.homeWidget()));
}

void TestWorkstationRobustness::wrongPassword_isExplained_thenLockedWithTime()
{
    WorkstationDriver d;
    QVERIFY(!d.login("op1", "not-the-password"));
    QVERIFY2(d.loginError().contains(QStringLiteral("Wrong user name or password")), qPrintable(d.loginError()));
    // The password field was emptied; the user stays for the next try.
    QVERIFY(WorkstationDriver::edit(d.window().loginWidget(), "passwordEdit")->text().isEmpty());
    for (int i = 2; i <= 5; ++i) {
        const QString before = d.loginError();
        d.submitLogin("op1", "still-not-it");
        QTRY_VERIFY_WITH_TIMEOUT(d.window().station().state() != fe::ui::StationContext::State::Busy, 30000);
        QVERIFY(!d.loginError().isEmpty());
    }
    // The fifth failure locks the account and says for how long.
    QVERIFY2(d.loginError().contains(QStringLiteral("locked")) && d.loginError().contains(QStringLiteral("minute")),
             qPrintable(d.loginError()));
    QVERIFY(!d.login("op1", kOperatorPassword));
    static const QRegularExpression time(QStringLiteral("try again in \\d+ minute"));
    QVERIFY2(time.match(d.loginError()).hasMatch(), qPrintable(d.loginError()));
    QCOMPARE(d.window().currentScreen(), static_cast<QWidget*>(d.window().loginWidget()));
}

void TestWorkstationRobustness::idleLock_discardsTheEnrollmentInProgress()
{
    WorkstationDriver d(false, {}, std::chrono::milliseconds(3000));
    fe::ui::MainWindow& w = d.window();
    QVERIFY(d.login("op1", kOperatorPassword));
    QVERIFY(d.startEnrollment());
    QVERIFY(d.giveConsent());
    QVERIFY(d.fillCustomer(QStringLiteral("Idle Customer"), QStringLiteral("I777"), QStringLiteral("+8613900139000")));
    EnrollmentWizard* wizard = w.enrollmentWizard();
    QPointer<fe::ui::CaptureView> view = wizard->idPhotoPage()->view();
    QTRY_VERIFY_WITH_TIMEOUT(view->result() != nullptr, 30000); // the camera picture is on
    QVERIFY(w.capture().camera()->isRunning());
    QPointer<fe::ui::EnrollmentState> state = &wizard->state();
    QSignalSpy wiped(state.data(), &fe::ui::EnrollmentState::wiped);
    bool emptyWhenWiped = false;
    connect(state.data(), &fe::ui::EnrollmentState::wiped, this, [&] {
        emptyWhenWiped = !state->hasCustomerData() && state->name.isEmpty() && state->phone.isEmpty() &&
                         state->documentNumber.isEmpty() && state->idPhoto == nullptr;
    });
    QVERIFY(state->hasCustomerData());

    // No input: the idle lock comes, the login screen shows, and nothing of the customer stays.
    QTRY_COMPARE_WITH_TIMEOUT(w.station().state(), fe::ui::StationContext::State::Locked, 30000);
    QCOMPARE(w.currentScreen(), static_cast<QWidget*>(w.loginWidget()));
    QCOMPARE(wiped.count(), 1);
    QVERIFY(emptyWhenWiped);
    QTRY_VERIFY(state.isNull() && view.isNull()); // the wizard and its pages are gone
    QVERIFY(w.enrollmentWizard() == nullptr);
    QVERIFY(!w.capture().camera()->isRunning());
    QVERIFY(w.capture().latest() == nullptr);
    for (QLineEdit* e : w.findChildren<QLineEdit*>())
        QVERIFY2(!e->text().contains(QStringLiteral("Idle Customer")) && !e->text().contains(QStringLiteral("I777")),
                 qPrintable(e->objectName()));

    // Unlock: home says what happened; nothing was stored; the audit log has the abandonment.
    d.submitLogin("op1", kOperatorPassword);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.homeWidget()), 30000);
    QVERIFY(w.homeWidget()->message().contains(QStringLiteral("discarded")));
    QCOMPARE(storedEnrollments(d), std::size_t{0});
    QVERIFY(auditActions(d).contains(QStringLiteral("enrollment_abandoned:locked")));
}

void TestWorkstationRobustness::manualLock_ctrlL_andUnlock()
{
    WorkstationDriver d;
    fe::ui::MainWindow& w = d.window();
    QVERIFY(d.login("op1", kOperatorPassword));
    QTest::keyClick(&w, Qt::Key_L, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(w.station().state(), fe::ui::StationContext::State::Locked, 5000);
    QCOMPARE(w.currentScreen(), static_cast<QWidget*>(w.loginWidget()));
    // Locked to the same user: the name is fixed; a wrong password is explained.
    QVERIFY(WorkstationDriver::edit(w.loginWidget(), "userEdit")->isReadOnly());
    d.submitLogin("op1", "wrong-password");
    QTRY_VERIFY_WITH_TIMEOUT(!d.loginError().isEmpty(), 30000);
    QCOMPARE(w.station().state(), fe::ui::StationContext::State::Locked);
    QVERIFY(d.login("op1", kOperatorPassword));
    QCOMPARE(w.station().state(), fe::ui::StationContext::State::Active);
}

void TestWorkstationRobustness::operator_seesNoReviewOrSettings()
{
    WorkstationDriver d;
    fe::ui::MainWindow& w = d.window();
    QVERIFY(d.login("op1", kOperatorPassword));
    QStringList buttons;
    for (QPushButton* b : w.homeWidget()->findChildren<QPushButton*>())
        if (b->isVisible())
            buttons << b->objectName();
    buttons.sort();
    QCOMPARE(buttons, (QStringList{QStringLiteral("lockButton"), QStringLiteral("logoutButton"),
                                   QStringLiteral("newEnrollmentButton")}));
    const QStringList texts = visibleTexts(&w).join(u' ').toLower().split(u' ');
    QVERIFY(!texts.contains(QStringLiteral("review")) || !texts.contains(QStringLiteral("queue")));
    for (const QString& forbidden : {QStringLiteral("settings"), QStringLiteral("audit")})
        QVERIFY2(!visibleTexts(&w).join(u' ').toLower().contains(forbidden), qPrintable(forbidden));

    // An admin does not enroll: no New enrollment.
    QTest::mouseClick(w.homeWidget()->findChild<QPushButton*>(QStringLiteral("logoutButton")), Qt::LeftButton);
    QTRY_COMPARE(w.currentScreen(), static_cast<QWidget*>(w.loginWidget()));
    QVERIFY(d.login("admin", kAdminPassword));
    QVERIFY(!w.homeWidget()->newEnrollmentButton()->isVisible());
    w.startEnrollment();
    QVERIFY(w.enrollmentWizard() == nullptr);
}

void TestWorkstationRobustness::oneTimePassword_asksForTheUsersOwnFirst()
{
    WorkstationDriver d;
    fe::ui::MainWindow& w = d.window();
    addUserWithOneTimePassword(d.dataDir(), "op2", fe::store::Role::Operator, kOneTimePassword);
    auto* choose = w.choosePasswordWidget();

    // The admin's password opens the choose-password screen, not home.
    d.submitLogin("op2", kOneTimePassword);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(choose), 30000);
    QVERIFY(w.enrollmentController() == nullptr);
    QVERIFY(!w.homeWidget()->isVisible());

    // Keeping the admin's password is refused, with the store's words in place.
    WorkstationDriver::edit(choose, "newPasswordEdit")->setText(QString::fromLatin1(kOneTimePassword));
    WorkstationDriver::edit(choose, "repeatPasswordEdit")->setText(QString::fromLatin1(kOneTimePassword));
    QTest::keyClick(WorkstationDriver::edit(choose, "repeatPasswordEdit"), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!choose->errorText().isEmpty(), 30000);
    QCOMPARE(w.currentScreen(), static_cast<QWidget*>(choose));

    // Two different entries: no submission, the rule says why.
    WorkstationDriver::edit(choose, "newPasswordEdit")->setText(QStringLiteral("my own password 2"));
    WorkstationDriver::edit(choose, "repeatPasswordEdit")->setText(QStringLiteral("my own password 3"));
    QVERIFY(!choose->unmetRules().isEmpty());
    QVERIFY(!choose->findChild<QPushButton*>(QStringLiteral("savePasswordButton"))->isEnabled());

    // Their own: home; the form is empty; the new password works and the old one no longer.
    WorkstationDriver::edit(choose, "repeatPasswordEdit")->setText(QStringLiteral("my own password 2"));
    QTest::keyClick(WorkstationDriver::edit(choose, "repeatPasswordEdit"), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.homeWidget()), 30000);
    QVERIFY(WorkstationDriver::edit(choose, "newPasswordEdit")->text().isEmpty());
    QVERIFY(w.homeWidget()->newEnrollmentButton()->isVisible());
    QTest::mouseClick(w.homeWidget()->findChild<QPushButton*>(QStringLiteral("logoutButton")), Qt::LeftButton);
    QTRY_COMPARE(w.currentScreen(), static_cast<QWidget*>(w.loginWidget()));
    QVERIFY(!d.login("op2", kOneTimePassword));
    QVERIFY(d.login("op2", "my own password 2"));
}

void TestWorkstationRobustness::chinese_wizardShowsNoEnglish()
{
    WorkstationDriver d;
    fe::ui::MainWindow& w = d.window();
    QVERIFY(d.login("op1", kOperatorPassword));
    auto* combo = w.homeWidget()->findChild<fe::ui::LanguageComboBox*>();
    QVERIFY(combo != nullptr);
    const int zh = combo->findData(QStringLiteral("zh_CN"));
    combo->setCurrentIndex(zh);
    Q_EMIT combo->activated(zh);
    QCOMPARE(fe::ui::LanguageManager::instance()->language(), QStringLiteral("zh_CN"));
    // Qt delivers QEvent::LanguageChange through the event loop.
    QStringList english;
    QTRY_VERIFY2_WITH_TIMEOUT((english = englishIn(visibleTexts(w.homeWidget()))).isEmpty(),
                              qPrintable(english.join(QStringLiteral(" | "))), 5000);

    QVERIFY(d.startEnrollment());
    EnrollmentWizard* wizard = w.enrollmentWizard();
    english = englishIn(visibleTexts(wizard));
    QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("consent: ") + english.join(QStringLiteral(" | "))));
    QVERIFY(d.giveConsent());
    english = englishIn(visibleTexts(wizard));
    QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("customer: ") + english.join(QStringLiteral(" | "))));
    // Errors in place are Chinese too.
    QTest::keyClicks(WorkstationDriver::edit(wizard, "phoneEdit"), QStringLiteral("12"));
    QTest::keyClick(WorkstationDriver::edit(wizard, "phoneEdit"), Qt::Key_Tab);
    english = englishIn(visibleTexts(wizard));
    QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("customer errors: ") + english.join(QStringLiteral(" | "))));
    WorkstationDriver::edit(wizard, "phoneEdit")->clear();
    QVERIFY(d.fillCustomer(QStringLiteral("张三"), QStringLiteral("Z123456"), QStringLiteral("13123456789")));
    QTRY_VERIFY_WITH_TIMEOUT(wizard->idPhotoPage()->view()->result() != nullptr, 30000);
    english = englishIn(visibleTexts(wizard));
    QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("ID photo: ") + english.join(QStringLiteral(" | "))));

    // Back to English at run time: the same page retranslates.
    fe::ui::LanguageManager::instance()->setLanguage(QStringLiteral("en"));
    QTRY_VERIFY_WITH_TIMEOUT(visibleTexts(wizard).join(u' ').contains(QStringLiteral("ID photo")), 5000);
}

namespace {

// The visible controls below root whose accessible name is empty (what a screen reader would
// announce as "button" or "edit" and nothing else).
QStringList unnamedControls(QWidget* root)
{
    QStringList out;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root) || w->focusPolicy() == Qt::NoFocus)
            continue;
        if (!qobject_cast<QAbstractButton*>(w) && !qobject_cast<QLineEdit*>(w) && !qobject_cast<QComboBox*>(w) &&
            !qobject_cast<QAbstractScrollArea*>(w))
            continue;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        if (a == nullptr || a->text(QAccessible::Name).trimmed().isEmpty())
            out << QStringLiteral("%1 (%2)").arg(w->objectName(), QLatin1String(w->metaObject()->className()));
    }
    return out;
}

} // namespace

void TestWorkstationRobustness::wizardControls_haveAccessibleNames_f12_andGeometryIsRemembered()
{
    QTemporaryDir media;
    QRect geometry;
    {
        WorkstationDriver d;
        fe::ui::MainWindow& w = d.window();
        w.show();
        QVERIFY(d.login("op1", kOperatorPassword));
        QStringList unnamed = unnamedControls(w.homeWidget());
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("home: ") + unnamed.join(QStringLiteral(", "))));
        QVERIFY(d.startEnrollment());
        EnrollmentWizard* wizard = w.enrollmentWizard();
        unnamed = unnamedControls(wizard);
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("consent: ") + unnamed.join(QStringLiteral(", "))));
        QVERIFY(d.giveConsent());
        unnamed = unnamedControls(wizard);
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("customer: ") + unnamed.join(QStringLiteral(", "))));
        QVERIFY(d.fillCustomer());
        unnamed = unnamedControls(wizard);
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("ID photo: ") + unnamed.join(QStringLiteral(", "))));
        QVERIFY(d.importIdPhoto(demoFrame(media, 4700)));
        QVERIFY(d.clickNext());
        QCOMPARE(d.wizardPage(), static_cast<int>(EnrollmentWizard::Live));
        unnamed = unnamedControls(wizard);
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("live: ") + unnamed.join(QStringLiteral(", "))));

        // F12 shows the capture figures over the live picture, and hides them again.
        fe::ui::CaptureView* view = wizard->livePage()->view();
        QVERIFY(!view->debugOverlayVisible());
        QTest::keyClick(&w, Qt::Key_F12);
        QVERIFY(view->debugOverlayVisible());
        QTest::keyClick(&w, Qt::Key_F12);
        QVERIFY(!view->debugOverlayVisible());

        w.setGeometry(QRect(w.geometry().topLeft(), QSize(1010, 730)));
        geometry = w.geometry();
        w.close();
    }
    // A new window opens where the last one was closed, at its size.
    QTemporaryDir dir;
    fe::ui::AppOptions options;
    options.dataDir = dir.path();
    options.demoFile = demoVideo();
    options.forceDemoCamera = true;
    options.storeOptions = fastStoreOptions();
    fe::ui::MainWindow again(options);
    QCOMPARE(again.geometry().size(), geometry.size());
}

FE_GUI_TEST_MAIN(TestWorkstationRobustness)
#include "tst_workstation_robustness.moc"
