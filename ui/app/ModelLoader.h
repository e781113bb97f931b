#pragma once

#include "capture/AnalysisWorker.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

namespace fe::ui {

// Loads the vision models (the 68-point landmark model takes the longest) on a pool thread
// at start, so that the camera picture shows before face analysis is ready. GUI thread only.
class ModelLoader : public QObject
{
    Q_OBJECT

public:
    explicit ModelLoader(QObject* parent = nullptr);
    ~ModelLoader() override;

    void start();
    [[nodiscard]] bool isLoading() const { return m_watcher.isRunning(); }
    [[nodiscard]] const SharedModels& models() const { return m_models; }
    [[nodiscard]] const QString& error() const { return m_error; }

Q_SIGNALS:
    // engines: the live capture's networks, loaded alongside (for one thread's use).
    void loaded(fe::ui::SharedModels models, fe::enroll::LiveCapture::Engines engines);
    void failed(const QString& message);

private:
    struct Result
    {
        SharedModels models;
        enroll::LiveCapture::Engines engines;
        QString error;
    };
    QFutureWatcher<Result> m_watcher;
    SharedModels m_models;
    QString m_error;
};

} // namespace fe::ui
