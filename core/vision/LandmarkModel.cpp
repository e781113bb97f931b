#include "vision/LandmarkModel.h"

#include "common/Error.h"
#include "common/HugePageAllocator.h"
#include "common/Logging.h"

#include <dlib/image_processing/shape_predictor.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/serialize.h>

#include <opencv2/core.hpp>

#include <cmath>
#include <cstring>
#include <fstream>


namespace fe::vision {
namespace {

constexpr unsigned long kParts = 68;

dlib::rectangle toDlib(const cv::Rect2f& box)
{
    return dlib::rectangle(static_cast<long>(std::lround(box.x)), static_cast<long>(std::lround(box.y)),
                           static_cast<long>(std::lround(box.x + box.width)) - 1,
                           static_cast<long>(std::lround(box.y + box.height)) - 1);
}

std::ifstream openModel(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::AssetMissing, QT_TRANSLATE_NOOP("fe::Error", "Cannot open the landmark model %1."), {path.string()});
    return in;
}

Error notAModel(const std::filesystem::path& path)
{
    return Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "The landmark model %1 is not a 68-point dlib shape predictor."),
                 {path.string()});
}

class ReferenceLandmarkModel final : public LandmarkModel
{
public:
    explicit ReferenceLandmarkModel(dlib::shape_predictor predictor) : m_predictor(std::move(predictor)) {}

    Landmarks fit(const cv::Mat& grey, const cv::Rect2f& box) const override
    {
        const dlib::cv_image<unsigned char> image(grey);
        const dlib::full_object_detection shape = m_predictor(image, toDlib(box));
        Landmarks out{};
        for (unsigned long i = 0; i < shape.num_parts() && i < out.size(); ++i)
            out[i] = cv::Point2f(static_cast<float>(shape.part(i).x()), static_cast<float>(shape.part(i).y()));
        return out;
    }

private:
    dlib::shape_predictor m_predictor;
};

class FastErtLandmarkModel final : public LandmarkModel
{
public:
    struct Split
    {
        std::uint16_t idx1;
        std::uint16_t idx2;
        float thresh;
    };

    explicit FastErtLandmarkModel(const std::filesystem::path& path)
    {
        std::ifstream in = openModel(path);
        int version = 0;
        dlib::matrix<float, 0, 1> initial;
        std::vector<std::vector<dlib::impl::regression_tree>> forests;
        std::vector<std::vector<unsigned long>> anchors;
        std::vector<std::vector<dlib::vector<float, 2>>> deltas;
        try {
            dlib::deserialize(version, in);
            if (version != 1)
                throw notAModel(path);
            dlib::deserialize(initial, in);
            dlib::deserialize(forests, in);
            dlib::deserialize(anchors, in);
            dlib::deserialize(deltas, in);
        } catch (const dlib::serialization_error&) {
            throw notAModel(path);
        }
        if (static_cast<unsigned long>(initial.size()) != 2 * kParts || forests.empty() || anchors.size() != forests.size() ||
            deltas.size() != forests.size())
            throw notAModel(path);

        m_cascades = forests.size();
        m_trees = forests[0].size();
        m_splits = forests[0].empty() ? 0 : forests[0][0].splits.size();
        m_leaves = m_splits + 1;
        m_features = deltas[0].size();
        if (m_trees == 0 || m_splits == 0 || m_features == 0 || m_features > 65535)
            throw notAModel(path);

        m_initial.assign(initial.begin(), initial.end());
        m_splitData.reserve(m_cascades * m_trees * m_splits);
        // The prediction touches 7,500 scattered leaves per face: huge pages keep the TLB out
        // of the way.
        m_leafData.resize(m_cascades * m_trees * m_leaves * 2 * kParts);
        float* leaf = m_leafData.data();
        for (const auto& forest : forests) {
            if (forest.size() != m_trees)
                throw notAModel(path);
            for (const auto& tree : forest) {
                if (tree.splits.size() != m_splits || tree.leaf_values.size() != m_leaves)
                    throw notAModel(path);
                for (const auto& s : tree.splits) {
                    if (s.idx1 >= m_features || s.idx2 >= m_features)
                        throw notAModel(path);
                    m_splitData.push_back({static_cast<std::uint16_t>(s.idx1), static_cast<std::uint16_t>(s.idx2), s.thresh});
                }
                for (const auto& values : tree.leaf_values) {
                    if (static_cast<unsigned long>(values.size()) != 2 * kParts)
                        throw notAModel(path);
                    std::memcpy(leaf, &values(0), 2 * kParts * sizeof(float));
                    leaf += 2 * kParts;
                }
            }
        }
        for (std::size_t c = 0; c < m_cascades; ++c) {
            if (anchors[c].size() != m_features || deltas[c].size() != m_features)
                throw notAModel(path);
            for (std::size_t f = 0; f < m_features; ++f) {
                if (anchors[c][f] >= kParts)
                    throw notAModel(path);
                m_anchor.push_back(static_cast<std::uint16_t>(anchors[c][f]));
                m_delta.push_back(deltas[c][f]);
            }
        }
    }

    Landmarks fit(const cv::Mat& grey, const cv::Rect2f& box) const override
    {
        // Mirrors dlib::shape_predictor::operator()(img, rect) step by step (same transforms,
        // same pixel rounding, same order of leaf additions), so that results agree with dlib
        // to float rounding; see tst_landmarkmodel.
        const dlib::rectangle rect = toDlib(box);
        const dlib::point_transform_affine toImage = dlib::impl::unnormalizing_tform(rect);
        const long cols = grey.cols;
        const long rows = grey.rows;

        alignas(64) float shape[2 * kParts];
        std::memcpy(shape, m_initial.data(), sizeof(shape));
        std::vector<float> pixels(m_features);
        std::vector<std::uint32_t> leafIndex(m_trees);
        std::vector<dlib::vector<float, 2>> from(kParts), to(kParts);
        for (unsigned long i = 0; i < kParts; ++i)
            from[i] = dlib::vector<float, 2>(m_initial[2 * i], m_initial[2 * i + 1]);

        for (std::size_t c = 0; c < m_cascades; ++c) {
            for (unsigned long i = 0; i < kParts; ++i)
                to[i] = dlib::vector<float, 2>(shape[2 * i], shape[2 * i + 1]);
            const dlib::matrix<float, 2, 2> tform =
                dlib::matrix_cast<float>(dlib::find_similarity_transform(from, to).get_m());
            const std::uint16_t* anchor = &m_anchor[c * m_features];
            const dlib::vector<float, 2>* delta = &m_delta[c * m_features];
            for (std::size_t f = 0; f < m_features; ++f) {
                const dlib::vector<float, 2> local =
                    tform * delta[f] + dlib::vector<float, 2>(shape[2 * anchor[f]], shape[2 * anchor[f] + 1]);
                const dlib::point p = toImage(local);
                pixels[f] = (p.x() >= 0 && p.y() >= 0 && p.x() < cols && p.y() < rows)
                                ? static_cast<float>(grey.at<unsigned char>(static_cast<int>(p.y()), static_cast<int>(p.x())))
                                : 0.f;
            }
            // Walk every tree first (small, sequential data) and start fetching its leaf,
            // then add the leaves in dlib's order.
            const Split* splits = &m_splitData[c * m_trees * m_splits];
            const float* leaves = m_leafData.data() + c * m_trees * m_leaves * 2 * kParts;
            for (std::size_t t = 0; t < m_trees; ++t) {
                const Split* s = splits + t * m_splits;
                std::size_t i = 0;
                while (i < m_splits)
                    i = (pixels[s[i].idx1] - pixels[s[i].idx2] > s[i].thresh) ? 2 * i + 1 : 2 * i + 2;
                leafIndex[t] = static_cast<std::uint32_t>(i - m_splits);
                const float* leaf = leaves + (t * m_leaves + leafIndex[t]) * 2 * kParts;
                for (std::size_t line = 0; line < 2 * kParts * sizeof(float); line += 64)
                    __builtin_prefetch(reinterpret_cast<const char*>(leaf) + line);
            }
            for (std::size_t t = 0; t < m_trees; ++t) {
                const float* leaf = leaves + (t * m_leaves + leafIndex[t]) * 2 * kParts;
                for (unsigned long k = 0; k < 2 * kParts; ++k)
                    shape[k] += leaf[k];
            }
        }
        Landmarks out{};
        for (unsigned long i = 0; i < kParts; ++i) {
            const dlib::vector<double, 2> p = toImage(dlib::vector<float, 2>(shape[2 * i], shape[2 * i + 1]));
            out[i] = cv::Point2f(static_cast<float>(p.x()), static_cast<float>(p.y()));
        }
        return out;
    }

private:
    std::size_t m_cascades = 0, m_trees = 0, m_splits = 0, m_leaves = 0, m_features = 0;
    std::vector<float> m_initial;
    std::vector<Split> m_splitData;
    std::vector<float, HugePageAllocator<float>> m_leafData;
    std::vector<std::uint16_t> m_anchor;
    std::vector<dlib::vector<float, 2>> m_delta;
};

} // namespace

std::shared_ptr<const LandmarkModel> LandmarkModel::loadDlib(const std::filesystem::path& path)
{
    auto model = std::make_shared<FastErtLandmarkModel>(path);
    qCDebug(lcVision) << "landmark model loaded:" << path.c_str();
    return model;
}

std::shared_ptr<const LandmarkModel> LandmarkModel::loadDlibReference(const std::filesystem::path& path)
{
    std::ifstream in = openModel(path);
    dlib::shape_predictor predictor;
    try {
        dlib::deserialize(predictor, in);
    } catch (const dlib::serialization_error&) {
        throw notAModel(path);
    }
    if (predictor.num_parts() != kParts)
        throw notAModel(path);
    return std::make_shared<ReferenceLandmarkModel>(std::move(predictor));
}

} // namespace fe::vision
