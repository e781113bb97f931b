#pragma once

#include <QString>

namespace fe::ui {

// The privacy notice the customer agrees to, from the resources: :/consent/v<N>/<lang>.html.
// The current notice is the highest version that exists in the requested language (English
// otherwise); its version and language are stored with the consent.
struct ConsentNotice
{
    QString version;  // "1"
    QString language; // "en", "zh_CN"
    QString html;

    [[nodiscard]] bool isValid() const { return !html.isEmpty(); }
    static ConsentNotice current(const QString& language);
};

} // namespace fe::ui
