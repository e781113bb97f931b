#pragma once

#include "store/StoreOptions.h"

#include <QString>

#include <chrono>
#include <optional>

namespace fe::ui {

// How the workstation was started (app/gui/main.cpp's options, or a test's).
struct AppOptions
{
    // Where the station's database lives (station.db in it).
    QString dataDir;
    // The demo camera's file (a video, or an image shown as a still camera).
    QString demoFile;
    // --demo-camera: use the demo camera whatever cameras exist or were chosen.
    bool forceDemoCamera = false;
    // Tests: cheap Argon2id, a movable clock.
    store::StoreOptions storeOptions;
    // Tests: an idle lock sooner than the store's setting (minutes).
    std::optional<std::chrono::milliseconds> idleTimeoutOverride;

    [[nodiscard]] QString databasePath() const;
    // The default data directory (QStandardPaths' application data location).
    static QString defaultDataDir();
    // The bundled demo video (franck.mp4 from the assets), or an empty string.
    static QString defaultDemoVideo();
};

} // namespace fe::ui
