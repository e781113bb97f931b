// faceenroll-cli: the headless face of the FaceEnroll core. One JSON object per line on stdout,
// the last line {"summary": {...}}; exit 0 when it ran, 2 for bad usage or bad input with a
// one-line reason on stderr.
#include "CliSupport.h"
#include "CommandHelp.h"
#include "Commands.h"
#include "common/Error.h"
#include "store/StoreConstants.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <chrono>
#include <cstdio>

namespace {

void printLine(std::FILE* out, const QString& text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), out);
    std::fputc('\n', out);
    std::fflush(out);
}

// A failure after some result lines still ends stdout with a summary line, so a script that
// reads the last line always finds one.
void endWithErrorSummary(const QString& reason)
{
    if (fe::cli::summaryOwed())
        fe::cli::printSummary({{QStringLiteral("error"), reason}});
}

void printUsage(const fe::cli::CommandTable& table)
{
    printLine(stdout, fe::cli::tr("usage: faceenroll-cli COMMAND [OPTIONS] ARGS"));
    printLine(stdout, fe::cli::tr("commands:"));
    for (const auto& [name, command] : table)
        printLine(stdout, QStringLiteral("  %1 %2").arg(name, QCoreApplication::translate("cli", command.synopsis)));
    printLine(stdout, QString());
    printLine(stdout, fe::cli::tr("Commands that open the store log in as --user NAME with that user's password from "
                                  "--password-file FILE or the FACEENROLL_PASSWORD environment variable; passwords are "
                                  "never taken on the command line. While another FaceEnroll process holds the store they "
                                  "wait --lock-timeout SECONDS (default %1), then give up with exit status 2.")
                          .arg(std::chrono::seconds(fe::store::constants::kKeyFileLockTimeout).count()));
    printLine(stdout, fe::cli::tr("enroll: give the customer's details with --subject-file FILE (JSON) or --subject-file - "
                                  "(standard input) rather than --name, --document-number and --phone, which other users "
                                  "of this computer can read in the process list."));
    printLine(stdout, fe::cli::tr("Output: one JSON object per line, the last one {\"summary\": {...}} (after a failure "
                                  "{\"summary\": {\"error\": ...}}); exit status 0 when it ran, 2 for bad usage or input."));
    printLine(stdout, fe::cli::tr("faceenroll-cli COMMAND --help shows a command's options and an example."));
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
    if (fe::cli::wantsHelp(args)) {
        // "users --help": the group's subcommands; "users add --help", "enroll -h": the
        // command prints its own help from its parser and stops (HelpShown).
        if (fe::cli::isCommandGroup(args.first()) && args.size() > 1 && args[1].startsWith(u'-')) {
            fe::cli::printGroupHelp(args.first(), QCoreApplication::translate("cli", it->second.synopsis));
            return 0;
        }
        fe::cli::setHelpRequested(true);
    }
    try {
        return it->second.run(args);
    } catch (const fe::cli::HelpShown&) {
        return 0;
    } catch (const fe::cli::UsageError& e) {
        printLine(stderr, QStringLiteral("faceenroll-cli %1: %2").arg(args.first(), e.reason()));
        endWithErrorSummary(e.reason());
    } catch (const fe::Error& e) {
        const QString reason = fe::cli::errorText(e);
        printLine(stderr, QStringLiteral("faceenroll-cli %1: %2").arg(args.first(), reason));
        endWithErrorSummary(reason);
        return e.code() == fe::ErrorCode::Internal ? 1 : 2;
    } catch (const std::exception& e) {
        const QString reason = fe::cli::tr("internal error: %1").arg(QString::fromLocal8Bit(e.what()));
        printLine(stderr, QStringLiteral("faceenroll-cli %1: %2").arg(args.first(), reason));
        endWithErrorSummary(reason);
        return 1;
    }
    return 2;
}
