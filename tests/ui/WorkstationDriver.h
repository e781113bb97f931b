#pragma once

// Drives the real main window the way a clerk does (keys and clicks on the real widgets) for
// the workstation's end-to-end and robustness tests.

#include "app/MainWindow.h"

#include <QTemporaryDir>

#include <memory>

class QLineEdit;

namespace fe::test::gui {

class WorkstationDriver
{
public:
    // A station in a fresh directory (createStation's users) unless `empty`; the demo camera
    // plays `demoFile` (default: the demo video).
    explicit WorkstationDriver(bool empty = false, QString demoFile = {},
                               std::optional<std::chrono::milliseconds> idleTimeout = std::nullopt);
    ~WorkstationDriver();

    fe::ui::MainWindow& window() { return *m_window; }
    [[nodiscard]] QString dataDir() const { return m_dir.path(); }
    QTemporaryDir& dir() { return m_dir; }

    // Types into the login form and submits; waits for the home screen (or the error).
    bool login(const char* user, const char* password);
    void submitLogin(const char* user, const char* password);
    QString loginError();

    // Home -> New enrollment; consent; customer; returns false at the first step that fails.
    bool startEnrollment();
    bool giveConsent();
    bool fillCustomer(const QString& name = QStringLiteral("Demo Customer"),
                      const QString& number = QStringLiteral("D0000001"),
                      const QString& phone = QStringLiteral("+8613123456789"));
    bool importIdPhoto(const QString& path);
    // Waits for the live page's attempt to end and the result page to show (passed attempts
    // move on by themselves; `continueFlagged` presses "Continue for review" when liveness
    // was not confirmed).
    bool finishLive(bool continueFlagged, int timeoutMs = 120000);
    bool clickNext();
    int wizardPage() const;

    static QLineEdit* edit(QWidget* root, const char* name);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<fe::ui::MainWindow> m_window;
};

} // namespace fe::test::gui
