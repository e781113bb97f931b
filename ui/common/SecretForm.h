#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QLabel;
class QLineEdit;
class QWidget;

namespace fe::ui {

// What the forms with a secret field share (login and unlock, choose your password): an error
// shown in place next to the secret, and every secret field emptied whenever the form hides,
// so nothing secret stays in a hidden form. GUI thread only.
class SecretForm : public QObject
{
    Q_OBJECT

public:
    // Empties `fields` each time `form` hides (an event filter owned by the form).
    static void clearOnHide(QWidget* form, const QList<QLineEdit*>& fields);
    // Shows `text` in `label` (hidden when empty), gives it to screen readers as the label's
    // name, and selects and focuses `field` so that the user types the secret again.
    static void showError(QLabel* label, QLineEdit* field, const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    SecretForm(QWidget* form, const QList<QLineEdit*>& fields);

    QList<QPointer<QLineEdit>> m_fields;
};

} // namespace fe::ui
