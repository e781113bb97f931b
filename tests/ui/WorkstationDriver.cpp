#include "WorkstationDriver.h"

#include "GuiTestSupport.h"

#include <QComboBox>
#include "app/StationContext.h"
#include "enroll/EnrollmentState.h"
#include "enroll/AttemptStrip.h"
#include "enroll/EnrollmentWizard.h"
#include "enroll/IdPhotoPage.h"
#include "enroll/LiveCapturePage.h"
#include "screens/HomeWidget.h"
#include "screens/LoginWidget.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>

namespace fe::test::gui {

WorkstationDriver::WorkstationDriver(bool empty, QString demoFile, std::optional<std::chrono::milliseconds> idleTimeout)
{
    if (!empty)
        createStation(m_dir.path());
    fe::ui::AppOptions options;
    options.dataDir = m_dir.path();
    options.demoFile = demoFile.isEmpty() ? demoVideo() : demoFile;
    options.forceDemoCamera = true;
    options.storeOptions = fastStoreOptions();
    options.idleTimeoutOverride = idleTimeout;
    m_window = std::make_unique<fe::ui::MainWindow>(options);
    m_window->resize(1100, 800);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    (void)QTest::qWaitForWindowExposed(m_window.get());
}

WorkstationDriver::~WorkstationDriver()
{
    m_window->close();
    m_window.reset();
}

QLineEdit* WorkstationDriver::edit(QWidget* root, const char* name)
{
    return root->findChild<QLineEdit*>(QString::fromLatin1(name));
}

void WorkstationDriver::submitLogin(const char* user, const char* password)
{
    fe::ui::LoginWidget* login = m_window->loginWidget();
    QLineEdit* u = edit(login, "userEdit");
    QLineEdit* p = edit(login, "passwordEdit");
    if (!u->isReadOnly()) {
        u->clear();
        QTest::keyClicks(u, QString::fromLatin1(user));
    }
    p->clear();
    QTest::keyClicks(p, QString::fromLatin1(password));
    QTest::keyClick(p, Qt::Key_Return);
}

bool WorkstationDriver::login(const char* user, const char* password)
{
    submitLogin(user, password);
    // The outcome is read below: a login that neither succeeds nor fails in time returns false.
    (void)QTest::qWaitFor([&] { return m_window->currentScreen() == m_window->homeWidget() || !loginError().isEmpty(); }, 30000);
    return m_window->currentScreen() == m_window->homeWidget();
}

QString WorkstationDriver::loginError()
{
    return m_window->loginWidget()->errorText();
}

bool WorkstationDriver::startEnrollment()
{
    QPushButton* button = m_window->homeWidget()->newEnrollmentButton();
    if (!button->isVisible())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return m_window->enrollmentWizard() != nullptr &&
           m_window->enrollmentWizard()->currentId() == fe::ui::EnrollmentWizard::Consent;
}

int WorkstationDriver::wizardPage() const
{
    return m_window->enrollmentWizard() ? m_window->enrollmentWizard()->currentId() : -1;
}

bool WorkstationDriver::clickNext()
{
    auto* wizard = m_window->enrollmentWizard();
    QAbstractButton* next = wizard->button(wizard->currentId() == fe::ui::EnrollmentWizard::Result ? QWizard::FinishButton
                                                                                                : QWizard::NextButton);
    if (!next->isEnabled())
        return false;
    QTest::mouseClick(next, Qt::LeftButton);
    return true;
}

bool WorkstationDriver::giveConsent()
{
    auto* wizard = m_window->enrollmentWizard();
    auto* check = wizard->findChild<QCheckBox*>(QStringLiteral("consentCheck"));
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
    return check->isChecked() && clickNext() && wizardPage() == fe::ui::EnrollmentWizard::Customer;
}

bool WorkstationDriver::fillCustomer(const QString& name, const QString& number, const QString& phone)
{
    auto* wizard = m_window->enrollmentWizard();
    // Keys for ASCII; other scripts arrive as an input method commits them (QTest has no
    // key for 张).
    const auto type = [](QLineEdit* e, const QString& text) {
        bool ascii = true;
        for (QChar c : text)
            ascii = ascii && c.unicode() < 128;
        if (ascii)
            QTest::keyClicks(e, text);
        else
            e->insert(text);
    };
    type(edit(wizard, "nameEdit"), name);
    // The numbers these tests type are foreign identity cards (the core's national_id rules);
    // the page offers the Chinese resident identity card first.
    if (auto* combo = wizard->findChild<QComboBox*>(QStringLiteral("documentTypeCombo"))) {
        const int i = combo->findData(QStringLiteral("national_id"));
        if (i >= 0)
            combo->setCurrentIndex(i);
    }
    type(edit(wizard, "documentNumberEdit"), number);
    type(edit(wizard, "phoneEdit"), phone);
    return clickNext() && wizardPage() == fe::ui::EnrollmentWizard::IdPhoto;
}

bool WorkstationDriver::importIdPhoto(const QString& path)
{
    auto* wizard = m_window->enrollmentWizard();
    auto* page = wizard->idPhotoPage();
    if (!QTest::qWaitFor([&] { return page->findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled(); }, 60000))
        return false;
    page->importFile(path);
    (void)QTest::qWaitFor([&] { return !page->isChecking(); }, 60000); // isComplete() says how it ended
    return page->isComplete();
}

bool WorkstationDriver::finishLive(bool continueFlagged, int timeoutMs)
{
    auto* wizard = m_window->enrollmentWizard();
    auto* page = wizard->livePage();
    auto* cont = page->findChild<QPushButton*>(QStringLiteral("continueButton"));
    const auto lastFailed = [&] {
        return !page->isCapturing() && !wizard->state().attempts.empty() &&
               wizard->state().attempts.back().kind != fe::ui::AttemptOutcome::Kind::Passed;
    };
    // A passed attempt moves on by itself; a failed one waits for the clerk.
    (void)QTest::qWaitFor([&] { return wizardPage() == fe::ui::EnrollmentWizard::Result || lastFailed(); }, timeoutMs);
    if (wizardPage() != fe::ui::EnrollmentWizard::Result && continueFlagged && cont->isVisible()) {
        QTest::mouseClick(cont, Qt::LeftButton);
        (void)QTest::qWaitFor([&] { return wizardPage() == fe::ui::EnrollmentWizard::Result; }, 10000);
    }
    if (wizardPage() != fe::ui::EnrollmentWizard::Result) {
        // Say why, for the test log.
        for (const QString& a : page->strip()->texts())
            qWarning("attempt: %s", qPrintable(a));
        qWarning("live page: %s", qPrintable(page->findChild<QLabel*>(QStringLiteral("liveStatus"))->text()));
    }
    return wizardPage() == fe::ui::EnrollmentWizard::Result;
}

} // namespace fe::test::gui
