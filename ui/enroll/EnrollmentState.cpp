#include "enroll/EnrollmentState.h"

namespace fe::ui {
namespace {

// QString keeps its characters in one heap block; overwrite it before letting it go.
void wipeString(QString& s)
{
    s.fill(QChar(u'\0'));
    s.clear();
}

} // namespace

EnrollmentState::EnrollmentState(QObject* parent) : QObject(parent) {}

EnrollmentState::~EnrollmentState()
{
    clear();
}

bool EnrollmentState::hasCustomerData() const
{
    return !name.isEmpty() || !documentNumber.isEmpty() || !phone.isEmpty() || idPhoto != nullptr ||
           !attempts.empty();
}

int EnrollmentState::failedAttempts() const
{
    int n = 0;
    for (const Attempt& a : attempts)
        n += a.kind == AttemptOutcome::Kind::NoPortrait ? 1 : 0;
    return n;
}

enroll::SubjectInput EnrollmentState::subjectInput() const
{
    enroll::SubjectInput in;
    in.subject.name = name.trimmed().toStdString();
    in.subject.documentType = documentType.toStdString();
    in.subject.documentNumber = documentNumber.trimmed().toStdString();
    in.phone = phone.trimmed().toStdString();
    in.defaultRegion = phoneRegion.toStdString();
    in.consent.given = consentGiven;
    in.consent.operatorAttested = consentGiven;
    in.consent.noticeVersion = noticeVersion.toStdString();
    in.consent.language = noticeLanguage.toStdString();
    return in;
}

const enroll::LiveResult* EnrollmentState::liveResult() const
{
    if (!chosen)
        return nullptr;
    if (!chosen->result.portrait && overrideUsed && chosen->override)
        return &*chosen->override;
    return &chosen->result;
}

void EnrollmentState::wipe()
{
    clear();
    Q_EMIT wiped();
    Q_EMIT changed();
}

void EnrollmentState::clear()
{
    noticeVersion.clear();
    noticeLanguage.clear();
    consentGiven = false;
    wipeString(name);
    documentType.clear();
    wipeString(documentNumber);
    wipeString(phone);
    wipeString(phoneE164);
    phoneRegion.clear();
    idPhoto.reset();
    idPhotoImage = QImage();
    idPhotoFaceBox.reset();
    idPhotoOverride = false;
    wipeString(idPhotoOverrideReason);
    attempts.clear();
    chosen.reset();
    overrideUsed = false;
    wipeString(overrideReason);
    saving = false;
    saved.reset();
}

} // namespace fe::ui
