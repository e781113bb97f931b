#include "screens/RecoveryKeyPage.h"

#include "common/Layouts.h"
#include "screens/StationSetupPage.h"

#include <QCheckBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWizard>

namespace fe::ui {

RecoveryKeyPage::RecoveryKeyPage(StationSetupPage& setup, QWidget* parent)
    : QWizardPage(parent), m_setup(setup), m_key(new QLabel(this)), m_explain(new QLabel(this)),
      m_saved(new QCheckBox(this)), m_retypeLabel(new QLabel(this)), m_retype(new QLineEdit(this))
{
    setObjectName(QStringLiteral("recoveryKeyPage"));
    // Confirming it is the point of no return: the key is never shown again.
    setCommitPage(true);
    m_key->setObjectName(QStringLiteral("recoveryKey"));
    m_saved->setObjectName(QStringLiteral("savedCheck"));
    m_retype->setObjectName(QStringLiteral("retypeEdit"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.4);
    mono.setBold(true);
    m_key->setFont(mono);
    m_key->setWordWrap(true);
    m_key->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_key->setStyleSheet(QStringLiteral("QLabel { background: #fff8e1; border: 1px solid #8a5a00; padding: 12px; }"));
    m_explain->setWordWrap(true);
    m_retype->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_retype->setMaxLength(16);
    m_retypeLabel->setBuddy(m_retype);
    auto* form = new QFormLayout;
    form->addRow(m_retypeLabel, m_retype);
    auto* column = new QVBoxLayout;
    column->addWidget(m_explain);
    column->addWidget(m_key);
    column->addWidget(m_saved);
    column->addLayout(form);
    auto* layout = new QVBoxLayout(this);
    layout->addSpacing(12);
    centredColumn(layout, column, 760);
    layout->addStretch(1);
    connect(m_saved, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(m_retype, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    retranslate();
}

QString RecoveryKeyPage::lastGroup() const
{
    return m_setup.recoveryKey().section(u'-', -1).trimmed();
}

void RecoveryKeyPage::initializePage()
{
    m_key->setText(m_setup.recoveryKey());
    m_saved->setChecked(false);
    m_retype->clear();
    m_saved->setFocus();
    setButtonText(QWizard::CommitButton, tr("&Next >"));
}

bool RecoveryKeyPage::isComplete() const
{
    const QString last = lastGroup();
    return m_saved->isChecked() && !last.isEmpty() && m_retype->text().trimmed().compare(last, Qt::CaseInsensitive) == 0;
}

bool RecoveryKeyPage::validatePage()
{
    if (!isComplete())
        return false;
    // Shown once: gone from the screen and from memory once confirmed.
    m_key->clear();
    m_retype->clear();
    m_setup.forgetRecoveryKey();
    return true;
}

void RecoveryKeyPage::retranslate()
{
    setTitle(tr("Recovery key"));
    setSubTitle(tr("Write this key down and keep it locked away. It is shown only now."));
    m_explain->setText(tr("If every administrator password is lost, this key is the only way back into the "
                          "station's data. FaceEnroll does not keep a copy."));
    m_saved->setText(tr("I have &saved the recovery key"));
    m_retypeLabel->setText(tr("&Type its last group again:"));
    m_retype->setAccessibleName(tr("The last group of the recovery key"));
    m_key->setAccessibleName(tr("Recovery key"));
}

void RecoveryKeyPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace fe::ui
