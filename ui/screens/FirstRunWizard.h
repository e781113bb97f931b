#pragma once

#include <QWizard>

namespace fe::ui {

class CaptureSystem;
class StationContext;
class StationSetupPage;
class RecoveryKeyPage;
class CameraSetupPage;

// The first start on a machine without a station: the station's name and its first admin
// (password rules shown as they are typed), the recovery key shown once (confirmed by
// retyping its last group), and the camera with a live picture. Embedded in the main window.
class FirstRunWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { Station, Recovery, Camera };

    FirstRunWizard(StationContext& station, CaptureSystem& capture, const QString& demoVideo, QWidget* parent = nullptr);

    [[nodiscard]] StationSetupPage* stationPage() const { return m_stationPage; }
    [[nodiscard]] RecoveryKeyPage* recoveryPage() const { return m_recoveryPage; }
    [[nodiscard]] CameraSetupPage* cameraPage() const { return m_cameraPage; }
    [[nodiscard]] QString adminName() const;

Q_SIGNALS:
    void completed();

public Q_SLOTS:
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    StationSetupPage* m_stationPage;
    RecoveryKeyPage* m_recoveryPage;
    CameraSetupPage* m_cameraPage;
};

} // namespace fe::ui
