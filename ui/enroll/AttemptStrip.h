#pragma once

#include "enroll/EnrollmentState.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace fe::ui {

// One entry per live-capture attempt, passed or failed with its reason, in words and with a
// check or a cross (not by colour alone). GUI thread only.
class AttemptStrip : public QWidget
{
    Q_OBJECT

public:
    explicit AttemptStrip(QWidget* parent = nullptr);

    void setAttempts(const std::vector<EnrollmentState::Attempt>& attempts);
    [[nodiscard]] QStringList texts() const;

    // The words for one attempt (also what the tests read).
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
