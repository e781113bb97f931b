#include "enroll/CustomerPage.h"

#include "common/Layouts.h"
#include "common/UiText.h"
#include "enroll/EnrollmentController.h"
#include "enroll/EnrollmentState.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace fe::ui {
namespace {

QLabel* errorLabel(QWidget* parent, const char* name)
{
    auto* l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #b3261e;"));
    l->hide();
    return l;
}

void showError(QLabel* label, const QString& text, bool show)
{
    const bool visible = show && !text.isEmpty();
    label->setText(visible ? QStringLiteral("✗ ") + text : QString());
    label->setVisible(visible);
}

} // namespace

CustomerPage::CustomerPage(EnrollmentState& state, QWidget* parent)
    : QWizardPage(parent), m_state(state), m_name(new QLineEdit(this)), m_documentType(new QComboBox(this)),
      m_documentNumber(new QLineEdit(this)), m_phone(new QLineEdit(this)), m_nameLabel(new QLabel(this)),
      m_typeLabel(new QLabel(this)), m_numberLabel(new QLabel(this)), m_phoneLabel(new QLabel(this)),
      m_nameError(errorLabel(this, "nameError")), m_numberError(errorLabel(this, "documentNumberError")),
      m_phoneError(errorLabel(this, "phoneError"))
{
    setObjectName(QStringLiteral("customerPage"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_documentType->setObjectName(QStringLiteral("documentTypeCombo"));
    m_documentNumber->setObjectName(QStringLiteral("documentNumberEdit"));
    m_phone->setObjectName(QStringLiteral("phoneEdit"));
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_name->setMaxLength(200);
    m_documentNumber->setMaxLength(64);
    m_phone->setMaxLength(32);
    m_nameLabel->setBuddy(m_name);
    m_typeLabel->setBuddy(m_documentType);
    m_numberLabel->setBuddy(m_documentNumber);
    m_phoneLabel->setBuddy(m_phone);

    auto* form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(m_typeLabel, m_documentType);
    form->addRow(m_numberLabel, m_documentNumber);
    form->addRow(QString(), m_numberError);
    form->addRow(m_phoneLabel, m_phone);
    form->addRow(QString(), m_phoneError);
    auto* layout = new QVBoxLayout(this);
    layout->addSpacing(12);
    centredColumn(layout, form);
    layout->addStretch(1);

    const auto edited = [this](bool& touched) {
        return [this, &touched] {
            touched = true;
            revalidate();
        };
    };
    connect(m_name, &QLineEdit::textEdited, this, edited(m_nameTouched));
    connect(m_documentNumber, &QLineEdit::textEdited, this, edited(m_numberTouched));
    connect(m_phone, &QLineEdit::textEdited, this, edited(m_phoneTouched));
    // Leaving a field shows its error even when nothing was typed.
    connect(m_name, &QLineEdit::editingFinished, this, edited(m_nameTouched));
    connect(m_documentNumber, &QLineEdit::editingFinished, this, edited(m_numberTouched));
    connect(m_phone, &QLineEdit::editingFinished, this, edited(m_phoneTouched));
    connect(m_documentType, &QComboBox::currentIndexChanged, this, &CustomerPage::revalidate);
    setTabOrder(m_name, m_documentType);
    setTabOrder(m_documentType, m_documentNumber);
    setTabOrder(m_documentNumber, m_phone);
    retranslate();
}

QString CustomerPage::region() const
{
    return EnrollmentController::defaultRegion();
}

void CustomerPage::initializePage()
{
    m_name->setText(m_state.name);
    m_documentNumber->setText(m_state.documentNumber);
    m_phone->setText(m_state.phone);
    const int type = m_documentType->findData(m_state.documentType);
    m_documentType->setCurrentIndex(type >= 0 ? type : 0);
    m_nameTouched = !m_state.name.isEmpty();
    m_numberTouched = !m_state.documentNumber.isEmpty();
    m_phoneTouched = !m_state.phone.isEmpty();
    revalidate();
    m_name->setFocus();
}

void CustomerPage::clearFields()
{
    for (QLineEdit* e : {m_name, m_documentNumber, m_phone})
        e->clear();
    m_nameTouched = m_numberTouched = m_phoneTouched = false;
    revalidate();
}

void CustomerPage::revalidate()
{
    showError(m_nameError, EnrollmentController::nameError(m_name->text()), m_nameTouched);
    showError(m_numberError, EnrollmentController::documentNumberError(m_documentType->currentData().toString(), m_documentNumber->text()), m_numberTouched);
    const QString phoneError = EnrollmentController::phoneError(m_phone->text(), region());
    if (phoneError.isEmpty() && !m_phone->text().trimmed().isEmpty()) {
        const auto e164 = EnrollmentController::phoneE164(m_phone->text(), region());
        m_phoneError->setStyleSheet(QStringLiteral("color: #1e7e34;"));
        m_phoneError->setText(QStringLiteral("✓ ") + tr("Valid number: %1").arg(e164.value_or(QString())));
        m_phoneError->setVisible(true);
    } else {
        m_phoneError->setStyleSheet(QStringLiteral("color: #b3261e;"));
        showError(m_phoneError, phoneError, m_phoneTouched);
    }
    Q_EMIT completeChanged();
}

bool CustomerPage::isComplete() const
{
    return EnrollmentController::nameError(m_name->text()).isEmpty() &&
           EnrollmentController::documentNumberError(m_documentType->currentData().toString(), m_documentNumber->text()).isEmpty() &&
           EnrollmentController::phoneError(m_phone->text(), region()).isEmpty();
}

bool CustomerPage::validatePage()
{
    if (!isComplete())
        return false;
    m_state.name = m_name->text().trimmed();
    m_state.documentType = m_documentType->currentData().toString();
    m_state.documentNumber = m_documentNumber->text().trimmed().toUpper();
    m_state.phone = m_phone->text().trimmed();
    m_state.phoneRegion = region();
    m_state.phoneE164 = EnrollmentController::phoneE164(m_state.phone, m_state.phoneRegion).value_or(QString());
    Q_EMIT m_state.changed();
    return true;
}

void CustomerPage::retranslate()
{
    setTitle(tr("Customer"));
    setSubTitle(tr("Type the details exactly as they are on the customer's identity document."));
    m_nameLabel->setText(tr("&Name:"));
    m_typeLabel->setText(tr("Document &type:"));
    m_numberLabel->setText(tr("Document n&umber:"));
    m_phoneLabel->setText(tr("&Phone number:"));
    m_name->setAccessibleName(tr("Customer name"));
    m_documentType->setAccessibleName(tr("Document type"));
    m_documentNumber->setAccessibleName(tr("Document number"));
    m_phone->setAccessibleName(tr("Phone number"));
    const QString example = EnrollmentController::examplePhone(region());
    m_phone->setPlaceholderText(example.isEmpty() ? QString() : tr("e.g. %1").arg(example));
    const QString current = m_documentType->currentData().toString();
    {
        const QSignalBlocker block(m_documentType);
        m_documentType->clear();
        for (const QString& key : UiText::documentTypeKeys())
            m_documentType->addItem(UiText::documentType(key), key);
        const int i = m_documentType->findData(current);
        m_documentType->setCurrentIndex(i >= 0 ? i : 0);
    }
    revalidate();
}

void CustomerPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace fe::ui
