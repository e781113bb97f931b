#include "capture/CameraChoice.h"

#include <QFileInfo>
#include <QStringList>

namespace fe::ui {

QString CameraChoice::toSetting() const
{
    switch (kind) {
    case Kind::Device: return QStringLiteral("device:") + QString::fromLatin1(deviceId.toBase64());
    case Kind::DemoVideo: return QStringLiteral("demo:") + file;
    case Kind::StillImage: return QStringLiteral("still:") + file;
    }
    return {};
}

CameraChoice CameraChoice::fromSetting(const QString& text)
{
    CameraChoice c;
    if (text.startsWith(QLatin1String("device:"))) {
        c.kind = Kind::Device;
        c.deviceId = QByteArray::fromBase64(text.mid(7).toLatin1());
    } else if (text.startsWith(QLatin1String("still:"))) {
        c.kind = Kind::StillImage;
        c.file = text.mid(6);
    } else {
        c.kind = Kind::DemoVideo;
        c.file = text.startsWith(QLatin1String("demo:")) ? text.mid(5) : QString();
    }
    return c;
}

CameraChoice CameraChoice::demoFile(const QString& file)
{
    static const QStringList images = {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                       QStringLiteral("bmp"), QStringLiteral("webp"), QStringLiteral("tif"),
                                       QStringLiteral("tiff")};
    CameraChoice c;
    c.kind = images.contains(QFileInfo(file).suffix().toLower()) ? Kind::StillImage : Kind::DemoVideo;
    c.file = file;
    return c;
}

} // namespace fe::ui
