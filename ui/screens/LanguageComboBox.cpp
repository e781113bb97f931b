#include "screens/LanguageComboBox.h"

#include "common/LanguageManager.h"

#include <QEvent>

namespace fe::ui {

LanguageComboBox::LanguageComboBox(QWidget* parent) : QComboBox(parent)
{
    setObjectName(QStringLiteral("languageCombo"));
    for (const QString& lang : LanguageManager::languages())
        addItem(LanguageManager::nativeName(lang), lang);
    connect(this, &QComboBox::activated, this, [this](int index) {
        if (LanguageManager* lm = LanguageManager::instance())
            lm->setLanguage(itemData(index).toString());
    });
    sync();
}

void LanguageComboBox::sync()
{
    const LanguageManager* lm = LanguageManager::instance();
    const int i = findData(lm != nullptr ? lm->language() : QStringLiteral("en"));
    const QSignalBlocker block(this);
    setCurrentIndex(std::max(0, i));
    setAccessibleName(tr("Language"));
}

void LanguageComboBox::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        sync();
    QComboBox::changeEvent(event);
}

} // namespace fe::ui
