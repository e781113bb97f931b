// faceenroll_screenshots OUTDIR: walks the real workstation through every screen and wizard
// page with the demo camera and writes OUTDIR/<screen>_<lang>.png for English and Simplified
// Chinese (each screen grabbed in both languages, switched at run time). scripts/screenshots
// runs it under Xvfb (the xcb platform). A tool, not a test: it stops at the first step that
// does not come, with a message.
#include "GuiTestSupport.h"
#include "WorkstationDriver.h"
#include "app/StationContext.h"
#include "capture/CameraController.h"
#include "screens/LoginWidget.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"
#include "common/LanguageManager.h"
#include "enroll/EnrollmentController.h"
#include "enroll/EnrollmentState.h"
#include "enroll/EnrollmentWizard.h"
#include "enroll/IdPhotoPage.h"
#include "enroll/LiveCapturePage.h"
#include "screens/CameraSetupPage.h"
#include "screens/ChoosePasswordWidget.h"
#include "screens/FirstRunWizard.h"
#include "screens/HomeWidget.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMediaPlayer>
#include <QPushButton>

#include <cstdio>
#include <cstdlib>

using namespace fe::test::gui;
using fe::ui::EnrollmentWizard;

namespace {

QString g_out;
int g_count = 0;
QElapsedTimer g_clock;

[[noreturn]] void fail(const char* step)
{
    std::fprintf(stderr, "screenshots: %s did not come (after %.1f s)\n", step, g_clock.elapsed() / 1000.0);
    std::exit(1);
}

void waitFor(const char* step, const std::function<bool()>& ok, int timeoutMs = 60000)
{
    if (!QTest::qWaitFor(ok, timeoutMs))
        fail(step);
}

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    QTest::qWait(50);
}

// The window in both languages.
void shoot(QWidget* window, const char* name)
{
    auto* lm = fe::ui::LanguageManager::instance();
    const QString before = lm->language();
    for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        lm->setLanguage(lang);
        settle();
        const QString file = QDir(g_out).filePath(QStringLiteral("%1_%2.png").arg(QLatin1String(name), lang));
        if (!window->grab().save(file))
            fail("saving a screenshot");
        ++g_count;
    }
    lm->setLanguage(before);
    settle();
}

bool liveFrameWith(fe::ui::CaptureView* view, bool prompt)
{
    const auto r = view->result();
    return r && r->analysed && r->analysis.faces.size() == 1 && (!prompt || r->prompt.has_value()) &&
           !view->guidanceText().isEmpty();
}

} // namespace

int main(int argc, char** argv)
{
    prepareEnvironment();
    QApplication app(argc, argv);
    initApplication();
    if (argc < 2) {
        std::fprintf(stderr, "usage: faceenroll_screenshots OUTDIR\n");
        return 2;
    }
    g_clock.start();
    g_out = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(g_out);
    const auto models = sharedModels();

    WorkstationDriver d(/*empty=*/true);
    fe::ui::MainWindow& w = d.window();
    w.resize(1180, 860);
    settle();

    // First run.
    fe::ui::FirstRunWizard* first = w.firstRunWizard();
    QTest::keyClicks(WorkstationDriver::edit(first, "stationNameEdit"), QStringLiteral("Shop 12, counter 1"));
    QTest::keyClicks(WorkstationDriver::edit(first, "adminEdit"), QStringLiteral("admin"));
    QTest::keyClicks(WorkstationDriver::edit(first, "adminPasswordEdit"), QStringLiteral("correct horse battery"));
    QTest::keyClicks(WorkstationDriver::edit(first, "adminRepeatEdit"), QStringLiteral("correct horse"));
    shoot(&w, "firstrun_station");
    QTest::keyClicks(WorkstationDriver::edit(first, "adminRepeatEdit"), QStringLiteral(" battery"));
    QTest::mouseClick(first->button(QWizard::CommitButton), Qt::LeftButton);
    waitFor("the recovery key page", [&] { return first->currentId() == fe::ui::FirstRunWizard::Recovery; });
    shoot(&w, "firstrun_recovery");
    first->findChild<QCheckBox*>(QStringLiteral("savedCheck"))->setChecked(true);
    QTest::keyClicks(WorkstationDriver::edit(first, "retypeEdit"),
                     first->findChild<QLabel*>(QStringLiteral("recoveryKey"))->text().section(u'-', -1));
    QTest::mouseClick(first->button(QWizard::NextButton), Qt::LeftButton);
    waitFor("the camera preview", [&] { return first->cameraPage()->view()->result() != nullptr; });
    QTest::qWait(300);
    shoot(&w, "firstrun_camera");
    QTest::mouseClick(first->button(QWizard::FinishButton), Qt::LeftButton);
    waitFor("the login screen", [&] { return w.currentScreen() == static_cast<QWidget*>(w.loginWidget()); });

    // The admin's users (faceenroll-cli until part 2); the login screen with an error.
    std::filesystem::path db = (d.dataDir() + QStringLiteral("/station.db")).toStdString();
    {
        fe::store::Session admin = fe::store::Store::unlock(db, "admin", fe::store::SecretBytes::fromString("correct horse battery"),
                                                            fastStoreOptions());
        admin.addUser("op1", fe::store::Role::Operator, fe::store::SecretBytes::fromString(kOneTimePassword));
        admin.logout();
    }
    d.submitLogin("op1", "a-wrong-password");
    waitFor("the login error", [&] { return !d.loginError().isEmpty(); });
    shoot(&w, "login");
    // The admin's password works once: the operator chooses their own.
    d.submitLogin("op1", kOneTimePassword);
    waitFor("the choose-password screen",
            [&] { return w.currentScreen() == static_cast<QWidget*>(w.choosePasswordWidget()); });
    QTest::keyClicks(WorkstationDriver::edit(w.choosePasswordWidget(), "newPasswordEdit"), QString::fromLatin1(kOperatorPassword));
    QTest::keyClicks(WorkstationDriver::edit(w.choosePasswordWidget(), "repeatPasswordEdit"), QStringLiteral("op"));
    shoot(&w, "choose_password");
    WorkstationDriver::edit(w.choosePasswordWidget(), "repeatPasswordEdit")->setText(QString::fromLatin1(kOperatorPassword));
    w.choosePasswordWidget()->submit();
    waitFor("the home screen", [&] { return w.currentScreen() == static_cast<QWidget*>(w.homeWidget()); });
    shoot(&w, "home");

    // The enrollment wizard.
    if (!d.startEnrollment())
        fail("the enrollment wizard");
    EnrollmentWizard* wizard = w.enrollmentWizard();
    shoot(&w, "consent");
    if (!d.giveConsent())
        fail("the customer page");
    QTest::keyClicks(WorkstationDriver::edit(wizard, "nameEdit"), QStringLiteral("Demo Customer"));
    QTest::keyClicks(WorkstationDriver::edit(wizard, "documentNumberEdit"), QStringLiteral("11010519491231002X"));
    QTest::keyClicks(WorkstationDriver::edit(wizard, "phoneEdit"), QStringLiteral("+86 131 2345"));
    QTest::keyClick(WorkstationDriver::edit(wizard, "phoneEdit"), Qt::Key_Tab);
    shoot(&w, "customer");
    QTest::keyClicks(WorkstationDriver::edit(wizard, "phoneEdit"), QStringLiteral(" 6789"));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    waitFor("the ID photo page", [&] { return d.wizardPage() == EnrollmentWizard::IdPhoto; });
    waitFor("document guidance on the picture", [&] { return liveFrameWith(wizard->idPhotoPage()->view(), false); });
    shoot(&w, "idphoto_camera");
    QTemporaryDir media;
    // A photo below the document profile: kept only through its own control, with a reason.
    d.importIdPhoto(darkenedImage(media, demoFrame(media, 4700)));
    auto* keep = wizard->idPhotoPage()->findChild<QCheckBox*>(QStringLiteral("keepIdPhotoCheck"));
    if (keep == nullptr || !keep->isVisible())
        fail("the keep-anyway control for a dark ID photo");
    keep->click();
    QTest::keyClicks(wizard->idPhotoPage()->findChild<QLineEdit*>(QStringLiteral("idPhotoReasonEdit")),
                     QStringLiteral("The card photo is faded"));
    settle();
    shoot(&w, "idphoto_override");
    QTest::mouseClick(wizard->idPhotoPage()->findChild<QPushButton*>(QStringLiteral("retakeButton")), Qt::LeftButton);
    if (!d.importIdPhoto(demoFrame(media, 4700)))
        fail("the ID photo check");
    shoot(&w, "idphoto");

    // Live capture in challenge mode first (a recording cannot follow the prompts: the
    // attempt fails and the strip says why), then in the demo camera's spontaneous mode.
    fe::ui::LiveSettings challenge;
    challenge.mode = fe::liveness::Mode::Challenge;
    challenge.challenges = {fe::liveness::ChallengeKind::TurnLeft, fe::liveness::ChallengeKind::Blink};
    challenge.qualityProfile = "lowres";
    w.enrollmentController()->setLiveSettingsOverride(challenge);
    w.capture().camera()->demoPlayer()->setPosition(10000);
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    auto* live = wizard->livePage();
    waitFor("a face with a challenge prompt", [&] { return liveFrameWith(live->view(), true); });
    QTest::qWait(400);
    shoot(&w, "live");
    w.toggleDebugOverlay();
    QTest::qWait(600);
    shoot(&w, "live_debug");
    w.toggleDebugOverlay();
    waitFor("the end of the challenge attempt", [&] { return !live->isCapturing() && !wizard->state().attempts.empty(); });
    settle();
    shoot(&w, "live_attempt");

    w.enrollmentController()->setLiveSettingsOverride(std::nullopt);
    w.capture().camera()->demoPlayer()->setPosition(10000);
    live->startAttempt();
    waitFor("the result page", [&] { return d.wizardPage() == EnrollmentWizard::Result || (!live->isCapturing() && wizard->state().attempts.size() > 1); }, 90000);
    if (d.wizardPage() != EnrollmentWizard::Result)
        live->continueForReview();
    waitFor("the result page", [&] { return d.wizardPage() == EnrollmentWizard::Result; });
    shoot(&w, "result");
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    waitFor("home after saving", [&] { return w.currentScreen() == static_cast<QWidget*>(w.homeWidget()); });
    shoot(&w, "home_saved");

    w.lockStation();
    waitFor("the lock screen", [&] { return w.currentScreen() == static_cast<QWidget*>(w.loginWidget()); });
    shoot(&w, "locked");

    std::printf("%d screenshots in %s (%.1f s)\n", g_count, qPrintable(g_out), g_clock.elapsed() / 1000.0);
    return 0;
}
