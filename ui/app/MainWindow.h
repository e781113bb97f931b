#pragma once

#include "app/AppOptions.h"
#include "enroll/EnrollTypes.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QStackedWidget;

namespace fe::ui {

class CaptureSystem;
class ChoosePasswordWidget;
class EnrollmentController;
class EnrollmentWizard;
class FirstRunWizard;
class HomeWidget;
class IdleWatcher;
class LoginWidget;
class ModelLoader;
class StationContext;

// The workstation's one window: first run, login / unlock, home, and the enrollment wizard
// in one stack. Owns the station context, the capture system (camera, worker thread), the
// model loader, the idle lock and the shortcuts (Ctrl+L lock, F12 capture figures). Part 2's
// screens (review, records, audit, settings, sync) become further pages of the stack with
// entries on the home screen. Window geometry is kept in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppOptions options, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] StationContext& station() { return *m_station; }
    [[nodiscard]] CaptureSystem& capture() { return *m_capture; }
    [[nodiscard]] ModelLoader& models() { return *m_models; }
    [[nodiscard]] IdleWatcher& idleWatcher() { return *m_idle; }
    [[nodiscard]] LoginWidget* loginWidget() const { return m_login; }
    [[nodiscard]] HomeWidget* homeWidget() const { return m_home; }
    [[nodiscard]] ChoosePasswordWidget* choosePasswordWidget() const { return m_choosePassword; }
    [[nodiscard]] FirstRunWizard* firstRunWizard() const { return m_firstRun; }
    [[nodiscard]] EnrollmentWizard* enrollmentWizard() const;
    [[nodiscard]] QWidget* currentScreen() const;
    // Made at the first login; null before.
    [[nodiscard]] EnrollmentController* enrollmentController() const { return m_controller; }

    void startEnrollment();
    void lockStation();
    void toggleDebugOverlay();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showFirstRun();
    void showLogin();
    void showHome();
    void afterLogin();
    void discardEnrollment(const char* why);
    void dropController();
    void finishEnrollment();
    void onSaved(const enroll::EnrollmentOutcome& outcome);
    void updateStatus();
    void retranslate();
    void chooseCamera();

    AppOptions m_options;
    StationContext* m_station;
    CaptureSystem* m_capture;
    ModelLoader* m_models;
    IdleWatcher* m_idle;
    EnrollmentController* m_controller = nullptr;
    QStackedWidget* m_stack;
    FirstRunWizard* m_firstRun = nullptr;
    LoginWidget* m_login;
    ChoosePasswordWidget* m_choosePassword;
    HomeWidget* m_home;
    QPointer<EnrollmentWizard> m_wizard;
    QLabel* m_statusStation;
    QLabel* m_statusCamera;
    QAction* m_lockAction;
    QAction* m_debugAction;
    QAction* m_newAction;
    bool m_debugOverlay = false;
    int m_pendingNotice = 0; // HomeWidget::Notice
};

} // namespace fe::ui
