#include "liveness/EyePatches.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <complex>

namespace fe::liveness {
namespace {

// The mean face in inter-eye-distance units (eye midpoint at the origin, eyes on the x axis,
// y down): the brows and the nose (landmarks 17-35), and both eye centres. Averaged over the
// frontal, open-eye frames of the demo media; only the layout matters, not the exact values.
constexpr std::array<std::array<double, 2>, 19> kMeanRigid = {{
    {-0.953, -0.142}, {-0.819, -0.325}, {-0.597, -0.411}, {-0.361, -0.406}, {-0.140, -0.335}, // 17-21
    {0.203, -0.334}, {0.403, -0.407}, {0.620, -0.413}, {0.813, -0.328}, {0.902, -0.138}, // 22-26
    {0.021, -0.110}, {0.019, 0.065}, {0.018, 0.237}, {0.015, 0.422}, // 27-30
    {-0.223, 0.648}, {-0.112, 0.680}, {0.005, 0.707}, {0.115, 0.681}, {0.220, 0.650}, // 31-35
}};
constexpr std::array<std::array<double, 2>, 2> kMeanEyes = {{{-0.5, 0.0}, {0.5, 0.0}}};
// The sampled box around each eye, IOD: the lids, the lashes and a little skin around them.
constexpr double kBoxWidth = 0.72;
constexpr double kBoxHeight = 0.36;
constexpr int kFirstRigid = 17;

using Complex = std::complex<double>;

double ncc(const EyePatches::Patch& a, const EyePatches::Patch& b)
{
    double ma = 0.0, mb = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ma += a[i];
        mb += b[i];
    }
    ma /= static_cast<double>(a.size());
    mb /= static_cast<double>(b.size());
    double sab = 0.0, saa = 0.0, sbb = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double da = a[i] - ma, db = b[i] - mb;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
    }
    // Two flat patches are the same picture; a flat and a textured one are not.
    constexpr double kFlat = 1.0 * static_cast<double>(EyePatches::kWidth * EyePatches::kHeight);
    if (saa < kFlat && sbb < kFlat)
        return 1.0;
    if (saa < kFlat || sbb < kFlat)
        return 0.0;
    return sab / std::sqrt(saa * sbb);
}

// Gradient energy of the eye's core (the middle half of the box, where the opening is), after
// a light blur so that print grain or sensor noise does not count as detail.
double coreDetail(const EyePatches::Patch& p)
{
    constexpr int w = EyePatches::kWidth, h = EyePatches::kHeight;
    cv::Mat m(h, w, CV_8U, const_cast<std::uint8_t*>(p.data()));
    cv::Mat f;
    cv::GaussianBlur(m, f, cv::Size(3, 3), 0.8);
    double sum = 0.0;
    int n = 0;
    for (int y = h / 5; y < h - h / 5 - 1; ++y) {
        const auto* r = f.ptr<std::uint8_t>(y);
        const auto* r1 = f.ptr<std::uint8_t>(y + 1);
        for (int x = w / 4; x < w - w / 4 - 1; ++x) {
            sum += std::abs(static_cast<int>(r[x + 1]) - r[x]) + std::abs(static_cast<int>(r1[x]) - r[x]);
            ++n;
        }
    }
    return n > 0 ? sum / n : 0.0;
}

} // namespace

EyePatches EyePatches::sample(const cv::Mat& image, const vision::Landmarks& lm)
{
    return Regions::cut(image, lm).patches();
}

EyePatches::Regions EyePatches::Regions::cut(const cv::Mat& image, const vision::Landmarks& lm)
{
    Regions out;
    if (image.empty() || image.depth() != CV_8U)
        return out;
    // Similarity (scale, rotation, shift) that carries the mean face's rigid points onto this
    // face's: a complex least-squares fit, z = sum(conj(c) p) / sum(|c|^2) on centred points.
    Complex cm(0, 0), pm(0, 0);
    for (std::size_t i = 0; i < kMeanRigid.size(); ++i) {
        cm += Complex(kMeanRigid[i][0], kMeanRigid[i][1]);
        pm += Complex(lm[kFirstRigid + i].x, lm[kFirstRigid + i].y);
    }
    const double n = static_cast<double>(kMeanRigid.size());
    cm /= n;
    pm /= n;
    Complex num(0, 0);
    double den = 0.0;
    for (std::size_t i = 0; i < kMeanRigid.size(); ++i) {
        const Complex c = Complex(kMeanRigid[i][0], kMeanRigid[i][1]) - cm;
        const Complex p = Complex(lm[kFirstRigid + i].x, lm[kFirstRigid + i].y) - pm;
        num += std::conj(c) * p;
        den += std::norm(c);
    }
    if (den <= 1e-9)
        return out;
    const Complex z = num / den;
    const double scale = std::abs(z); // image px per IOD
    if (scale < 8.0)
        return out;
    const Complex t = pm - z * cm;

    // Image px per patch px; beyond 1.5, patches() blurs first so that the patch does not alias.
    const double step = scale * kBoxWidth / kWidth;
    for (std::size_t e = 0; e < 2; ++e) {
        const double bx = kMeanEyes[e][0] - kBoxWidth / 2.0, by = kMeanEyes[e][1] - kBoxHeight / 2.0;
        // Patch pixel (u, v) -> mean-face point (bx + (u + 0.5) du, by + (v + 0.5) dv) -> image.
        const double du = kBoxWidth / kWidth, dv = kBoxHeight / kHeight;
        const double a = z.real(), b = z.imag();
        const double ox = a * (bx + 0.5 * du) - b * (by + 0.5 * dv) + t.real();
        const double oy = b * (bx + 0.5 * du) + a * (by + 0.5 * dv) + t.imag();
        cv::Matx23d m(a * du, -b * dv, ox, b * du, a * dv, oy);
        // The patch's footprint in the image, with a margin for the blur.
        std::vector<cv::Point2f> corners;
        for (auto [u, v] : {std::pair{0, 0}, std::pair{kWidth, 0}, std::pair{0, kHeight}, std::pair{kWidth, kHeight}})
            corners.emplace_back(static_cast<float>(m(0, 0) * u + m(0, 1) * v + m(0, 2)), static_cast<float>(m(1, 0) * u + m(1, 1) * v + m(1, 2)));
        const int margin = 3 + static_cast<int>(step);
        const cv::Rect footprint = cv::boundingRect(corners);
        const cv::Rect roi(footprint.x - margin, footprint.y - margin, footprint.width + 2 * margin, footprint.height + 2 * margin);
        if ((roi & cv::Rect(0, 0, image.cols, image.rows)) != roi)
            return out;
        switch (image.channels()) {
        case 1: out.m_grey[e] = image(roi).clone(); break;
        case 3: cv::cvtColor(image(roi), out.m_grey[e], cv::COLOR_BGR2GRAY); break;
        case 4: cv::cvtColor(image(roi), out.m_grey[e], cv::COLOR_BGRA2GRAY); break;
        default: return out;
        }
        m(0, 2) -= roi.x;
        m(1, 2) -= roi.y;
        out.m_map[e] = m;
    }
    out.m_step = step;
    out.m_valid = true;
    return out;
}

EyePatches EyePatches::Regions::patches() const
{
    EyePatches out;
    if (!m_valid)
        return out;
    cv::Mat grey;
    for (std::size_t e = 0; e < 2; ++e) {
        // On a copy: the cut pixels are shared by the copies of this object.
        m_grey[e].copyTo(grey);
        if (m_step > 1.5)
            cv::GaussianBlur(grey, grey, cv::Size(), 0.45 * m_step);
        cv::Mat patch(kHeight, kWidth, CV_8U, out.eyes[e].data());
        cv::warpAffine(grey, patch, m_map[e], patch.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    }
    out.valid = true;
    return out;
}

EyeChange compareEyes(const EyePatches& open, const EyePatches& closed)
{
    EyeChange c;
    if (!open.valid || !closed.valid)
        return c;
    c.change = 2.0;
    c.detail = 1e9;
    for (std::size_t e = 0; e < 2; ++e) {
        c.change = std::min(c.change, 1.0 - ncc(open.eyes[e], closed.eyes[e]));
        const double before = coreDetail(open.eyes[e]);
        const double after = coreDetail(closed.eyes[e]);
        c.detail = std::min(c.detail, before > 0.5 ? after / before : 1.0);
    }
    return c;
}

} // namespace fe::liveness
