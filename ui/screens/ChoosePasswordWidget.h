#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace fe::ui {

class StationContext;

// Right after a login with a password an admin set (a new account, a reset): the user
// chooses their own, twice, with the rules ticking as they type; nothing else opens before.
// "Log out" leaves without choosing. The fields are emptied whenever the screen hides.
class ChoosePasswordWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ChoosePasswordWidget(StationContext& station, QWidget* parent = nullptr);

    void prepare();
    void submit();
    [[nodiscard]] QStringList unmetRules() const;
    [[nodiscard]] QString errorText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateRules();
    void setBusy(bool busy);

    StationContext& m_station;
    QLabel* m_title;
    QLabel* m_explanation;
    QLabel* m_passwordLabel;
    QLabel* m_repeatLabel;
    QLineEdit* m_password;
    QLineEdit* m_repeat;
    QLabel* m_rules;
    QLabel* m_error;
    QPushButton* m_save;
    QPushButton* m_logout;
    bool m_busy = false;
};

} // namespace fe::ui
