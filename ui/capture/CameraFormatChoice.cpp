#include "capture/CameraFormatChoice.h"

#include "capture/FrameConverter.h"

#include <cmath>
#include <cstdlib>
#include <tuple>

namespace fe::ui {
namespace {

// Issue 13: "prefer 640x480-1280x720 at >= 25 fps".
constexpr int kMinPixels = 640 * 480;
constexpr int kMaxPixels = 1280 * 720;
constexpr float kMinFps = 25.f;

bool preferred(const FormatInfo& f)
{
    const int pixels = f.resolution.width() * f.resolution.height();
    return pixels >= kMinPixels && pixels <= kMaxPixels && f.resolution.width() <= 1280 &&
           f.resolution.height() <= 720 && f.maxFps >= kMinFps - 0.01f;
}

} // namespace

int chooseCameraFormat(const std::vector<FormatInfo>& formats)
{
    int best = -1;
    // Higher tuples win.
    std::tuple<int, int, int, int, float> bestKey{};
    for (int i = 0; i < static_cast<int>(formats.size()); ++i) {
        const FormatInfo& f = formats[static_cast<std::size_t>(i)];
        const bool convertible = FrameConverter::supports(f.pixelFormat);
        const bool raw = convertible && f.pixelFormat != QVideoFrameFormat::Format_Jpeg;
        const int pixels = f.resolution.width() * f.resolution.height();
        const bool inRange = preferred(f);
        // In range: bigger is better. Out of range: closer to 640x480 is better.
        const int sizeScore = inRange ? pixels : -std::abs(pixels - kMinPixels);
        const auto key = std::make_tuple(int(convertible), int(inRange), sizeScore, int(raw), f.maxFps);
        if (best < 0 || key > bestKey) {
            best = i;
            bestKey = key;
        }
    }
    return best;
}

} // namespace fe::ui
