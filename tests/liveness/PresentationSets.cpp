#include "PresentationSets.h"

#include "common/TestData.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <functional>
#include <map>

namespace fe::test {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kStillSeconds = 5.0;
constexpr double kStillFps = 25.0;

// Decodes frames [first, first + count) of a demo video once into memory.
std::vector<cv::Mat> decode(fe::Asset video, std::int64_t first, std::int64_t count)
{
    vision::SourceOptions o;
    o.maxFrames = first + count;
    auto src = vision::FrameSource::open(asset(video), o);
    std::vector<cv::Mat> out;
    vision::Frame f;
    while (src->next(f)) {
        if (f.index >= first)
            out.push_back(f.bgr.clone());
    }
    return out;
}

double fpsOf(fe::Asset video)
{
    return video == fe::Asset::DemoVideo ? 24.0 : 25.0;
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

std::unique_ptr<vision::FrameSource> videoWindow(fe::Asset video, std::int64_t first, std::int64_t count)
{
    auto frames = std::make_shared<std::vector<cv::Mat>>(decode(video, first, count));
    const auto n = static_cast<std::int64_t>(frames->size());
    return std::make_unique<RenderedSource>(n, fpsOf(video), [frames](std::int64_t i, double) { return (*frames)[static_cast<std::size_t>(i)]; });
}

// Still frames used for photo attacks: spread over each video.
const std::vector<std::pair<fe::Asset, std::int64_t>>& stills()
{
    static const std::vector<std::pair<fe::Asset, std::int64_t>> s = {
        {fe::Asset::DemoVideo, 100},   {fe::Asset::DemoVideo, 1243}, {fe::Asset::DemoVideo, 2384},
        {fe::Asset::DemoVideo, 3500},  {fe::Asset::DemoVideo, 4313}, {fe::Asset::DemoVideo, 4700},
        {fe::Asset::SecondVideo, 50},  {fe::Asset::SecondVideo, 300}, {fe::Asset::SecondVideo, 600},
        {fe::Asset::SecondVideo, 900}, {fe::Asset::SecondVideo, 1100}, {fe::Asset::SecondVideo, 1300},
    };
    return s;
}

cv::Mat stillFrame(fe::Asset video, std::int64_t index)
{
    return decode(video, index, 1).front();
}

std::string stillName(const char* what, fe::Asset video, std::int64_t index)
{
    return std::string(what) + (video == fe::Asset::DemoVideo ? " franck@" : " cap12@") + std::to_string(index);
}

// A photo held in a hand: a slow drift plus tremor, a little rotation and scale.
cv::Mat handHeld(const cv::Mat& photo, double t, double phase)
{
    const double dx = 7.0 * std::sin(2 * kPi * t / 1.7 + phase) + 2.5 * std::sin(2 * kPi * t / 0.45);
    const double dy = 5.0 * std::sin(2 * kPi * t / 2.3 + 2 * phase) + 2.0 * std::sin(2 * kPi * t / 0.55);
    const double angle = 4.0 * std::sin(2 * kPi * t / 2.9 + phase);
    const double scale = 1.0 + 0.04 * std::sin(2 * kPi * t / 3.1 + 3 * phase);
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(photo.cols / 2.f, photo.rows / 2.f), angle, scale);
    m.at<double>(0, 2) += dx;
    m.at<double>(1, 2) += dy;
    cv::Mat out;
    cv::warpAffine(photo, out, m, photo.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

// A flat photo turned about its vertical (or horizontal) axis in front of a pinhole camera at
// 1.2 photo widths: the projective image of a plane rotating by `angleDeg`.
cv::Mat turned(const cv::Mat& photo, double angleDeg, bool vertical)
{
    const double w = photo.cols, h = photo.rows;
    const double f = 1.2 * w;
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
    cv::Mat out;
    cv::warpPerspective(photo, out, cv::getPerspectiveTransform(src, dst), photo.size(), cv::INTER_LINEAR,
                        cv::BORDER_CONSTANT, cv::Scalar(70, 70, 70));
    return out;
}

// A phone or monitor replaying the video, filmed by the counter camera: the screen fills 80 %
// of the view inside a dark bezel, with less contrast, a colour cast, and the moire of the
// pixel grid beating against the camera's sensor.
cv::Mat screenReplay(const cv::Mat& frame, double t)
{
    const int w = frame.cols, h = frame.rows;
    cv::Mat view(h, w, CV_8UC3, cv::Scalar(95, 105, 110)); // the room behind the screen
    const cv::Rect bezel(static_cast<int>(w * 0.07), static_cast<int>(h * 0.07), static_cast<int>(w * 0.86), static_cast<int>(h * 0.86));
    cv::rectangle(view, bezel, cv::Scalar(25, 25, 28), cv::FILLED);
    const cv::Rect screen(bezel.x + 10, bezel.y + 10, bezel.width - 20, bezel.height - 20);
    cv::Mat shown;
    cv::resize(frame, shown, screen.size(), 0, 0, cv::INTER_AREA);
    shown.convertTo(shown, CV_32FC3, 0.72, 38.0);
    cv::Mat moire(shown.size(), CV_32FC1);
    for (int y = 0; y < moire.rows; ++y) {
        auto* row = moire.ptr<float>(y);
        for (int x = 0; x < moire.cols; ++x)
            row[x] = static_cast<float>(1.0 + 0.09 * std::sin(2 * kPi * (0.23 * x + 0.061 * y) + 0.8 * t));
    }
    std::vector<cv::Mat> ch;
    cv::split(shown, ch);
    for (auto& c : ch)
        c = c.mul(moire);
    ch[0] *= 1.06; // the bluish cast of a backlit panel
    cv::merge(ch, shown);
    shown.convertTo(shown, CV_8UC3);
    shown.copyTo(view(screen));
    return view;
}

} // namespace

const char* attackKindName(AttackKind kind)
{
    switch (kind) {
    case AttackKind::Genuine: return "genuine";
    case AttackKind::StillPhoto: return "still photo";
    case AttackKind::HandHeldPhoto: return "hand-held photo";
    case AttackKind::TurnedPhoto: return "turned photo";
    case AttackKind::ScreenReplay: return "screen replay";
    case AttackKind::FaceSwap: return "face swap";
    }
    return "?";
}

std::vector<Presentation> genuinePresentations()
{
    std::vector<Presentation> out;
    for (std::int64_t w = 0; w < 20; ++w)
        out.push_back({"franck " + std::to_string(w * 10) + "-" + std::to_string(w * 10 + 10) + " s", AttackKind::Genuine,
                       videoWindow(fe::Asset::DemoVideo, w * 240, 240)});
    for (std::int64_t w = 0; w < 5; ++w)
        out.push_back({"cap12 " + std::to_string(w * 10) + "-" + std::to_string(w * 10 + 10) + " s", AttackKind::Genuine,
                       videoWindow(fe::Asset::SecondVideo, std::min<std::int64_t>(w * 250, 1337 - 250), 250)});
    return out;
}

std::vector<Presentation> attackPresentations(AttackKind kind)
{
    std::vector<Presentation> out;
    const auto frames = static_cast<std::int64_t>(kStillSeconds * kStillFps);
    switch (kind) {
    case AttackKind::Genuine: return genuinePresentations();
    case AttackKind::StillPhoto:
        for (const auto& [video, index] : stills()) {
            const cv::Mat photo = stillFrame(video, index);
            out.push_back({stillName("still", video, index), kind,
                           std::make_unique<RenderedSource>(frames, kStillFps, [photo](std::int64_t, double) { return photo; })});
        }
        break;
    case AttackKind::HandHeldPhoto: {
        double phase = 0.0;
        for (const auto& [video, index] : stills()) {
            const cv::Mat photo = stillFrame(video, index);
            phase += 0.9;
            out.push_back({stillName("hand-held", video, index), kind,
                           std::make_unique<RenderedSource>(2 * frames, kStillFps, [photo, phase](std::int64_t, double t) {
                               return handHeld(photo, t, phase);
                           })});
        }
        break;
    }
    case AttackKind::TurnedPhoto: {
        int n = 0;
        for (const auto& [video, index] : stills()) {
            const cv::Mat photo = stillFrame(video, index);
            const bool vertical = (n++ % 3) != 2; // mostly side to side, some up and down
            out.push_back({stillName(vertical ? "turned" : "tilted", video, index), kind,
                           std::make_unique<RenderedSource>(2 * frames, kStillFps, [photo, vertical](std::int64_t, double t) {
                               return turned(photo, 30.0 * std::sin(2 * kPi * t / 2.5), vertical);
                           })});
        }
        // Flexed quickly up and down: foreshortening narrows the eyes as a blink would.
        for (const auto& [video, index] : {stills()[1], stills()[8]}) {
            const cv::Mat photo = stillFrame(video, index);
            out.push_back({stillName("flicked", video, index), kind,
                           std::make_unique<RenderedSource>(2 * frames, kStillFps, [photo](std::int64_t, double t) {
                               return turned(photo, 45.0 * std::max(0.0, std::sin(2 * kPi * t / 0.8)), false);
                           })});
        }
        break;
    }
    case AttackKind::ScreenReplay:
        for (std::int64_t w : {0, 5, 10, 15}) {
            auto src = std::make_shared<std::vector<cv::Mat>>(decode(fe::Asset::DemoVideo, w * 240, 240));
            out.push_back({"replay franck " + std::to_string(w * 10) + " s", kind,
                           std::make_unique<RenderedSource>(static_cast<std::int64_t>(src->size()), 24.0,
                                                            [src](std::int64_t i, double t) { return screenReplay((*src)[static_cast<std::size_t>(i)], t); })});
        }
        for (std::int64_t w : {0, 2, 4}) {
            auto src = std::make_shared<std::vector<cv::Mat>>(decode(fe::Asset::SecondVideo, std::min<std::int64_t>(w * 250, 1087), 250));
            out.push_back({"replay cap12 " + std::to_string(w * 10) + " s", kind,
                           std::make_unique<RenderedSource>(static_cast<std::int64_t>(src->size()), 25.0,
                                                            [src](std::int64_t i, double t) { return screenReplay((*src)[static_cast<std::size_t>(i)], t); })});
        }
        break;
    case AttackKind::FaceSwap: {
        // 5 s of one person, then 5 s of the other, at franck's frame size.
        const std::vector<std::tuple<std::int64_t, std::int64_t, bool>> cuts = {
            {1200, 100, true}, {2400, 600, true}, {3600, 1000, true}, {300, 200, false}, {2000, 700, false}, {4200, 1050, false}};
        for (const auto& [franckStart, capStart, franckFirst] : cuts) {
            auto a = decode(fe::Asset::DemoVideo, franckStart, 120);
            auto b = decode(fe::Asset::SecondVideo, capStart, 125);
            auto seq = std::make_shared<std::vector<cv::Mat>>();
            const cv::Size size = a.front().size();
            for (auto& m : b)
                cv::resize(m, m, size, 0, 0, cv::INTER_AREA);
            auto& first = franckFirst ? a : b;
            auto& second = franckFirst ? b : a;
            seq->insert(seq->end(), first.begin(), first.end());
            seq->insert(seq->end(), second.begin(), second.end());
            out.push_back({std::string("swap ") + (franckFirst ? "franck->cap12 @" : "cap12->franck @") + std::to_string(franckStart),
                           kind, std::make_unique<RenderedSource>(static_cast<std::int64_t>(seq->size()), 24.0,
                                                                  [seq](std::int64_t i, double) { return (*seq)[static_cast<std::size_t>(i)]; })});
        }
        break;
    }
    }
    return out;
}

} // namespace fe::test
