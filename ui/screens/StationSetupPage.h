#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace fe::ui {

class StationContext;

// First run, step 1: station name, admin name and password (twice). The rules are a
// checklist that ticks as the password is typed. Next creates the station (Argon2id takes
// a moment, off the GUI thread); it cannot be undone from the wizard, so this is a commit page.
class StationSetupPage : public QWizardPage
{
    Q_OBJECT

public:
    StationSetupPage(StationContext& station, QWidget* parent = nullptr);

    bool isComplete() const override;
    bool validatePage() override;

    [[nodiscard]] QString adminName() const;
    [[nodiscard]] const QString& recoveryKey() const { return m_recoveryKey; }
    void forgetRecoveryKey();
    [[nodiscard]] QStringList unmetRules() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateRules();

    StationContext& m_station;
    QLabel* m_stationLabel;
    QLabel* m_adminLabel;
    QLabel* m_passwordLabel;
    QLabel* m_repeatLabel;
    QLineEdit* m_stationName;
    QLineEdit* m_admin;
    QLineEdit* m_password;
    QLineEdit* m_repeat;
    QLabel* m_rules;
    QLabel* m_error;
    bool m_creating = false;
    bool m_created = false;
    QString m_recoveryKey;
};

} // namespace fe::ui
