#include "vision/FaceDetector.h"

#include "common/Error.h"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>

#include <opencv2/core.hpp>

#include <sstream>
#include <string>

namespace fe::vision {
namespace detail {
extern const unsigned char kHogDetector[];
extern const std::size_t kHogDetectorSize;
} // namespace detail
namespace {

// dlib::get_frontal_face_detector() decompresses its embedded model, about 0.85 G instructions
// (~0.3 s) each time. The build decodes it once (HogModelGenerator.cpp); reading that copy
// costs ~30 M, once per process, and every detector copies the result.
const dlib::frontal_face_detector& prototype()
{
    static const dlib::frontal_face_detector detector = [] {
        std::istringstream in(std::string(reinterpret_cast<const char*>(detail::kHogDetector), detail::kHogDetectorSize));
        dlib::frontal_face_detector d;
        dlib::deserialize(d, in);
        return d;
    }();
    return detector;
}

class HogFaceDetector final : public FaceDetector
{
public:
    HogFaceDetector() : m_detector(prototype()) {}

    std::vector<Detection> detect(const cv::Mat& grey, int upsample) override
    {
        if (grey.empty() || grey.type() != CV_8UC1)
            throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "Face detection needs an 8-bit grey image."));
        std::vector<dlib::rect_detection> found;
        if (upsample <= 0) {
            dlib::cv_image<unsigned char> image(grey);
            m_detector(image, found, 0.0);
            return convert(found, 1.0);
        }
        dlib::array2d<unsigned char> up;
        dlib::assign_image(up, dlib::cv_image<unsigned char>(grey));
        double scale = 1.0;
        for (int i = 0; i < upsample; ++i) {
            dlib::pyramid_up(up);
            scale *= 2.0;
        }
        m_detector(up, found, 0.0);
        return convert(found, scale);
    }

private:
    static std::vector<Detection> convert(const std::vector<dlib::rect_detection>& found, double scale)
    {
        std::vector<Detection> out;
        out.reserve(found.size());
        for (const auto& d : found) {
            const auto& r = d.rect;
            out.push_back({cv::Rect2f(static_cast<float>(r.left() / scale), static_cast<float>(r.top() / scale),
                                      static_cast<float>((r.width()) / scale),
                                      static_cast<float>((r.height()) / scale)),
                           d.detection_confidence});
        }
        return out;
    }

    dlib::frontal_face_detector m_detector;
};

} // namespace

void FaceDetector::preloadHog()
{
    (void)prototype();
}

std::unique_ptr<FaceDetector> FaceDetector::createHog()
{
    return std::make_unique<HogFaceDetector>();
}

} // namespace fe::vision
