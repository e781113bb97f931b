#include "CommandHelp.h"

#include "CliSupport.h"

#include <QCoreApplication>

#include <cstdio>
#include <vector>

namespace fe::cli {
namespace {

// Qt's help text names its sections through QCommandLineParser::tr(); these entries put them
// into our catalogues, so a Chinese locale reads them in Chinese too.
[[maybe_unused]] const char* const kQtHelpTexts[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Usage: %1"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "[options]"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Options:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:"),
};

struct HelpEntry
{
    const char* command;                  // "enroll", "users add"
    std::vector<const char*> examples;    // command lines, after "faceenroll-cli "
    std::vector<const char*> repeatable{}; // options that may be given more than once
};

// The password comes from --password-file or FACEENROLL_PASSWORD in every example.
const HelpEntry kHelp[] = {
    {"analyze", {"analyze franck.mp4 --max-frames 100 --quality-profile lowres", "analyze photos/"}},
    {"embed", {"embed portrait.jpg"}},
    {"match", {"match id.png live.mp4 --purpose document", "match a.jpg b.jpg --threshold 0.5"}},
    {"bench", {"bench franck.mp4 --resize 640x480 --runs 3"}},
    {"liveness", {"liveness franck.mp4 --mode spontaneous --quality-profile lowres --portrait portrait.jpg"}},
    {"init", {"init --db station.db --admin admin --password-file admin.pw"}},
    {"users", {"users add op1 --role operator --new-password-file one-time.pw --db station.db --user admin --password-file admin.pw",
               "users list --db station.db --user admin --password-file admin.pw"}},
    {"users add", {"users add op1 --role operator --new-password-file one-time.pw --db station.db --user admin --password-file admin.pw"}},
    {"users list", {"users list --db station.db --user admin --password-file admin.pw"}},
    {"users disable", {"users disable op1 --db station.db --user admin --password-file admin.pw"}},
    {"users passwd", {"users passwd --db station.db --user op1 --password-file one-time.pw --new-password-file op1.pw"}},
    {"audit", {"audit verify --db station.db --user sup1 --password-file sup1.pw"}},
    {"audit verify", {"audit verify --db station.db --user sup1 --password-file sup1.pw"}},
    {"audit list", {"audit list --from 1 --limit 20 --db station.db --user sup1 --password-file sup1.pw"}},
    {"purge", {"purge --db station.db --user sup1 --password-file sup1.pw"}},
    {"recover", {"recover --db station.db --recovery-key-file recovery.txt --new-admin admin2 --new-password-file admin2.pw"}},
    {"rekey", {"rekey --db station.db --user admin --password-file admin.pw"}},
    {"settings", {"settings list --db station.db --user admin --password-file admin.pw"}},
    {"settings list", {"settings list --db station.db --user admin --password-file admin.pw"}},
    {"settings set", {"settings set retention.days 14 --db station.db --user admin --password-file admin.pw"}},
    {"store-info", {"store-info --db station.db --user admin --password-file admin.pw"}},
    {"enroll",
     {"enroll --db station.db --user op1 --password-file op1.pw --subject-file customer.json --consent yes --live live.mp4 --id-photo id.png",
      "enroll --db station.db --user op1 --password-file op1.pw --subject-file - --consent yes --live live.mp4 --id-photo scan.mp4 "
      "--id-photo-frame 120 < customer.json"}},
    {"list", {"list --status flagged --db station.db --user sup1 --password-file sup1.pw"}},
    {"show", {"show 3f6c2a7e-0000-4000-8000-000000000000 --db station.db --user sup1 --password-file sup1.pw"}},
    {"review", {"review --enrollment 3f6c2a7e-0000-4000-8000-000000000000 --decision approve --reason \"same person, new ID\" "
                "--db station.db --user sup1 --password-file sup1.pw"}},
    {"calibrate", {"calibrate pairs.csv --false-flags-per-1000 1"}},
    {"export", {"export --all-pending --out /media/usb/branch.feb --db station.db --user sup1 --password-file sup1.pw",
                "export --enrollment ID1 --enrollment ID2 --out two.feb --db station.db --user sup1 --password-file sup1.pw"},
     {"enrollment"}},
    {"import", {"import /media/usb/branch.feb --db relay.db --user sup1 --password-file sup1.pw"}},
    {"upload", {"upload --url https://central.example --db relay.db --user sup1 --password-file sup1.pw"}},
    {"verify-bundle", {"verify-bundle /media/usb/branch.feb --trust trust.txt"}},
    {"keys", {"keys set-central central.pub --db station.db --user admin --password-file admin.pw"}},
    {"keys set-central", {"keys set-central central.pub --db station.db --user admin --password-file admin.pw"}},
    {"keys export-station-public", {"keys export-station-public --out trust.txt --db station.db --user admin --password-file admin.pw"}},
    {"trust", {"trust import trust.txt --db relay.db --user admin --password-file admin.pw"}},
    {"trust import", {"trust import trust.txt --db relay.db --user admin --password-file admin.pw"}},
    {"trust list", {"trust list --db relay.db --user admin --password-file admin.pw"}},
    {"receipts", {"receipts export --station ID --out receipts.fer --db relay.db --user sup1 --password-file sup1.pw"}},
    {"receipts export", {"receipts export --station ID --out receipts.fer --db relay.db --user sup1 --password-file sup1.pw"}},
    {"receipts import", {"receipts import receipts.fer --db station.db --user sup1 --password-file sup1.pw"}},
};

// The subcommands of each group, as the group's help lists them.
struct Group
{
    const char* command;
    std::vector<const char*> subcommands;
};
const Group kGroups[] = {
    {"users", {"add", "list", "disable", "passwd"}},
    {"audit", {"verify", "list"}},
    {"settings", {"list", "set"}},
    {"keys", {"set-central", "export-station-public"}},
    {"trust", {"import", "list"}},
    {"receipts", {"export", "import"}},
};

const HelpEntry* findEntry(const QString& command)
{
    for (const auto& e : kHelp) {
        if (command == QLatin1String(e.command))
            return &e;
    }
    return nullptr;
}

bool g_helpRequested = false;

void printText(const QString& text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    if (!text.endsWith(u'\n'))
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString examplesText(const QString& command)
{
    const HelpEntry* entry = findEntry(command);
    if (entry == nullptr)
        return {};
    QString text = QLatin1Char('\n') + tr("Example:") + QLatin1Char('\n');
    for (const char* example : entry->examples)
        text += QStringLiteral("  faceenroll-cli ") + QString::fromUtf8(example) + QLatin1Char('\n');
    return text;
}

} // namespace

bool wantsHelp(const QStringList& args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--"))
            return false;
        if (args[i] == QLatin1String("--help") || args[i] == QLatin1String("-h"))
            return true;
    }
    return false;
}

void setHelpRequested(bool requested)
{
    g_helpRequested = requested;
}

bool helpRequested()
{
    return g_helpRequested;
}

bool isCommandGroup(const QString& command)
{
    for (const auto& g : kGroups) {
        if (command == QLatin1String(g.command))
            return true;
    }
    return false;
}

void printGroupHelp(const QString& command, const QString& synopsis)
{
    QString text = tr("usage: faceenroll-cli %1 SUBCOMMAND [options]").arg(command) + QLatin1Char('\n') + synopsis + QLatin1Char('\n');
    text += QLatin1Char('\n') + tr("Subcommands (faceenroll-cli %1 SUBCOMMAND --help shows the options of one):").arg(command) +
            QLatin1Char('\n');
    for (const auto& g : kGroups) {
        if (command != QLatin1String(g.command))
            continue;
        for (const char* sub : g.subcommands)
            text += QStringLiteral("  %1 %2\n").arg(command, QString::fromUtf8(sub));
    }
    text += examplesText(command);
    printText(text);
}

void printCommandHelp(const QCommandLineParser& parser, const QString& command)
{
    // Qt's text begins "Usage: <program> [options] ARGS": the program becomes the command.
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype at = text.indexOf(program);
    if (at >= 0 && at < text.indexOf(u'\n'))
        text.replace(at, program.size(), QStringLiteral("faceenroll-cli ") + command);
    text = text.trimmed() + QLatin1Char('\n') + examplesText(command);
    printText(text);
}

void rejectRepeatedOptions(const QCommandLineParser& parser, const QString& command)
{
    const HelpEntry* entry = findEntry(command);
    QStringList seen;
    for (const QString& name : parser.optionNames()) {
        if (!seen.contains(name)) {
            seen.append(name);
            continue;
        }
        bool repeatable = false;
        if (entry != nullptr) {
            for (const char* r : entry->repeatable)
                repeatable = repeatable || name == QLatin1String(r);
        }
        if (!repeatable)
            throw UsageError(tr("--%1 was given more than once; give it once").arg(name));
    }
}

} // namespace fe::cli
