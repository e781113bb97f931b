#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace fe::ui {

class LanguageComboBox;
class StationContext;

// The start screen after login: today's enrollments, those waiting for review, those not yet
// exported or uploaded (each only when the role may see them), a large "New enrollment"
// (for roles that enroll), the language switch, Lock and Log out. The screens of part 2
// (review queue, records, audit, settings, sync) add their entries here for the roles that
// may use them; until then there are none (no dead buttons).
class HomeWidget : public QWidget
{
    Q_OBJECT

public:
    explicit HomeWidget(StationContext& station, QWidget* parent = nullptr);

    // What the banner at the top says (rebuilt in the current language on every switch).
    enum class Notice { None, Saved, SavedFlagged, Refused, Cancelled, Discarded };

    void refresh();
    // The banner: after saving (with the enrollment id), or why nothing was stored.
    void showNotice(Notice notice, const QString& enrollmentId = {});
    void clearMessage();
    [[nodiscard]] QString message() const;
    [[nodiscard]] QPushButton* newEnrollmentButton() const { return m_newEnrollment; }

Q_SIGNALS:
    void newEnrollmentRequested();
    void lockRequested();
    void logoutRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    StationContext& m_station;
    QLabel* m_greeting;
    QLabel* m_message;
    QLabel* m_today;
    QLabel* m_review;
    QLabel* m_outbox;
    QLabel* m_statsError;
    QLabel* m_roleNote;
    QPushButton* m_newEnrollment;
    QPushButton* m_lock;
    QPushButton* m_logout;
    QLabel* m_languageLabel;
    LanguageComboBox* m_language;
    Notice m_notice = Notice::None;
    QString m_noticeId;
    int m_todayCount = -1;
    int m_reviewCount = -1;
    int m_outboxCount = -1;
};

} // namespace fe::ui
