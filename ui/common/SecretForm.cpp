#include "common/SecretForm.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QWidget>

namespace fe::ui {

SecretForm::SecretForm(QWidget* form, const QList<QLineEdit*>& fields) : QObject(form)
{
    for (QLineEdit* f : fields)
        m_fields << f;
    form->installEventFilter(this);
}

void SecretForm::clearOnHide(QWidget* form, const QList<QLineEdit*>& fields)
{
    new SecretForm(form, fields);
}

bool SecretForm::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Hide && watched == parent()) {
        for (const QPointer<QLineEdit>& f : m_fields) {
            if (f)
                f->clear();
        }
    }
    return QObject::eventFilter(watched, event);
}

void SecretForm::showError(QLabel* label, QLineEdit* field, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    label->setAccessibleName(text);
    field->selectAll();
    field->setFocus();
}

} // namespace fe::ui
