#pragma once

#include "capture/AnalysisWorker.h"
#include "capture/CameraChoice.h"
#include "capture/LiveSettings.h"
#include "common/CancelToken.h"
#include "enroll/EnrollTypes.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QRectF>
#include <QString>

#include <memory>
#include <optional>

namespace fe::enroll {
class EnrollmentService;
class IdPhotoReader;
class MatchIndex;
} // namespace fe::enroll

namespace fe::ui {

class CaptureSystem;
class EnrollmentState;
class StationContext;

// The wizard's one way into core/enroll: per-field validation, the live step's settings, the
// ID-photo check (IdPhotoReader on a pool thread), the assessment shown before saving,
// saving, and the audit of refusals and abandoned enrollments. GUI thread only.
//
// Threads (DESIGN.md "The GUI's threads"): the UI thread owns the Session and the light
// EnrollmentService (made at once, no models). Once the vision models are there, prepare()
// opens a worker session (Session::openWorker()) and a pool thread creates the IdPhotoReader
// and loads the MatchIndex through it, with progress (indexProgress) and a CancelToken; the
// GUI never waits for it. The controller lives while the station is unlocked: its
// destruction cancels the load and wipes the index.
class EnrollmentController : public QObject
{
    Q_OBJECT

public:
    struct IdPhotoResult
    {
        std::shared_ptr<const enroll::IdPhotoCheck> check;
        QImage image;
        std::optional<QRectF> faceBox;
    };

    EnrollmentController(StationContext& station, CaptureSystem& capture, QObject* parent = nullptr);
    ~EnrollmentController() override;

    // Starts loading the match index once the models are there (at most once); true when
    // the index is ready, false until then or when it failed (prepareError()).
    bool prepare();
    [[nodiscard]] bool isReady() const { return m_indexReady; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    // The index load's progress (templates read, of total); total 0 before the first report.
    [[nodiscard]] std::pair<qint64, qint64> loadProgress() const { return m_progress; }
    [[nodiscard]] QString prepareError() const { return m_prepareError; }

    // Field checks as the customer page types; an empty string when the value is fine.
    [[nodiscard]] static QString nameError(const QString& name);
    // The document number by the core's rules for the type (DocumentTypes::normalise).
    [[nodiscard]] static QString documentNumberError(const QString& type, const QString& number);
    // The number in E.164 when valid (libphonenumber through the core).
    [[nodiscard]] static std::optional<QString> phoneE164(const QString& phone, const QString& region);
    [[nodiscard]] static QString phoneError(const QString& phone, const QString& region);
    // The region for numbers typed without +CC: the UI language's, else the system's.
    [[nodiscard]] static QString defaultRegion();
    [[nodiscard]] static QString examplePhone(const QString& region);

    // The live step for this camera: the station's liveness mode and quality profile when
    // set, else spontaneous with the low-resolution profile for the demo camera (a recording
    // cannot follow prompts) and challenges with the default profile for a real camera.
    [[nodiscard]] LiveSettings liveSettings(const CameraChoice& camera) const;
    // Tools (the screenshot tour): these settings instead, until reset.
    void setLiveSettingsOverride(std::optional<LiveSettings> settings) { m_liveOverride = std::move(settings); }
    // Failed attempts (no portrait passing the quality gate) before the override is offered.
    [[nodiscard]] int maxFailedAttempts() const;
    [[nodiscard]] double documentThreshold() const;

    // Checks a captured or imported ID photo; answers with idPhotoChecked or idPhotoFailed.
    void checkIdPhoto(int requestId, SharedMat bgr);
    [[nodiscard]] bool isCheckingIdPhoto() const { return m_checking; }

    // Throw fe::Error (what enroll() would refuse).
    enroll::EnrollmentOutcome assess(const EnrollmentState& state) const;
    enroll::EnrollmentOutcome save(const EnrollmentState& state);

    // Audit: the customer refused consent; an enrollment in progress was discarded.
    void recordRefusal();
    void recordAbandoned(const char* why);

Q_SIGNALS:
    void readyChanged(bool ready);
    void indexProgress(qint64 done, qint64 total);
    void idPhotoChecked(int requestId, const fe::ui::EnrollmentController::IdPhotoResult& result);
    void idPhotoFailed(int requestId, const QString& message);

private:
    StationContext& m_station;
    CaptureSystem& m_capture;
    void onIndexLoaded(std::shared_ptr<enroll::MatchIndex> index, std::shared_ptr<enroll::IdPhotoReader> reader,
                       const QString& error);

    std::unique_ptr<enroll::EnrollmentService> m_service;
    std::shared_ptr<enroll::MatchIndex> m_index;
    std::shared_ptr<enroll::IdPhotoReader> m_reader;
    CancelToken m_cancel;
    bool m_loading = false;
    bool m_indexReady = false;
    std::pair<qint64, qint64> m_progress{0, 0};
    QString m_prepareError;
    bool m_checking = false;
    std::optional<LiveSettings> m_liveOverride;
};

} // namespace fe::ui

Q_DECLARE_METATYPE(fe::ui::EnrollmentController::IdPhotoResult)
