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
#include <bit>
#include <limits>
#include <type_traits>

#include <QFile>


namespace fe::vision {
namespace {

constexpr unsigned long kParts = 68;

// How many trees ahead of the one being added the evaluator fetches its leaf. A face reads
// 7,500 random leaves of 544 bytes (9 cache lines each) from a 64 MB table, so the evaluator
// is bound by how many of those misses are in flight at once, not by arithmetic. Prefetching
// every leaf of a cascade in one burst (4,500 lines) overruns the core's miss buffers and the
// lines arrive late or are dropped; a sliding window of a few leaves keeps the buffers full.
// Measured with bench_vision BM_LandmarkFit/fast on the 2-core EPYC VM (memory latency
// ~250 ns): 6-10 leaves best, 16+ and the burst slower (docs/vision.md).
constexpr std::size_t kPrefetchLeaves = 8;

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

// dlib's serialisation format (dlib/serialize.h), read straight from the mapped model file:
// integers are a control byte (size in the low nibble, 0x80 for negative) and that many
// little-endian bytes; a float is a mantissa (int64) and an exponent (int16) combined with
// ldexp, exactly as dlib::float_details does, so the values are dlib's bit for bit. dlib's own
// istream reader spends ~7 G instructions (~2 s) on the 68-point file; this takes ~1/20 of that.
// Anything unexpected (dlib's old ASCII float format, a truncated file) sets failed() and the
// caller falls back to dlib's reader.
static_assert(std::endian::native == std::endian::little, "DlibReader reads little-endian words");

class DlibReader
{
public:
    DlibReader(const unsigned char* data, std::size_t size) : m_p(data), m_end(data + size) {}

    [[nodiscard]] bool failed() const { return m_failed; }

    template <typename T> T integer()
    {
        static_assert(std::is_integral_v<T> && sizeof(T) <= 8);
        if (m_p >= m_end)
            return fail<T>();
        const unsigned char control = *m_p++;
        // As dlib::ser_helper::unpack_int: a signed value keeps its sign in bit 7; for an
        // unsigned one bit 7 makes the size invalid. Bits 4-6 are reserved and ignored.
        const bool negative = std::is_signed_v<T> && (control & 0x80) != 0;
        const unsigned size = std::is_signed_v<T> ? (control & 0x0Fu) : (control & 0x8Fu);
        if (size == 0 || size > sizeof(T) || static_cast<std::size_t>(m_end - m_p) < size)
            return fail<T>();
        std::uint64_t v = 0;
        for (unsigned i = size; i-- > 0;)
            v = (v << 8) | m_p[i];
        m_p += size;
        const T value = static_cast<T>(v);
        return negative ? static_cast<T>(-value) : value;
    }

    float real()
    {
        if (m_p >= m_end || (*m_p & 0x70) != 0) // dlib's old ASCII format
            return fail<float>();
        std::int64_t mantissa = 0;
        std::int16_t exponent = 0;
        if (m_end - m_p >= 18) {
            // The common case, without a bounds check per byte: a mantissa of at most 8 bytes and
            // an exponent of at most 2, each read as one unaligned little-endian word and masked.
            mantissa = static_cast<std::int64_t>(word(8));
            exponent = static_cast<std::int16_t>(word(2));
        } else {
            mantissa = integer<std::int64_t>();
            exponent = integer<std::int16_t>();
        }
        if (m_failed)
            return 0.f;
        constexpr std::int16_t kInf = 32000, kNegInf = 32001; // dlib::float_details
        if (exponent < kInf)
            return scale(static_cast<float>(mantissa), exponent);
        if (exponent == kInf)
            return std::numeric_limits<float>::infinity();
        if (exponent == kNegInf)
            return -std::numeric_limits<float>::infinity();
        return std::numeric_limits<float>::quiet_NaN();
    }

    // A std::vector's or matrix's element count, bounded so a damaged file cannot ask for
    // more elements than it has bytes (every element takes at least one).
    std::size_t count()
    {
        const auto n = integer<unsigned long>();
        return n <= static_cast<std::size_t>(m_end - m_p) ? n : fail<std::size_t>();
    }

    // dlib::matrix<float,0,1>: rows, cols (negated in dlib's newer format), then the values.
    std::size_t columnVectorSize()
    {
        long rows = integer<long>();
        long cols = integer<long>();
        if (rows < 0 || cols < 0) {
            rows = -rows;
            cols = -cols;
        }
        if (cols != 1 || rows > m_end - m_p)
            return fail<std::size_t>();
        return static_cast<std::size_t>(rows);
    }

private:
    // One signed integer of at most maxSize bytes; the caller checked that 9 bytes remain.
    std::uint64_t word(unsigned maxSize)
    {
        if (m_failed)
            return 0;
        const unsigned char control = *m_p++;
        const unsigned size = control & 0x0Fu;
        if (size == 0 || size > maxSize)
            return fail<std::uint64_t>();
        std::uint64_t v = 0;
        std::memcpy(&v, m_p, sizeof v); // little-endian hosts (static_assert above)
        if (size < 8)
            v &= (std::uint64_t{1} << (8 * size)) - 1;
        m_p += size;
        return (control & 0x80) != 0 ? ~v + 1 : v;
    }

    // std::ldexp(value, exponent), exactly, by moving the exponent bits when the result stays
    // a normal float (always, for this model); std::ldexp for the rest.
    static float scale(float value, int exponent)
    {
        const auto bits = std::bit_cast<std::uint32_t>(value);
        const int biased = static_cast<int>((bits >> 23) & 0xFF);
        if (biased == 0 || biased == 0xFF || biased + exponent <= 0 || biased + exponent >= 0xFF)
            return std::ldexp(value, exponent);
        return std::bit_cast<float>(bits + (static_cast<std::uint32_t>(exponent) << 23));
    }

    template <typename T> T fail()
    {
        m_failed = true;
        m_p = m_end;
        return T{};
    }

    const unsigned char* m_p;
    const unsigned char* m_end;
    bool m_failed = false;
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

    FastErtLandmarkModel(const std::filesystem::path& path, Reader reader)
    {
        if (reader == Reader::Dlib) {
            parseWithDlib(path);
            return;
        }
        QFile file(QString::fromStdString(path.string()));
        if (!file.open(QIODevice::ReadOnly))
            throw Error(ErrorCode::AssetMissing, QT_TRANSLATE_NOOP("fe::Error", "Cannot open the landmark model %1."),
                        {path.string()});
        const auto size = static_cast<std::size_t>(file.size());
        const uchar* data = size > 0 ? file.map(0, file.size()) : nullptr;
        if (data != nullptr && parse(DlibReader(data, size), path))
            return;
        qCInfo(lcVision) << "landmark model: not in dlib's binary float format; reading it with dlib";
        parseWithDlib(path);
    }

private:
    // The fast path. Returns false (and leaves the tables for the fallback to overwrite) when
    // the file is not what it should be.
    bool parse(DlibReader in, const std::filesystem::path& path)
    {
        if (in.integer<int>() != 1)
            return false;
        std::vector<float> initial(in.columnVectorSize());
        for (float& v : initial)
            v = in.real();
        const std::size_t cascades = in.count();
        if (in.failed() || cascades == 0)
            return false;
        std::vector<float> leafValues;
        for (std::size_t c = 0; c < cascades; ++c) {
            const std::size_t trees = in.count();
            if (in.failed() || trees == 0 || (c > 0 && trees != m_trees))
                return false;
            for (std::size_t t = 0; t < trees; ++t) {
                const std::size_t splits = in.count();
                if (in.failed() || splits == 0 || ((c > 0 || t > 0) && splits != m_splits))
                    return false;
                if (c == 0 && t == 0) {
                    m_cascades = cascades;
                    m_trees = trees;
                    m_splits = splits;
                    m_leaves = splits + 1;
                    m_splitData.reserve(m_cascades * m_trees * m_splits);
                    m_leafData.resize(m_cascades * m_trees * m_leaves * 2 * kParts);
                }
                for (std::size_t s = 0; s < splits; ++s) {
                    const auto idx1 = in.integer<unsigned long>();
                    const auto idx2 = in.integer<unsigned long>();
                    const float thresh = in.real();
                    if (idx1 > 65535 || idx2 > 65535)
                        return false;
                    m_splitData.push_back({static_cast<std::uint16_t>(idx1), static_cast<std::uint16_t>(idx2), thresh});
                }
                if (in.count() != m_leaves)
                    return false;
                float* leaf = m_leafData.data() + ((c * m_trees + t) * m_leaves) * 2 * kParts;
                for (std::size_t l = 0; l < m_leaves; ++l) {
                    if (in.columnVectorSize() != 2 * kParts)
                        return false;
                    for (unsigned long k = 0; k < 2 * kParts; ++k)
                        *leaf++ = in.real();
                }
            }
        }
        if (in.count() != cascades)
            return false;
        std::vector<std::vector<unsigned long>> anchors(cascades);
        for (auto& a : anchors) {
            a.resize(in.count());
            for (auto& v : a)
                v = in.integer<unsigned long>();
        }
        if (in.count() != cascades)
            return false;
        std::vector<std::vector<dlib::vector<float, 2>>> deltas(cascades);
        for (auto& d : deltas) {
            d.resize(in.count());
            for (auto& v : d) {
                v.x() = in.real();
                v.y() = in.real();
            }
        }
        if (in.failed())
            return false;
        finish(initial, anchors, deltas, path);
        return true;
    }

    // dlib's own reader: slow, but it knows every variant of its format.
    void parseWithDlib(const std::filesystem::path& path)
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
        if (forests.empty() || forests[0].empty())
            throw notAModel(path);
        m_cascades = forests.size();
        m_trees = forests[0].size();
        m_splits = forests[0][0].splits.size();
        m_leaves = m_splits + 1;
        m_splitData.clear();
        m_splitData.reserve(m_cascades * m_trees * m_splits);
        m_leafData.resize(m_cascades * m_trees * m_leaves * 2 * kParts);
        float* leaf = m_leafData.data();
        for (const auto& forest : forests) {
            if (forest.size() != m_trees)
                throw notAModel(path);
            for (const auto& tree : forest) {
                if (tree.splits.size() != m_splits || tree.leaf_values.size() != m_leaves)
                    throw notAModel(path);
                for (const auto& s : tree.splits) {
                    if (s.idx1 > 65535 || s.idx2 > 65535)
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
        finish(std::vector<float>(initial.begin(), initial.end()), anchors, deltas, path);
    }

    // Checks the shape of the tables (every index in range) and keeps the anchors and deltas.
    void finish(const std::vector<float>& initial, const std::vector<std::vector<unsigned long>>& anchors,
                const std::vector<std::vector<dlib::vector<float, 2>>>& deltas, const std::filesystem::path& path)
    {
        m_features = deltas.empty() ? 0 : deltas[0].size();
        if (initial.size() != 2 * kParts || m_trees == 0 || m_splits == 0 || m_features == 0 || m_features > 65535 ||
            anchors.size() != m_cascades || deltas.size() != m_cascades)
            throw notAModel(path);
        for (const Split& s : m_splitData) {
            if (s.idx1 >= m_features || s.idx2 >= m_features)
                throw notAModel(path);
        }
        m_initial = initial;
        m_anchor.clear();
        m_delta.clear();
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

public:
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
            // Walk every tree first (small, sequential data), then add the leaves in dlib's order
            // while the leaf kPrefetchLeaves trees ahead is being fetched (see kPrefetchLeaves).
            const Split* splits = &m_splitData[c * m_trees * m_splits];
            const float* leaves = m_leafData.data() + c * m_trees * m_leaves * 2 * kParts;
            for (std::size_t t = 0; t < m_trees; ++t) {
                const Split* s = splits + t * m_splits;
                std::size_t i = 0;
                while (i < m_splits)
                    i = (pixels[s[i].idx1] - pixels[s[i].idx2] > s[i].thresh) ? 2 * i + 1 : 2 * i + 2;
                leafIndex[t] = static_cast<std::uint32_t>(i - m_splits);
                if (t < kPrefetchLeaves)
                    prefetchLeaf(leaves + (t * m_leaves + leafIndex[t]) * 2 * kParts);
            }
            for (std::size_t t = 0; t < m_trees; ++t) {
                if (t + kPrefetchLeaves < m_trees)
                    prefetchLeaf(leaves + ((t + kPrefetchLeaves) * m_leaves + leafIndex[t + kPrefetchLeaves]) * 2 * kParts);
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
    static void prefetchLeaf(const float* leaf)
    {
        for (std::size_t line = 0; line < 2 * kParts * sizeof(float); line += 64)
            __builtin_prefetch(reinterpret_cast<const char*>(leaf) + line);
    }

    std::size_t m_cascades = 0, m_trees = 0, m_splits = 0, m_leaves = 0, m_features = 0;
    std::vector<float> m_initial;
    std::vector<Split> m_splitData;
    std::vector<float, HugePageAllocator<float>> m_leafData;
    std::vector<std::uint16_t> m_anchor;
    std::vector<dlib::vector<float, 2>> m_delta;
};

} // namespace

std::shared_ptr<const LandmarkModel> LandmarkModel::loadDlib(const std::filesystem::path& path, Reader reader)
{
    auto model = std::make_shared<FastErtLandmarkModel>(path, reader);
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
