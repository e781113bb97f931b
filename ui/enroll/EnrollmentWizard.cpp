#include "enroll/EnrollmentWizard.h"

#include "capture/CameraController.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"
#include "enroll/ConsentPage.h"
#include "enroll/CustomerPage.h"
#include "enroll/EnrollmentController.h"
#include "enroll/EnrollmentState.h"
#include "enroll/IdPhotoPage.h"
#include "enroll/LiveCapturePage.h"
#include "enroll/ResultPage.h"

#include <QAbstractButton>
#include <QEvent>
#include <QKeyEvent>
#include <QMessageBox>
#include <QPushButton>

namespace fe::ui {
namespace {
int s_discardAnswer = -1;
}

void EnrollmentWizard::setDiscardAnswerForTests(int answer)
{
    s_discardAnswer = answer;
}

EnrollmentWizard::EnrollmentWizard(EnrollmentController& controller, CaptureSystem& capture, const QString& demoVideo,
                                   QWidget* parent)
    : QWizard(parent), m_controller(controller), m_capture(capture), m_state(new EnrollmentState(this)),
      m_consent(new ConsentPage(*m_state, this)), m_customer(new CustomerPage(*m_state, this)),
      m_idPhoto(new IdPhotoPage(*m_state, controller, capture, demoVideo, this)),
      m_live(new LiveCapturePage(*m_state, controller, capture, demoVideo, this)),
      m_result(new ResultPage(*m_state, controller, this))
{
    setObjectName(QStringLiteral("enrollmentWizard"));
    setWindowFlags(Qt::Widget);
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setOption(QWizard::HaveHelpButton, false);
    setPage(Consent, m_consent);
    setPage(Customer, m_customer);
    setPage(IdPhoto, m_idPhoto);
    setPage(Live, m_live);
    setPage(Result, m_result);
    setStartId(Consent);

    connect(m_consent, &ConsentPage::refused, this, [this] {
        m_finishing = true;
        m_controller.recordRefusal();
        discard();
        Q_EMIT refused();
    });
    connect(m_result, &ResultPage::saved, this, [this](const enroll::EnrollmentOutcome& outcome) {
        m_finishing = true;
        m_capture.stopLive();
        m_capture.stopCamera();
        Q_EMIT saved(outcome);
    });
    // Leaving the capture pages for the result stops the camera; coming back starts it.
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == Result || id == Consent || id == Customer) {
            m_live->stop();
            m_capture.stopCamera();
        } else if (!m_capture.camera()->isRunning()) {
            // Back to a capture page (initializePage runs only going forward).
            m_capture.startCamera();
        }
        if (id == IdPhoto)
            m_capture.startDocument();
    });
    retranslate();
}

EnrollmentWizard::~EnrollmentWizard() = default;

void EnrollmentWizard::discard()
{
    m_live->stop();
    m_capture.stopLive();
    m_capture.stopCamera();
    m_customer->clearFields();
    m_idPhoto->view()->clear();
    m_live->view()->clear();
    m_state->wipe();
}

void EnrollmentWizard::reject()
{
    if (m_finishing)
        return;
    if (m_state->hasCustomerData()) {
        int answer = s_discardAnswer;
        if (answer < 0) {
            QMessageBox box(QMessageBox::Question, tr("Cancel the enrollment?"),
                            tr("The customer's data typed and captured so far will be discarded. Nothing is stored."),
                            QMessageBox::NoButton, this);
            QPushButton* discardButton = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
            QPushButton* keep = box.addButton(tr("&Keep working"), QMessageBox::RejectRole);
            box.setDefaultButton(keep);
            box.setEscapeButton(keep);
            box.exec();
            answer = box.clickedButton() == discardButton ? QMessageBox::Discard : QMessageBox::Cancel;
        }
        if (answer != QMessageBox::Discard)
            return;
    }
    m_finishing = true;
    m_controller.recordAbandoned("cancelled");
    discard();
    Q_EMIT cancelled();
}

void EnrollmentWizard::keyPressEvent(QKeyEvent* event)
{
    // A held Enter key repeats: only a real press may move the wizard on.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->isAutoRepeat()) {
        event->accept();
        return;
    }
    QWizard::keyPressEvent(event);
}

void EnrollmentWizard::retranslate()
{
    setWindowTitle(tr("New enrollment"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    setButtonText(QWizard::FinishButton, tr("&Save"));
    setButtonText(QWizard::CommitButton, tr("&Next >"));
    button(QWizard::NextButton)->setAccessibleName(tr("Next step"));
    button(QWizard::BackButton)->setAccessibleName(tr("Previous step"));
    button(QWizard::CancelButton)->setAccessibleName(tr("Cancel the enrollment"));
    button(QWizard::FinishButton)->setAccessibleName(tr("Save the enrollment"));
}

void EnrollmentWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

} // namespace fe::ui
