#include "screens/StationSetupPage.h"

#include "app/StationContext.h"
#include "common/Error.h"
#include "common/Layouts.h"
#include "common/UiText.h"
#include "store/Roles.h"
#include "store/StoreConstants.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWizard>

namespace fe::ui {
namespace {

constexpr int kMaxStationNameLength = 64;

QString ruleLine(bool met, const QString& text)
{
    // A check or a cross and the words: the state is readable without colour.
    return QStringLiteral("<div style='color:%1'>%2 %3</div>")
        .arg(met ? QStringLiteral("#1e7e34") : QStringLiteral("#b3261e"),
             met ? QStringLiteral("✓") : QStringLiteral("✗"), text.toHtmlEscaped());
}

QString userNameProblem(const QString& name)
{
    try {
        store::validateUserName(name.trimmed().toStdString());
    } catch (const fe::Error& e) {
        return UiText::error(e);
    }
    return {};
}

} // namespace

StationSetupPage::StationSetupPage(StationContext& station, QWidget* parent)
    : QWizardPage(parent), m_station(station), m_stationLabel(new QLabel(this)), m_adminLabel(new QLabel(this)),
      m_passwordLabel(new QLabel(this)), m_repeatLabel(new QLabel(this)), m_stationName(new QLineEdit(this)),
      m_admin(new QLineEdit(this)), m_password(new QLineEdit(this)), m_repeat(new QLineEdit(this)),
      m_rules(new QLabel(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("stationSetupPage"));
    setCommitPage(true);
    m_stationName->setObjectName(QStringLiteral("stationNameEdit"));
    m_admin->setObjectName(QStringLiteral("adminEdit"));
    m_password->setObjectName(QStringLiteral("adminPasswordEdit"));
    m_repeat->setObjectName(QStringLiteral("adminRepeatEdit"));
    m_rules->setObjectName(QStringLiteral("passwordRules"));
    m_error->setObjectName(QStringLiteral("setupError"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_stationName->setMaxLength(kMaxStationNameLength);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();
    m_rules->setTextFormat(Qt::RichText);
    m_stationLabel->setBuddy(m_stationName);
    m_adminLabel->setBuddy(m_admin);
    m_passwordLabel->setBuddy(m_password);
    m_repeatLabel->setBuddy(m_repeat);
    auto* form = new QFormLayout;
    form->addRow(m_stationLabel, m_stationName);
    form->addRow(m_adminLabel, m_admin);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_repeatLabel, m_repeat);
    form->addRow(QString(), m_rules);
    auto* column = new QVBoxLayout;
    column->addLayout(form);
    column->addWidget(m_error);
    auto* layout = new QVBoxLayout(this);
    layout->addSpacing(12);
    centredColumn(layout, column);
    layout->addStretch(1);
    for (QLineEdit* e : {m_stationName, m_admin, m_password, m_repeat})
        connect(e, &QLineEdit::textChanged, this, &StationSetupPage::updateRules);
    connect(&m_station, &StationContext::createdStation, this, [this](const QString& key) {
        if (!m_creating)
            return;
        m_creating = false;
        m_created = true;
        m_recoveryKey = key;
        m_password->clear();
        m_repeat->clear();
        if (wizard() != nullptr)
            wizard()->next();
    });
    connect(&m_station, &StationContext::createFailed, this, [this](const QString& text) {
        if (!m_creating)
            return;
        m_creating = false;
        m_error->setText(text);
        m_error->show();
        for (QLineEdit* e : {m_stationName, m_admin, m_password, m_repeat})
            e->setEnabled(true);
        Q_EMIT completeChanged();
    });
    retranslate();
}

QString StationSetupPage::adminName() const
{
    return m_admin->text().trimmed().toLower();
}

void StationSetupPage::forgetRecoveryKey()
{
    m_recoveryKey.fill(QChar(u'0'));
    m_recoveryKey.clear();
}

QStringList StationSetupPage::unmetRules() const
{
    QStringList out;
    const auto len = static_cast<std::size_t>(m_password->text().toUtf8().size());
    if (m_stationName->text().trimmed().isEmpty())
        out << tr("Give the station a name.");
    if (const QString p = userNameProblem(m_admin->text()); !p.isEmpty())
        out << p;
    if (len < store::constants::kMinPasswordLength || len > store::constants::kMaxPasswordLength)
        out << tr("The password needs at least %1 characters.").arg(store::constants::kMinPasswordLength);
    if (m_password->text() != m_repeat->text() || m_repeat->text().isEmpty())
        out << tr("Type the same password twice.");
    return out;
}

void StationSetupPage::updateRules()
{
    const auto len = static_cast<std::size_t>(m_password->text().toUtf8().size());
    const bool lengthOk = len >= store::constants::kMinPasswordLength && len <= store::constants::kMaxPasswordLength;
    const bool same = !m_repeat->text().isEmpty() && m_password->text() == m_repeat->text();
    const QString nameProblem = m_admin->text().isEmpty() ? QString() : userNameProblem(m_admin->text());
    QString html = ruleLine(lengthOk, tr("Password: at least %1 characters (a phrase of several words is best)")
                                          .arg(store::constants::kMinPasswordLength)) +
                   ruleLine(same, tr("The two entries match"));
    if (!nameProblem.isEmpty())
        html += ruleLine(false, nameProblem);
    m_rules->setText(html);
    m_rules->setAccessibleName(unmetRules().join(QLatin1Char(' ')));
    Q_EMIT completeChanged();
}

bool StationSetupPage::isComplete() const
{
    return !m_creating && (m_created || unmetRules().isEmpty());
}

bool StationSetupPage::validatePage()
{
    if (m_created)
        return true;
    if (m_creating || !unmetRules().isEmpty())
        return false;
    m_creating = true;
    m_error->hide();
    for (QLineEdit* e : {m_stationName, m_admin, m_password, m_repeat})
        e->setEnabled(false);
    Q_EMIT completeChanged();
    m_station.createStation(m_stationName->text(), adminName(), m_password->text());
    return false; // the wizard moves on when the station exists
}

void StationSetupPage::retranslate()
{
    setTitle(tr("Set up this station"));
    setSubTitle(tr("Name the station and create its administrator. The administrator adds the operators and "
                   "supervisors later."));
    m_stationLabel->setText(tr("&Station name:"));
    m_adminLabel->setText(tr("&Administrator user name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_repeatLabel->setText(tr("&Repeat password:"));
    m_stationName->setAccessibleName(tr("Station name"));
    m_admin->setAccessibleName(tr("Administrator user name"));
    m_password->setAccessibleName(tr("Administrator password"));
    m_repeat->setAccessibleName(tr("Repeat the administrator password"));
    m_admin->setPlaceholderText(tr("e.g. admin"));
    m_stationName->setPlaceholderText(tr("e.g. Shop 12, counter 1"));
    setButtonText(QWizard::CommitButton, tr("&Create station"));
    updateRules();
}

void StationSetupPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace fe::ui
