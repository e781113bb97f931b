#include "JsonFormat.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace fe::cli {

namespace {
QString key(std::string_view k)
{
    return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
}
} // namespace

double rounded(double value, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(value * f) / f;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

QJsonObject toJson(const vision::QualityReport& report)
{
    QJsonObject out;
    for (const auto& m : report.measures) {
        out.insert(key(vision::qualityMeasureKey(m.id)),
                   QJsonObject{{QStringLiteral("value"), rounded(m.value, 3)}, {QStringLiteral("passed"), m.passed}});
    }
    out.insert(QStringLiteral("passed"), report.passed);
    return out;
}

QJsonObject toJson(const vision::FaceObservation& face)
{
    QJsonArray landmarks;
    for (const auto& p : face.landmarks)
        landmarks.append(QJsonArray{rounded(p.x, 1), rounded(p.y, 1)});
    QJsonObject out{
        {QStringLiteral("box"), QJsonArray{rounded(face.box.x, 1), rounded(face.box.y, 1), rounded(face.box.width, 1),
                                           rounded(face.box.height, 1)}},
        {QStringLiteral("landmarks"), landmarks},
        {QStringLiteral("yaw"), rounded(face.pose.yaw, 2)},
        {QStringLiteral("pitch"), rounded(face.pose.pitch, 2)},
        {QStringLiteral("roll"), rounded(face.pose.roll, 2)},
        {QStringLiteral("ear"), rounded(face.ear, 4)},
        {QStringLiteral("eyes_closed"), face.eyesClosed},
        {QStringLiteral("mouth_open"), rounded(face.mouthOpen, 4)},
        {QStringLiteral("inter_eye_distance"), rounded(face.interEyeDistance, 2)},
        {QStringLiteral("detected"), face.detected},
    };
    if (face.quality.assessed)
        out.insert(QStringLiteral("quality"), toJson(face.quality));
    return out;
}

QJsonObject toJson(const vision::FrameAnalysis& analysis)
{
    QJsonArray faces;
    for (const auto& f : analysis.faces)
        faces.append(toJson(f));
    return QJsonObject{
        {QStringLiteral("frame"), static_cast<qint64>(analysis.frameIndex)},
        {QStringLiteral("t_ms"), rounded(analysis.timestampMs, 1)},
        {QStringLiteral("ms"), rounded(analysis.timings.totalMs, 3)},
        {QStringLiteral("faces"), faces},
        {QStringLiteral("guidance"), key(vision::guidanceKey(analysis.guidance))},
        {QStringLiteral("blink"), analysis.blinkCompleted},
    };
}

QJsonArray toJson(const vision::FaceTemplate& t)
{
    QJsonArray out;
    for (float v : t.values)
        out.append(rounded(v, 6));
    return out;
}

} // namespace fe::cli
