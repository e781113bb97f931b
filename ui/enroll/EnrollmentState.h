#pragma once

#include "capture/AttemptOutcome.h"
#include "enroll/EnrollTypes.h"

#include <QDateTime>
#include <QImage>
#include <QObject>
#include <QRectF>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace fe::ui {

// Everything one enrollment in progress holds, shared by the wizard's pages (as KeePassXC's
// NewDatabaseWizard shares one Database): consent, the typed customer data, the ID photo,
// the live attempts and the chosen result, and what happened at saving. It lives only in
// memory; wipe() forgets it (cancel, idle lock, after saving). GUI thread only.
class EnrollmentState : public QObject
{
    Q_OBJECT

public:
    struct Attempt
    {
        int id = 0;
        AttemptOutcome::Kind kind = AttemptOutcome::Kind::NoPortrait;
        QString reason; // translated when it was recorded; re-derived on language change
        AttemptOutcomePtr outcome;
    };

    explicit EnrollmentState(QObject* parent = nullptr);
    ~EnrollmentState() override;

    // Consent.
    QString noticeVersion;
    QString noticeLanguage; // BCP 47
    bool consentGiven = false;

    // Customer.
    QString name;
    QString documentType;
    QString documentNumber;
    QString phone;
    QString phoneRegion;
    QString phoneE164;

    // ID photo.
    std::shared_ptr<const enroll::IdPhotoCheck> idPhoto;
    QImage idPhotoImage;
    std::optional<QRectF> idPhotoFaceBox;
    // The operator keeps an ID photo that fails the document profile (explicitly, with a
    // reason): the core's id_photo_quality_override flag. Reset with each new photo.
    bool idPhotoOverride = false;
    QString idPhotoOverrideReason;

    // Live capture.
    std::vector<Attempt> attempts;
    AttemptOutcomePtr chosen;     // the attempt whose result is saved
    bool overrideUsed = false;    // the portrait may be below the quality gate
    QString overrideReason;

    // Saving.
    bool saving = false;
    std::optional<enroll::EnrollmentOutcome> saved;

    [[nodiscard]] bool hasCustomerData() const;
    [[nodiscard]] int failedAttempts() const;
    [[nodiscard]] enroll::SubjectInput subjectInput() const;
    // The live result that is saved: the chosen attempt's, or its below-gate portrait with an override.
    [[nodiscard]] const enroll::LiveResult* liveResult() const;

    // Forgets everything (the typed fields, the photos, the attempts).
    void wipe();

Q_SIGNALS:
    void changed();
    void wiped();

private:
    void clear();
};

} // namespace fe::ui
