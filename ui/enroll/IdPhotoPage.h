#pragma once

#include "capture/AnalysisWorker.h"
#include "enroll/EnrollmentController.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fe::ui {

class CameraPane;
class CaptureSystem;
class CaptureView;
class EnrollmentState;

// Step 3: the ID document's photo, captured with the camera (with document guidance) or
// imported from a file; shows the face found on it with its box and the document quality
// measures; Retake goes back to the camera. A photo that fails the document profile goes on
// only through "Keep this ID photo anyway" with a reason (the enrollment is then flagged
// id_photo_quality_override and reviewed).
class IdPhotoPage : public QWizardPage
{
    Q_OBJECT

public:
    IdPhotoPage(EnrollmentState& state, EnrollmentController& controller, CaptureSystem& capture,
                const QString& demoVideo, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    // Imports an image file (what the Import button does after its file dialog).
    void importFile(const QString& path);
    void capture();
    void retake();
    // Keeps a photo that fails the document quality check, with the operator's reason
    // (what the check box and the reason field do).
    void setKeepAnyway(bool keep, const QString& reason);
    [[nodiscard]] CaptureView* view() const { return m_view; }
    [[nodiscard]] bool isChecking() const { return m_requestId != 0; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onChecked(int requestId, const EnrollmentController::IdPhotoResult& result);
    void onFailed(int requestId, const QString& message);
    void onStill(int requestId, SharedMat bgr);
    void showLive();
    void updateButtons();
    void setStatus(const QString& text, bool error);
    void updateOverride();
    void syncOverride();
    [[nodiscard]] bool photoFailedQuality() const;
    // What the page says about the photo on show (its quality), in the current language.
    [[nodiscard]] QString qualityStatus() const;

    EnrollmentState& m_state;
    EnrollmentController& m_controller;
    CaptureSystem& m_capture;
    CameraPane* m_pane;
    CaptureView* m_view;
    QLabel* m_status;
    QPushButton* m_captureButton;
    QPushButton* m_importButton;
    QPushButton* m_retakeButton;
    QCheckBox* m_keepAnyway;
    QLabel* m_reasonLabel;
    QLineEdit* m_reason;
    int m_requestId = 0;
    int m_nextRequest = 1;
    QString m_statusText;
    bool m_statusError = false;
};

} // namespace fe::ui
