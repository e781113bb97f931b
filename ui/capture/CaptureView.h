#pragma once

#include "capture/FrameResult.h"
#include "capture/HintSelector.h"

#include <QImage>
#include <QRectF>
#include <QWidget>

#include <optional>

namespace fe::ui {

class CaptureStats;

// The live picture with everything a clerk needs on it, painted by hand from one snapshot
// (the frame and the analysis of that frame): face box, the 68 landmarks (toggle), a head-pose
// indicator, a chip per quality measure (colour plus shape plus words, readable without
// colour), one guidance line (HintSelector: fixed priority with hysteresis), the liveness
// challenge (words, an icon, a progress ring and a countdown), the DEMO label, and the F12
// debug figures. Not a QVideoWidget overlay: since Qt 6.2 that is a native window container,
// over which overlays do not paint reliably.
//
// Screen readers: the guidance line and the challenge are the widget's accessible
// description, announced (DescriptionChanged and Alert events) when they change.
//
// Left and right (docs/gui.md): the live view is a mirror (setMirrored), as the customer
// expects of a screen that faces them; the picture, the face box, the landmarks and the pose
// indicator are mirrored together, the analysis is not (it runs on the camera's frame).
// "Your left" means the customer's own left, and the arrow points where the face moves on the
// picture shown: on a mirrored view that is the screen's left, the customer's left.
class CaptureView : public QWidget
{
    Q_OBJECT

public:
    explicit CaptureView(QWidget* parent = nullptr);

    static QColor landmarkColour();

    void setSubject(HintSubject subject);
    void setDemo(bool demo);
    void setStats(CaptureStats* stats);
    void setLandmarksVisible(bool visible);
    [[nodiscard]] bool landmarksVisible() const { return m_landmarksVisible; }
    void setDebugOverlayVisible(bool visible);
    // Shows the camera picture mirrored (the live view; not documents, not stills).
    void setMirrored(bool mirrored);
    [[nodiscard]] bool isMirrored() const { return m_mirrored; }
    // What happens next once an attempt is over ("Portrait taken", "Attempt failed: … try
    // again"): shown on the guidance line instead of the live hints until cleared (clear()
    // or an empty text). Good means the outcome is a success (green mark), otherwise amber.
    void setOutcome(const QString& text, bool good);
    [[nodiscard]] QString outcomeText() const { return m_outcome; }
    [[nodiscard]] bool debugOverlayVisible() const { return m_debugVisible; }
    // Shown in the middle when set ("Preparing face analysis…", a camera problem).
    void setStatusText(const QString& text);
    // Whether guidance and chips are shown (the live and document stages) or only the picture.
    void setGuidanceEnabled(bool enabled);

    // A new snapshot from the worker.
    void setResult(const FrameResultPtr& result);
    // A still picture instead of the camera (the ID photo as captured): its face box and the
    // quality report of the document profile.
    void setStill(const QImage& image, const std::optional<QRectF>& faceBox, const vision::QualityReport& quality);
    [[nodiscard]] bool showsStill() const { return !m_still.isNull(); }
    void clear();

    [[nodiscard]] FrameResultPtr result() const { return m_result; }
    [[nodiscard]] Hint hint() const { return m_hints.current(); }
    [[nodiscard]] QString guidanceText() const;
    [[nodiscard]] QString challengeText() const;
    // Frame px -> widget px, for the frame on show.
    [[nodiscard]] QPointF mapFromFrame(const QPointF& p) const;
    [[nodiscard]] QRectF imageRect() const;
    // Where the challenge's icon (the arrow) is painted, in widget px; empty without a challenge.
    [[nodiscard]] QRectF challengeIconRect() const;
    // The way the arrow points for a turn challenge on this view: -1 left, +1 right, 0 none.
    [[nodiscard]] int arrowDirection(liveness::ChallengeKind kind) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The text announced to screen readers (guidance and challenge), when it changes.
    void announced(const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void announce();
    [[nodiscard]] QString announcementText() const;
    [[nodiscard]] std::optional<liveness::ChallengeKind> activeChallenge() const;
    void restartHints();
    [[nodiscard]] const QImage& shownImage() const;
    void paintFaces(QPainter& p) const;
    void paintLandmarks(QPainter& p) const;
    void paintPose(QPainter& p, const QRectF& area) const;
    void paintChips(QPainter& p, const vision::QualityReport& q, qreal bottom) const;
    qreal paintGuidance(QPainter& p) const;
    struct ChallengeLayout
    {
        QRectF panel, ring, icon, text;
    };
    [[nodiscard]] QFont challengeFont() const;
    [[nodiscard]] ChallengeLayout challengeLayout(const QString& text) const;
    [[nodiscard]] QRectF mapRectFromFrame(const QRectF& r) const;
    void paintChallenge(QPainter& p) const;
    void paintBadge(QPainter& p) const;
    void paintStatus(QPainter& p) const;
    void paintDebug(QPainter& p) const;

    FrameResultPtr m_result;
    bool m_latencyRecorded = true;
    HintSelector m_hints;
    HintSubject m_subject = HintSubject::Person;
    bool m_demo = false;
    bool m_landmarksVisible = true;
    bool m_debugVisible = false;
    bool m_mirrored = false;
    QString m_outcome;
    bool m_outcomeGood = false;
    bool m_guidance = true;
    QString m_status;
    CaptureStats* m_stats = nullptr;
    QImage m_still;
    std::optional<QRectF> m_stillBox;
    vision::QualityReport m_stillQuality;
    QString m_announced;
};

} // namespace fe::ui
