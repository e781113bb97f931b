#include "vision/VisionModels.h"

#include "vision/FaceDetector.h"

#include <future>

namespace fe::vision {

VisionModels VisionModels::load(const AssetResolver& assets)
{
    VisionModels models;
    models.featureModel = assets.path(Asset::FeatureModel);
    models.livenessModel = assets.path(Asset::LivenessModel);
    // The detector's model decodes on a second thread while the landmark model is read: the two
    // are most of a process's start-up.
    auto detector = std::async(std::launch::async, [] { FaceDetector::preloadHog(); });
    models.landmarks = LandmarkModel::loadDlib(assets.path(Asset::LandmarkModel));
    detector.get();
    return models;
}

} // namespace fe::vision
