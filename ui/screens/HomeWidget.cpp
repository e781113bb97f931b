#include "screens/HomeWidget.h"

#include "app/StationContext.h"
#include "common/Error.h"
#include "common/UiText.h"
#include "screens/LanguageComboBox.h"
#include "store/Session.h"

#include <QDate>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fe::ui {
namespace {

QLabel* statLabel(QWidget* parent, const char* name)
{
    auto* l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setTextFormat(Qt::RichText);
    l->setStyleSheet(QStringLiteral("QLabel { border: 1px solid palette(mid); border-radius: 8px; padding: 12px; }"));
    l->setAlignment(Qt::AlignCenter);
    l->setMinimumWidth(170);
    return l;
}

} // namespace

HomeWidget::HomeWidget(StationContext& station, QWidget* parent)
    : QWidget(parent), m_station(station), m_greeting(new QLabel(this)), m_message(new QLabel(this)),
      m_today(statLabel(this, "todayStat")), m_review(statLabel(this, "reviewStat")),
      m_outbox(statLabel(this, "outboxStat")), m_statsError(new QLabel(this)), m_roleNote(new QLabel(this)), m_newEnrollment(new QPushButton(this)),
      m_lock(new QPushButton(this)), m_logout(new QPushButton(this)), m_languageLabel(new QLabel(this)),
      m_language(new LanguageComboBox(this))
{
    setObjectName(QStringLiteral("homeWidget"));
    m_message->setObjectName(QStringLiteral("homeMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->hide();
    m_statsError->setWordWrap(true);
    m_statsError->hide();
    m_newEnrollment->setObjectName(QStringLiteral("newEnrollmentButton"));
    m_lock->setObjectName(QStringLiteral("lockButton"));
    m_logout->setObjectName(QStringLiteral("logoutButton"));
    // Enter on the home screen must not open an enrollment by itself: the big button is
    // pressed on purpose (click, Space, Alt+N or Ctrl+N).
    for (QPushButton* b : {m_newEnrollment, m_lock, m_logout})
        b->setAutoDefault(false);
    m_newEnrollment->setMinimumHeight(72);
    QFont big = m_newEnrollment->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_newEnrollment->setFont(big);
    QFont greet = m_greeting->font();
    greet.setPointSizeF(greet.pointSizeF() * 1.5);
    greet.setBold(true);
    m_greeting->setFont(greet);
    m_languageLabel->setBuddy(m_language);

    auto* top = new QHBoxLayout;
    top->addWidget(m_greeting, 1);
    top->addWidget(m_languageLabel);
    top->addWidget(m_language);
    top->addWidget(m_lock);
    top->addWidget(m_logout);
    auto* stats = new QHBoxLayout;
    stats->addStretch(1);
    stats->addWidget(m_today);
    stats->addWidget(m_review);
    stats->addWidget(m_outbox);
    stats->addStretch(1);
    auto* action = new QHBoxLayout;
    action->addStretch(1);
    action->addWidget(m_newEnrollment, 2);
    action->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addLayout(stats);
    layout->addWidget(m_statsError);
    layout->addWidget(m_roleNote, 0, Qt::AlignHCenter);
    layout->addSpacing(24);
    layout->addLayout(action);
    layout->addStretch(2);

    connect(m_newEnrollment, &QPushButton::clicked, this, &HomeWidget::newEnrollmentRequested);
    connect(m_lock, &QPushButton::clicked, this, &HomeWidget::lockRequested);
    connect(m_logout, &QPushButton::clicked, this, &HomeWidget::logoutRequested);
    setTabOrder(m_newEnrollment, m_language);
    setTabOrder(m_language, m_lock);
    setTabOrder(m_lock, m_logout);
    retranslate();
}

void HomeWidget::refresh()
{
    m_todayCount = m_reviewCount = m_outboxCount = -1;
    m_statsError->hide();
    if (m_station.isActive()) {
        try {
            store::Session& s = m_station.session();
            const bool all = s.can(store::Permission::ViewAllEnrollments);
            const bool own = s.can(store::Permission::ViewOwnEnrollmentsToday);
            if (all || own) {
                store::EnrollmentFilter today;
                const QDateTime midnight = QDateTime(QDate::currentDate(), QTime(0, 0));
                today.since = store::fromMillis(midnight.toMSecsSinceEpoch());
                const auto list = s.listEnrollments(today);
                m_todayCount = static_cast<int>(list.size());
                if (all) {
                    m_reviewCount = static_cast<int>(s.reviewQueue().size());
                } else {
                    m_reviewCount = 0;
                    for (const auto& e : list)
                        m_reviewCount += e.status == store::EnrollmentStatus::PendingReview ? 1 : 0;
                }
                if (s.can(store::Permission::Export) || s.can(store::Permission::Upload)) {
                    m_outboxCount = static_cast<int>(s.uploadQueue().size());
                } else {
                    m_outboxCount = 0;
                    for (const auto& e : list)
                        m_outboxCount += e.uploadState == store::UploadState::Queued ? 1 : 0;
                }
            }
        } catch (const fe::Error& e) {
            m_statsError->setText(UiText::error(e));
            m_statsError->show();
        }
    }
    retranslate();
}

void HomeWidget::showNotice(Notice notice, const QString& enrollmentId)
{
    m_notice = notice;
    m_noticeId = enrollmentId;
    retranslate();
}

void HomeWidget::clearMessage()
{
    m_notice = Notice::None;
    m_noticeId.clear();
    m_message->clear();
    m_message->hide();
}

QString HomeWidget::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void HomeWidget::retranslate()
{
    const bool enroll = m_station.can(store::Permission::Enroll);
    m_greeting->setText(m_station.isActive() || m_station.state() == StationContext::State::Locked
                            ? tr("%1 (%2)").arg(m_station.userName(), UiText::role(m_station.role()))
                            : QString());
    m_newEnrollment->setText(tr("&New enrollment"));
    m_newEnrollment->setAccessibleName(tr("Start a new enrollment"));
    m_newEnrollment->setVisible(enroll);
    m_roleNote->setObjectName(QStringLiteral("roleNote"));
    m_roleNote->setWordWrap(true);
    m_roleNote->setText(tr("Administrators manage users and station settings with faceenroll-cli for now; "
                           "their screens come with the next version."));
    m_roleNote->setVisible(m_station.role() == store::Role::Admin);
    m_lock->setText(tr("Loc&k"));
    m_lock->setAccessibleName(tr("Lock the station (Ctrl+L)"));
    m_logout->setText(tr("Log &out"));
    m_logout->setAccessibleName(tr("Log out"));
    m_languageLabel->setText(tr("Lan&guage:"));
    const auto stat = [](QLabel* label, int count, const QString& caption) {
        label->setVisible(count >= 0);
        label->setText(QStringLiteral("<div style='font-size:22pt; font-weight:bold'>%1</div><div>%2</div>")
                           .arg(count)
                           .arg(caption.toHtmlEscaped()));
        label->setAccessibleName(caption + QStringLiteral(": ") + QString::number(count));
    };
    QString notice;
    bool warning = true;
    switch (m_notice) {
    case Notice::None: break;
    case Notice::Saved:
        notice = tr("Enrollment %1 saved and accepted.").arg(m_noticeId);
        warning = false;
        break;
    case Notice::SavedFlagged: notice = tr("Enrollment %1 saved. It is flagged: a supervisor will review it.").arg(m_noticeId); break;
    case Notice::Refused: notice = tr("The customer refused consent. Nothing was stored."); break;
    case Notice::Cancelled: notice = tr("The enrollment was cancelled. Nothing was stored."); break;
    case Notice::Discarded:
        notice = tr("The enrollment in progress was discarded when the station locked. Nothing was stored.");
        break;
    }
    m_message->setText(notice);
    m_message->setStyleSheet(warning ? QStringLiteral("QLabel { background: #fff4e5; border: 1px solid #8a5a00; "
                                                      "border-radius: 6px; padding: 10px; color: #4a3000; }")
                                     : QStringLiteral("QLabel { background: #e6f4ea; border: 1px solid #1e7e34; "
                                                      "border-radius: 6px; padding: 10px; color: #0d3b1a; }"));
    m_message->setAccessibleName(notice);
    m_message->setVisible(!notice.isEmpty());
    const bool own = !m_station.can(store::Permission::ViewAllEnrollments);
    stat(m_today, m_todayCount, own ? tr("your enrollments today") : tr("enrollments today"));
    stat(m_review, m_reviewCount, tr("waiting for review"));
    stat(m_outbox, m_outboxCount, tr("not yet exported or uploaded"));
}

void HomeWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace fe::ui
