#pragma once

#include "common/ConsentNotice.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace fe::ui {

class EnrollmentState;

// Step 1: the versioned privacy notice in the current language, the operator's confirmation
// that the customer agreed, and "Customer refuses", which ends the enrollment with nothing
// stored (the refusal is audited).
class ConsentPage : public QWizardPage
{
    Q_OBJECT

public:
    ConsentPage(EnrollmentState& state, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    [[nodiscard]] const ConsentNotice& notice() const { return m_notice; }

Q_SIGNALS:
    void refused();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void loadNotice();

    EnrollmentState& m_state;
    ConsentNotice m_notice;
    QTextBrowser* m_text;
    QLabel* m_version;
    QCheckBox* m_agreed;
    QPushButton* m_refuse;
};

} // namespace fe::ui
