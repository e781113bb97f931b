#include "PresentationSets.h"

#include "../vision/VisionFixtures.h"
#include "common/TestData.h"
#include "vision/FaceGeometry.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <functional>
#include <map>
#include <mutex>
#include <random>

namespace fe::test {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kStillSeconds = 5.0;
constexpr double kAttackSeconds = 8.0; // the evaluation's presentation length
constexpr double kAttackFps = 25.0;

// Every frame of both demo videos, decoded once per process and kept as JPEG (quality 95,
// ~25 KB a frame, 150 MB for both): the generators take frames from anywhere in the videos,
// and decoding a video from its start for each of them cost more than the analysis.
class FrameBank
{
public:
    static FrameBank& instance()
    {
        static FrameBank bank;
        return bank;
    }

    cv::Mat frame(fe::Asset video, std::int64_t index)
    {
        const auto& v = frames(video);
        if (index < 0 || index >= static_cast<std::int64_t>(v.size()))
            throw std::out_of_range("frame index outside the demo video");
        return cv::imdecode(v[static_cast<std::size_t>(index)], cv::IMREAD_COLOR);
    }

private:
    const std::vector<std::vector<unsigned char>>& frames(fe::Asset video)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        auto& v = m_frames[video];
        if (v.empty()) {
            auto src = vision::FrameSource::open(asset(video), {});
            vision::Frame f;
            const std::vector<int> params = {cv::IMWRITE_JPEG_QUALITY, 95};
            while (src->next(f)) {
                v.emplace_back();
                cv::imencode(".jpg", f.bgr, v.back(), params);
            }
        }
        return v;
    }

    std::mutex m_mutex;
    std::map<fe::Asset, std::vector<std::vector<unsigned char>>> m_frames;
};

// Frames [first, first + count) of a demo video (fewer at its end).
std::vector<cv::Mat> decode(fe::Asset video, std::int64_t first, std::int64_t count)
{
    std::vector<cv::Mat> out;
    for (std::int64_t i = first; i < std::min(first + count, videoFrameCount(video)); ++i)
        out.push_back(FrameBank::instance().frame(video, i));
    return out;
}

// A source whose frame i is render(i, t), for `count` frames at `fps`.
class RenderedSource final : public vision::FrameSource
{
public:
    RenderedSource(std::int64_t count, double fps, std::function<cv::Mat(std::int64_t, double)> render)
        : m_count(count), m_fps(fps), m_render(std::move(render))
    {
    }
    bool next(vision::Frame& frame) override
    {
        if (m_index >= m_count)
            return false;
        frame.index = m_index;
        frame.timestampMs = static_cast<double>(m_index) * 1000.0 / m_fps;
        frame.bgr = m_render(m_index, frame.timestampMs / 1000.0);
        ++m_index;
        return true;
    }
    double fps() const override { return m_fps; }
    bool isStill() const override { return false; }

private:
    std::int64_t m_count;
    double m_fps;
    std::function<cv::Mat(std::int64_t, double)> m_render;
    std::int64_t m_index = 0;
};

std::unique_ptr<vision::FrameSource> rendered(double seconds, std::function<cv::Mat(std::int64_t, double)> render)
{
    return std::make_unique<RenderedSource>(static_cast<std::int64_t>(seconds * kAttackFps), kAttackFps, std::move(render));
}

// Still frames used for print attacks: spread over each video, alternating between the videos
// so that both people are in both halves.
const std::vector<std::pair<fe::Asset, std::int64_t>>& stills()
{
    static const std::vector<std::pair<fe::Asset, std::int64_t>> s = {
        {fe::Asset::DemoVideo, 100},  {fe::Asset::SecondVideo, 50},   {fe::Asset::DemoVideo, 1243},
        {fe::Asset::SecondVideo, 300}, {fe::Asset::DemoVideo, 2384},  {fe::Asset::SecondVideo, 600},
        {fe::Asset::DemoVideo, 3500}, {fe::Asset::SecondVideo, 900},  {fe::Asset::DemoVideo, 4313},
        {fe::Asset::SecondVideo, 1100}, {fe::Asset::DemoVideo, 4700}, {fe::Asset::SecondVideo, 1300},
    };
    return s;
}

cv::Mat stillFrame(fe::Asset video, std::int64_t index)
{
    return decode(video, index, 1).front();
}

std::string stillName(const char* what, fe::Asset video, std::int64_t index)
{
    return std::string(what) + " " + videoName(video) + "@" + std::to_string(index);
}

Half halfOf(std::size_t index)
{
    return index % 2 == 0 ? Half::Tuning : Half::Test;
}

vision::Landmarks landmarksOf(const cv::Mat& image)
{
    const auto face = analyseStill(image);
    if (!face)
        throw std::runtime_error("no face on a still used to build an attack");
    return face->landmarks;
}

// A photo held in a hand: a slow drift plus tremor, a little rotation and scale.
cv::Mat handHeld(const cv::Mat& photo, double t, double phase, double amount = 1.0)
{
    const double dx = amount * (7.0 * std::sin(2 * kPi * t / 1.7 + phase) + 2.5 * std::sin(2 * kPi * t / 0.45));
    const double dy = amount * (5.0 * std::sin(2 * kPi * t / 2.3 + 2 * phase) + 2.0 * std::sin(2 * kPi * t / 0.55));
    const double angle = amount * 4.0 * std::sin(2 * kPi * t / 2.9 + phase);
    const double scale = 1.0 + amount * 0.04 * std::sin(2 * kPi * t / 3.1 + 3 * phase);
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(photo.cols / 2.f, photo.rows / 2.f), angle, scale);
    m.at<double>(0, 2) += dx;
    m.at<double>(1, 2) += dy;
    cv::Mat out;
    cv::warpAffine(photo, out, m, photo.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

// The projective image of a plane turned by `angleDeg` about its vertical (or horizontal) axis
// in front of a pinhole camera at `distance` photo widths.
cv::Matx33d turnHomography(cv::Size size, double angleDeg, bool vertical, double distance = 1.2)
{
    const double w = size.width, h = size.height;
    const double f = distance * w;
    const double a = angleDeg * kPi / 180.0;
    std::vector<cv::Point2f> src = {{0, 0}, {static_cast<float>(w), 0}, {static_cast<float>(w), static_cast<float>(h)}, {0, static_cast<float>(h)}};
    std::vector<cv::Point2f> dst;
    for (const auto& p : src) {
        const double x = p.x - w / 2, y = p.y - h / 2;
        double X = x, Y = y, Z = f;
        if (vertical) {
            X = x * std::cos(a);
            Z = f + x * std::sin(a);
        } else {
            Y = y * std::cos(a);
            Z = f + y * std::sin(a);
        }
        dst.emplace_back(static_cast<float>(f * X / Z + w / 2), static_cast<float>(f * Y / Z + h / 2));
    }
    return cv::Matx33d(cv::getPerspectiveTransform(src, dst));
}

cv::Mat turned(const cv::Mat& photo, double angleDeg, bool vertical)
{
    cv::Mat out;
    cv::warpPerspective(photo, out, cv::Mat(turnHomography(photo.size(), angleDeg, vertical)), photo.size(), cv::INTER_LINEAR,
                        cv::BORDER_CONSTANT, cv::Scalar(70, 70, 70));
    return out;
}

// Blends `over` into `base` where `mask` (CV_32F, 0..1) is set.
void blend(cv::Mat& base, const cv::Mat& over, const cv::Mat& mask)
{
    for (int y = 0; y < base.rows; ++y) {
        auto* b = base.ptr<cv::Vec3b>(y);
        const auto* o = over.ptr<cv::Vec3b>(y);
        const auto* m = mask.ptr<float>(y);
        for (int x = 0; x < base.cols; ++x) {
            if (m[x] <= 0.f)
                continue;
            for (int c = 0; c < 3; ++c)
                b[x][c] = cv::saturate_cast<uchar>(b[x][c] * (1.f - m[x]) + o[x][c] * m[x]);
        }
    }
}

struct EyeGeometry
{
    cv::Point2f centre;
    float width;   // corner to corner, px
    float angleDeg;
};

EyeGeometry eyeGeometry(const vision::Landmarks& lm, bool imageLeft)
{
    const cv::Point2f a = lm[imageLeft ? 36 : 42], b = lm[imageLeft ? 39 : 45];
    return {vision::eyeCentre(lm, imageLeft), static_cast<float>(cv::norm(a - b)),
            static_cast<float>(std::atan2(b.y - a.y, b.x - a.x) * 180.0 / kPi)};
}

cv::Mat ellipseMask(cv::Size size, cv::Point2f centre, cv::Size2f axes, float angleDeg, double featherPx)
{
    cv::Mat mask(size, CV_32F, cv::Scalar(0));
    cv::ellipse(mask, cv::RotatedRect(centre, cv::Size2f(2 * axes.width, 2 * axes.height), angleDeg), cv::Scalar(1), cv::FILLED,
                cv::LINE_AA);
    if (featherPx > 0.3)
        cv::GaussianBlur(mask, mask, cv::Size(), featherPx);
    return mask;
}

// How a flap looks: a patch a little larger than the eye, in the skin colour of the cheek,
// darkened, with a hard or feathered edge and some print grain; or (closedEyes) a printed
// picture of the closed eyes of a blink.
struct FlapStyle
{
    double darken = 0.75;
    double width = 1.3;   // of the eye's corner distance
    double height = 0.7;
    double feather = 0.0; // of the eye width
    double grain = 3.0;   // grey levels
    cv::Point2f offset;   // of the eye width
    bool closedEyes = false;
};

cv::Mat withFlaps(const cv::Mat& photo, const vision::Landmarks& lm, const FlapStyle& s, std::mt19937& rng,
                  const cv::Mat& closedFrame = {}, const vision::Landmarks* closedLm = nullptr)
{
    cv::Mat out = photo.clone();
    const double iod = vision::interEyeDistance(lm);
    cv::Mat over;
    if (s.closedEyes && closedLm != nullptr) {
        // The closed eyes of another frame, aligned on the eye corners.
        const std::vector<cv::Point2f> from = {(*closedLm)[36], (*closedLm)[39], (*closedLm)[42], (*closedLm)[45]};
        const std::vector<cv::Point2f> to = {lm[36], lm[39], lm[42], lm[45]};
        const cv::Mat m = cv::estimateAffinePartial2D(from, to);
        cv::warpAffine(closedFrame, over, m, photo.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    }
    std::normal_distribution<double> grain(0.0, s.grain);
    for (bool side : {true, false}) {
        const EyeGeometry e = eyeGeometry(lm, side);
        const cv::Point2f centre = e.centre + s.offset * e.width;
        const cv::Mat mask = ellipseMask(photo.size(), centre, cv::Size2f(e.width * static_cast<float>(s.width) / 2.f,
                                                                        e.width * static_cast<float>(s.height) / 2.f),
                                         e.angleDeg, s.feather * e.width);
        if (!s.closedEyes || over.empty()) {
            // Skin below the eye, on the cheek.
            const cv::Point2f cheek = e.centre + cv::Point2f(0.f, static_cast<float>(0.45 * iod));
            const int r = std::max(2, static_cast<int>(0.08 * iod));
            const cv::Rect box = cv::Rect(cv::Point(static_cast<int>(cheek.x) - r, static_cast<int>(cheek.y) - r), cv::Size(2 * r, 2 * r)) &
                                 cv::Rect(0, 0, photo.cols, photo.rows);
            const cv::Scalar skin = cv::mean(photo(box)) * s.darken;
            over = cv::Mat(photo.size(), CV_8UC3, skin);
            if (s.grain > 0.0) {
                cv::Mat noise(photo.size(), CV_8UC3);
                for (int y = 0; y < noise.rows; ++y) {
                    auto* row = noise.ptr<cv::Vec3b>(y);
                    for (int x = 0; x < noise.cols; ++x) {
                        const double g = grain(rng);
                        for (int c = 0; c < 3; ++c)
                            row[x][c] = cv::saturate_cast<uchar>(skin[c] + g);
                    }
                }
                over = noise;
            }
        }
        blend(out, over, mask);
    }
    return out;
}

// Four flaps of `durationS` at random moments at least 1.2 s apart (the evaluation: 150 ms,
// four times in 8 s).
std::vector<double> flapTimes(std::mt19937& rng, double seconds, int count)
{
    std::uniform_real_distribution<double> u(0.6, seconds - 0.6);
    for (;;) {
        std::vector<double> t;
        for (int i = 0; i < count; ++i)
            t.push_back(u(rng));
        std::sort(t.begin(), t.end());
        bool spaced = true;
        for (std::size_t i = 1; i < t.size(); ++i)
            spaced = spaced && t[i] - t[i - 1] >= 1.2;
        if (spaced)
            return t;
    }
}

// A phone or monitor replaying a recording, filmed by the counter camera: the screen inside a
// dark bezel, turned a little, with a gamma, lower contrast, a colour cast, the blur of the
// camera's focus and the moire of the pixel grid beating against the sensor.
struct ScreenStyle
{
    double screenShare = 0.86; // of the view
    double gamma = 1.0;
    double contrast = 0.72;
    double offset = 38.0;
    double blurSigma = 0.0;
    double moireAmplitude = 0.09;
    double moireFx = 0.23, moireFy = 0.061;
    double tiltDeg = 0.0;
    bool tiltVertical = true;
    cv::Scalar cast = cv::Scalar(1.06, 1.0, 1.0);
};

cv::Mat screenReplay(const cv::Mat& frame, double t, const ScreenStyle& s)
{
    const int w = frame.cols, h = frame.rows;
    cv::Mat view(h, w, CV_8UC3, cv::Scalar(95, 105, 110)); // the room behind the screen
    const int bw = static_cast<int>(w * s.screenShare), bh = static_cast<int>(h * s.screenShare);
    const cv::Rect bezel((w - bw) / 2, (h - bh) / 2, bw, bh);
    cv::rectangle(view, bezel, cv::Scalar(25, 25, 28), cv::FILLED);
    const cv::Rect screen(bezel.x + 10, bezel.y + 10, bezel.width - 20, bezel.height - 20);
    cv::Mat shown;
    cv::resize(frame, shown, screen.size(), 0, 0, cv::INTER_AREA);
    shown.convertTo(shown, CV_32FC3, 1.0 / 255.0);
    if (std::abs(s.gamma - 1.0) > 1e-3)
        cv::pow(shown, s.gamma, shown);
    shown.convertTo(shown, CV_32FC3, 255.0 * s.contrast, s.offset);
    cv::Mat moire(shown.size(), CV_32FC1);
    for (int y = 0; y < moire.rows; ++y) {
        auto* row = moire.ptr<float>(y);
        for (int x = 0; x < moire.cols; ++x)
            row[x] = static_cast<float>(1.0 + s.moireAmplitude * std::sin(2 * kPi * (s.moireFx * x + s.moireFy * y) + 0.8 * t));
    }
    std::vector<cv::Mat> ch;
    cv::split(shown, ch);
    for (int c = 0; c < 3; ++c)
        ch[static_cast<std::size_t>(c)] = ch[static_cast<std::size_t>(c)].mul(moire) * s.cast[c];
    cv::merge(ch, shown);
    shown.convertTo(shown, CV_8UC3);
    shown.copyTo(view(screen));
    if (std::abs(s.tiltDeg) > 0.01) {
        cv::Mat t2;
        cv::warpPerspective(view, t2, cv::Mat(turnHomography(view.size(), s.tiltDeg, s.tiltVertical, 1.6)), view.size(),
                            cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(95, 105, 110));
        view = t2;
    }
    if (s.blurSigma > 0.05)
        cv::GaussianBlur(view, view, cv::Size(), s.blurSigma);
    return view;
}

// Closed-eye frames in the middle of blinks (tests/data/franck_blinks.csv): the picture a
// closed-eye flap is printed from.
std::int64_t closedEyeFrame(std::size_t i)
{
    static const std::int64_t franck[] = {165, 729, 1065, 1130, 1235};
    return franck[i % 5];
}

std::vector<Presentation> eyeFlapPrints(bool handHeldToo)
{
    std::vector<Presentation> out;
    std::mt19937 rng(handHeldToo ? 4242u : 1717u);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::size_t n = 0;
    for (const auto& [video, index] : stills()) {
        const cv::Mat photo = stillFrame(video, index);
        const vision::Landmarks lm = landmarksOf(photo);
        FlapStyle style;
        style.darken = 0.55 + 0.35 * u(rng);
        style.width = 1.15 + 0.5 * u(rng);
        style.height = 0.55 + 0.4 * u(rng);
        style.feather = n % 3 == 1 ? 0.08 + 0.1 * u(rng) : 0.0;
        style.grain = 6.0 * u(rng);
        style.offset = cv::Point2f(static_cast<float>(0.1 * (u(rng) - 0.5)), static_cast<float>(0.1 * (u(rng) - 0.5)));
        style.closedEyes = n % 3 == 2;
        cv::Mat flapped;
        if (style.closedEyes) {
            const cv::Mat closed = stillFrame(fe::Asset::DemoVideo, closedEyeFrame(n / 3));
            const vision::Landmarks clm = landmarksOf(closed);
            flapped = withFlaps(photo, lm, style, rng, closed, &clm);
        } else {
            flapped = withFlaps(photo, lm, style, rng);
        }
        // The evaluation's flap: 150 ms, four times; some slower, some quicker.
        const double duration = n % 4 == 3 ? 0.25 : (n % 4 == 1 ? 0.10 : 0.15);
        const std::vector<double> times = flapTimes(rng, kAttackSeconds, 4);
        const double phase = 0.7 * static_cast<double>(n);
        const double amount = 0.6 + 0.8 * u(rng);
        const std::string what = std::string(handHeldToo ? "hand-held " : "") + (style.closedEyes ? "closed-eye flap" : "flap");
        out.push_back({stillName(what.c_str(), video, index), handHeldToo ? AttackKind::HandHeldEyeFlapPrint : AttackKind::EyeFlapPrint,
                       halfOf(n), rendered(kAttackSeconds, [photo, flapped, times, duration, handHeldToo, phase, amount](std::int64_t, double t) {
                           bool down = false;
                           for (double s : times)
                               down = down || (t >= s && t < s + duration);
                           const cv::Mat& shown = down ? flapped : photo;
                           return handHeldToo ? handHeld(shown, t, phase, amount) : shown;
                       })});
        ++n;
    }
    return out;
}

// The landmarks of frames [first, first + count) of a demo video: from the lookup (a cache
// the caller already has) or analysed here.
std::vector<vision::Landmarks> trackOf(fe::Asset video, std::int64_t first, std::int64_t count, const LandmarkLookup& lookup,
                                       const std::vector<cv::Mat>& frames)
{
    std::vector<vision::Landmarks> out;
    vision::FrameAnalyzer analyzer(visionModels().landmarks, lowres());
    for (std::int64_t i = 0; i < count; ++i) {
        std::optional<vision::Landmarks> lm;
        if (lookup)
            lm = lookup(video, first + i);
        else {
            const auto a = analyzer.analyze(frames[static_cast<std::size_t>(i)], static_cast<double>(i) * 40.0);
            if (!a.faces.empty())
                lm = a.faces.front().landmarks;
        }
        out.push_back(lm ? *lm : (out.empty() ? vision::Landmarks{} : out.back()));
    }
    return out;
}

cv::Point2f mouthCentre(const vision::Landmarks& lm)
{
    cv::Point2f m(0, 0);
    for (int i = 48; i < 68; ++i)
        m += lm[static_cast<std::size_t>(i)] * (1.f / 20.f);
    return m;
}

// A face print with holes at the eyes and the mouth. Static or hand-held with dark cloth or
// skin-like texture behind the holes (the "static mask image" whose landmark fit jitters), or
// worn: the print moves with the wearer's head as the plane it is, and the wearer's own eyes
// and mouth (another person, or the same person at another time) are seen through the holes.
std::vector<Presentation> cutOutMasks(const LandmarkLookup& lookup)
{
    std::vector<Presentation> out;
    std::mt19937 rng(909u);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (std::size_t k = 0; k < 10; ++k) {
        const auto [video, index] = stills()[(k * 5 + 1) % stills().size()];
        const cv::Mat photo = stillFrame(video, index);
        const vision::Landmarks lm = landmarksOf(photo);
        const double iod = vision::interEyeDistance(lm);
        cv::Mat holes(photo.size(), CV_32F, cv::Scalar(0));
        const double feather = 0.03 * iod * u(rng);
        for (bool side : {true, false}) {
            const EyeGeometry e = eyeGeometry(lm, side);
            cv::max(holes, ellipseMask(photo.size(), e.centre, cv::Size2f(0.75f * e.width, 0.45f * e.width), e.angleDeg, feather), holes);
        }
        const cv::Point2f mouth = mouthCentre(lm);
        const float mouthWidth = static_cast<float>(cv::norm(lm[48] - lm[54]));
        cv::max(holes, ellipseMask(photo.size(), mouth, cv::Size2f(0.65f * mouthWidth, 0.38f * mouthWidth), 0.f, feather), holes);
        const cv::Mat print = 1.0 - holes;

        const int variant = static_cast<int>(k % 5);
        const double phase = 1.3 * static_cast<double>(k);
        std::string what;
        std::function<cv::Mat(double)> render;
        if (variant <= 1 || variant == 4) {
            // Dark cloth or skin-like texture behind; static, or (variant 4) in a hand.
            cv::Mat behind(photo.size(), CV_8UC3, cv::Scalar(18, 16, 20));
            what = "mask, dark holes";
            if (variant == 1 || (variant == 4 && k >= 5)) {
                cv::randn(behind, cv::Scalar(95, 120, 165), cv::Scalar(14, 14, 14));
                cv::GaussianBlur(behind, behind, cv::Size(), 1.5);
                what = "mask, skin behind";
            }
            cv::Mat composite = behind.clone();
            blend(composite, photo, print);
            const bool hand = variant == 4;
            if (hand)
                what = "hand-held " + what;
            render = [composite, hand, phase](double t) { return hand ? handHeld(composite, t, phase, 0.8) : composite; };
        } else {
            // Worn: the wearer is the other video (variant 2) or the same person at another
            // time (variant 3).
            const fe::Asset wearerVideo = variant == 3 ? video : (video == fe::Asset::DemoVideo ? fe::Asset::SecondVideo : fe::Asset::DemoVideo);
            const std::int64_t start = wearerVideo == fe::Asset::DemoVideo ? 300 + 700 * static_cast<std::int64_t>(k % 6)
                                                                          : 60 + 190 * static_cast<std::int64_t>(k % 6);
            const auto count = static_cast<std::int64_t>(kAttackSeconds * videoFps(wearerVideo)) + 2;
            auto frames = std::make_shared<std::vector<cv::Mat>>(decode(wearerVideo, start, count));
            const auto track = trackOf(wearerVideo, start, static_cast<std::int64_t>(frames->size()), lookup, *frames);
            // The print placed on the wearer's face in the first frame (eyes and mouth on eyes
            // and mouth), then carried by the homography of the wearer's rigid landmarks.
            const vision::Landmarks& w0 = track.front();
            const std::vector<cv::Point2f> from = {vision::eyeCentre(lm, true), vision::eyeCentre(lm, false), mouth};
            const std::vector<cv::Point2f> to = {vision::eyeCentre(w0, true), vision::eyeCentre(w0, false), mouthCentre(w0)};
            const cv::Matx33d place = [&] {
                const cv::Mat a = cv::estimateAffinePartial2D(from, to);
                return cv::Matx33d(a.at<double>(0, 0), a.at<double>(0, 1), a.at<double>(0, 2), a.at<double>(1, 0), a.at<double>(1, 1),
                                   a.at<double>(1, 2), 0, 0, 1);
            }();
            auto carry = std::make_shared<std::vector<cv::Matx33d>>();
            for (const auto& w : track) {
                std::vector<cv::Point2f> a, b;
                for (int i = 17; i <= 35; ++i) {
                    a.push_back(w0[static_cast<std::size_t>(i)]);
                    b.push_back(w[static_cast<std::size_t>(i)]);
                }
                const cv::Mat h = cv::findHomography(a, b, 0);
                carry->push_back(h.empty() ? cv::Matx33d::eye() : cv::Matx33d(h) * place);
            }
            const double fps = videoFps(wearerVideo);
            what = variant == 3 ? "worn mask, own eyes" : "worn mask, wearer's eyes";
            render = [frames, carry, fps, photo, print](double t) {
                const auto i = std::min(frames->size() - 1, static_cast<std::size_t>(t * fps));
                const cv::Mat& w = (*frames)[i];
                cv::Mat warped, mask;
                cv::warpPerspective(photo, warped, cv::Mat((*carry)[i]), w.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
                cv::warpPerspective(print, mask, cv::Mat((*carry)[i]), w.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
                cv::Mat frame = w.clone();
                blend(frame, warped, mask);
                return frame;
            };
        }
        out.push_back({stillName(what.c_str(), video, index), AttackKind::CutOutMask, halfOf(k),
                       rendered(kAttackSeconds, [render](std::int64_t, double t) { return render(t); })});
    }
    return out;
}

} // namespace

const char* attackKindName(AttackKind kind)
{
    switch (kind) {
    case AttackKind::Genuine: return "bona fide";
    case AttackKind::StillPrint: return "still print";
    case AttackKind::HandHeldPrint: return "hand-held print";
    case AttackKind::TurnedPrint: return "turned print";
    case AttackKind::EyeFlapPrint: return "eye-flap print";
    case AttackKind::HandHeldEyeFlapPrint: return "hand-held eye-flap print";
    case AttackKind::ScreenReplay: return "screen replay";
    case AttackKind::CutOutMask: return "cut-out mask";
    case AttackKind::FaceSwap: return "face swap";
    }
    return "?";
}

bool isPrintKind(AttackKind kind)
{
    switch (kind) {
    case AttackKind::StillPrint:
    case AttackKind::HandHeldPrint:
    case AttackKind::TurnedPrint:
    case AttackKind::EyeFlapPrint:
    case AttackKind::HandHeldEyeFlapPrint:
    case AttackKind::CutOutMask: return true;
    default: return false;
    }
}

const char* halfName(Half half)
{
    return half == Half::Tuning ? "tuning" : "test";
}

double videoFps(fe::Asset video)
{
    return video == fe::Asset::DemoVideo ? 24.0 : 25.0;
}

std::int64_t videoFrameCount(fe::Asset video)
{
    return video == fe::Asset::DemoVideo ? 4800 : 1337;
}

const char* videoName(fe::Asset video)
{
    return video == fe::Asset::DemoVideo ? "franck" : "cap12";
}

std::vector<VideoWindow> genuineWindows()
{
    std::vector<VideoWindow> out;
    std::size_t n = 0;
    for (fe::Asset video : {fe::Asset::DemoVideo, fe::Asset::SecondVideo}) {
        const auto count = static_cast<std::int64_t>(kAttackSeconds * videoFps(video));
        for (std::int64_t first = 0; first + count <= videoFrameCount(video); first += count) {
            const double s = static_cast<double>(first) / videoFps(video);
            out.push_back({std::string(videoName(video)) + " " + std::to_string(static_cast<int>(s)) + "-" +
                               std::to_string(static_cast<int>(s + kAttackSeconds)) + " s",
                           video, first, count, halfOf(n++)});
        }
    }
    return out;
}

std::vector<VideoWindow> replayWindows(fe::Asset video, double seconds, double stepSeconds)
{
    std::vector<VideoWindow> out;
    const double fps = videoFps(video);
    const auto total = videoFrameCount(video);
    for (double s = 0.0;; s += stepSeconds) {
        const auto first = static_cast<std::int64_t>(std::lround(s * fps));
        if (first + static_cast<std::int64_t>(fps * 2.0) > total)
            break;
        const auto count = std::min<std::int64_t>(static_cast<std::int64_t>(seconds * fps), total - first);
        // The first half of each video tunes, the second half tests.
        out.push_back({std::string(videoName(video)) + " from " + std::to_string(static_cast<int>(s)) + " s", video, first, count,
                       first < total / 2 ? Half::Tuning : Half::Test});
    }
    return out;
}

std::vector<Presentation> attackPresentations(AttackKind kind, const LandmarkLookup& lookup)
{
    std::vector<Presentation> out;
    switch (kind) {
    case AttackKind::Genuine: break;
    case AttackKind::StillPrint: {
        std::size_t n = 0;
        for (const auto& [video, index] : stills()) {
            const cv::Mat photo = stillFrame(video, index);
            out.push_back({stillName("still", video, index), kind, halfOf(n++),
                           rendered(kStillSeconds, [photo](std::int64_t, double) { return photo; })});
        }
        break;
    }
    case AttackKind::HandHeldPrint: {
        std::size_t n = 0;
        for (std::size_t k = 2; k < 10; ++k) {
            const auto& [video, index] = stills()[k];
            const cv::Mat photo = stillFrame(video, index);
            const double phase = 0.9 * static_cast<double>(k);
            const double amount = 0.7 + 0.1 * static_cast<double>(k % 5);
            out.push_back({stillName("hand-held", video, index), kind, halfOf(n++),
                           rendered(kAttackSeconds, [photo, phase, amount](std::int64_t, double t) { return handHeld(photo, t, phase, amount); })});
        }
        break;
    }
    case AttackKind::TurnedPrint: {
        std::size_t n = 0;
        for (std::size_t k = 0; k < 8; ++k) {
            const auto& [video, index] = stills()[(k * 7 + 3) % stills().size()];
            const cv::Mat photo = stillFrame(video, index);
            const bool vertical = k % 3 != 2; // mostly side to side, some up and down
            const double amplitude = 20.0 + 2.0 * static_cast<double>(k * 5 % 8);
            const double period = 2.0 + 0.25 * static_cast<double>(k % 4);
            out.push_back({stillName(vertical ? "turned" : "tilted", video, index), kind, halfOf(n++),
                           rendered(kAttackSeconds, [photo, vertical, amplitude, period](std::int64_t, double t) {
                               return turned(photo, amplitude * std::sin(2 * kPi * t / period), vertical);
                           })});
        }
        // Flexed quickly up and down: foreshortening narrows the eyes as a blink would.
        for (std::size_t k : {2u, 9u}) {
            const auto& [video, index] = stills()[k];
            const cv::Mat photo = stillFrame(video, index);
            out.push_back({stillName("flicked", video, index), kind, halfOf(n++),
                           rendered(kAttackSeconds, [photo](std::int64_t, double t) {
                               return turned(photo, 45.0 * std::max(0.0, std::sin(2 * kPi * t / 0.8)), false);
                           })});
        }
        break;
    }
    case AttackKind::EyeFlapPrint: return eyeFlapPrints(false);
    case AttackKind::HandHeldEyeFlapPrint: return eyeFlapPrints(true);
    case AttackKind::ScreenReplay: {
        std::mt19937 rng(5150u);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        std::size_t n = 0;
        for (std::size_t k = 0; k < 10; ++k) {
            const fe::Asset video = k % 2 == 0 ? fe::Asset::DemoVideo : fe::Asset::SecondVideo;
            const double fps = videoFps(video);
            const auto count = static_cast<std::int64_t>(kAttackSeconds * fps);
            const std::int64_t first = video == fe::Asset::DemoVideo ? static_cast<std::int64_t>(k / 2) * 960 + 120
                                                                     : static_cast<std::int64_t>(k / 2) * 220 + 40;
            auto src = std::make_shared<std::vector<cv::Mat>>(decode(video, first, count));
            ScreenStyle s;
            s.screenShare = 0.78 + 0.17 * u(rng);
            s.gamma = 0.7 + 0.7 * u(rng);
            s.contrast = 0.6 + 0.3 * u(rng);
            s.offset = 15.0 + 35.0 * u(rng);
            s.blurSigma = 1.5 * u(rng);
            s.moireAmplitude = 0.03 + 0.09 * u(rng);
            s.moireFx = 0.1 + 0.3 * u(rng);
            s.moireFy = 0.02 + 0.1 * u(rng);
            s.tiltDeg = 14.0 * (u(rng) - 0.5);
            s.tiltVertical = u(rng) < 0.6;
            s.cast = cv::Scalar(0.95 + 0.15 * u(rng), 0.95 + 0.1 * u(rng), 0.92 + 0.1 * u(rng));
            out.push_back({std::string("replay ") + videoName(video) + "@" + std::to_string(first), kind, halfOf(n++),
                           rendered(kAttackSeconds, [src, s, fps](std::int64_t, double t) {
                               const auto i = std::min(src->size() - 1, static_cast<std::size_t>(t * fps));
                               return screenReplay((*src)[i], t, s);
                           })});
        }
        break;
    }
    case AttackKind::CutOutMask: return cutOutMasks(lookup);
    case AttackKind::FaceSwap: {
        // 5 s of one person, then 5 s of the other, at franck's frame size.
        const std::vector<std::tuple<std::int64_t, std::int64_t, bool>> cuts = {
            {1200, 100, true}, {300, 200, false}, {2400, 600, true}, {2000, 700, false}, {3600, 1000, true}, {4200, 1050, false}};
        std::size_t n = 0;
        for (const auto& [franckStart, capStart, franckFirst] : cuts) {
            auto a = decode(fe::Asset::DemoVideo, franckStart, 120);
            auto b = decode(fe::Asset::SecondVideo, capStart, 125);
            auto seq = std::make_shared<std::vector<cv::Mat>>();
            const cv::Size size = a.front().size();
            for (auto& m : b)
                cv::resize(m, m, size, 0, 0, cv::INTER_AREA);
            auto& firstPart = franckFirst ? a : b;
            auto& secondPart = franckFirst ? b : a;
            seq->insert(seq->end(), firstPart.begin(), firstPart.end());
            seq->insert(seq->end(), secondPart.begin(), secondPart.end());
            out.push_back({std::string("swap ") + (franckFirst ? "franck->cap12 @" : "cap12->franck @") + std::to_string(franckStart),
                           kind, halfOf(n++), std::make_unique<RenderedSource>(static_cast<std::int64_t>(seq->size()), 24.0,
                                                                  [seq](std::int64_t i, double) { return (*seq)[static_cast<std::size_t>(i)]; })});
        }
        break;
    }
    }
    return out;
}

} // namespace fe::test
