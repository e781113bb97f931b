#include "common/UiText.h"

#include "common/Error.h"
#include "common/OutcomeTexts.h"
#include "enroll/DocumentTypes.h"
#include "enroll/OutcomeText.h"

#include <cmath>

namespace fe::ui {

QString UiText::error(const fe::Error& e)
{
    const QString text = QCoreApplication::translate("fe::Error", e.textTemplate());
    QString out = text;
    // %1..%9 as Error::format does, but with guidance keys in words.
    for (std::size_t i = 0; i < e.args().size() && i < 9; ++i) {
        const std::string& arg = e.args()[i];
        QString value = guidanceKey(arg);
        if (value.isEmpty())
            value = QString::fromStdString(arg);
        out.replace(QStringLiteral("%") + QString::number(i + 1), value);
    }
    return out;
}

QString UiText::unexpected(const std::exception& e)
{
    return tr("Something went wrong inside FaceEnroll (%1). Nothing was saved; try again, and tell your "
              "administrator if it happens again.")
        .arg(QString::fromLocal8Bit(e.what()));
}

QString UiText::hint(Hint hint, HintSubject subject)
{
    if (subject == HintSubject::Document) {
        switch (hint) {
        case Hint::None: return tr("Looking for the document photo…");
        case Hint::NoFace: return tr("Show the document's photo page to the camera");
        case Hint::SeveralFaces: return tr("Show only the document: one face in view");
        case Hint::TooFar: return tr("Hold the document closer to the camera");
        case Hint::TooClose: return tr("Hold the document a little further away");
        case Hint::NotCentred: return tr("Move the document to the middle of the picture");
        case Hint::LookStraight:
        case Hint::StraightenHead: return tr("Hold the document flat and straight");
        case Hint::EyesClosed:
        case Hint::MouthOpen: return tr("The photo on the document is hard to read; try another angle");
        case Hint::Blur: return tr("The picture is blurred: hold the document still");
        case Hint::TooDark: return tr("Too dark: give the document more light");
        case Hint::TooBright: return tr("Too bright: tilt the document away from the glare");
        case Hint::UnevenLight: return tr("Uneven light: avoid shadows and glare on the document");
        case Hint::HoldStill: return tr("Hold the document still");
        case Hint::Ready: return tr("Good: capture the document now");
        }
    }
    switch (hint) {
    case Hint::None: return tr("Looking for a face…");
    case Hint::NoFace: return tr("No face in view: the customer should face the camera");
    case Hint::SeveralFaces: return tr("Several faces in view: only the customer should be in the picture");
    case Hint::TooFar: return tr("Move closer to the camera");
    case Hint::TooClose: return tr("Move back a little");
    case Hint::NotCentred: return tr("Move into the middle of the picture");
    case Hint::LookStraight: return tr("Look straight at the camera");
    case Hint::StraightenHead: return tr("Keep your head upright");
    case Hint::EyesClosed: return tr("Open your eyes");
    case Hint::MouthOpen: return tr("Close your mouth");
    case Hint::Blur: return tr("The picture is blurred: hold still");
    case Hint::TooDark: return tr("Too dark: more light on the face");
    case Hint::TooBright: return tr("Too bright: less light on the face");
    case Hint::UnevenLight: return tr("Uneven light: light the face from the front");
    case Hint::HoldStill: return tr("Hold still");
    case Hint::Ready: return tr("Good: stay like this");
    }
    return {};
}

QString UiText::guidance(vision::Guidance g)
{
    // The core's one text table (common/OutcomeTexts), translated in fe::Outcome.
    return QString::fromStdString(enroll::translatedText(g));
}

QString UiText::shortGuidance(vision::Guidance g)
{
    using vision::Guidance;
    switch (g) {
    case Guidance::NoFace: return tr("no face");
    case Guidance::SeveralFaces: return tr("several faces");
    case Guidance::MoveCloser: return tr("too far");
    case Guidance::MoveBack: return tr("too close");
    case Guidance::CentreFace: return tr("not centred");
    case Guidance::LookStraight: return tr("head turned");
    case Guidance::StraightenHead: return tr("head tilted");
    case Guidance::MoreLight: return tr("too dark");
    case Guidance::LessLight: return tr("too bright");
    case Guidance::OpenEyes: return tr("eyes closed");
    case Guidance::CloseMouth: return tr("mouth open");
    case Guidance::HoldStill: return tr("moving");
    case Guidance::Ok: return tr("no good frame");
    }
    return {};
}

QString UiText::shortLivenessReason(liveness::Reason r)
{
    using liveness::Reason;
    switch (r) {
    case Reason::NoFace: return tr("no face");
    case Reason::SeveralFaces: return tr("several faces");
    case Reason::FaceLost: return tr("face lost");
    case Reason::TooDark: return tr("too dark");
    case Reason::SessionTimeout: return tr("too slow");
    case Reason::ChallengeTimeout: return tr("prompt not followed");
    case Reason::FaceChanged: return tr("face changed");
    case Reason::FlatMotion: return tr("flat picture");
    case Reason::NoBlink: return tr("no blink");
    case Reason::NoHeadMotion: return tr("no head movement");
    case Reason::WrongDirection: return tr("wrong direction");
    case Reason::PassiveScoreLow: return tr("looks like a photo");
    case Reason::WrongAction: return tr("other movement");
    }
    return {};
}

QString UiText::shortVerdict(liveness::Verdict v)
{
    switch (v) {
    case liveness::Verdict::Live: return tr("live");
    case liveness::Verdict::Spoof: return tr("possible spoof");
    case liveness::Verdict::Inconclusive: return tr("undecided");
    }
    return {};
}

QString UiText::guidanceKey(std::string_view key)
{
    for (int i = 0; i <= static_cast<int>(vision::Guidance::Ok); ++i) {
        const auto g = static_cast<vision::Guidance>(i);
        if (vision::guidanceKey(g) == key)
            return guidance(g);
    }
    return {};
}

QString UiText::measureName(vision::QualityMeasureId id)
{
    using vision::QualityMeasureId;
    switch (id) {
    case QualityMeasureId::FaceCount: return tr("One face");
    case QualityMeasureId::InterEyeDistance: return tr("Face size");
    case QualityMeasureId::FaceInFrame: return tr("In frame");
    case QualityMeasureId::Centred: return tr("Centred");
    case QualityMeasureId::Yaw: return tr("Turn");
    case QualityMeasureId::Pitch: return tr("Nod");
    case QualityMeasureId::Roll: return tr("Tilt");
    case QualityMeasureId::EyesOpen: return tr("Eyes open");
    case QualityMeasureId::MouthClosed: return tr("Mouth closed");
    case QualityMeasureId::Sharpness: return tr("Sharp");
    case QualityMeasureId::Exposure: return tr("Exposure");
    case QualityMeasureId::LightingUniformity: return tr("Even light");
    }
    return {};
}

QString UiText::measureProblem(vision::QualityMeasureId id, double value)
{
    using vision::QualityMeasureId;
    switch (id) {
    case QualityMeasureId::FaceCount: return value < 1.0 ? tr("no face") : tr("several faces");
    case QualityMeasureId::InterEyeDistance: return tr("face too small");
    case QualityMeasureId::FaceInFrame: return tr("head cut off by the edge");
    case QualityMeasureId::Centred: return tr("not in the middle");
    case QualityMeasureId::Yaw: return tr("head turned sideways");
    case QualityMeasureId::Pitch: return tr("head tilted up or down");
    case QualityMeasureId::Roll: return tr("head tilted to the side");
    case QualityMeasureId::EyesOpen: return tr("eyes closed");
    case QualityMeasureId::MouthClosed: return tr("mouth open");
    case QualityMeasureId::Sharpness: return tr("blurred");
    case QualityMeasureId::Exposure: return value > 127.0 ? tr("too bright") : tr("too dark");
    case QualityMeasureId::LightingUniformity: return tr("uneven light");
    }
    return {};
}

QString UiText::flagTitle(std::string_view code)
{
    if (outcomeText(OutcomeKind::Flag, code) != nullptr)
        return QString::fromStdString(translatedOutcome(OutcomeKind::Flag, code));
    return tr("Flag %1").arg(QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size())));
}

QString UiText::flagExplanation(std::string_view code)
{
    if (code == "id_photo_mismatch" || code == "duplicate_identity" || code == "number_bound_to_other_face" ||
        code == "document_bound_to_other_face")
        return tr("Similarity %1, threshold %2");
    if (code == "too_many_numbers")
        return tr("Numbers held: %1, maximum %2");
    if (code == "liveness_failed" || code == "liveness_inconclusive")
        return tr("Passive liveness score %1");
    return {};
}

QString UiText::verdict(liveness::Verdict v)
{
    return QString::fromStdString(enroll::translatedText(v));
}

QString UiText::livenessReason(liveness::Reason r)
{
    return QString::fromStdString(enroll::translatedText(r));
}

QString UiText::livenessMode(liveness::Mode m)
{
    return QString::fromStdString(enroll::translatedText(m));
}

QString UiText::challengePrompt(liveness::ChallengeKind k)
{
    return QString::fromStdString(enroll::translatedText(k));
}

QString UiText::role(store::Role r)
{
    switch (r) {
    case store::Role::Operator: return tr("Operator");
    case store::Role::Supervisor: return tr("Supervisor");
    case store::Role::Admin: return tr("Administrator");
    }
    return {};
}

QStringList UiText::documentTypeKeys()
{
    QStringList keys;
    for (const auto& t : enroll::DocumentTypes::all())
        keys << QString::fromUtf8(t.key.data(), static_cast<qsizetype>(t.key.size()));
    return keys;
}

QString UiText::documentType(const QString& key)
{
    const std::string k = key.toStdString();
    if (outcomeText(OutcomeKind::DocumentType, k) != nullptr)
        return QString::fromStdString(translatedOutcome(OutcomeKind::DocumentType, k));
    return key;
}

} // namespace fe::ui
