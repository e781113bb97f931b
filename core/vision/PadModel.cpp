#include "vision/PadModel.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "vision/FaceGeometry.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fe::vision {
namespace {

constexpr int kInputSize = 128;
constexpr double kContextScale = 2.7;
// The package feeds boxes from its own detector, which reach from the forehead to the chin;
// the landmarks stop at the brows, so the box is extended upwards by this share of its height.
constexpr float kForeheadShare = 0.25f;

class OnnxPadModel final : public PadModel
{
public:
    explicit OnnxPadModel(cv::dnn::Net net) : m_net(std::move(net)) {}

    double liveProbability(const cv::Mat& bgr, const Landmarks& lm) override
    {
        if (bgr.empty() || bgr.type() != CV_8UC3)
            throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "Presentation-attack detection needs a BGR frame."));
        cv::Rect2f box = landmarkBounds(lm);
        box.y -= box.height * kForeheadShare;
        box.height *= 1.f + kForeheadShare;
        // The crop is a view of the frame; the resized crop and the network's input are kept
        // between calls, so a sample allocates nothing of its own once the first is done.
        cv::resize(contextCrop(bgr, box), m_resized, cv::Size(kInputSize, kInputSize));
        cv::dnn::blobFromImage(m_resized, m_blob, 1.0, cv::Size(), cv::Scalar(), /*swapRB=*/true, false, CV_32F);
        m_net.setInput(m_blob);
        const cv::Mat out = m_net.forward();
        const float* logits = out.ptr<float>();
        const std::size_t n = out.total();
        if (n < 2)
            throw Error(ErrorCode::Internal, QT_TRANSLATE_NOOP("fe::Error", "The presentation-attack model returned no classes."));
        const float top = *std::max_element(logits, logits + n);
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i)
            sum += std::exp(static_cast<double>(logits[i] - top));
        return std::exp(static_cast<double>(logits[0] - top)) / sum;
    }

private:
    // The package's crop: the box scaled by up to 2.7 about its centre, shifted back inside
    // the frame where it overhangs.
    static cv::Mat contextCrop(const cv::Mat& image, const cv::Rect2f& box)
    {
        const double srcW = image.cols, srcH = image.rows;
        const double bw = std::max(1.f, box.width), bh = std::max(1.f, box.height);
        const double scale = std::min({(srcH - 1) / bh, (srcW - 1) / bw, kContextScale});
        const double w = bw * scale, h = bh * scale;
        const double cx = box.x + bw / 2, cy = box.y + bh / 2;
        double x0 = cx - w / 2, y0 = cy - h / 2, x1 = cx + w / 2, y1 = cy + h / 2;
        if (x0 < 0) { x1 -= x0; x0 = 0; }
        if (y0 < 0) { y1 -= y0; y0 = 0; }
        if (x1 > srcW - 1) { x0 -= x1 - srcW + 1; x1 = srcW - 1; }
        if (y1 > srcH - 1) { y0 -= y1 - srcH + 1; y1 = srcH - 1; }
        cv::Rect r(static_cast<int>(std::max(0.0, x0)), static_cast<int>(std::max(0.0, y0)),
                   static_cast<int>(x1 - x0), static_cast<int>(y1 - y0));
        r &= cv::Rect(0, 0, image.cols, image.rows);
        if (r.width < 2 || r.height < 2)
            return image;
        return image(r);
    }

    cv::dnn::Net m_net;
    cv::Mat m_resized;
    cv::Mat m_blob;
};

} // namespace

std::unique_ptr<PadModel> PadModel::loadOnnx(const std::filesystem::path& path)
{
    cv::dnn::Net net;
    try {
        net = cv::dnn::readNetFromONNX(path.string());
    } catch (const cv::Exception&) {
        throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "Cannot load the presentation-attack model %1."),
                    {path.string()});
    }
    if (net.empty())
        throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "Cannot load the presentation-attack model %1."),
                    {path.string()});
    net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    qCDebug(lcVision) << "presentation-attack model loaded:" << path.c_str();
    return std::make_unique<OnnxPadModel>(std::move(net));
}

} // namespace fe::vision
