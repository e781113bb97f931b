#include "CliSupport.h"

#include "CommandHelp.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>

#include <cmath>
#include <cstdio>

namespace fe::cli {

QString tr(const char* text)
{
    // lupdate files tr() calls of namespace-level code under the namespace's name.
    return QCoreApplication::translate("fe::cli", text);
}

QString errorText(const fe::Error& error)
{
    const QString text = QCoreApplication::translate("fe::Error", error.textTemplate());
    return QString::fromStdString(fe::Error::format(text.toStdString(), error.args()));
}

AssetResolver assetResolver()
{
    const QSettings settings;
    return AssetResolver(settings.value(QStringLiteral("assets/dir")).toString().toStdString());
}

namespace {
bool g_linesPrinted = false;
bool g_summaryPrinted = false;
} // namespace

bool summaryOwed()
{
    return g_linesPrinted && !g_summaryPrinted;
}

void printJson(const QJsonObject& object)
{
    g_linesPrinted = true;
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printSummary(const QJsonObject& summary)
{
    printJson(QJsonObject{{QStringLiteral("summary"), summary}});
    g_summaryPrinted = true;
}

void parseOrThrow(QCommandLineParser& parser, const QStringList& args, int minPositional, int maxPositional)
{
    if (helpRequested()) {
        printCommandHelp(parser, args.value(0));
        throw HelpShown();
    }
    if (!parser.parse(args))
        throw UsageError(parser.errorText());
    rejectRepeatedOptions(parser, args.value(0));
    const int n = static_cast<int>(parser.positionalArguments().size());
    if (n < minPositional)
        throw UsageError(tr("missing argument; usage: %1").arg(args.value(0) + QLatin1Char(' ') + parser.helpText().section(QLatin1Char('\n'), 0, 0)));
    if (maxPositional >= 0 && n > maxPositional)
        throw UsageError(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().value(maxPositional)));
}

int intOption(const QCommandLineParser& parser, const QString& name, int fallback, int min, int max)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int v = parser.value(name).toInt(&ok);
    if (!ok || v < min || v > max)
        throw UsageError(tr("--%1 takes a whole number from %2 to %3").arg(name).arg(min).arg(max));
    return v;
}

double doubleOption(const QCommandLineParser& parser, const QString& name, double fallback, double min, double max)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double v = parser.value(name).toDouble(&ok);
    // "nan" and "inf" parse as numbers; no comparison with a range refuses NaN.
    if (!ok || !std::isfinite(v) || v < min || v > max)
        throw UsageError(tr("--%1 takes a number from %2 to %3").arg(name).arg(min).arg(max));
    return v;
}

Size sizeOption(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name))
        return {};
    static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto m = re.match(parser.value(name));
    if (!m.hasMatch())
        throw UsageError(tr("--%1 takes a size like 640x480").arg(name));
    return {m.captured(1).toInt(), m.captured(2).toInt()};
}

} // namespace fe::cli
