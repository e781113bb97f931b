// End to end through the real main window, the real store, the real models and the demo
// camera through the real QVideoSink path (issue 13 "Tests"): first run -> login -> a complete
// enrollment (spontaneous mode) -> in the store, accepted, audited; a still image as the
// camera -> flagged for liveness, the finished attempt's outcome on the picture, and an ID
// photo below the document profile kept only through its explicit control (flag and reason
// stored); a refused consent stores nothing.
#include "GuiTestSupport.h"
#include "WorkstationDriver.h"
#include "app/StationContext.h"
#include "capture/CameraController.h"
#include "capture/CaptureView.h"
#include "common/UiText.h"
#include "screens/LoginWidget.h"
#include "capture/CaptureSystem.h"
#include "enroll/EnrollmentState.h"
#include "enroll/AttemptStrip.h"
#include "enroll/EnrollmentWizard.h"
#include "enroll/IdPhotoPage.h"
#include "enroll/LiveCapturePage.h"
#include "enroll/ResultPage.h"
#include "screens/CameraSetupPage.h"
#include "screens/FirstRunWizard.h"
#include "screens/HomeWidget.h"
#include "screens/RecoveryKeyPage.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMediaPlayer>
#include <QPushButton>
#include <QSettings>
#include <QWizard>

using namespace fe::test::gui;
using fe::ui::EnrollmentWizard;

namespace {

std::filesystem::path dbOf(const WorkstationDriver& d)
{
    return (d.dataDir() + QStringLiteral("/station.db")).toStdString();
}

// What the audit log holds, as "action:outcome" strings (read as the admin).
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

fe::store::Enrollment enrollment(const WorkstationDriver& d, const std::string& id)
{
    fe::store::Session sup = fe::store::Store::unlock(dbOf(d), "sup", fe::store::SecretBytes::fromString(kSupervisorPassword),
                                                      fastStoreOptions());
    fe::store::Enrollment e = sup.getEnrollment(id);
    sup.logout();
    return e;
}

std::vector<fe::store::EnrollmentSummary> enrollments(const WorkstationDriver& d)
{
    fe::store::Session sup = fe::store::Store::unlock(dbOf(d), "sup", fe::store::SecretBytes::fromString(kSupervisorPassword),
                                                      fastStoreOptions());
    auto list = sup.listEnrollments();
    sup.logout();
    return list;
}

} // namespace

class TestWorkstation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstRun_login_enroll_isStoredAcceptedAndAudited();
    void stillImageCamera_isFlaggedForLiveness();
    void refusedConsent_storesNothing();

private:
    fe::ui::SharedModels m_models;
};

void TestWorkstation::initTestCase()
{
    m_models = sharedModels();
    QVERIFY(m_models);
}

void TestWorkstation::firstRun_login_enroll_isStoredAcceptedAndAudited()
{
    WorkstationDriver d(/*empty=*/true);
    fe::ui::MainWindow& w = d.window();

    // First run: station and admin, the rules tick as the password is typed.
    fe::ui::FirstRunWizard* first = w.firstRunWizard();
    QVERIFY(first != nullptr);
    QCOMPARE(w.currentScreen(), first);
    QTest::keyClicks(WorkstationDriver::edit(first, "stationNameEdit"), QStringLiteral("Counter 1"));
    QTest::keyClicks(WorkstationDriver::edit(first, "adminEdit"), QStringLiteral("admin"));
    QTest::keyClicks(WorkstationDriver::edit(first, "adminPasswordEdit"), QStringLiteral("admin"));
    QVERIFY(!first->button(QWizard::CommitButton)->isEnabled()); // too short, not repeated
    QTest::keyClicks(WorkstationDriver::edit(first, "adminPasswordEdit"), QStringLiteral("-password-1"));
    QVERIFY(!first->button(QWizard::CommitButton)->isEnabled()); // not repeated
    QTest::keyClicks(WorkstationDriver::edit(first, "adminRepeatEdit"), QString::fromLatin1(kAdminPassword));
    QVERIFY(first->button(QWizard::CommitButton)->isEnabled());
    QTest::mouseClick(first->button(QWizard::CommitButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(first->currentId(), static_cast<int>(fe::ui::FirstRunWizard::Recovery), 30000);

    // The recovery key: Next only with "saved" and its last group typed again.
    auto* key = first->findChild<QLabel*>(QStringLiteral("recoveryKey"));
    const QString lastGroup = key->text().section(u'-', -1);
    QCOMPARE(lastGroup.size(), 8);
    auto* saved = first->findChild<QCheckBox*>(QStringLiteral("savedCheck"));
    saved->setChecked(true);
    QTest::keyClicks(WorkstationDriver::edit(first, "retypeEdit"), QStringLiteral("00000000"));
    QVERIFY(!first->button(QWizard::NextButton)->isEnabled());
    WorkstationDriver::edit(first, "retypeEdit")->clear();
    QTest::keyClicks(WorkstationDriver::edit(first, "retypeEdit"), lastGroup.toUpper());
    QVERIFY(first->button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(first->button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(first->currentId(), static_cast<int>(fe::ui::FirstRunWizard::Camera));
    QVERIFY(key->text().isEmpty()); // shown once

    // The camera page shows the live picture of the demo camera.
    QTRY_VERIFY_WITH_TIMEOUT(first->cameraPage()->view()->result() != nullptr, 30000);
    QTest::mouseClick(first->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.loginWidget()), 10000);
    QVERIFY(!QSettings().value(QStringLiteral("camera/choice")).toString().isEmpty());

    // The admin adds an operator (faceenroll-cli's job until the users screen of part 2).
    addUser(d.dataDir(), "op1", fe::store::Role::Operator, kOperatorPassword);
    addUser(d.dataDir(), "sup", fe::store::Role::Supervisor, kSupervisorPassword);

    QVERIFY(d.login("op1", kOperatorPassword));
    QVERIFY(d.startEnrollment());
    QVERIFY(d.giveConsent());
    QVERIFY(d.fillCustomer());
    QTemporaryDir media;
    QVERIFY(d.importIdPhoto(demoFrame(media, 4700)));
    // The demo video's 10-20 s: the person blinks and turns (what scripts/run enrolls).
    w.capture().camera()->demoPlayer()->setPosition(10000);
    QVERIFY(d.clickNext());
    QCOMPARE(d.wizardPage(), static_cast<int>(EnrollmentWizard::Live));
    QVERIFY(d.finishLive(/*continueFlagged=*/false));

    // The result: accepted, the 1:1 score shown against its threshold.
    EnrollmentWizard* wizard = w.enrollmentWizard();
    const auto& assessment = wizard->resultPage()->assessment();
    QVERIFY(assessment.has_value());
    QCOMPARE(assessment->outcome, fe::enroll::Outcome::Accepted);
    QVERIFY(wizard->resultPage()->findChild<QLabel*>(QStringLiteral("scoreLabel"))->text().contains(QStringLiteral("threshold")));
    QVERIFY(d.clickNext()); // Save
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.homeWidget()), 10000);

    // In the store, accepted; the home banner names it; the audit log has it.
    const auto list = enrollments(d);
    QCOMPARE(list.size(), std::size_t{1});
    QCOMPARE(list.front().status, fe::store::EnrollmentStatus::Accepted);
    QCOMPARE(list.front().flagCount, 0);
    QCOMPARE(list.front().subjectName, std::string("Demo Customer"));
    QCOMPARE(list.front().phone, std::string("+8613123456789"));
    QVERIFY(w.homeWidget()->message().contains(QString::fromStdString(list.front().id)));
    const QStringList audit = auditActions(d);
    QVERIFY2(audit.contains(QStringLiteral("enrollment_created:accepted")), qPrintable(audit.join(u' ')));
}

void TestWorkstation::stillImageCamera_isFlaggedForLiveness()
{
    // A frontal frame of the demo video (it passes the live quality gate, as a good photo
    // held up to the camera would).
    QTemporaryDir media;
    const QString still = demoFrame(media, 333);
    WorkstationDriver d(false, still);
    fe::ui::MainWindow& w = d.window();
    QVERIFY(d.login("op1", kOperatorPassword));
    QVERIFY(d.startEnrollment());
    QVERIFY(d.giveConsent());
    QVERIFY(d.fillCustomer(QStringLiteral("Photo Holder"), QStringLiteral("P1234567"), QStringLiteral("+8613800138000")));

    // An ID photo that fails the document quality check: Next stays off until the operator
    // keeps it through its own control, with a reason.
    EnrollmentWizard* wizard = w.enrollmentWizard();
    auto* idPage = wizard->idPhotoPage();
    auto* keep = idPage->findChild<QCheckBox*>(QStringLiteral("keepIdPhotoCheck"));
    auto* reason = idPage->findChild<QLineEdit*>(QStringLiteral("idPhotoReasonEdit"));
    QVERIFY(keep != nullptr && reason != nullptr);
    QVERIFY(!d.importIdPhoto(darkenedImage(media, still)));
    QVERIFY(wizard->state().idPhoto && wizard->state().idPhoto->faceFound());
    QVERIFY2(!wizard->state().idPhoto->quality.passed, "the darkened photo should fail the document profile");
    QVERIFY(keep->isVisible());
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    keep->click();
    QVERIFY(!idPage->isComplete()); // no reason yet
    const QString why = QStringLiteral("The card photo is faded; customer present");
    QTest::keyClicks(reason, why);
    QVERIFY(idPage->isComplete());
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(d.clickNext());

    // The attempt ends flagged: the picture's guidance line says what happens next (never
    // "hold still" once the capture is over), the strip a short label.
    auto* livePage = wizard->livePage();
    QVERIFY(livePage->view()->isMirrored());
    QVERIFY(!d.finishLive(/*continueFlagged=*/false));
    QCOMPARE(wizard->state().attempts.back().kind, fe::ui::AttemptOutcome::Kind::LivenessFlag);
    // Frames keep coming after the attempt; the line keeps the outcome.
    const auto seq = livePage->view()->result() ? livePage->view()->result()->seq : 0;
    QTRY_VERIFY_WITH_TIMEOUT(livePage->view()->result() && livePage->view()->result()->seq > seq + 3, 30000);
    const QString line = livePage->view()->guidanceText();
    QVERIFY2(line != fe::ui::UiText::hint(fe::ui::Hint::Ready) && line != fe::ui::UiText::hint(fe::ui::Hint::HoldStill),
             qPrintable(line));
    QVERIFY(!line.isEmpty());
    QCOMPARE(line, livePage->view()->outcomeText());
    const QStringList labels = livePage->strip()->texts();
    QCOMPARE(labels.size(), 1);
    QVERIFY2(labels.front().startsWith(QStringLiteral("! 1 not confirmed: ")), qPrintable(labels.front()));
    QVERIFY(d.finishLive(/*continueFlagged=*/true));

    const auto& a = wizard->resultPage()->assessment();
    QVERIFY(a.has_value());
    QCOMPARE(a->outcome, fe::enroll::Outcome::Flagged);
    QVERIFY(std::any_of(a->flags.begin(), a->flags.end(), [](const auto& f) { return f.code == "liveness_failed"; }));
    QVERIFY(wizard->resultPage()->findChild<QLabel*>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("supervisor")));
    QVERIFY(!wizard->state().attempts.empty());
    QCOMPARE(wizard->state().attempts.back().kind, fe::ui::AttemptOutcome::Kind::LivenessFlag);
    QVERIFY(d.clickNext());
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.homeWidget()), 10000);

    const auto list = enrollments(d);
    QCOMPARE(list.size(), std::size_t{1});
    QCOMPARE(list.front().status, fe::store::EnrollmentStatus::PendingReview);
    QVERIFY(w.homeWidget()->message().contains(QStringLiteral("supervisor")));
    const fe::store::Enrollment saved = enrollment(d, list.front().id);
    const auto flag = std::find_if(saved.flags.begin(), saved.flags.end(),
                                   [](const fe::store::Flag& f) { return f.code == "id_photo_quality_override"; });
    QVERIFY2(flag != saved.flags.end(), "the kept ID photo is flagged");
    QCOMPARE(QString::fromStdString(flag->reason), why);
    const QStringList audit = auditActions(d);
    QVERIFY2(audit.contains(QStringLiteral("enrollment_created:pending_review")), qPrintable(audit.join(u' ')));
    QVERIFY2(audit.contains(QStringLiteral("flag_raised:liveness_failed")), qPrintable(audit.join(u' ')));
}

void TestWorkstation::refusedConsent_storesNothing()
{
    WorkstationDriver d;
    fe::ui::MainWindow& w = d.window();
    QVERIFY(d.login("op1", kOperatorPassword));
    QVERIFY(d.startEnrollment());
    auto* refuse = w.enrollmentWizard()->findChild<QPushButton*>(QStringLiteral("refuseButton"));
    QTest::mouseClick(refuse, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.homeWidget()), 10000);
    QVERIFY(w.enrollmentWizard() == nullptr);
    QVERIFY(w.homeWidget()->message().contains(QStringLiteral("Nothing was stored")));
    QVERIFY(enrollments(d).empty());
    QVERIFY(auditActions(d).contains(QStringLiteral("consent_refused:refused")));
}

FE_GUI_TEST_MAIN(TestWorkstation)
#include "tst_workstation.moc"
