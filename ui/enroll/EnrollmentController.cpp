#include "enroll/EnrollmentController.h"

#include "app/StationContext.h"
#include "capture/CaptureSystem.h"
#include "capture/FrameConverter.h"
#include "common/Error.h"
#include "common/LanguageManager.h"
#include "common/UiLogging.h"
#include "common/UiText.h"
#include "enroll/EnrollmentService.h"
#include "enroll/EnrollmentState.h"
#include "enroll/PhoneNumberValidator.h"
#include "store/Session.h"
#include "vision/VisionModels.h"

#include <QLocale>
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
    : QObject(parent), m_station(station), m_capture(capture)
{
    qRegisterMetaType<IdPhotoResult>();
}

EnrollmentController::~EnrollmentController() = default;

bool EnrollmentController::prepare()
{
    if (m_service)
        return true;
    if (!m_capture.modelsReady())
        return false;
    try {
        m_service = std::make_unique<enroll::EnrollmentService>(m_station.session(), *m_capture.models());
        m_prepareError.clear();
    } catch (const fe::Error& e) {
        m_prepareError = UiText::error(e);
    } catch (const std::exception& e) {
        m_prepareError = UiText::unexpected(e);
    }
    Q_EMIT readyChanged(m_service != nullptr);
    return m_service != nullptr;
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

QString EnrollmentController::documentNumberError(const QString& number)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9-]+$"));
    const QString n = number.trimmed();
    if (n.isEmpty())
        return tr("Type the document number.");
    if (n.size() > kMaxDocumentNumberLength)
        return tr("The document number is too long (at most %1 characters).").arg(kMaxDocumentNumberLength);
    if (!allowed.match(n).hasMatch())
        return tr("Use only letters, digits and hyphens, as printed on the document.");
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
    if (!m_service || !bgr || bgr->empty() || m_checking) {
        Q_EMIT idPhotoFailed(requestId, tr("There is no picture to check yet."));
        return;
    }
    m_checking = true;
    enroll::EnrollmentService* service = m_service.get();
    auto* watcher = new QFutureWatcher<std::pair<IdPhotoResult, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, requestId] {
        m_checking = false;
        auto [result, error] = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty())
            Q_EMIT idPhotoFailed(requestId, error);
        else
            Q_EMIT idPhotoChecked(requestId, result);
    });
    // The service is not used by anyone else while the page waits for this check.
    watcher->setFuture(QtConcurrent::run([service, bgr]() -> std::pair<IdPhotoResult, QString> {
        IdPhotoResult r;
        try {
            auto check = std::make_shared<enroll::IdPhotoCheck>(service->checkIdPhoto(*bgr));
            r.image = FrameConverter::toImage(*bgr);
            if (check->faceFound)
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

enroll::EnrollmentOutcome EnrollmentController::assess(const EnrollmentState& state) const
{
    const enroll::LiveResult* live = state.liveResult();
    if (!m_service || !state.idPhoto || live == nullptr)
        throw fe::Error(ErrorCode::InvalidInput,
                        QT_TRANSLATE_NOOP("fe::Error", "The enrollment is not complete: the ID photo or the live capture is missing."));
    return m_service->assess(state.subjectInput(), *state.idPhoto, *live, state.overrideUsed,
                             state.overrideReason.toStdString());
}

enroll::EnrollmentOutcome EnrollmentController::save(const EnrollmentState& state)
{
    const enroll::LiveResult* live = state.liveResult();
    if (!m_service || !state.idPhoto || live == nullptr)
        throw fe::Error(ErrorCode::InvalidInput,
                        QT_TRANSLATE_NOOP("fe::Error", "The enrollment is not complete: the ID photo or the live capture is missing."));
    return m_service->enroll(state.subjectInput(), *state.idPhoto, *live, state.overrideUsed,
                             state.overrideReason.toStdString());
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
