#pragma once

#include "vision/FaceEncoder.h"
#include "vision/VisionTypes.h"

#include <QJsonArray>
#include <QJsonObject>

#include <vector>

namespace fe::cli {

QJsonObject toJson(const vision::QualityReport& report);
QJsonObject toJson(const vision::FaceObservation& face);
QJsonObject toJson(const vision::FrameAnalysis& analysis);
QJsonArray toJson(const vision::FaceTemplate& t);

double rounded(double value, int decimals);

// Median and p95 of a sample (nearest-rank); 0 for an empty one.
double percentile(std::vector<double> values, double p);

} // namespace fe::cli
