// faceenroll-cli: the headless face of the FaceEnroll core. One JSON object per line on stdout,
// the last line {"summary": {...}}; exit 0 when it ran, 2 for bad usage or bad input with a
// one-line reason on stderr.
#include "CliSupport.h"
#include "Commands.h"
#include "common/Error.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace {

void printLine(std::FILE* out, const QString& text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), out);
    std::fputc('\n', out);
    std::fflush(out);
}

QString translated(const fe::Error& e)
{
    const QString text = QCoreApplication::translate("fe::Error", e.textTemplate());
    return QString::fromStdString(fe::Error::format(text.toStdString(), e.args()));
}

void printUsage(const fe::cli::CommandTable& table)
{
    printLine(stdout, fe::cli::tr("usage: faceenroll-cli COMMAND [OPTIONS] ARGS"));
    printLine(stdout, fe::cli::tr("commands:"));
    for (const auto& [name, command] : table)
        printLine(stdout, QStringLiteral("  %1 %2").arg(name, QCoreApplication::translate("cli", command.synopsis)));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FaceEnroll"));
    QCoreApplication::setApplicationName(QStringLiteral("faceenroll"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FACEENROLL_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("faceenroll"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    fe::cli::CommandTable table;
    fe::cli::registerVisionCommands(table);
    fe::cli::registerStoreCommands(table);
    fe::cli::registerLivenessCommands(table);
    fe::cli::registerEnrollCommands(table);
    fe::cli::registerSyncCommands(table);

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        printUsage(table);
        return 2;
    }
    if (args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h") ||
        args.first() == QLatin1String("help")) {
        printUsage(table);
        return 0;
    }
    if (args.first() == QLatin1String("--version")) {
        printLine(stdout, QCoreApplication::applicationVersion());
        return 0;
    }
    const auto it = table.find(args.first());
    if (it == table.end()) {
        printLine(stderr, fe::cli::tr("faceenroll-cli: unknown command \"%1\"; run faceenroll-cli --help").arg(args.first()));
        return 2;
    }
    try {
        return it->second.run(args);
    } catch (const fe::cli::UsageError& e) {
        printLine(stderr, QStringLiteral("faceenroll-cli %1: %2").arg(args.first(), e.reason()));
    } catch (const fe::Error& e) {
        printLine(stderr, QStringLiteral("faceenroll-cli %1: %2").arg(args.first(), translated(e)));
        return e.code() == fe::ErrorCode::Internal ? 1 : 2;
    } catch (const std::exception& e) {
        printLine(stderr, fe::cli::tr("faceenroll-cli %1: internal error: %2").arg(args.first(), QString::fromLocal8Bit(e.what())));
        return 1;
    }
    return 2;
}
