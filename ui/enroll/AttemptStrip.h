#pragma once

#include "enroll/EnrollmentState.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace fe::ui {

// One entry per live-capture attempt: a short label (a check, a cross or an exclamation mark,
// the attempt's number, passed or failed and a short reason — not by colour alone), with the
// full sentence as the entry's tooltip and accessible description. GUI thread only.
class AttemptStrip : public QWidget
{
    Q_OBJECT

public:
    explicit AttemptStrip(QWidget* parent = nullptr);

    void setAttempts(const std::vector<EnrollmentState::Attempt>& attempts);
    // The labels shown, and the full sentences behind them (tooltips), in order.
    [[nodiscard]] QStringList texts() const;
    [[nodiscard]] QStringList descriptions() const;

    // The short label of one attempt ("✗ 2 failed: too dark").
    static QString label(const EnrollmentState::Attempt& attempt);
    // The few words of why an attempt failed or was flagged ("too dark"); empty when it passed.
    static QString shortReason(const EnrollmentState::Attempt& attempt);
    // The full sentence for one attempt (tooltip, screen readers).
    static QString describe(const EnrollmentState::Attempt& attempt);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    std::vector<EnrollmentState::Attempt> m_attempts;
    QHBoxLayout* m_layout;
    QLabel* m_title;
    std::vector<QLabel*> m_items;
};

} // namespace fe::ui
