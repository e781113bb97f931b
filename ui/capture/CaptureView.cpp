#include "capture/CaptureView.h"

#include "capture/CaptureStats.h"
#include "common/Clock.h"
#include "common/UiText.h"

#include <QAccessible>
#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace fe::ui {
namespace {

using vision::QualityMeasureId;

// Colours: each carries its meaning in shape and words as well (a check or a cross, a
// rounded or a square chip), so nothing depends on telling green from red.
const QColor kBackground(0x20, 0x21, 0x24);
const QColor kPass(0x1e, 0x7e, 0x34);
const QColor kFail(0xb3, 0x26, 0x1e);
const QColor kWarn(0xf2, 0x99, 0x00);
const QColor kPanel(0, 0, 0, 170);
const QColor kLandmark(0x00, 0xe5, 0xff);
const QColor kAccent(0x4f, 0xc3, 0xf7);

// The measures shown as chips, in reading order (the face count is the hint's business).
constexpr QualityMeasureId kChipMeasures[] = {
    QualityMeasureId::InterEyeDistance, QualityMeasureId::FaceInFrame, QualityMeasureId::Centred,
    QualityMeasureId::Yaw,              QualityMeasureId::Pitch,       QualityMeasureId::Roll,
    QualityMeasureId::EyesOpen,         QualityMeasureId::MouthClosed, QualityMeasureId::Sharpness,
    QualityMeasureId::Exposure,         QualityMeasureId::LightingUniformity,
};

// Degrees of yaw or pitch that put the pose dot on the indicator's rim.
constexpr double kPoseFullScaleDeg = 30.0;

QFont sizedFont(const QFont& base, qreal px, bool bold = false)
{
    QFont f = base;
    f.setPixelSize(std::max(9, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

void drawCheck(QPainter& p, const QRectF& r)
{
    QPainterPath path;
    path.moveTo(r.left() + r.width() * 0.15, r.top() + r.height() * 0.55);
    path.lineTo(r.left() + r.width() * 0.42, r.top() + r.height() * 0.8);
    path.lineTo(r.left() + r.width() * 0.88, r.top() + r.height() * 0.22);
    p.drawPath(path);
}

void drawCross(QPainter& p, const QRectF& r)
{
    const QRectF c = r.adjusted(r.width() * 0.2, r.height() * 0.2, -r.width() * 0.2, -r.height() * 0.2);
    p.drawLine(c.topLeft(), c.bottomRight());
    p.drawLine(c.topRight(), c.bottomLeft());
}

// The challenge's icon. A turn's arrow points the way `direction` says (-1 left, +1 right):
// where the face moves on the picture shown (CaptureView::arrowDirection).
void drawChallengeIcon(QPainter& p, const QRectF& r, std::optional<liveness::ChallengeKind> kind, int direction)
{
    p.save();
    QPen pen(Qt::white, std::max<qreal>(2.0, r.width() / 12.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const QPointF c = r.center();
    const qreal w = r.width();
    if (!kind) {
        // Spontaneous: an eye, watching.
        p.drawEllipse(c, w * 0.42, w * 0.22);
        p.setBrush(Qt::white);
        p.drawEllipse(c, w * 0.1, w * 0.1);
    } else if (*kind == liveness::ChallengeKind::Blink) {
        p.drawArc(QRectF(c.x() - w * 0.42, c.y() - w * 0.3, w * 0.84, w * 0.6), 200 * 16, 140 * 16);
        for (int i = -1; i <= 1; ++i)
            p.drawLine(QPointF(c.x() + i * w * 0.22, c.y() + w * 0.12), QPointF(c.x() + i * w * 0.28, c.y() + w * 0.3));
    } else if (*kind == liveness::ChallengeKind::OpenMouth) {
        p.drawEllipse(c, w * 0.3, w * 0.22);
    } else {
        const qreal dir = direction < 0 ? -1.0 : 1.0;
        const QPointF tip(c.x() + dir * w * 0.4, c.y());
        p.drawLine(QPointF(c.x() - dir * w * 0.4, c.y()), tip);
        p.drawLine(tip, QPointF(tip.x() - dir * w * 0.22, c.y() - w * 0.22));
        p.drawLine(tip, QPointF(tip.x() - dir * w * 0.22, c.y() + w * 0.22));
    }
    p.restore();
}

} // namespace

CaptureView::CaptureView(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::NoFocus);
    setAccessibleName(tr("Camera picture"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QColor CaptureView::landmarkColour()
{
    return kLandmark;
}

QSize CaptureView::sizeHint() const
{
    return {640, 480};
}

QSize CaptureView::minimumSizeHint() const
{
    return {320, 240};
}

void CaptureView::setSubject(HintSubject subject)
{
    if (subject == m_subject)
        return;
    m_subject = subject;
    restartHints();
    update();
}

void CaptureView::restartHints()
{
    // Forget the old hint, but judge the frame on screen at once: "looking for a face" over
    // a face that is plainly there would be wrong until the next frame.
    m_hints.reset();
    if (m_guidance && m_result && m_result->analysed)
        m_hints.update(m_result->analysis, activeChallenge());
}

void CaptureView::setDemo(bool demo)
{
    m_demo = demo;
    update();
}

void CaptureView::setStats(CaptureStats* stats)
{
    m_stats = stats;
}

void CaptureView::setLandmarksVisible(bool visible)
{
    m_landmarksVisible = visible;
    update();
}

void CaptureView::setDebugOverlayVisible(bool visible)
{
    m_debugVisible = visible;
    update();
}

void CaptureView::setMirrored(bool mirrored)
{
    m_mirrored = mirrored;
    update();
}

void CaptureView::setOutcome(const QString& text, bool good)
{
    if (text == m_outcome && good == m_outcomeGood)
        return;
    m_outcome = text;
    m_outcomeGood = good;
    announce();
    update();
}

void CaptureView::setStatusText(const QString& text)
{
    if (text == m_status)
        return;
    m_status = text;
    update();
}

void CaptureView::setGuidanceEnabled(bool enabled)
{
    if (enabled == m_guidance)
        return;
    m_guidance = enabled;
    restartHints();
    announce();
    update();
}

void CaptureView::setResult(const FrameResultPtr& result)
{
    if (!result || !m_still.isNull())
        return;
    m_result = result;
    m_latencyRecorded = !result->analysed;
    if (result->analysed && m_guidance)
        m_hints.update(result->analysis, activeChallenge());
    announce();
    update();
}

void CaptureView::setStill(const QImage& image, const std::optional<QRectF>& faceBox, const vision::QualityReport& quality)
{
    m_still = image;
    m_stillBox = faceBox;
    m_stillQuality = quality;
    announce();
    update();
}

void CaptureView::clear()
{
    m_result.reset();
    m_still = QImage();
    m_stillBox.reset();
    m_stillQuality = {};
    m_hints.reset();
    m_outcome.clear();
    announce();
    update();
}

std::optional<liveness::ChallengeKind> CaptureView::activeChallenge() const
{
    if (m_result && m_result->prompt)
        return m_result->prompt->kind;
    return std::nullopt;
}

const QImage& CaptureView::shownImage() const
{
    static const QImage none;
    if (!m_still.isNull())
        return m_still;
    return m_result ? m_result->image : none;
}

QRectF CaptureView::imageRect() const
{
    const QImage& img = shownImage();
    if (img.isNull())
        return {};
    const QSizeF size = QSizeF(img.size()).scaled(QSizeF(width(), height()), Qt::KeepAspectRatio);
    return {(width() - size.width()) / 2.0, (height() - size.height()) / 2.0, size.width(), size.height()};
}

QPointF CaptureView::mapFromFrame(const QPointF& pt) const
{
    const QImage& img = shownImage();
    const QRectF r = imageRect();
    if (img.isNull() || img.width() == 0)
        return pt;
    const qreal s = r.width() / img.width();
    const qreal x = m_mirrored && m_still.isNull() ? img.width() - pt.x() : pt.x();
    return {r.left() + x * s, r.top() + pt.y() * s};
}

QRectF CaptureView::mapRectFromFrame(const QRectF& r) const
{
    return QRectF(mapFromFrame(r.topLeft()), mapFromFrame(r.bottomRight())).normalized();
}

int CaptureView::arrowDirection(liveness::ChallengeKind kind) const
{
    if (kind != liveness::ChallengeKind::TurnLeft && kind != liveness::ChallengeKind::TurnRight)
        return 0;
    // The subject's own left is the camera frame's right (HeadPose: yaw > 0 towards the
    // frame's right edge), which a mirrored view shows on the screen's left.
    const int inFrame = kind == liveness::ChallengeKind::TurnLeft ? 1 : -1;
    return m_mirrored ? -inFrame : inFrame;
}

QString CaptureView::guidanceText() const
{
    if (!m_guidance || !m_still.isNull())
        return {};
    // The attempt is over: say what happens next, not what to do in front of the camera.
    if (!m_outcome.isEmpty())
        return m_outcome;
    if (!m_result || !m_result->analysed)
        return {};
    if (m_result->stage == FrameResult::Stage::Live && m_result->livenessFinished && m_hints.current() == Hint::Ready)
        return tr("Taking the portrait: stay like this");
    // During a prompt, "stay like this" would contradict it: the prompt speaks alone.
    if (m_result->prompt && !m_result->livenessFinished && m_hints.current() == Hint::Ready)
        return {};
    return UiText::hint(m_hints.current(), m_subject);
}

QString CaptureView::challengeText() const
{
    if (!m_outcome.isEmpty() || !m_result || m_result->stage != FrameResult::Stage::Live || m_result->livenessFinished || !m_result->analysed)
        return {};
    if (m_result->prompt && m_result->prompt->lookAtCamera) // after a turn, before the next prompt
        return UiText::guidance(vision::Guidance::NoFace);
    if (m_result->prompt)
        return UiText::challengePrompt(m_result->prompt->kind);
    if (m_result->spontaneous)
        return tr("Checking for natural movement: look at the camera");
    return {};
}

QString CaptureView::announcementText() const
{
    QStringList parts;
    if (const QString c = challengeText(); !c.isEmpty())
        parts << c;
    if (const QString g = guidanceText(); !g.isEmpty())
        parts << g;
    if (!m_status.isEmpty())
        parts << m_status;
    return parts.join(QStringLiteral(". "));
}

void CaptureView::announce()
{
    const QString text = announcementText();
    if (text == m_announced)
        return;
    m_announced = text;
    setAccessibleDescription(text);
    QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&changed);
    if (!text.isEmpty()) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
    Q_EMIT announced(text);
}

void CaptureView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Camera picture"));
        m_announced.clear();
        announce();
    }
    QWidget::changeEvent(event);
}

void CaptureView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), kBackground);
    const QImage& img = shownImage();
    if (!img.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        const QRectF target = imageRect();
        if (m_mirrored && m_still.isNull()) {
            p.save();
            p.translate(target.center());
            p.scale(-1.0, 1.0);
            p.translate(-target.center());
            p.drawImage(target, img);
            p.restore();
        } else {
            p.drawImage(target, img);
        }
    }
    p.setRenderHint(QPainter::Antialiasing, true);

    const bool analysed = m_still.isNull() && m_result && m_result->analysed;
    if (analysed || m_stillBox)
        paintFaces(p);
    qreal bottom = height();
    if (m_guidance && (analysed || (!m_outcome.isEmpty() && m_still.isNull() && !img.isNull())))
        bottom = paintGuidance(p);
    const vision::FaceObservation* face = analysed ? m_result->analysis.primary() : nullptr;
    if (m_guidance && face != nullptr && m_result->analysis.faces.size() == 1 && face->quality.assessed)
        paintChips(p, face->quality, bottom);
    if (!m_still.isNull() && m_stillQuality.assessed)
        paintChips(p, m_stillQuality, height());
    if (m_guidance && face != nullptr && face->pose.valid)
        paintPose(p, QRectF(width() - 96.0, 12.0, 84.0, 84.0));
    if (analysed)
        paintChallenge(p);
    paintBadge(p);
    paintStatus(p);
    if (analysed && m_landmarksVisible)
        paintLandmarks(p);
    if (m_debugVisible)
        paintDebug(p);

    if (!m_latencyRecorded && m_result && m_stats != nullptr) {
        m_latencyRecorded = true;
        m_stats->addLatencyMs(nsToMs(monotonicNs() - m_result->deliveredNs));
    }
}

void CaptureView::paintFaces(QPainter& p) const
{
    const auto mapRect = [&](const QRectF& r) { return mapRectFromFrame(r); };
    if (!m_still.isNull()) {
        if (m_stillBox) {
            p.setPen(QPen(m_stillQuality.passed ? kPass : kWarn, 3.0));
            p.setBrush(Qt::NoBrush);
            p.drawRect(mapRect(*m_stillBox));
        }
        return;
    }
    const auto& faces = m_result->analysis.faces;
    for (std::size_t i = 0; i < faces.size(); ++i) {
        const cv::Rect2f& b = faces[i].box;
        const QRectF r = mapRect(QRectF(b.x, b.y, b.width, b.height));
        if (i == 0 && faces.size() == 1) {
            p.setPen(QPen(faces[i].quality.passed ? kPass : kWarn, 3.0));
        } else {
            p.setPen(QPen(kFail, 3.0, Qt::DashLine));
        }
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
    }
}

void CaptureView::paintLandmarks(QPainter& p) const
{
    const vision::FaceObservation* face = m_result->analysis.primary();
    if (face == nullptr)
        return;
    p.save();
    // Solid dots without antialiasing: each landmark's pixel has exactly the landmark colour.
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(Qt::NoPen);
    p.setBrush(kLandmark);
    const qreal r = std::clamp(imageRect().width() / 240.0, 2.0, 4.0);
    for (const cv::Point2f& pt : face->landmarks)
        p.drawEllipse(mapFromFrame(QPointF(pt.x, pt.y)), r, r);
    p.restore();
}

void CaptureView::paintPose(QPainter& p, const QRectF& area) const
{
    const vision::FaceObservation& face = *m_result->analysis.primary();
    const auto passed = [&](QualityMeasureId id) {
        const vision::MeasureResult* m = face.quality.find(id);
        return m == nullptr || m->passed;
    };
    const bool ok = passed(QualityMeasureId::Yaw) && passed(QualityMeasureId::Pitch) && passed(QualityMeasureId::Roll);
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(kPanel);
    p.drawRoundedRect(area, 10, 10);
    const QRectF circle = area.adjusted(12, 8, -12, -20);
    const qreal radius = circle.width() / 2.0;
    const QPointF c = circle.center();
    p.setPen(QPen(QColor(255, 255, 255, 140), 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(c, radius, radius);
    p.drawEllipse(c, radius * 8.0 / kPoseFullScaleDeg, radius * 8.0 / kPoseFullScaleDeg);
    p.drawLine(QPointF(c.x() - radius, c.y()), QPointF(c.x() + radius, c.y()));
    p.drawLine(QPointF(c.x(), c.y() - radius), QPointF(c.x(), c.y() + radius));
    // The dot goes where the face points on the picture shown (yaw > 0: towards the camera
    // frame's right, the left of a mirrored view).
    const qreal dx = std::clamp(face.pose.yaw / kPoseFullScaleDeg, -1.0, 1.0) * radius * (m_mirrored ? -1.0 : 1.0);
    const qreal dy = std::clamp(-face.pose.pitch / kPoseFullScaleDeg, -1.0, 1.0) * radius;
    const QPointF dot(c.x() + dx, c.y() + dy);
    // A mirror also turns a clockwise tilt into an anticlockwise one.
    const qreal roll = face.pose.roll * M_PI / 180.0 * (m_mirrored ? -1.0 : 1.0);
    const QPointF along(std::cos(roll) * radius * 0.45, std::sin(roll) * radius * 0.45);
    p.setPen(QPen(ok ? kPass.lighter(150) : kWarn, 3.0, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(dot - along, dot + along);
    p.setBrush(ok ? kPass.lighter(150) : kWarn);
    p.drawEllipse(dot, 5.0, 5.0);
    p.setPen(Qt::white);
    p.setFont(sizedFont(font(), 11));
    p.drawText(QRectF(area.left(), area.bottom() - 18, area.width(), 16), Qt::AlignCenter, tr("Head pose"));
    p.restore();
}

void CaptureView::paintChips(QPainter& p, const vision::QualityReport& q, qreal bottom) const
{
    p.save();
    const QFont chipFont = sizedFont(font(), std::clamp(height() / 44.0, 11.0, 15.0));
    p.setFont(chipFont);
    const QFontMetricsF fm(chipFont);
    const qreal h = fm.height() + 8.0;
    const qreal gap = 5.0;
    // A column down the left edge (over the letterbox when there is one, away from the face),
    // below the DEMO badge; a second column when the first is full.
    const qreal top = m_demo ? 56.0 : 12.0;
    qreal x = 12.0;
    qreal y = top;
    qreal columnWidth = 0.0;
    for (QualityMeasureId id : kChipMeasures) {
        const vision::MeasureResult* m = q.find(id);
        if (m == nullptr)
            continue;
        const QString text = m->passed ? UiText::measureName(id) : UiText::measureProblem(id, m->value);
        const qreal w = fm.horizontalAdvance(text) + h + 10.0;
        if (y + h > bottom - 8.0 && y > top) {
            x += columnWidth + gap;
            y = top;
            columnWidth = 0.0;
        }
        const QRectF r(x, y, w, h);
        p.setPen(m->passed ? Qt::NoPen : QPen(Qt::white, 2.0));
        p.setBrush(m->passed ? kPass : kFail);
        // Passing chips are pills with a check, failing ones square-cornered with a white rim
        // and a cross, and they say what is wrong.
        if (m->passed)
            p.drawRoundedRect(r, h / 2.0, h / 2.0);
        else
            p.drawRect(r);
        const QRectF icon(r.left() + 5.0, r.top() + 4.0, h - 8.0, h - 8.0);
        p.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        if (m->passed)
            drawCheck(p, icon);
        else
            drawCross(p, icon);
        p.setPen(Qt::white);
        p.drawText(QRectF(icon.right() + 4.0, r.top(), r.width() - icon.width() - 12.0, h), Qt::AlignVCenter | Qt::AlignLeft,
                   text);
        columnWidth = std::max(columnWidth, w);
        y += h + gap;
    }
    p.restore();
}

qreal CaptureView::paintGuidance(QPainter& p) const
{
    const QString text = guidanceText();
    if (text.isEmpty())
        return height();
    p.save();
    // The outcome of a finished attempt is a longer sentence than a hint: a smaller size.
    const qreal px = std::clamp(height() / (m_outcome.isEmpty() ? 17.0 : 24.0), 14.0, 40.0);
    const QFont f = sizedFont(font(), px, true);
    p.setFont(f);
    const QFontMetricsF fm(f);
    // As tall as the text needs when it wraps (a long sentence, a large font at 200 %).
    const QRectF textBounds = fm.boundingRect(QRectF(0, 0, width() - 40.0, height()), Qt::TextWordWrap, text);
    const qreal bandHeight = std::max(fm.height() * 1.7, textBounds.height() + fm.height() * 0.7);
    const QRectF band(0, height() - bandHeight, width(), bandHeight);
    const bool good = m_outcome.isEmpty() ? m_hints.current() == Hint::Ready : m_outcomeGood;
    p.setPen(Qt::NoPen);
    p.setBrush(kPanel);
    p.drawRect(band);
    p.setBrush(good ? kPass : kWarn);
    p.drawRect(QRectF(band.left(), band.top(), 8.0, band.height()));
    p.setPen(Qt::white);
    p.drawText(band.adjusted(20, 0, -20, 0), Qt::AlignCenter | Qt::TextWordWrap, text);
    p.restore();
    return band.top();
}

QFont CaptureView::challengeFont() const
{
    return sizedFont(font(), std::clamp(height() / 22.0, 14.0, 30.0), true);
}

CaptureView::ChallengeLayout CaptureView::challengeLayout(const QString& text) const
{
    const QFontMetricsF fm(challengeFont());
    const qreal ring = std::clamp(height() / 8.0, 44.0, 88.0);
    const qreal textWidth = std::min(fm.horizontalAdvance(text), width() * 0.55);
    const qreal panelW = ring + ring * 0.8 + textWidth + 48.0;
    ChallengeLayout l;
    l.panel = QRectF((width() - panelW) / 2.0, 12.0, panelW, ring + 20.0);
    l.ring = QRectF(l.panel.left() + 12.0, l.panel.top() + 10.0, ring, ring);
    l.icon = QRectF(l.ring.right() + 12.0, l.panel.top() + 10.0 + ring * 0.1, ring * 0.8, ring * 0.8);
    l.text = QRectF(l.icon.right() + 12.0, l.panel.top() + 6.0, textWidth + 12.0, ring * 0.7);
    return l;
}

QRectF CaptureView::challengeIconRect() const
{
    const QString text = challengeText();
    return text.isEmpty() ? QRectF() : challengeLayout(text).icon;
}

void CaptureView::paintChallenge(QPainter& p) const
{
    const QString text = challengeText();
    if (text.isEmpty())
        return;
    const FrameResult& r = *m_result;
    double progress = 0.0;
    double secondsLeft = 0.0;
    QString step;
    if (r.prompt) {
        progress = r.prompt->progress;
        secondsLeft = r.prompt->secondsLeft;
        step = tr("Step %1 of %2").arg(r.prompt->index + 1).arg(r.prompt->total);
    } else {
        progress = r.liveWindowMs > 0 ? r.liveElapsedMs / r.liveWindowMs : 0.0;
        secondsLeft = std::max(0.0, (r.liveWindowMs - r.liveElapsedMs) / 1000.0);
    }
    p.save();
    const QFont f = challengeFont();
    const QFont small = sizedFont(font(), std::clamp(height() / 40.0, 11.0, 16.0));
    const ChallengeLayout layout = challengeLayout(text);
    const QRectF& panel = layout.panel;
    const qreal ring = layout.ring.width();
    p.setPen(Qt::NoPen);
    p.setBrush(kPanel);
    p.drawRoundedRect(panel, 12, 12);

    // Progress ring with the countdown inside.
    const QRectF& ringRect = layout.ring;
    p.setPen(QPen(QColor(255, 255, 255, 60), 6.0));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(ringRect.adjusted(3, 3, -3, -3));
    p.setPen(QPen(kAccent, 6.0, Qt::SolidLine, Qt::RoundCap));
    p.drawArc(ringRect.adjusted(3, 3, -3, -3), 90 * 16, -static_cast<int>(std::clamp(progress, 0.0, 1.0) * 360.0 * 16.0));
    p.setPen(Qt::white);
    p.setFont(sizedFont(font(), ring * 0.36, true));
    p.drawText(ringRect, Qt::AlignCenter, QString::number(static_cast<int>(std::ceil(secondsLeft))));

    drawChallengeIcon(p, layout.icon, r.prompt ? std::optional(r.prompt->kind) : std::nullopt,
                      r.prompt ? arrowDirection(r.prompt->kind) : 0);

    const QRectF& textRect = layout.text;
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, text);
    p.setFont(small);
    p.setPen(QColor(255, 255, 255, 200));
    const QString sub = step.isEmpty() ? tr("%n second(s) left", nullptr, static_cast<int>(std::ceil(secondsLeft)))
                                       : step + QStringLiteral(" · ") +
                                             tr("%n second(s) left", nullptr, static_cast<int>(std::ceil(secondsLeft)));
    p.drawText(QRectF(textRect.left(), textRect.bottom(), textRect.width() + 40.0, ring * 0.35), Qt::AlignLeft | Qt::AlignTop, sub);
    p.restore();
}

void CaptureView::paintBadge(QPainter& p) const
{
    if (!m_demo)
        return;
    p.save();
    const QFont f = sizedFont(font(), 16, true);
    p.setFont(f);
    const QString text = tr("DEMO");
    const QFontMetricsF fm(f);
    const QRectF r(12, 12, fm.horizontalAdvance(text) + 20, fm.height() + 10);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xd9, 0x30, 0x25));
    p.drawRoundedRect(r, 6, 6);
    p.setPen(Qt::white);
    p.drawText(r, Qt::AlignCenter, text);
    p.restore();
}

void CaptureView::paintStatus(QPainter& p) const
{
    QString text = m_status;
    if (text.isEmpty() && shownImage().isNull())
        text = tr("Waiting for the camera…");
    if (text.isEmpty())
        return;
    p.save();
    const QFont f = sizedFont(font(), std::clamp(height() / 26.0, 13.0, 24.0), true);
    p.setFont(f);
    const QFontMetricsF fm(f);
    const qreal w = std::min(width() - 40.0, fm.horizontalAdvance(text) + 40.0);
    const QRectF bounds = fm.boundingRect(QRectF(0, 0, w - 40.0, 1000), Qt::TextWordWrap, text);
    const QRectF r((width() - w) / 2.0, height() * 0.42 - bounds.height() / 2.0, w, bounds.height() + 24.0);
    p.setPen(Qt::NoPen);
    p.setBrush(kPanel);
    p.drawRoundedRect(r, 10, 10);
    p.setPen(Qt::white);
    p.drawText(r.adjusted(20, 0, -20, 0), Qt::AlignCenter | Qt::TextWordWrap, text);
    p.restore();
}

void CaptureView::paintDebug(QPainter& p) const
{
    if (m_stats == nullptr)
        return;
    p.save();
    QFont f = sizedFont(font(), 13);
    f.setFamily(QStringLiteral("monospace"));
    f.setStyleHint(QFont::Monospace);
    p.setFont(f);
    const QStringList lines = {
        tr("capture %1 fps").arg(m_stats->captureFps(), 0, 'f', 1),
        tr("analysis %1 fps").arg(m_stats->analysisFps(), 0, 'f', 1),
        tr("latency p50 %1 ms, p95 %2 ms")
            .arg(m_stats->latencyPercentile(0.5), 0, 'f', 1)
            .arg(m_stats->latencyPercentile(0.95), 0, 'f', 1),
        tr("dropped %1").arg(m_stats->dropped()),
    };
    const QFontMetricsF fm(f);
    qreal w = 0;
    for (const QString& l : lines)
        w = std::max(w, fm.horizontalAdvance(l));
    // Top right, under the pose indicator: clear of the badge, the chips and the prompt.
    const QRectF r(width() - w - 32, 108, w + 20, fm.height() * lines.size() + 12);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 200));
    p.drawRoundedRect(r, 6, 6);
    p.setPen(QColor(0x9c, 0xff, 0x9c));
    qreal y = r.top() + 6;
    for (const QString& l : lines) {
        p.drawText(QPointF(r.left() + 10, y + fm.ascent()), l);
        y += fm.height();
    }
    p.restore();
}

} // namespace fe::ui
