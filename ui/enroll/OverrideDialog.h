#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace fe::ui {

// Asks the operator why they keep a portrait below the quality standard after the failed
// attempts; the reason is stored with the enrollment's low_quality_override flag, and a
// supervisor reviews it.
class OverrideDialog : public QDialog
{
    Q_OBJECT

public:
    // The shortest reason accepted: a word or two is not an explanation.
    static constexpr int kMinReasonLength = 10;

    explicit OverrideDialog(int failedAttempts, QWidget* parent = nullptr);

    [[nodiscard]] QString reason() const;

private:
    void updateOk();

    QLabel* m_text;
    QPlainTextEdit* m_reason;
    QDialogButtonBox* m_buttons;
};

} // namespace fe::ui
