#include "app/AppOptions.h"

#include "common/AssetResolver.h"
#include "common/Error.h"

#include <QDir>
#include <QStandardPaths>

namespace fe::ui {

QString AppOptions::databasePath() const
{
    return QDir(dataDir.isEmpty() ? defaultDataDir() : dataDir).filePath(QStringLiteral("station.db"));
}

QString AppOptions::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AppOptions::defaultDemoVideo()
{
    try {
        return QString::fromStdString(AssetResolver().path(Asset::DemoVideo).string());
    } catch (const fe::Error&) {
        return QString::fromStdString((AssetResolver::defaultAssetsDir() / AssetResolver::fileName(Asset::DemoVideo)).string());
    }
}

} // namespace fe::ui
