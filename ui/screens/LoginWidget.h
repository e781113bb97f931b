#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace fe::ui {

class LanguageComboBox;
class StationContext;

// Log in, or unlock a locked session: user name and password, the error in place (wrong
// password, account locked with the time left), the password field emptied whenever the
// screen hides. When locked, the user is fixed; "Switch user" logs that session out.
class LoginWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LoginWidget(StationContext& station, QWidget* parent = nullptr);

    // Shows the form for a fresh login, or for unlocking the locked session.
    void prepare();
    void setUserName(const QString& name);
    [[nodiscard]] QString errorText() const;
    void submit();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void setBusy(bool busy);

    StationContext& m_station;
    QLabel* m_title;
    QLabel* m_station_;
    QLabel* m_userLabel;
    QLabel* m_passwordLabel;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLabel* m_error;
    QPushButton* m_login;
    QPushButton* m_switchUser;
    QLabel* m_languageLabel;
    LanguageComboBox* m_language;
    bool m_unlockMode = false;
};

} // namespace fe::ui
