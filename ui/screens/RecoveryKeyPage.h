#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace fe::ui {

class StationSetupPage;

// First run, step 2: the recovery key, shown this once and stored nowhere. Next needs "I
// have saved it" and the key's last group typed again (proof that it was written down).
class RecoveryKeyPage : public QWizardPage
{
    Q_OBJECT

public:
    RecoveryKeyPage(StationSetupPage& setup, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    [[nodiscard]] QString lastGroup() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    StationSetupPage& m_setup;
    QLabel* m_key;
    QLabel* m_explain;
    QCheckBox* m_saved;
    QLabel* m_retypeLabel;
    QLineEdit* m_retype;
};

} // namespace fe::ui
