#pragma once

#include "capture/AttemptOutcome.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QPushButton;

namespace fe::ui {

class AttemptStrip;
class CameraPane;
class CaptureSystem;
class CaptureView;
class EnrollmentController;
class EnrollmentState;

// Step 4, the heart of the product: the live picture with its overlay, guidance and the
// liveness challenge; auto-capture (when the liveness session ends, the best frame of the
// following selection window becomes the portrait); the attempt strip; Try again; after the
// configured number of failed attempts, Continue with override (with a reason) or Cancel.
// A passed attempt moves on to the result by itself.
class LiveCapturePage : public QWizardPage
{
    Q_OBJECT

public:
    LiveCapturePage(EnrollmentState& state, EnrollmentController& controller, CaptureSystem& capture,
                    const QString& demoVideo, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    void startAttempt();
    // Keeps the last attempt's portrait although it is below the quality gate.
    void applyOverride(const QString& reason);
    // Goes on with a portrait whose liveness was not confirmed (flagged for review).
    void continueForReview();
    void stop();

    [[nodiscard]] CaptureView* view() const { return m_view; }
    [[nodiscard]] AttemptStrip* strip() const { return m_strip; }
    [[nodiscard]] int currentAttempt() const { return m_attemptId; }
    [[nodiscard]] bool isCapturing() const { return m_running; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onFinished(const AttemptOutcomePtr& outcome);
    void onFailed(int attemptId, const QString& message);
    void onStarted(int attemptId);
    void updateControls();
    void updateOutcome(bool canOverride);

    EnrollmentState& m_state;
    EnrollmentController& m_controller;
    CaptureSystem& m_capture;
    CameraPane* m_pane;
    CaptureView* m_view;
    AttemptStrip* m_strip;
    QLabel* m_status;
    QCheckBox* m_landmarks;
    QPushButton* m_retry;
    QPushButton* m_continue;
    QPushButton* m_override;
    int m_attemptId = 0;
    int m_nextAttempt = 1;
    bool m_running = false;
    bool m_pendingStart = false;
    bool m_spontaneous = false;
    QString m_error;
};

} // namespace fe::ui
