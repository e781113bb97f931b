#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace fe::ui {

// The workstation's language, switchable at run time: installs the application's catalogue
// (built into the binary under :/i18n) and Qt's own (for standard dialogs), and remembers
// the choice in QSettings ("ui/language"). Installing a translator sends
// QEvent::LanguageChange to every widget, which retranslates itself. GUI thread only.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    // "en" or "zh_CN".
    [[nodiscard]] static QStringList languages();
    // The language's own name ("English", "简体中文"): not translated, so that anyone finds it.
    [[nodiscard]] static QString nativeName(const QString& language);
    // The remembered language, else the system's when it is one of ours, else English.
    [[nodiscard]] static QString initialLanguage();

    [[nodiscard]] QString language() const { return m_language; }
    // BCP 47 form for records ("en", "zh-CN").
    [[nodiscard]] QString bcp47() const;

    void setLanguage(const QString& language);

    // The process-wide instance the screens share (created by the application or a test).
    static LanguageManager* instance();

Q_SIGNALS:
    void languageChanged(const QString& language);

private:
    QString m_language;
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    static LanguageManager* s_instance;
};

} // namespace fe::ui
