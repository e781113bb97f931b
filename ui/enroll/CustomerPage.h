#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;

namespace fe::ui {

class EnrollmentState;

// Step 2: name, document type and number, phone number, each checked as it is typed (the
// phone number by libphonenumber through the core), its error next to it; Next stays
// disabled until all are valid.
class CustomerPage : public QWizardPage
{
    Q_OBJECT

public:
    CustomerPage(EnrollmentState& state, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    // Empties the fields (idle lock, cancel).
    void clearFields();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void revalidate();
    [[nodiscard]] QString region() const;

    EnrollmentState& m_state;
    QLineEdit* m_name;
    QComboBox* m_documentType;
    QLineEdit* m_documentNumber;
    QLineEdit* m_phone;
    QLabel* m_nameLabel;
    QLabel* m_typeLabel;
    QLabel* m_numberLabel;
    QLabel* m_phoneLabel;
    QLabel* m_nameError;
    QLabel* m_numberError;
    QLabel* m_phoneError;
    bool m_nameTouched = false;
    bool m_numberTouched = false;
    bool m_phoneTouched = false;
};

} // namespace fe::ui
