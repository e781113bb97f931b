// The per-face costs of the vision core on the demo video (issue 11): the 68-point landmark
// evaluator against dlib's shape_predictor, and the two sampled inferences liveness pays for
// (passive PAD, every padIntervalMs, and the face template, every templateIntervalMs).
// Faces are detected and fitted once in the fixture; each benchmark times one call per
// iteration on the faces in turn. CPU time is the figure to read on a shared machine.
// Run: build/bin/bench_vision --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include "common/AssetResolver.h"
#include "vision/FaceAligner.h"
#include "vision/FaceDetector.h"
#include "vision/FaceEncoder.h"
#include "vision/FrameSource.h"
#include "vision/LandmarkModel.h"
#include "vision/PadModel.h"

#include <benchmark/benchmark.h>

#include <opencv2/imgproc.hpp>

#include <memory>
#include <vector>

namespace {

constexpr int kFrames = 240;    // the first 8 s of franck.mp4
constexpr int kEveryNth = 4;    // faces from every 4th frame: 60 faces, varied poses
const cv::Size kFrameSize(640, 480); // the bench command's --resize 640x480

struct Face
{
    cv::Mat bgr;
    cv::Mat grey;
    cv::Rect2f box;
    fe::vision::Landmarks landmarks;
};

struct Data
{
    std::shared_ptr<const fe::vision::LandmarkModel> fast;
    std::shared_ptr<const fe::vision::LandmarkModel> reference;
    std::vector<Face> faces;

    Data()
    {
        const fe::AssetResolver assets;
        fast = fe::vision::LandmarkModel::loadDlib(assets.path(fe::Asset::LandmarkModel));
        reference = fe::vision::LandmarkModel::loadDlibReference(assets.path(fe::Asset::LandmarkModel));
        auto detector = fe::vision::FaceDetector::createHog();
        fe::vision::SourceOptions options;
        options.maxFrames = kFrames;
        options.resize = kFrameSize;
        auto source = fe::vision::FrameSource::open(assets.path(fe::Asset::DemoVideo), options);
        fe::vision::Frame frame;
        while (source->next(frame)) {
            if (frame.index % kEveryNth != 0)
                continue;
            Face f;
            f.bgr = frame.bgr.clone();
            cv::cvtColor(f.bgr, f.grey, cv::COLOR_BGR2GRAY);
            const auto found = detector->detect(f.grey, 0);
            if (found.empty())
                continue;
            f.box = found.front().box;
            f.landmarks = fast->fit(f.grey, f.box);
            faces.push_back(std::move(f));
        }
    }
};

const Data& data()
{
    static const Data d;
    return d;
}

void BM_LandmarkFit(benchmark::State& state, bool reference)
{
    const Data& d = data();
    const auto& model = reference ? *d.reference : *d.fast;
    std::size_t i = 0;
    for (auto _ : state) {
        const Face& f = d.faces[i++ % d.faces.size()];
        benchmark::DoNotOptimize(model.fit(f.grey, f.box));
    }
    state.counters["faces"] = static_cast<double>(d.faces.size());
}
BENCHMARK_CAPTURE(BM_LandmarkFit, fast, false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_LandmarkFit, dlib, true)->Unit(benchmark::kMicrosecond);

void BM_PadScore(benchmark::State& state)
{
    const Data& d = data();
    auto pad = fe::vision::PadModel::loadOnnx(fe::AssetResolver().path(fe::Asset::LivenessModel));
    std::size_t i = 0;
    for (auto _ : state) {
        const Face& f = d.faces[i++ % d.faces.size()];
        benchmark::DoNotOptimize(pad->liveProbability(f.bgr, f.landmarks));
    }
}
BENCHMARK(BM_PadScore)->Unit(benchmark::kMillisecond);

void BM_FaceTemplate(benchmark::State& state)
{
    const Data& d = data();
    auto encoder = fe::vision::FaceEncoder::loadOnnx(fe::AssetResolver().path(fe::Asset::FeatureModel));
    std::size_t i = 0;
    for (auto _ : state) {
        const Face& f = d.faces[i++ % d.faces.size()];
        benchmark::DoNotOptimize(encoder->encode(f.bgr, f.landmarks));
    }
}
BENCHMARK(BM_FaceTemplate)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
