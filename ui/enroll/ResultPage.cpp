#include "enroll/ResultPage.h"

#include "common/Error.h"
#include "common/Layouts.h"
#include "common/UiText.h"
#include "enroll/EnrollmentController.h"
#include "enroll/EnrollmentState.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace fe::ui {
namespace {

constexpr int kPhotoHeight = 340;

QPixmap scaledPhoto(const QImage& image, qreal dpr)
{
    if (image.isNull())
        return {};
    QPixmap pm = QPixmap::fromImage(image.scaledToHeight(static_cast<int>(kPhotoHeight * dpr), Qt::SmoothTransformation));
    pm.setDevicePixelRatio(dpr);
    return pm;
}

// The face region of the document photo with some margin, at the portrait's proportions.
QImage faceCrop(const QImage& image, const std::optional<QRectF>& box)
{
    if (image.isNull() || !box)
        return image;
    const QPointF c = box->center();
    const qreal h = box->height() * 2.4;
    const qreal w = h * 0.75;
    const QRect r = QRectF(c.x() - w / 2, c.y() - h * 0.45, w, h).toAlignedRect().intersected(image.rect());
    return image.copy(r);
}

QString escaped(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace

ResultPage::ResultPage(EnrollmentState& state, EnrollmentController& controller, QWidget* parent)
    : QWizardPage(parent), m_state(state), m_controller(controller), m_portrait(new QLabel(this)),
      m_idPhoto(new QLabel(this)), m_portraitCaption(new QLabel(this)), m_idCaption(new QLabel(this)),
      m_score(new QLabel(this)), m_liveness(new QLabel(this)), m_flags(new QLabel(this)), m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("resultPage"));
    m_portrait->setObjectName(QStringLiteral("portraitImage"));
    m_idPhoto->setObjectName(QStringLiteral("idPhotoImage"));
    m_score->setObjectName(QStringLiteral("scoreLabel"));
    m_liveness->setObjectName(QStringLiteral("livenessLabel"));
    m_flags->setObjectName(QStringLiteral("flagsLabel"));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    for (QLabel* l : {m_portrait, m_idPhoto})
        l->setAlignment(Qt::AlignCenter);
    for (QLabel* l : {m_portraitCaption, m_idCaption})
        l->setAlignment(Qt::AlignHCenter);
    for (QLabel* l : {m_score, m_liveness, m_flags, m_summary}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    auto* photos = new QGridLayout;
    photos->setHorizontalSpacing(24);
    photos->addWidget(m_portrait, 0, 0);
    photos->addWidget(m_idPhoto, 0, 1);
    photos->addWidget(m_portraitCaption, 1, 0);
    photos->addWidget(m_idCaption, 1, 1);
    auto* details = new QVBoxLayout;
    details->addWidget(m_summary);
    details->addWidget(m_score);
    details->addWidget(m_liveness);
    details->addWidget(m_flags);
    auto* layout = new QVBoxLayout(this);
    auto* photoRow = new QHBoxLayout;
    photoRow->addStretch(1);
    photoRow->addLayout(photos);
    photoRow->addStretch(1);
    layout->addLayout(photoRow);
    layout->addSpacing(8);
    centredColumn(layout, details, 760);
    layout->addStretch(1);
    retranslate();
}

void ResultPage::initializePage()
{
    m_assessed.reset();
    m_error.clear();
    try {
        m_assessed = m_controller.assess(m_state);
    } catch (const fe::Error& e) {
        m_error = UiText::error(e);
    } catch (const std::exception& e) {
        m_error = UiText::unexpected(e);
    }
    showAssessment();
    Q_EMIT completeChanged();
}

void ResultPage::showAssessment()
{
    const qreal dpr = devicePixelRatioF();
    const enroll::LiveResult* live = m_state.liveResult();
    QImage portrait;
    if (live != nullptr && live->portrait)
        portrait.loadFromData(live->portrait->jpeg.data(), static_cast<int>(live->portrait->jpeg.size()), "JPG");
    m_portrait->setPixmap(scaledPhoto(portrait, dpr));
    m_idPhoto->setPixmap(scaledPhoto(faceCrop(m_state.idPhotoImage, m_state.idPhotoFaceBox), dpr));
    m_portrait->setAccessibleName(tr("Live portrait"));
    m_idPhoto->setAccessibleName(tr("Face on the ID document"));

    if (!m_error.isEmpty()) {
        m_score->clear();
        m_liveness->clear();
        m_flags->clear();
        m_summary->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; border: 1px solid #b3261e; "
                                                "border-radius: 6px; padding: 10px; color: #410e0b; }"));
        m_summary->setText(QStringLiteral("<b>%1</b>").arg(escaped(m_error)));
        return;
    }
    if (!m_assessed)
        return;
    const enroll::EnrollmentOutcome& a = *m_assessed;
    if (a.idPhoto) {
        m_score->setText(tr("<b>Face vs ID photo:</b> similarity %1, threshold %2: %3")
                             .arg(a.idPhoto->score, 0, 'f', 3)
                             .arg(a.idPhoto->threshold, 0, 'f', 3)
                             .arg(a.idPhoto->matched ? tr("✓ same person") : tr("✗ not the same person")));
    }
    if (live != nullptr) {
        QString text = tr("<b>Liveness:</b> %1").arg(escaped(UiText::verdict(live->liveness.verdict)));
        QStringList reasons;
        for (auto r : live->liveness.reasons)
            reasons << escaped(UiText::livenessReason(r));
        if (!reasons.isEmpty())
            text += QStringLiteral(" (") + reasons.join(QStringLiteral("; ")) + QStringLiteral(")");
        // Which mode vouched for the face: spontaneous mode is the weaker one (issue 12).
        text += QStringLiteral("<br>") + escaped(UiText::livenessMode(live->liveness.mode));
        m_liveness->setText(text);
    }
    if (a.flags.empty()) {
        m_flags->setText(tr("<b>Flags:</b> none"));
    } else {
        QString html = tr("<b>Flags:</b>") + QStringLiteral("<ul>");
        for (const store::Flag& f : a.flags) {
            QString line = escaped(UiText::flagTitle(f.code));
            QString detail = UiText::flagExplanation(f.code);
            if (detail.contains(QLatin1String("%2")))
                detail = detail.arg(f.score, 0, 'f', 3).arg(f.threshold, 0, 'f', 3);
            else if (detail.contains(QLatin1String("%1")))
                detail = detail.arg(f.score, 0, 'f', 3);
            if (f.code == "low_quality_override" && !f.reason.empty() && f.reason.rfind("flag.", 0) != 0)
                detail = tr("Reason given: %1").arg(QString::fromStdString(f.reason));
            if (!detail.isEmpty())
                line += QStringLiteral(" — ") + escaped(detail);
            html += QStringLiteral("<li>✗ %1</li>").arg(line);
        }
        html += QStringLiteral("</ul>");
        m_flags->setText(html);
    }
    const bool flagged = a.outcome == enroll::Outcome::Flagged;
    m_summary->setStyleSheet(flagged ? QStringLiteral("QLabel { background: #fff4e5; border: 1px solid #8a5a00; "
                                                      "border-radius: 6px; padding: 10px; color: #4a3000; }")
                                     : QStringLiteral("QLabel { background: #e6f4ea; border: 1px solid #1e7e34; "
                                                      "border-radius: 6px; padding: 10px; color: #0d3b1a; }"));
    m_summary->setText(flagged ? tr("<b>! Flagged.</b> Save it: a supervisor will review this enrollment before it is used.")
                               : tr("<b>✓ All checks passed.</b> Save the enrollment."));
}

bool ResultPage::isComplete() const
{
    return m_assessed.has_value() && !m_state.saving;
}

bool ResultPage::validatePage()
{
    // Save once: a second Save (or Enter) after success just finishes; during one, nothing.
    if (m_state.saved)
        return true;
    if (m_state.saving || !m_assessed)
        return false;
    m_state.saving = true;
    Q_EMIT completeChanged();
    try {
        const enroll::EnrollmentOutcome outcome = m_controller.save(m_state);
        m_state.saved = outcome;
        m_state.saving = false;
        Q_EMIT saved(outcome);
        return true;
    } catch (const fe::Error& e) {
        m_error = tr("The enrollment was not saved: %1 Nothing is lost: try Save again.").arg(UiText::error(e));
    } catch (const std::exception& e) {
        m_error = UiText::unexpected(e);
    }
    m_state.saving = false;
    m_summary->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; border: 1px solid #b3261e; "
                                            "border-radius: 6px; padding: 10px; color: #410e0b; }"));
    m_summary->setText(QStringLiteral("<b>%1</b>").arg(escaped(m_error)));
    m_error.clear();
    Q_EMIT completeChanged();
    return false;
}

void ResultPage::retranslate()
{
    setTitle(tr("Result"));
    setSubTitle(tr("Check the portrait against the ID photo, then save."));
    m_portraitCaption->setText(tr("Live portrait"));
    m_idCaption->setText(tr("ID document"));
    if (m_assessed || !m_error.isEmpty())
        showAssessment();
}

void ResultPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace fe::ui
