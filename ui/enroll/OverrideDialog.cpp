#include "enroll/OverrideDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fe::ui {

OverrideDialog::OverrideDialog(int failedAttempts, QWidget* parent)
    : QDialog(parent), m_text(new QLabel(this)), m_reason(new QPlainTextEdit(this)),
      m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Continue with a portrait below the standard"));
    m_text->setWordWrap(true);
    m_text->setText(tr("%n attempt(s) failed to take a portrait that meets the quality standard. You may keep the "
                       "best picture taken, but the enrollment will be flagged and a supervisor will review it. "
                       "Say why (for example: the customer cannot hold their head still).",
                       nullptr, failedAttempts));
    auto* label = new QLabel(tr("&Reason:"), this);
    label->setBuddy(m_reason);
    m_reason->setObjectName(QStringLiteral("overrideReason"));
    m_reason->setAccessibleName(tr("Reason for the override"));
    m_reason->setTabChangesFocus(true);
    auto* ok = m_buttons->addButton(tr("Continue with &override"), QDialogButtonBox::AcceptRole);
    m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    ok->setObjectName(QStringLiteral("overrideOk"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(label);
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &OverrideDialog::updateOk);
    updateOk();
}

QString OverrideDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void OverrideDialog::updateOk()
{
    for (QAbstractButton* b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(reason().size() >= kMinReasonLength);
}

} // namespace fe::ui
