#include "enroll/AttemptStrip.h"

#include "common/UiText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace fe::ui {

AttemptStrip::AttemptStrip(QWidget* parent) : QWidget(parent), m_layout(new QHBoxLayout(this)), m_title(new QLabel(this))
{
    setObjectName(QStringLiteral("attemptStrip"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_title);
    m_layout->addStretch(1);
    rebuild();
}

QString AttemptStrip::describe(const EnrollmentState::Attempt& a)
{
    const enroll::LiveResult& r = a.outcome->result;
    QString reason;
    switch (a.kind) {
    case AttemptOutcome::Kind::Passed: return tr("✓ Attempt %1 passed: live person, portrait taken").arg(a.id);
    case AttemptOutcome::Kind::LivenessFlag:
        reason = r.liveness.reasons.empty() ? UiText::verdict(r.liveness.verdict)
                                            : UiText::livenessReason(r.liveness.reasons.front());
        return tr("! Attempt %1: portrait taken, liveness not confirmed (%2)").arg(a.id).arg(reason);
    case AttemptOutcome::Kind::NoPortrait:
        return tr("✗ Attempt %1 failed: no good portrait (%2)").arg(a.id).arg(UiText::guidance(r.blockingGuidance));
    }
    return {};
}

QString AttemptStrip::shortReason(const EnrollmentState::Attempt& a)
{
    const enroll::LiveResult& r = a.outcome->result;
    switch (a.kind) {
    case AttemptOutcome::Kind::Passed: return {};
    case AttemptOutcome::Kind::LivenessFlag:
        return r.liveness.reasons.empty() ? UiText::shortVerdict(r.liveness.verdict)
                                          : UiText::shortLivenessReason(r.liveness.reasons.front());
    case AttemptOutcome::Kind::NoPortrait: return UiText::shortGuidance(r.blockingGuidance);
    }
    return {};
}

QString AttemptStrip::label(const EnrollmentState::Attempt& a)
{
    switch (a.kind) {
    case AttemptOutcome::Kind::Passed: return tr("✓ %1 passed").arg(a.id);
    case AttemptOutcome::Kind::LivenessFlag: return tr("! %1 not confirmed: %2").arg(a.id).arg(shortReason(a));
    case AttemptOutcome::Kind::NoPortrait: return tr("✗ %1 failed: %2").arg(a.id).arg(shortReason(a));
    }
    return {};
}

void AttemptStrip::setAttempts(const std::vector<EnrollmentState::Attempt>& attempts)
{
    m_attempts = attempts;
    rebuild();
}

QStringList AttemptStrip::texts() const
{
    QStringList out;
    for (const QLabel* l : m_items)
        out << l->text();
    return out;
}

QStringList AttemptStrip::descriptions() const
{
    QStringList out;
    for (const QLabel* l : m_items)
        out << l->toolTip();
    return out;
}

void AttemptStrip::rebuild()
{
    for (QLabel* l : m_items)
        delete l;
    m_items.clear();
    m_title->setText(m_attempts.empty() ? QString() : tr("Attempts:"));
    for (const auto& a : m_attempts) {
        auto* label = new QLabel(AttemptStrip::label(a), this);
        const QString sentence = describe(a);
        label->setToolTip(sentence);
        label->setAccessibleName(AttemptStrip::label(a));
        label->setAccessibleDescription(sentence);
        const char* colour = a.kind == AttemptOutcome::Kind::Passed       ? "#1e7e34"
                             : a.kind == AttemptOutcome::Kind::LivenessFlag ? "#8a5a00"
                                                                            : "#b3261e";
        label->setStyleSheet(QStringLiteral("QLabel { border: 2px %1 %2; border-radius: 4px; padding: 3px 6px; }")
                                 .arg(a.kind == AttemptOutcome::Kind::NoPortrait ? QStringLiteral("dashed")
                                                                                 : QStringLiteral("solid"),
                                      QLatin1String(colour)));
        m_layout->insertWidget(m_layout->count() - 1, label);
        m_items.push_back(label);
    }
    setVisible(!m_attempts.empty());
}

void AttemptStrip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace fe::ui
