#include "common/LanguageManager.h"

#include "common/UiLogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace fe::ui {

LanguageManager* LanguageManager::s_instance = nullptr;

namespace {
const QString kSettingsKey = QStringLiteral("ui/language");
}

LanguageManager::LanguageManager(QObject* parent) : QObject(parent)
{
    if (s_instance == nullptr)
        s_instance = this;
}

LanguageManager::~LanguageManager()
{
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    if (s_instance == this)
        s_instance = nullptr;
}

LanguageManager* LanguageManager::instance()
{
    return s_instance;
}

QStringList LanguageManager::languages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageManager::nativeName(const QString& language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString LanguageManager::initialLanguage()
{
    const QString stored = QSettings().value(kSettingsKey).toString();
    if (languages().contains(stored))
        return stored;
    return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString LanguageManager::bcp47() const
{
    return m_language == QLatin1String("zh_CN") ? QStringLiteral("zh-CN") : QStringLiteral("en");
}

void LanguageManager::setLanguage(const QString& language)
{
    const QString lang = languages().contains(language) ? language : QStringLiteral("en");
    if (lang == m_language)
        return;
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app.reset();
    m_qt.reset();
    m_language = lang;
    QLocale::setDefault(QLocale(lang));
    // English too: its catalogue holds the plural forms ("1 second", "2 seconds").
    auto app = std::make_unique<QTranslator>();
    if (app->load(QStringLiteral(":/i18n/faceenroll_%1.qm").arg(lang))) {
        m_app = std::move(app);
        QCoreApplication::installTranslator(m_app.get());
    } else {
        qCWarning(lcUi) << "no catalogue for" << lang;
    }
    if (lang != QLatin1String("en")) {
        // Qt's own texts (file dialog, context menus), when Debian's qt6-translations-l10n is there.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_%1").arg(lang), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            m_qt = std::move(qt);
            QCoreApplication::installTranslator(m_qt.get());
        }
    }
    QSettings().setValue(kSettingsKey, lang);
    Q_EMIT languageChanged(lang);
}

} // namespace fe::ui
