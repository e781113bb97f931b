#pragma once

#include <QComboBox>

namespace fe::ui {

// The language switch of the login and home screens: each language in its own name.
class LanguageComboBox : public QComboBox
{
    Q_OBJECT

public:
    explicit LanguageComboBox(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void sync();
};

} // namespace fe::ui
