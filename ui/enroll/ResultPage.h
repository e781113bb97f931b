#pragma once

#include "enroll/EnrollTypes.h"

#include <QWizardPage>

#include <optional>

class QLabel;

namespace fe::ui {

class EnrollmentController;
class EnrollmentState;

// Step 5: the portrait next to the ID photo, the 1:1 score against its threshold, the
// liveness verdict, every flag in words with its score and threshold, and Save. A flagged
// enrollment says that a supervisor will review it. Saving happens once, however often Save
// or Enter is pressed.
class ResultPage : public QWizardPage
{
    Q_OBJECT

public:
    ResultPage(EnrollmentState& state, EnrollmentController& controller, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    [[nodiscard]] const std::optional<enroll::EnrollmentOutcome>& assessment() const { return m_assessed; }

Q_SIGNALS:
    void saved(const fe::enroll::EnrollmentOutcome& outcome);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showAssessment();

    EnrollmentState& m_state;
    EnrollmentController& m_controller;
    QLabel* m_portrait;
    QLabel* m_idPhoto;
    QLabel* m_portraitCaption;
    QLabel* m_idCaption;
    QLabel* m_score;
    QLabel* m_liveness;
    QLabel* m_flags;
    QLabel* m_summary;
    std::optional<enroll::EnrollmentOutcome> m_assessed;
    QString m_error;
};

} // namespace fe::ui
