#pragma once

#include "common/Error.h"
#include "common/TestData.h"
#include "vision/FrameAnalyzer.h"
#include "vision/FrameSource.h"
#include "vision/VisionModels.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <vector>

namespace fe::test {

// Models are loaded once per test executable (the landmark model takes ~1 s).
inline const vision::VisionModels& visionModels()
{
    static const vision::VisionModels models = vision::VisionModels::load(fe::AssetResolver());
    return models;
}

inline vision::AnalyzerOptions lowres()
{
    vision::AnalyzerOptions o;
    o.profile = vision::QualityProfile::byName("lowres");
    return o;
}

// Frames of a demo video by index (decoded once, in order).
inline std::map<std::int64_t, cv::Mat> videoFrames(fe::Asset video, const std::vector<std::int64_t>& wanted)
{
    std::map<std::int64_t, cv::Mat> out;
    if (wanted.empty())
        return out;
    vision::SourceOptions options;
    options.maxFrames = *std::max_element(wanted.begin(), wanted.end()) + 1;
    auto source = vision::FrameSource::open(asset(video), options);
    vision::Frame frame;
    while (source->next(frame)) {
        if (std::find(wanted.begin(), wanted.end(), frame.index) != wanted.end())
            out[frame.index] = frame.bgr.clone();
    }
    return out;
}

// The primary face of a single image, analysed as a still (fresh analyzer, thorough search).
inline std::optional<vision::FaceObservation> analyseStill(const cv::Mat& bgr,
                                                           vision::AnalyzerOptions options = lowres())
{
    vision::FrameAnalyzer analyzer(visionModels().landmarks, std::move(options));
    auto analysis = analyzer.analyze(bgr, 0.0);
    if (analysis.faces.empty())
        return std::nullopt;
    return analysis.faces.front();
}

// One line of the CLI's output as a JSON object; throws (failing the test) for anything else.
inline QJsonObject jsonObject(const QByteArray& line)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw std::runtime_error("not a JSON object: " + line.left(200).toStdString());
    return doc.object();
}

// The object under "summary" on the CLI's last line.
inline QJsonObject summaryObject(const CliResult& r)
{
    return jsonObject(r.lastLine()).value(QStringLiteral("summary")).toObject();
}

} // namespace fe::test
