#pragma once

#include "common/AssetResolver.h"
#include "common/Error.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <stdexcept>

namespace fe::cli {

// Bad usage or bad input: main() prints the reason on one line of stderr and exits with 2.
class UsageError : public std::runtime_error
{
public:
    explicit UsageError(const QString& reason) : std::runtime_error(reason.toStdString()), m_reason(reason) {}
    [[nodiscard]] const QString& reason() const { return m_reason; }

private:
    QString m_reason;
};

// One JSON object on one line of stdout, flushed (consumers read the stream live).
void printJson(const QJsonObject& object);
void printSummary(const QJsonObject& summary);
// true when a command printed result lines but no summary yet: main() then ends stdout with
// {"summary": {"error": REASON}} after a failure, so the last line is always a summary.
bool summaryOwed();

// Parses a command's options; throws UsageError on unknown options or a wrong number of
// positional arguments. args[0] is the command name.
void parseOrThrow(QCommandLineParser& parser, const QStringList& args, int minPositional, int maxPositional);

int intOption(const QCommandLineParser& parser, const QString& name, int fallback, int min, int max);
double doubleOption(const QCommandLineParser& parser, const QString& name, double fallback, double min, double max);

// "WxH" -> size; throws UsageError.
struct Size
{
    int width = 0;
    int height = 0;
};
Size sizeOption(const QCommandLineParser& parser, const QString& name);

QString tr(const char* text);

// An fe::Error's text in the user's language, arguments filled in.
QString errorText(const fe::Error& error);

// The assets as this user's settings (assets/dir) and the environment say.
AssetResolver assetResolver();

} // namespace fe::cli
