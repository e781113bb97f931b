#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace fe::ui {

// Where the pictures come from: a camera (by its device id), the demo video (a file played in
// a loop), or a still image shown as if held up to the camera. The last two are the demo
// camera: the same sink, worker and view as a webcam.
struct CameraChoice
{
    enum class Kind { Device, DemoVideo, StillImage };
    Kind kind = Kind::DemoVideo;
    QByteArray deviceId;
    QString file;

    [[nodiscard]] bool isDemo() const { return kind != Kind::Device; }
    friend bool operator==(const CameraChoice&, const CameraChoice&) = default;

    // What QSettings keeps ("device:<id>", "demo:<file>", "still:<file>").
    [[nodiscard]] QString toSetting() const;
    static CameraChoice fromSetting(const QString& text);
    // A still image when the file is an image, else a video.
    static CameraChoice demoFile(const QString& file);
};

} // namespace fe::ui

Q_DECLARE_METATYPE(fe::ui::CameraChoice)
