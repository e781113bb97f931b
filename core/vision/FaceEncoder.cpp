#include "vision/FaceEncoder.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "vision/FaceAligner.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace fe::vision {
namespace {

constexpr int kInputSize = 112;
constexpr const char* kModelId = "faceplugin-fr_feature-0.0.1";
// The npm package faceplugin-face-recognition-js the model comes from (scripts/fetch-assets).
constexpr const char* kModelVersion = "0.0.1";
constexpr int kDimension = 512;

class OnnxFaceEncoder final : public FaceEncoder
{
public:
    explicit OnnxFaceEncoder(cv::dnn::Net net) : m_net(std::move(net)) {}

    FaceTemplate encode(const cv::Mat& bgr, const Landmarks& lm) override
    {
        return encodeAligned(alignForEmbedding(bgr, lm));
    }

    FaceTemplate encodeAligned(const cv::Mat& aligned) override
    {
        if (aligned.size() != cv::Size(kInputSize, kInputSize) || aligned.type() != CV_8UC3)
            throw Error(ErrorCode::InvalidArgument,
                        QT_TRANSLATE_NOOP("fe::Error", "The embedding model needs a 112x112 BGR crop; call alignForEmbedding() first."));
        // RGB, (v - 127) / 128, as the model package prepares its input.
        // The network's input is kept between calls (no allocation per template).
        cv::dnn::blobFromImage(aligned, m_blob, 1.0 / 128.0, cv::Size(), cv::Scalar(127, 127, 127),
                               /*swapRB=*/true, /*crop=*/false, CV_32F);
        m_net.setInput(m_blob);
        const cv::Mat out = m_net.forward();
        FaceTemplate t;
        t.modelId = kModelId;
        t.modelVersion = kModelVersion;
        t.values.assign(out.ptr<float>(), out.ptr<float>() + out.total());
        double norm = 0.0;
        for (float v : t.values)
            norm += static_cast<double>(v) * v;
        norm = std::sqrt(norm);
        if (!(norm > 1e-12))
            throw Error(ErrorCode::Internal, QT_TRANSLATE_NOOP("fe::Error", "The embedding model returned an empty vector."));
        for (float& v : t.values)
            v = static_cast<float>(v / norm);
        return t;
    }

    std::string modelId() const override { return kModelId; }
    std::string modelVersion() const override { return kModelVersion; }
    int dimension() const override { return kDimension; }

private:
    cv::dnn::Net m_net;
    cv::Mat m_blob;
};

} // namespace

float cosineSimilarity(const FaceTemplate& a, const FaceTemplate& b)
{
    if (a.modelId != b.modelId || a.values.size() != b.values.size() || a.values.empty())
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "Templates of different models or sizes cannot be compared (%1 vs %2)."),
                    {a.modelId, b.modelId});
    double dot = 0.0;
    for (std::size_t i = 0; i < a.values.size(); ++i)
        dot += static_cast<double>(a.values[i]) * b.values[i];
    return static_cast<float>(dot);
}

std::unique_ptr<FaceEncoder> FaceEncoder::loadOnnx(const std::filesystem::path& path)
{
    cv::dnn::Net net;
    try {
        net = cv::dnn::readNetFromONNX(path.string());
    } catch (const cv::Exception&) {
        throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "Cannot load the embedding model %1."), {path.string()});
    }
    if (net.empty())
        throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "Cannot load the embedding model %1."), {path.string()});
    net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    qCDebug(lcVision) << "embedding model loaded:" << path.c_str();
    return std::make_unique<OnnxFaceEncoder>(std::move(net));
}

} // namespace fe::vision
