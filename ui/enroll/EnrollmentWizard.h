#pragma once

#include "enroll/EnrollTypes.h"

#include <QWizard>

namespace fe::ui {

class CaptureSystem;
class ConsentPage;
class CustomerPage;
class EnrollmentController;
class EnrollmentState;
class IdPhotoPage;
class LiveCapturePage;
class ResultPage;

// A new enrollment: consent, customer, ID photo, live capture, result. The pages share one
// EnrollmentState; each page's isComplete() gates Next, so Next or Enter, however often
// pressed, never skips a step, and the result page saves once. Escape cancels (asking first
// when customer data was typed). Embedded in the main window as a widget.
class EnrollmentWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { Consent, Customer, IdPhoto, Live, Result };

    EnrollmentWizard(EnrollmentController& controller, CaptureSystem& capture, const QString& demoVideo,
                     QWidget* parent = nullptr);
    ~EnrollmentWizard() override;

    [[nodiscard]] EnrollmentState& state() { return *m_state; }
    [[nodiscard]] ConsentPage* consentPage() const { return m_consent; }
    [[nodiscard]] CustomerPage* customerPage() const { return m_customer; }
    [[nodiscard]] IdPhotoPage* idPhotoPage() const { return m_idPhoto; }
    [[nodiscard]] LiveCapturePage* livePage() const { return m_live; }
    [[nodiscard]] ResultPage* resultPage() const { return m_result; }

    // Drops the enrollment in progress from memory (fields, photos, attempts) and stops the
    // capture; nothing is stored. The caller audits why.
    void discard();

    // Test hook: answer the "discard?" question without showing it.
    static void setDiscardAnswerForTests(int answer);

Q_SIGNALS:
    void saved(const fe::enroll::EnrollmentOutcome& outcome);
    void refused();
    void cancelled();

public Q_SLOTS:
    void reject() override;

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    EnrollmentController& m_controller;
    CaptureSystem& m_capture;
    EnrollmentState* m_state;
    ConsentPage* m_consent;
    CustomerPage* m_customer;
    IdPhotoPage* m_idPhoto;
    LiveCapturePage* m_live;
    ResultPage* m_result;
    bool m_finishing = false;
};

} // namespace fe::ui
