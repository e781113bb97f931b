#include "screens/ChoosePasswordWidget.h"

#include "common/SecretForm.h"

#include "app/StationContext.h"
#include "store/StoreConstants.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fe::ui {
namespace {

QString ruleLine(bool met, const QString& text)
{
    // A check or a cross and the words: the state is readable without colour.
    return QStringLiteral("<div style='color:%1'>%2 %3</div>")
        .arg(met ? QStringLiteral("#1e7e34") : QStringLiteral("#b3261e"),
             met ? QStringLiteral("✓") : QStringLiteral("✗"), text.toHtmlEscaped());
}

bool lengthOk(const QString& password)
{
    const auto len = static_cast<std::size_t>(password.toUtf8().size());
    return len >= store::constants::kMinPasswordLength && len <= store::constants::kMaxPasswordLength;
}

} // namespace

ChoosePasswordWidget::ChoosePasswordWidget(StationContext& station, QWidget* parent)
    : QWidget(parent), m_station(station), m_title(new QLabel(this)), m_explanation(new QLabel(this)),
      m_passwordLabel(new QLabel(this)), m_repeatLabel(new QLabel(this)), m_password(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_rules(new QLabel(this)), m_error(new QLabel(this)),
      m_save(new QPushButton(this)), m_logout(new QPushButton(this))
{
    setObjectName(QStringLiteral("choosePasswordWidget"));
    m_password->setObjectName(QStringLiteral("newPasswordEdit"));
    m_repeat->setObjectName(QStringLiteral("repeatPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_rules->setObjectName(QStringLiteral("passwordRules"));
    m_rules->setTextFormat(Qt::RichText);
    m_error->setObjectName(QStringLiteral("choosePasswordError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
    m_error->hide();
    m_explanation->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("savePasswordButton"));
    m_save->setDefault(true);
    m_logout->setObjectName(QStringLiteral("logoutButton"));
    m_passwordLabel->setBuddy(m_password);
    m_repeatLabel->setBuddy(m_repeat);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto* form = new QFormLayout;
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_repeatLabel, m_repeat);
    form->addRow(QString(), m_rules);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_logout);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    auto* panel = new QWidget(this);
    panel->setMinimumWidth(420);
    panel->setMaximumWidth(560);
    auto* panelLayout = new QVBoxLayout(panel);
    panelLayout->addWidget(m_title);
    panelLayout->addWidget(m_explanation);
    panelLayout->addSpacing(12);
    panelLayout->addLayout(form);
    panelLayout->addWidget(m_error);
    panelLayout->addLayout(buttons);
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto* centre = new QHBoxLayout;
    centre->addStretch(1);
    centre->addWidget(panel);
    centre->addStretch(1);
    outer->addLayout(centre);
    outer->addStretch(2);

    connect(m_password, &QLineEdit::textChanged, this, &ChoosePasswordWidget::updateRules);
    connect(m_repeat, &QLineEdit::textChanged, this, &ChoosePasswordWidget::updateRules);
    connect(m_password, &QLineEdit::returnPressed, this, [this] { m_repeat->setFocus(); });
    connect(m_repeat, &QLineEdit::returnPressed, this, &ChoosePasswordWidget::submit);
    connect(m_save, &QPushButton::clicked, this, &ChoosePasswordWidget::submit);
    connect(m_logout, &QPushButton::clicked, this, [this] { m_station.logout(); });
    connect(&m_station, &StationContext::choosePasswordFailed, this, [this](const QString& text) {
        setBusy(false);
        SecretForm::showError(m_error, m_password, text);
    });
    connect(&m_station, &StationContext::passwordChosen, this, [this] {
        setBusy(false);
        m_password->clear();
        m_repeat->clear();
    });
    setTabOrder(m_password, m_repeat);
    setTabOrder(m_repeat, m_save);
    setTabOrder(m_save, m_logout);
    // Nothing secret stays in a hidden form.
    SecretForm::clearOnHide(this, {m_password, m_repeat});
    retranslate();
}

void ChoosePasswordWidget::prepare()
{
    m_password->clear();
    m_repeat->clear();
    m_error->hide();
    setBusy(false);
    retranslate();
    m_password->setFocus();
}

QStringList ChoosePasswordWidget::unmetRules() const
{
    QStringList out;
    if (!lengthOk(m_password->text()))
        out << tr("The password needs at least %1 characters.").arg(store::constants::kMinPasswordLength);
    if (m_password->text() != m_repeat->text() || m_repeat->text().isEmpty())
        out << tr("Type the same password twice.");
    return out;
}

QString ChoosePasswordWidget::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ChoosePasswordWidget::submit()
{
    if (m_busy)
        return;
    if (const QStringList unmet = unmetRules(); !unmet.isEmpty()) {
        SecretForm::showError(m_error, m_password, unmet.front());
        return;
    }
    m_error->hide();
    setBusy(true);
    const QString password = m_password->text();
    m_station.choosePassword(password);
}

void ChoosePasswordWidget::updateRules()
{
    const bool same = !m_repeat->text().isEmpty() && m_password->text() == m_repeat->text();
    m_rules->setText(ruleLine(lengthOk(m_password->text()),
                              tr("At least %1 characters (a phrase of several words is best)")
                                  .arg(store::constants::kMinPasswordLength)) +
                     ruleLine(same, tr("The two entries match")));
    m_rules->setAccessibleName(unmetRules().join(QLatin1Char(' ')));
    m_save->setEnabled(!m_busy && unmetRules().isEmpty());
}

void ChoosePasswordWidget::setBusy(bool busy)
{
    m_busy = busy;
    m_password->setEnabled(!busy);
    m_repeat->setEnabled(!busy);
    m_logout->setEnabled(!busy);
    m_save->setText(busy ? tr("Saving…") : tr("&Save password"));
    updateRules();
}



void ChoosePasswordWidget::retranslate()
{
    m_title->setText(tr("Choose your password"));
    m_explanation->setText(
        tr("%1, the password you logged in with was set by an administrator and works only once. "
           "Choose your own to go on; only you will know it.")
            .arg(m_station.userName()));
    m_passwordLabel->setText(tr("&New password:"));
    m_repeatLabel->setText(tr("&Repeat:"));
    m_password->setAccessibleName(tr("New password"));
    m_repeat->setAccessibleName(tr("New password again"));
    m_save->setAccessibleName(tr("Save the new password"));
    m_logout->setText(tr("Log &out"));
    m_logout->setAccessibleName(tr("Log out without choosing a password"));
    setBusy(m_busy);
}

void ChoosePasswordWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace fe::ui
