#include "screens/LoginWidget.h"

#include "common/SecretForm.h"

#include "app/StationContext.h"
#include "screens/LanguageComboBox.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fe::ui {

LoginWidget::LoginWidget(StationContext& station, QWidget* parent)
    : QWidget(parent), m_station(station), m_title(new QLabel(this)), m_station_(new QLabel(this)),
      m_userLabel(new QLabel(this)), m_passwordLabel(new QLabel(this)), m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_error(new QLabel(this)), m_login(new QPushButton(this)),
      m_switchUser(new QPushButton(this)), m_languageLabel(new QLabel(this)), m_language(new LanguageComboBox(this))
{
    setObjectName(QStringLiteral("loginWidget"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
    m_error->hide();
    m_login->setObjectName(QStringLiteral("loginButton"));
    m_login->setDefault(true);
    m_switchUser->setObjectName(QStringLiteral("switchUserButton"));
    m_userLabel->setBuddy(m_user);
    m_passwordLabel->setBuddy(m_password);
    m_languageLabel->setBuddy(m_language);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto* form = new QFormLayout;
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_switchUser);
    buttons->addStretch(1);
    buttons->addWidget(m_login);
    auto* panel = new QWidget(this);
    panel->setMinimumWidth(380);
    panel->setMaximumWidth(480);
    auto* icon = new QLabel(panel);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/faceenroll.svg")).pixmap(QSize(72, 72)));
    icon->setAccessibleName(QStringLiteral("FaceEnroll"));
    auto* panelLayout = new QVBoxLayout(panel);
    panelLayout->addWidget(icon);
    panelLayout->addWidget(m_title);
    panelLayout->addWidget(m_station_);
    panelLayout->addSpacing(12);
    panelLayout->addLayout(form);
    panelLayout->addWidget(m_error);
    panelLayout->addLayout(buttons);
    auto* language = new QHBoxLayout;
    language->addStretch(1);
    language->addWidget(m_languageLabel);
    language->addWidget(m_language);

    auto* outer = new QVBoxLayout(this);
    outer->addLayout(language);
    outer->addStretch(1);
    auto* centre = new QHBoxLayout;
    centre->addStretch(1);
    centre->addWidget(panel);
    centre->addStretch(1);
    outer->addLayout(centre);
    outer->addStretch(2);

    connect(m_login, &QPushButton::clicked, this, &LoginWidget::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &LoginWidget::submit);
    connect(m_user, &QLineEdit::returnPressed, this, [this] { m_password->setFocus(); });
    connect(m_switchUser, &QPushButton::clicked, this, [this] {
        m_station.logout();
        prepare();
    });
    connect(&m_station, &StationContext::loginFailed, this, [this](const QString& text) {
        setBusy(false);
        SecretForm::showError(m_error, m_password, text);
    });
    connect(&m_station, &StationContext::unlockFailed, this, [this](const QString& text) {
        setBusy(false);
        SecretForm::showError(m_error, m_password, text);
    });
    connect(&m_station, &StationContext::loggedIn, this, [this] { setBusy(false); });
    connect(&m_station, &StationContext::unlocked, this, [this] { setBusy(false); });
    setTabOrder(m_user, m_password);
    setTabOrder(m_password, m_login);
    setTabOrder(m_login, m_switchUser);
    setTabOrder(m_switchUser, m_language);
    // Nothing secret stays in a hidden form.
    SecretForm::clearOnHide(this, {m_password});
    retranslate();
}

void LoginWidget::prepare()
{
    m_unlockMode = m_station.state() == StationContext::State::Locked;
    m_password->clear();
    m_error->hide();
    if (m_unlockMode)
        m_user->setText(m_station.userName());
    m_user->setReadOnly(m_unlockMode);
    m_switchUser->setVisible(m_unlockMode);
    setBusy(false);
    retranslate();
    if (m_unlockMode || !m_user->text().isEmpty())
        m_password->setFocus();
    else
        m_user->setFocus();
}

void LoginWidget::setUserName(const QString& name)
{
    m_user->setText(name);
}

QString LoginWidget::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void LoginWidget::submit()
{
    if (!m_login->isEnabled())
        return;
    if (m_user->text().trimmed().isEmpty()) {
        SecretForm::showError(m_error, m_password, tr("Type your user name."));
        m_user->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        SecretForm::showError(m_error, m_password, tr("Type your password."));
        m_password->setFocus();
        return;
    }
    m_error->hide();
    setBusy(true);
    const QString password = m_password->text();
    m_password->clear();
    if (m_unlockMode)
        m_station.unlock(password);
    else
        m_station.login(m_user->text(), password);
}

void LoginWidget::setBusy(bool busy)
{
    m_login->setEnabled(!busy);
    m_user->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_login->setText(busy ? tr("Checking…") : (m_unlockMode ? tr("&Unlock") : tr("&Log in")));
    if (!busy)
        m_password->setFocus();
}



void LoginWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_unlockMode || !m_user->text().isEmpty())
        m_password->setFocus();
    else
        m_user->setFocus();
}

void LoginWidget::retranslate()
{
    m_title->setText(m_unlockMode ? tr("Station locked") : tr("Log in"));
    const QString station = m_station.stationName();
    m_station_->setText(m_unlockMode ? tr("Enter the password of %1 to go on.").arg(m_station.userName())
                                     : (station.isEmpty() ? tr("FaceEnroll workstation")
                                                          : tr("FaceEnroll workstation: %1").arg(station)));
    m_userLabel->setText(tr("&User:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_user->setAccessibleName(tr("User name"));
    m_password->setAccessibleName(tr("Password"));
    m_login->setText(m_unlockMode ? tr("&Unlock") : tr("&Log in"));
    m_login->setAccessibleName(m_unlockMode ? tr("Unlock the station") : tr("Log in"));
    m_switchUser->setText(tr("&Switch user"));
    m_switchUser->setAccessibleName(tr("Log out the locked user and log in as someone else"));
    m_languageLabel->setText(tr("Lan&guage:"));
}

void LoginWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace fe::ui
