#include "enroll/ConsentPage.h"

#include "common/LanguageManager.h"
#include "enroll/EnrollmentState.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace fe::ui {

ConsentPage::ConsentPage(EnrollmentState& state, QWidget* parent)
    : QWizardPage(parent), m_state(state), m_text(new QTextBrowser(this)), m_version(new QLabel(this)),
      m_agreed(new QCheckBox(this)), m_refuse(new QPushButton(this))
{
    setObjectName(QStringLiteral("consentPage"));
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_text->setOpenLinks(false);
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_version->setObjectName(QStringLiteral("noticeVersion"));
    m_agreed->setObjectName(QStringLiteral("consentCheck"));
    m_refuse->setObjectName(QStringLiteral("refuseButton"));
    m_refuse->setAutoDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_version);
    layout->addWidget(m_agreed);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_refuse);
    layout->addLayout(row);

    connect(m_agreed, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(m_refuse, &QPushButton::clicked, this, [this] {
        m_agreed->setChecked(false);
        Q_EMIT refused();
    });
    setTabOrder(m_text, m_agreed);
    setTabOrder(m_agreed, m_refuse);
    retranslate();
}

void ConsentPage::loadNotice()
{
    const LanguageManager* lm = LanguageManager::instance();
    m_notice = ConsentNotice::current(lm != nullptr ? lm->language() : QStringLiteral("en"));
    m_text->setHtml(m_notice.html);
    m_version->setText(tr("Privacy notice, version %1").arg(m_notice.version));
}

void ConsentPage::initializePage()
{
    m_agreed->setChecked(false);
    loadNotice();
    m_agreed->setFocus();
}

bool ConsentPage::isComplete() const
{
    return m_agreed->isChecked() && m_notice.isValid();
}

bool ConsentPage::validatePage()
{
    if (!isComplete())
        return false;
    m_state.consentGiven = true;
    m_state.noticeVersion = m_notice.version;
    m_state.noticeLanguage = m_notice.language == QLatin1String("zh_CN") ? QStringLiteral("zh-CN") : m_notice.language;
    return true;
}

void ConsentPage::retranslate()
{
    setTitle(tr("Consent"));
    setSubTitle(tr("Show the customer this notice, or read it to them. Go on only when they agree."));
    m_agreed->setText(tr("The customer has read the notice and &agrees"));
    m_agreed->setAccessibleName(tr("The customer agrees to the privacy notice"));
    m_refuse->setText(tr("Customer &refuses"));
    m_refuse->setAccessibleName(tr("The customer refuses: end the enrollment, nothing is stored"));
    m_text->setAccessibleName(tr("Privacy notice"));
    loadNotice();
}

void ConsentPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace fe::ui
