#pragma once

#include <QWizardPage>

namespace fe::ui {

class CameraPane;
class CaptureSystem;
class CaptureView;

// First run, step 3: which camera this station uses, with its live picture. The choice is
// this machine's (QSettings "camera/choice").
class CameraSetupPage : public QWizardPage
{
    Q_OBJECT

public:
    CameraSetupPage(CaptureSystem& capture, const QString& demoVideo, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;
    [[nodiscard]] CaptureView* view() const { return m_view; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    CaptureSystem& m_capture;
    CameraPane* m_pane;
    CaptureView* m_view;
};

} // namespace fe::ui
