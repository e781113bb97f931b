#include "enroll/IdPhotoReader.h"

#include "common/Error.h"
#include "enroll/ErrorBoundary.h"
#include "vision/FrameAnalyzer.h"
#include "vision/FrameSource.h"
#include "vision/VisionModels.h"

#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace fe::enroll {
namespace {

// ID-document photos are kept at most this large (long side, px): enough for a reviewer to
// read the document's photo, a few hundred KiB of JPEG.
constexpr int kIdPhotoMaxSide = 1024;
constexpr int kIdPhotoJpegQuality = 92;

} // namespace

struct IdPhotoReader::Impl
{
    explicit Impl(const vision::VisionModels& m) : models(m), encoder(m.makeEncoder()) {}
    const vision::VisionModels& models;
    std::unique_ptr<vision::FaceEncoder> encoder;
};

IdPhotoReader::IdPhotoReader(const vision::VisionModels& models)
    : m_d(detail::guarded("IdPhotoReader", [&] { return std::make_unique<Impl>(models); }))
{}

IdPhotoReader::~IdPhotoReader() = default;

IdPhotoCheck IdPhotoReader::analyze(const cv::Mat& input)
{
    return detail::guarded("IdPhotoReader::analyze", [&] {
        if (input.empty() || input.depth() != CV_8U || input.cols < vision::kMinImageSide ||
            input.rows < vision::kMinImageSide)
            throw Error(ErrorCode::InvalidInput,
                        QT_TRANSLATE_NOOP("fe::Error",
                                          "The ID-document photo is empty or too small (at least %1x%1 px of "
                                          "8-bit colour are needed); capture it again."),
                        {std::to_string(vision::kMinImageSide)});
        cv::Mat bgr = input;
        if (input.channels() == 1)
            cv::cvtColor(input, bgr, cv::COLOR_GRAY2BGR);
        else if (input.channels() == 4)
            cv::cvtColor(input, bgr, cv::COLOR_BGRA2BGR);

        IdPhotoCheck check;
        vision::AnalyzerOptions options;
        options.profile = vision::QualityProfile::byName("document");
        vision::FrameAnalyzer analyzer(m_d->models.landmarks, options);
        const vision::FrameAnalysis a = analyzer.analyze(bgr, 0.0);
        check.faceCount = static_cast<int>(a.faces.size());
        check.guidance = a.guidance;
        if (a.faces.empty())
            return check;
        // The analyzer puts the largest face first; the rules refuse more than one anyway.
        const vision::FaceObservation& face = a.faces.front();
        check.quality = face.quality;
        check.faceBox = face.box;
        check.faceTemplate = m_d->encoder->encode(bgr, face.landmarks);
        cv::Mat kept = bgr;
        const int side = std::max(bgr.cols, bgr.rows);
        if (side > kIdPhotoMaxSide) {
            const double s = static_cast<double>(kIdPhotoMaxSide) / side;
            cv::resize(bgr, kept, cv::Size(), s, s, cv::INTER_AREA);
        }
        if (!cv::imencode(".jpg", kept, check.jpeg, {cv::IMWRITE_JPEG_QUALITY, kIdPhotoJpegQuality}) ||
            check.jpeg.empty())
            throw Error(
                ErrorCode::Internal,
                QT_TRANSLATE_NOOP("fe::Error",
                                  "The ID-document photo could not be encoded as JPEG; capture it again."));
        return check;
    });
}

const vision::FaceEncoder& IdPhotoReader::encoder() const
{
    return *m_d->encoder;
}

IdPhotoCheck IdPhotoReader::analyzeFile(const std::filesystem::path& path)
{
    return analyze(detail::guarded("IdPhotoReader::analyzeFile", [&] { return vision::readImage(path); }));
}

} // namespace fe::enroll
