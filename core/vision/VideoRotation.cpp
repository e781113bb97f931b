#include "vision/VideoRotation.h"

#include "common/Logging.h"

#include <cmath>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/display.h>
}

namespace fe::vision {

int videoDisplayRotation(const std::filesystem::path& path)
{
    AVFormatContext* context = nullptr;
    if (avformat_open_input(&context, path.c_str(), nullptr, nullptr) < 0)
        return 0;
    int clockwise = 0;
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        const AVStream* stream = context->streams[i];
        if (stream->codecpar->codec_type != AVMEDIA_TYPE_VIDEO)
            continue;
        // The first video stream, as OpenCV's FFmpeg backend decodes.
        const auto* matrix = reinterpret_cast<const int32_t*>(
            av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
        if (matrix != nullptr) {
            const double ccw = av_display_rotation_get(matrix);
            if (!std::isnan(ccw)) {
                const long quarter = std::lround(-ccw / 90.0);
                if (std::abs(-ccw - 90.0 * static_cast<double>(quarter)) < 1.0)
                    clockwise = static_cast<int>(((quarter % 4) + 4) % 4) * 90;
            }
        }
        break;
    }
    avformat_close_input(&context);
    qCDebug(lcVision) << "display rotation of" << path.string().c_str() << clockwise << "degrees clockwise";
    return clockwise;
}

} // namespace fe::vision
