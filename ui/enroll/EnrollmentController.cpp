#include "enroll/EnrollmentController.h"

#include "app/StationContext.h"
#include "capture/CaptureSystem.h"
#include "capture/FrameConverter.h"
#include "common/Error.h"
#include "common/LanguageManager.h"
#include "common/UiLogging.h"
#include "common/UiText.h"
#include "enroll/DocumentTypes.h"
#include "enroll/EnrollmentService.h"
#include "enroll/EnrollmentState.h"
#include "enroll/IdPhotoReader.h"
#include "enroll/MatchIndex.h"
#include "enroll/PhoneNumberValidator.h"
#include "store/Session.h"
#include "vision/VisionModels.h"

#include <QDate>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace fe::ui {
namespace {

// Station settings the live step reads (written by an admin; part 2's settings screen).
constexpr const char* kLivenessModeSetting = "liveness.mode";
constexpr const char* kQualityProfileSetting = "capture.quality_profile";
constexpr const char* kMaxAttemptsSetting = "capture.max_attempts";
// Issue 13: "after the configured number of failed attempts"; three tries is our default.
constexpr int kDefaultMaxFailedAttempts = 3;
constexpr int kMaxFailedAttemptsLimit = 10;
// Field lengths: longer than any name or document number we know of, short enough to catch
// a paste gone wrong.
constexpr int kMaxNameLength = 120;
constexpr int kMaxDocumentNumberLength = 40;

} // namespace

EnrollmentController::EnrollmentController(StationContext& station, CaptureSystem& capture, QObject* parent)
    : QObject(parent), m_station(station), m_capture(capture),
      m_service(std::make_unique<enroll::EnrollmentService>(station.session()))
{
    qRegisterMetaType<IdPhotoResult>();
    // The index loads as soon as the models are there, while the operator is still on the
    // home screen or the first pages.
    connect(&m_capture, &CaptureSystem::modelsReadyChanged, this, [this](bool ready) {
        if (ready)
            prepare();
    });
    QMetaObject::invokeMethod(this, [this] { prepare(); }, Qt::QueuedConnection);
}

EnrollmentController::~EnrollmentController()
{
    // A load still running stops at its next step; what it read is dropped, and the index
    // (personal data) does not outlive the unlocked station.
    m_cancel.cancel();
    if (m_index)
        m_index->wipe();
}

bool EnrollmentController::prepare()
{
    if (m_indexReady)
        return true;
    if (m_loading || !m_capture.modelsReady())
        return false;
    std::shared_ptr<store::Session> worker;
    try {
        worker = std::make_shared<store::Session>(m_station.session().openWorker());
    } catch (const fe::Error& e) {
        m_prepareError = UiText::error(e);
        Q_EMIT readyChanged(false);
        return false;
    }
    m_prepareError.clear();
    m_loading = true;
    m_progress = {0, 0};
    const SharedModels models = m_capture.models();
    const CancelToken cancel = m_cancel;
    QPointer<EnrollmentController> self(this);
    // The worker session and the reader are used on the pool thread only until the load ends;
    // the reader then serves the ID-photo checks, one at a time.
    (void)QtConcurrent::run([self, models, worker, cancel]() mutable {
        std::shared_ptr<enroll::MatchIndex> index;
        std::shared_ptr<enroll::IdPhotoReader> reader;
        QString error;
        try {
            reader = std::make_shared<enroll::IdPhotoReader>(*models);
            index = std::make_shared<enroll::MatchIndex>(enroll::MatchIndex::specOf(reader->encoder()));
            const auto result = index->load(
                *worker,
                [self](const enroll::MatchIndex::Progress& p) {
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, p] {
                            if (self) {
                                self->m_progress = {p.done, p.total};
                                Q_EMIT self->indexProgress(p.done, p.total);
                            }
                        },
                        Qt::QueuedConnection);
                },
                cancel);
            if (result == enroll::MatchIndex::LoadResult::Cancelled)
                index.reset();
        } catch (const fe::Error& e) {
            error = UiText::error(e);
            index.reset();
        } catch (const std::exception& e) {
            error = UiText::unexpected(e);
            index.reset();
        }
        worker.reset(); // its connection ends on the thread that used it
        if (cancel.cancelled() && index) {
            index->wipe();
            index.reset();
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, index, reader, error] {
                if (self)
                    self->onIndexLoaded(index, reader, error);
                else if (index)
                    index->wipe();
            },
            Qt::QueuedConnection);
    });
    return false;
}

void EnrollmentController::onIndexLoaded(std::shared_ptr<enroll::MatchIndex> index,
                                         std::shared_ptr<enroll::IdPhotoReader> reader, const QString& error)
{
    m_loading = false;
    if (!index || !reader) {
        m_prepareError = error.isEmpty() ? tr("Loading the enrolled faces was stopped.") : error;
        qCWarning(lcUi) << "match index not loaded";
        Q_EMIT readyChanged(false);
        return;
    }
    m_index = std::move(index);
    m_reader = std::move(reader);
    m_service->setIndex(m_index);
    m_indexReady = true;
    qCDebug(lcUi) << "match index ready:" << m_index->size() << "enrollments";
    Q_EMIT readyChanged(true);
}

QString EnrollmentController::nameError(const QString& name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return tr("Type the customer's name as on the document.");
    if (n.size() > kMaxNameLength)
        return tr("The name is too long (at most %1 characters).").arg(kMaxNameLength);
    return {};
}

QString EnrollmentController::documentNumberError(const QString& type, const QString& number)
{
    const QString n = number.trimmed();
    if (n.isEmpty())
        return tr("Type the document number.");
    if (n.size() > kMaxDocumentNumberLength)
        return tr("The document number is too long (at most %1 characters).").arg(kMaxDocumentNumberLength);
    // The core's rules for the type (length, alphabet, check character, date of birth).
    const QDate d = QDate::currentDate();
    const std::chrono::year_month_day today{std::chrono::year(d.year()), std::chrono::month(static_cast<unsigned>(d.month())),
                                            std::chrono::day(static_cast<unsigned>(d.day()))};
    try {
        (void)enroll::DocumentTypes::normalise(type.toStdString(), n.toStdString(), today);
    } catch (const fe::Error& e) {
        return UiText::error(e);
    }
    return {};
}

std::optional<QString> EnrollmentController::phoneE164(const QString& phone, const QString& region)
{
    const auto e164 = enroll::PhoneNumberValidator::toE164(phone.trimmed().toStdString(), region.toStdString());
    if (!e164)
        return std::nullopt;
    return QString::fromStdString(*e164);
}

QString EnrollmentController::phoneError(const QString& phone, const QString& region)
{
    if (phone.trimmed().isEmpty())
        return tr("Type the customer's phone number.");
    if (phoneE164(phone, region))
        return {};
    if (region.isEmpty())
        return tr("Not a valid phone number. Type it with its country code, e.g. +86.");
    return tr("Not a valid phone number. Type a %1 number, or any number with its country code (e.g. +86).")
        .arg(region);
}

QString EnrollmentController::defaultRegion()
{
    const LanguageManager* lm = LanguageManager::instance();
    if (lm != nullptr && lm->language() == QLatin1String("zh_CN"))
        return QStringLiteral("CN");
    const QLocale system = QLocale::system();
    if (system.territory() == QLocale::AnyTerritory || system.language() == QLocale::C)
        return {};
    return QLocale::territoryToCode(system.territory());
}

QString EnrollmentController::examplePhone(const QString& region)
{
    // Without a region the example is written internationally (as it must be typed).
    const std::string r = region.isEmpty() ? std::string("CN") : region.toStdString();
    return QString::fromStdString(enroll::PhoneNumberValidator::exampleMobile(r));
}

LiveSettings EnrollmentController::liveSettings(const CameraChoice& camera) const
{
    if (m_liveOverride)
        return *m_liveOverride;
    LiveSettings s;
    s.mode = camera.isDemo() ? liveness::Mode::Spontaneous : liveness::Mode::Challenge;
    s.source = camera.isDemo() ? liveness::CaptureSource::DemoCamera : liveness::CaptureSource::Camera;
    s.qualityProfile = camera.isDemo() ? "lowres" : "default";
    try {
        store::Session& session = m_station.session();
        if (const auto mode = session.setting(kLivenessModeSetting)) {
            if (*mode == "spontaneous")
                s.mode = liveness::Mode::Spontaneous;
            else if (*mode == "challenge")
                s.mode = liveness::Mode::Challenge;
        }
        if (const auto profile = session.setting(kQualityProfileSetting)) {
            const auto names = vision::QualityProfile::names();
            if (std::find(names.begin(), names.end(), *profile) != names.end())
                s.qualityProfile = *profile;
        }
    } catch (const fe::Error& e) {
        qCWarning(lcUi) << "cannot read the live-capture settings:" << e.what();
    }
    return s;
}

int EnrollmentController::maxFailedAttempts() const
{
    try {
        if (const auto v = m_station.session().setting(kMaxAttemptsSetting)) {
            bool ok = false;
            const int n = QString::fromStdString(*v).toInt(&ok);
            if (ok && n >= 1 && n <= kMaxFailedAttemptsLimit)
                return n;
        }
    } catch (const fe::Error& e) {
        qCWarning(lcUi) << "cannot read" << kMaxAttemptsSetting << ":" << e.what();
    }
    return kDefaultMaxFailedAttempts;
}

double EnrollmentController::documentThreshold() const
{
    return m_service ? m_service->policy().documentThreshold : 0.0;
}

void EnrollmentController::checkIdPhoto(int requestId, SharedMat bgr)
{
    if (!m_indexReady || !m_reader || !bgr || bgr->empty() || m_checking) {
        Q_EMIT idPhotoFailed(requestId, tr("There is no picture to check yet."));
        return;
    }
    m_checking = true;
    std::shared_ptr<enroll::IdPhotoReader> reader = m_reader;
    auto* watcher = new QFutureWatcher<std::pair<IdPhotoResult, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, requestId] {
        m_checking = false;
        auto [result, error] = watcher->result();
        watcher->deleteLater();
        // The workflow's rules on the document photo (one face; the quality profile is shown
        // on the page and decided when saving).
        if (error.isEmpty() && result.check && result.check->faceCount > 1) {
            try {
                m_service->checkIdPhotoRules(*result.check, true);
            } catch (const fe::Error& e) {
                error = UiText::error(e);
            }
        }
        if (!error.isEmpty())
            Q_EMIT idPhotoFailed(requestId, error);
        else
            Q_EMIT idPhotoChecked(requestId, result);
    });
    // The reader is used by one check at a time (m_checking).
    watcher->setFuture(QtConcurrent::run([reader, bgr]() -> std::pair<IdPhotoResult, QString> {
        IdPhotoResult r;
        try {
            auto check = std::make_shared<enroll::IdPhotoCheck>(reader->analyze(*bgr));
            r.image = FrameConverter::toImage(*bgr);
            if (check->faceFound())
                r.faceBox = QRectF(check->faceBox.x, check->faceBox.y, check->faceBox.width, check->faceBox.height);
            r.check = std::move(check);
        } catch (const fe::Error& e) {
            return {r, UiText::error(e)};
        } catch (const std::exception& e) {
            return {r, UiText::unexpected(e)};
        }
        return {r, {}};
    }));
}

namespace {

enroll::EnrollOptions optionsOf(const EnrollmentState& state)
{
    enroll::EnrollOptions o;
    o.lowQualityOverride = state.overrideUsed;
    o.overrideReason = state.overrideReason.toStdString();
    // An ID photo below the document profile is kept only through the page's explicit
    // "keep it anyway" with a reason; the enrollment is then flagged for review.
    o.idPhotoQualityOverride = state.idPhoto && !state.idPhoto->quality.passed && state.idPhotoOverride;
    o.idPhotoOverrideReason = state.idPhotoOverrideReason.trimmed().toStdString();
    return o;
}

} // namespace

enroll::EnrollmentOutcome EnrollmentController::assess(const EnrollmentState& state) const
{
    const enroll::LiveResult* live = state.liveResult();
    if (!m_indexReady || !state.idPhoto || live == nullptr)
        throw fe::Error(ErrorCode::InvalidInput,
                        QT_TRANSLATE_NOOP("fe::Error", "The enrollment is not complete: the ID photo or the live capture is missing."));
    return m_service->assess(state.subjectInput(), *state.idPhoto, *live, optionsOf(state));
}

enroll::EnrollmentOutcome EnrollmentController::save(const EnrollmentState& state)
{
    const enroll::LiveResult* live = state.liveResult();
    if (!m_indexReady || !state.idPhoto || live == nullptr)
        throw fe::Error(ErrorCode::InvalidInput,
                        QT_TRANSLATE_NOOP("fe::Error", "The enrollment is not complete: the ID photo or the live capture is missing."));
    return m_service->enroll(state.subjectInput(), *state.idPhoto, *live, optionsOf(state));
}

void EnrollmentController::recordRefusal()
{
    try {
        m_station.session().recordConsentRefused();
    } catch (const fe::Error& e) {
        qCWarning(lcUi) << "cannot audit the refusal:" << e.what();
    }
}

void EnrollmentController::recordAbandoned(const char* why)
{
    try {
        m_station.session().recordEnrollmentAbandoned(why);
    } catch (const fe::Error& e) {
        qCWarning(lcUi) << "cannot audit the abandoned enrollment:" << e.what();
    }
}

} // namespace fe::ui
