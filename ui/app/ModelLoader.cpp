#include "app/ModelLoader.h"

#include "common/AssetResolver.h"
#include "common/Error.h"
#include "common/UiLogging.h"
#include "common/UiText.h"
#include "vision/FaceEncoder.h"
#include "vision/PadModel.h"
#include "vision/VisionModels.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>

namespace fe::ui {
namespace {

// The models one process loaded, while anyone still holds them: a second window (or test)
// gets them at once instead of loading 100 MB again.
std::mutex s_cacheMutex;
std::weak_ptr<const vision::VisionModels> s_cache;

template <typename F>
QString attempt(F&& f)
{
    try {
        f();
    } catch (const fe::Error& e) {
        return UiText::error(e);
    } catch (const std::exception& e) {
        return UiText::unexpected(e);
    }
    return {};
}

} // namespace

ModelLoader::ModelLoader(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        Result r = m_watcher.result();
        if (r.models) {
            m_models = r.models;
            Q_EMIT loaded(m_models, r.engines);
        } else {
            m_error = r.error;
            Q_EMIT failed(m_error);
        }
    });
}

ModelLoader::~ModelLoader()
{
    m_watcher.waitForFinished();
}

void ModelLoader::start()
{
    if (m_watcher.isRunning() || m_models)
        return;
    m_watcher.setFuture(QtConcurrent::run([]() -> Result {
        QElapsedTimer t;
        t.start();
        Result r;
        // The live capture's two small networks load on a second thread while this one reads
        // the 100 MB landmark model: on two cores, ready sooner.
        auto engines = QtConcurrent::run([] {
            enroll::LiveCapture::Engines e;
            const QString error = attempt([&] {
                const AssetResolver assets;
                e.encoder = vision::FaceEncoder::loadOnnx(assets.path(Asset::FeatureModel));
                e.pad = vision::PadModel::loadOnnx(assets.path(Asset::LivenessModel));
            });
            return error.isEmpty() ? e : enroll::LiveCapture::Engines{};
        });
        r.error = attempt([&] {
            const std::lock_guard<std::mutex> lock(s_cacheMutex);
            r.models = s_cache.lock();
            if (!r.models) {
                r.models = std::make_shared<const vision::VisionModels>(vision::VisionModels::load(AssetResolver()));
                s_cache = r.models;
            }
        });
        r.engines = engines.result();
        if (!r.error.isEmpty())
            r.models.reset();
        qCInfo(lcUi) << "models loaded in" << t.elapsed() << "ms";
        return r;
    }));
}

} // namespace fe::ui
