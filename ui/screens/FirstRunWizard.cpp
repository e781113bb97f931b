#include "screens/FirstRunWizard.h"

#include "screens/CameraSetupPage.h"
#include "screens/RecoveryKeyPage.h"
#include "screens/StationSetupPage.h"

#include <QAbstractButton>
#include <QEvent>

namespace fe::ui {

FirstRunWizard::FirstRunWizard(StationContext& station, CaptureSystem& capture, const QString& demoVideo,
                               QWidget* parent)
    : QWizard(parent), m_stationPage(new StationSetupPage(station, this)),
      m_recoveryPage(new RecoveryKeyPage(*m_stationPage, this)),
      m_cameraPage(new CameraSetupPage(capture, demoVideo, this))
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowFlags(Qt::Widget);
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::HaveHelpButton, false);
    setOption(QWizard::NoCancelButton, true);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setPage(Station, m_stationPage);
    setPage(Recovery, m_recoveryPage);
    setPage(Camera, m_cameraPage);
    setStartId(Station);
    connect(this, &QWizard::accepted, this, &FirstRunWizard::completed);
    retranslate();
}

QString FirstRunWizard::adminName() const
{
    return m_stationPage->adminName();
}

void FirstRunWizard::reject()
{
    // There is nothing to go back to before a station exists; Escape does not close this.
}

void FirstRunWizard::retranslate()
{
    setWindowTitle(tr("Set up FaceEnroll"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
}

void FirstRunWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

} // namespace fe::ui
