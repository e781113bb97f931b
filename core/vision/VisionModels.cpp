#include "vision/VisionModels.h"

namespace fe::vision {

VisionModels VisionModels::load(const AssetResolver& assets)
{
    VisionModels models;
    models.featureModel = assets.path(Asset::FeatureModel);
    models.livenessModel = assets.path(Asset::LivenessModel);
    models.landmarks = LandmarkModel::loadDlib(assets.path(Asset::LandmarkModel));
    return models;
}

} // namespace fe::vision
