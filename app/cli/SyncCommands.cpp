// export, import, upload, verify-bundle, keys, trust, receipts: offline bundles, relay and
// upload to the central service (issue 14; docs/bundle-format.md). Progress comes as JSON
// lines ({"progress": {...}}), the summary last. A bad bundle exits with status 2 and the
// specific reason on stderr; nothing is imported, uploaded or marked.
#include "CliSupport.h"
#include "Commands.h"
#include "StoreAccess.h"
#include "common/Error.h"
#include "store/Session.h"
#include "sync/BundleError.h"
#include "sync/BundleExporter.h"
#include "sync/BundleImporter.h"
#include "sync/BundleReader.h"
#include "sync/CentralKeys.h"
#include "sync/ReceiptTransfer.h"
#include "sync/TrustList.h"
#include "sync/Uploader.h"

#include <QCoreApplication>
#include <QFile>
#include <QUrl>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <map>

namespace fe::cli {
namespace {

using store::Session;
using sync::BundleError;

std::atomic<bool> g_cancel{false};

extern "C" void onSignal(int)
{
    g_cancel.store(true);
}

// SIGINT and SIGTERM cancel cleanly (the temporary file goes, nothing is marked) instead of
// killing the process; a second signal kills it as usual.
class CancelOnSignal
{
public:
    CancelOnSignal()
    {
        struct sigaction sa{};
        sa.sa_handler = onSignal;
        sa.sa_flags = SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &m_int);
        sigaction(SIGTERM, &sa, &m_term);
    }
    ~CancelOnSignal()
    {
        sigaction(SIGINT, &m_int, nullptr);
        sigaction(SIGTERM, &m_term, nullptr);
    }
    CancelOnSignal(const CancelOnSignal&) = delete;
    CancelOnSignal& operator=(const CancelOnSignal&) = delete;

private:
    struct sigaction m_int{};
    struct sigaction m_term{};
};

QString qstr(const std::string& s)
{
    return QString::fromStdString(s);
}

std::filesystem::path pathOf(const QString& s)
{
    return std::filesystem::path(s.toStdString());
}

// "keys set-central" -> args without the group word (as the store commands do).
QStringList subcommandArgs(const QStringList& args, const QString& group)
{
    if (args.size() < 2 || args[1].startsWith(QLatin1Char('-')))
        throw UsageError(tr("%1 needs a subcommand; run faceenroll-cli --help").arg(group));
    QStringList rest = args.mid(1);
    rest[0] = group + QLatin1Char(' ') + rest[0];
    return rest;
}

QString translatedError(const Error& e)
{
    const QString text = QCoreApplication::translate("fe::Error", e.textTemplate());
    return qstr(Error::format(text.toStdString(), e.args()));
}

int runExport(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parser.addOption({QStringLiteral("out"), tr("The bundle file to write (must not exist)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("all-pending"), tr("Every enrollment waiting for upload.")});
    parser.addOption({QStringLiteral("enrollment"), tr("An enrollment to export (repeatable)."), QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("bundle"), tr("The enrollments of an earlier bundle, exported again."), QStringLiteral("ID")});
    parseOrThrow(parser, args, 0, 0);
    const auto out = pathOf(requiredValue(parser, QStringLiteral("out")));
    const int selections = (parser.isSet(QStringLiteral("all-pending")) ? 1 : 0) +
                           (parser.isSet(QStringLiteral("enrollment")) ? 1 : 0) + (parser.isSet(QStringLiteral("bundle")) ? 1 : 0);
    if (selections != 1)
        throw UsageError(tr("choose what to export: --all-pending, --enrollment ID... or --bundle ID"));
    Session session = login(parser);
    sync::BundleExporter exporter(session);
    std::vector<std::string> ids;
    if (parser.isSet(QStringLiteral("all-pending"))) {
        ids = exporter.allPending();
    } else if (parser.isSet(QStringLiteral("bundle"))) {
        ids = exporter.ofBundle(parser.value(QStringLiteral("bundle")).toStdString());
    } else {
        for (const auto& id : parser.values(QStringLiteral("enrollment")))
            ids.push_back(id.toStdString());
    }
    const CancelOnSignal cancelOnSignal;
    int lastTwentieth = -1;
    const auto result = exporter.exportToFile(out, ids, [&](const sync::ExportProgress& p) {
        const int twentieth = p.total == 0 ? 20 : static_cast<int>(p.records * 20 / p.total);
        if (twentieth != lastTwentieth) {
            lastTwentieth = twentieth;
            printJson({{QStringLiteral("progress"),
                        QJsonObject{{QStringLiteral("records"), static_cast<qint64>(p.records)},
                                    {QStringLiteral("of"), static_cast<qint64>(p.total)},
                                    {QStringLiteral("bytes"), static_cast<qint64>(p.bytes)}}}});
        }
        return !g_cancel.load();
    });
    session.logout();
    printSummary({{QStringLiteral("bundle"), qstr(result.bundleId)},
                  {QStringLiteral("file"), qstr(result.path.string())},
                  {QStringLiteral("records"), static_cast<qint64>(result.records)},
                  {QStringLiteral("bytes"), static_cast<qint64>(result.bytes)},
                  {QStringLiteral("marked_exported"), result.marked}});
    return 0;
}

int runImport(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The bundle to import."));
    parseOrThrow(parser, args, 1, 1);
    Session session = login(parser);
    const CancelOnSignal cancelOnSignal;
    const auto r = sync::BundleImporter::importFile(session, pathOf(parser.positionalArguments().first()),
                                                    [](std::uint64_t, std::uint64_t) { return !g_cancel.load(); });
    session.logout();
    printSummary({{QStringLiteral("bundle"), qstr(r.bundleId)},
                  {QStringLiteral("station"), qstr(r.stationId)},
                  {QStringLiteral("records"), static_cast<qint64>(r.records)},
                  {QStringLiteral("bytes"), static_cast<qint64>(r.bytes)},
                  {QStringLiteral("imported"), !r.duplicate},
                  {QStringLiteral("duplicate"), r.duplicate}});
    return 0;
}

QString stageName(sync::UploadProgress::Stage s)
{
    switch (s) {
    case sync::UploadProgress::Stage::Bundling:
        return QStringLiteral("bundling");
    case sync::UploadProgress::Stage::Sending:
        return QStringLiteral("sending");
    case sync::UploadProgress::Stage::Receipted:
        return QStringLiteral("receipted");
    case sync::UploadProgress::Stage::Retrying:
        return QStringLiteral("retrying");
    }
    return {};
}

int runUpload(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parser.addOption({QStringLiteral("url"), tr("The central service's base URL (http:// or https://)."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("max-attempts"), tr("Tries per bundle before the run stops (default 8)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("retry-base-ms"), tr("First retry delay ceiling in ms (default 500; doubles per try, with jitter)."),
                      QStringLiteral("MS")});
    parser.addOption({QStringLiteral("retry-cap-ms"), tr("Largest retry delay in ms (default 30000)."), QStringLiteral("MS")});
    parser.addOption({QStringLiteral("timeout-ms"), tr("Abandon a request without progress after this long (default 60000)."),
                      QStringLiteral("MS")});
    parser.addOption({QStringLiteral("bundle-records"), tr("At most this many enrollments per bundle (default 500)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("retry-rejected"), tr("Send the bundles the receiver refused before once more.")});
    parseOrThrow(parser, args, 0, 0);
    sync::UploadOptions options;
    options.url = QUrl(requiredValue(parser, QStringLiteral("url")));
    options.maxAttempts = intOption(parser, QStringLiteral("max-attempts"), options.maxAttempts, 1, 1000);
    options.retryBase = std::chrono::milliseconds(
        intOption(parser, QStringLiteral("retry-base-ms"), static_cast<int>(options.retryBase.count()), 1, 3'600'000));
    options.retryCap = std::chrono::milliseconds(
        intOption(parser, QStringLiteral("retry-cap-ms"), static_cast<int>(options.retryCap.count()), 1, 3'600'000));
    options.transferTimeout = std::chrono::milliseconds(
        intOption(parser, QStringLiteral("timeout-ms"), static_cast<int>(options.transferTimeout.count()), 100, 3'600'000));
    options.bundleMaxRecords = static_cast<std::size_t>(
        intOption(parser, QStringLiteral("bundle-records"), static_cast<int>(options.bundleMaxRecords), 1, 100'000));
    options.retryRejected = parser.isSet(QStringLiteral("retry-rejected"));
    Session session = login(parser);
    const CancelOnSignal cancelOnSignal;
    sync::Uploader uploader(session, options);
    std::string lastSending;
    const auto report = uploader.run(
        [&](const sync::UploadProgress& p) {
            // One line per bundle start, retry and receipt (not per upload-progress tick).
            if (p.stage == sync::UploadProgress::Stage::Sending) {
                const std::string key = p.bundleId + "/" + std::to_string(p.attempt);
                if (key == lastSending)
                    return;
                lastSending = key;
            }
            QJsonObject o{{QStringLiteral("stage"), stageName(p.stage)}};
            if (!p.bundleId.empty())
                o.insert(QStringLiteral("bundle"), qstr(p.bundleId));
            if (p.attempt > 0)
                o.insert(QStringLiteral("attempt"), p.attempt);
            if (p.stage == sync::UploadProgress::Stage::Retrying) {
                o.insert(QStringLiteral("delay_ms"), static_cast<qint64>(p.delayMs));
                o.insert(QStringLiteral("error"), qstr(p.error));
            }
            if (p.stage == sync::UploadProgress::Stage::Sending)
                o.insert(QStringLiteral("bytes"), static_cast<qint64>(p.bytesTotal));
            if (p.stage == sync::UploadProgress::Stage::Receipted)
                o.insert(QStringLiteral("records"), p.records);
            printJson({{QStringLiteral("progress"), o}});
        },
        &g_cancel);
    session.logout();
    printSummary({{QStringLiteral("uploaded"), report.uploaded},
                  {QStringLiteral("bundles"), report.bundles},
                  {QStringLiteral("retries"), report.retries},
                  {QStringLiteral("pending"), report.pendingRecords},
                  {QStringLiteral("pending_bundles"), report.pendingBundles},
                  {QStringLiteral("rejected"), report.rejected},
                  {QStringLiteral("bytes_sent"), static_cast<qint64>(report.bytesSent)},
                  {QStringLiteral("complete"), report.complete}});
    if (!report.stopReason.empty()) {
        // The summary above says what was done; the status and stderr say the run stopped.
        const QByteArray line = QStringLiteral("faceenroll-cli upload: %1\n").arg(qstr(report.stopReason)).toLocal8Bit();
        std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stderr);
        return 2;
    }
    return 0;
}

int runVerifyBundle(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The bundle to check."));
    parser.addOption({QStringLiteral("trust"), tr("A trust list: the station must be in it with the bundle's key."),
                      QStringLiteral("TRUSTLIST")});
    parseOrThrow(parser, args, 1, 1);
    std::optional<sync::BundleReader::TrustLookup> trust;
    if (parser.isSet(QStringLiteral("trust"))) {
        auto keys = std::make_shared<std::map<std::string, sync::PublicKey>>();
        for (const auto& s : sync::TrustList::load(pathOf(parser.value(QStringLiteral("trust")))))
            (*keys)[s.stationId] = s.publicKey;
        trust = [keys](const std::string& id) -> std::optional<sync::PublicKey> {
            const auto it = keys->find(id);
            return it == keys->end() ? std::nullopt : std::optional<sync::PublicKey>(it->second);
        };
    }
    QJsonObject summary{{QStringLiteral("file"), parser.positionalArguments().first()}};
    const auto refuse = [&](const BundleError& e, bool valid) {
        summary.insert(QStringLiteral("valid"), valid);
        summary.insert(QStringLiteral("trusted"), false);
        summary.insert(QStringLiteral("reason"), translatedError(e));
        summary.insert(QStringLiteral("reason_code"), QLatin1String(sync::problemCode(e.problem())));
        printSummary(summary);
    };
    // In the order every reader follows (docs/bundle-format.md): header, size, trust,
    // signature, every chunk. A trust problem is the reason; "valid" then says whether the
    // file itself is intact (checked against the key in its header).
    sync::FileSource source(pathOf(parser.positionalArguments().first()));
    std::optional<sync::BundleReader> reader;
    try {
        reader.emplace(source, trust ? &*trust : nullptr);
        reader->verifyContent();
    } catch (const BundleError& e) {
        bool intact = false;
        if (e.problem() == sync::BundleProblem::UnknownStation || e.problem() == sync::BundleProblem::StationKeyMismatch) {
            try {
                sync::BundleReader bare(source, nullptr);
                bare.verifyContent();
                intact = true;
            } catch (const BundleError&) {
            }
        }
        refuse(e, intact);
        throw;
    }
    summary.insert(QStringLiteral("bundle"), qstr(reader->bundleId()));
    summary.insert(QStringLiteral("station"), qstr(reader->stationId()));
    summary.insert(QStringLiteral("records"), static_cast<qint64>(reader->header().recordCount));
    summary.insert(QStringLiteral("bytes"), static_cast<qint64>(reader->geometry().fileSize));
    summary.insert(QStringLiteral("recipient_key_id"), qstr(reader->recipientKeyId()));
    summary.insert(QStringLiteral("valid"), true);
    summary.insert(QStringLiteral("trusted"), trust.has_value());
    summary.insert(QStringLiteral("reason"), QJsonValue());
    printSummary(summary);
    return 0;
}

int runKeys(const QStringList& allArgs)
{
    rejectPasswordOnCommandLine(allArgs);
    const QStringList args = subcommandArgs(allArgs, QStringLiteral("keys"));
    const QString sub = args[0].section(QLatin1Char(' '), 1);
    QCommandLineParser parser;
    addActorOptions(parser);
    if (sub == QLatin1String("set-central")) {
        parser.addPositionalArgument(QStringLiteral("FILE"), tr("The central service's public key file (central.pub)."));
        parseOrThrow(parser, args, 1, 1);
        const auto keys = sync::CentralKeys::loadPublic(pathOf(parser.positionalArguments().first()));
        Session session = login(parser);
        session.setCentralKey(keys);
        session.logout();
        printSummary({{QStringLiteral("key_id"), qstr(keys.keyId)}});
        return 0;
    }
    if (sub == QLatin1String("export-station-public")) {
        parser.addOption({QStringLiteral("out"), tr("Also append the trust-list line to this file."), QStringLiteral("FILE")});
        parseOrThrow(parser, args, 0, 0);
        Session session = login(parser);
        const auto id = session.stationIdentity();
        session.logout();
        const std::string line = sync::TrustList::formatLine({id.stationId, id.name, id.publicKey});
        if (parser.isSet(QStringLiteral("out"))) {
            QFile f(parser.value(QStringLiteral("out")));
            if (!f.open(QIODevice::WriteOnly | QIODevice::Append) || f.write(QByteArray::fromStdString(line + "\n")) < 0)
                throw UsageError(tr("cannot write %1: %2").arg(f.fileName(), f.errorString()));
        }
        printSummary({{QStringLiteral("station"), qstr(id.stationId)},
                      {QStringLiteral("name"), qstr(id.name)},
                      {QStringLiteral("public_key"), qstr(sync::toHex(id.publicKey))},
                      {QStringLiteral("line"), qstr(line)}});
        return 0;
    }
    throw UsageError(tr("unknown subcommand \"keys %1\"; use set-central or export-station-public").arg(sub));
}

int runTrust(const QStringList& allArgs)
{
    rejectPasswordOnCommandLine(allArgs);
    const QStringList args = subcommandArgs(allArgs, QStringLiteral("trust"));
    const QString sub = args[0].section(QLatin1Char(' '), 1);
    QCommandLineParser parser;
    addActorOptions(parser);
    if (sub == QLatin1String("import")) {
        parser.addPositionalArgument(QStringLiteral("FILE"), tr("The trust list: it replaces the current one."));
        parseOrThrow(parser, args, 1, 1);
        const auto stations = sync::TrustList::load(pathOf(parser.positionalArguments().first()));
        Session session = login(parser);
        const auto change = session.replaceTrustList(stations);
        session.logout();
        printSummary({{QStringLiteral("stations"), static_cast<qint64>(stations.size())},
                      {QStringLiteral("added"), change.added},
                      {QStringLiteral("removed"), change.removed},
                      {QStringLiteral("changed"), change.changed},
                      {QStringLiteral("unchanged"), change.unchanged}});
        return 0;
    }
    if (sub == QLatin1String("list")) {
        parseOrThrow(parser, args, 0, 0);
        Session session = login(parser);
        const auto stations = session.trustedStations();
        session.logout();
        for (const auto& s : stations)
            printJson({{QStringLiteral("station"), qstr(s.stationId)},
                       {QStringLiteral("name"), qstr(s.name)},
                       {QStringLiteral("public_key"), qstr(sync::toHex(s.publicKey))}});
        printSummary({{QStringLiteral("stations"), static_cast<qint64>(stations.size())}});
        return 0;
    }
    throw UsageError(tr("unknown subcommand \"trust %1\"; use import or list").arg(sub));
}

int runReceipts(const QStringList& allArgs)
{
    rejectPasswordOnCommandLine(allArgs);
    const QStringList args = subcommandArgs(allArgs, QStringLiteral("receipts"));
    const QString sub = args[0].section(QLatin1Char(' '), 1);
    QCommandLineParser parser;
    addActorOptions(parser);
    if (sub == QLatin1String("export")) {
        parser.addOption({QStringLiteral("out"), tr("The receipts file to write (must not exist)."), QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("station"), tr("Only the receipts for this station's bundles."), QStringLiteral("ID")});
        parseOrThrow(parser, args, 0, 0);
        const auto out = pathOf(requiredValue(parser, QStringLiteral("out")));
        std::optional<std::string> station;
        if (parser.isSet(QStringLiteral("station")))
            station = parser.value(QStringLiteral("station")).toStdString();
        Session session = login(parser);
        const auto r = sync::ReceiptTransfer::exportFile(session, out, station);
        session.logout();
        printSummary({{QStringLiteral("receipts"), r.receipts}, {QStringLiteral("bytes"), static_cast<qint64>(r.bytes)},
                      {QStringLiteral("file"), qstr(out.string())}});
        return 0;
    }
    if (sub == QLatin1String("import")) {
        parser.addPositionalArgument(QStringLiteral("FILE"), tr("A receipts file from the relaying station."));
        parseOrThrow(parser, args, 1, 1);
        Session session = login(parser);
        const auto r = sync::ReceiptTransfer::importFile(session, pathOf(parser.positionalArguments().first()));
        session.logout();
        printSummary({{QStringLiteral("receipts"), r.receipts},
                      {QStringLiteral("applied"), r.applied},
                      {QStringLiteral("marked"), r.marked},
                      {QStringLiteral("other_stations"), r.notForHere}});
        return 0;
    }
    throw UsageError(tr("unknown subcommand \"receipts %1\"; use export or import").arg(sub));
}

} // namespace

void registerSyncCommands(CommandTable& table)
{
    table[QStringLiteral("export")] = {
        runExport, QT_TRANSLATE_NOOP("cli", "--db PATH --user SUP --out FILE --all-pending | --enrollment ID... | --bundle ID  "
                                            "write a signed, encrypted bundle for removable media")};
    table[QStringLiteral("import")] = {
        runImport, QT_TRANSLATE_NOOP("cli", "--db PATH --user SUP FILE  check a bundle from another station and put it in "
                                            "the outbox")};
    table[QStringLiteral("upload")] = {
        runUpload, QT_TRANSLATE_NOOP("cli", "--db PATH --user SUP --url URL  send the outbox and the queue to the central "
                                            "service; record its receipts")};
    table[QStringLiteral("verify-bundle")] = {
        runVerifyBundle, QT_TRANSLATE_NOOP("cli", "FILE [--trust TRUSTLIST]  check a bundle's integrity and signature "
                                                  "(no key needed)")};
    table[QStringLiteral("keys")] = {
        runKeys, QT_TRANSLATE_NOOP("cli", "set-central FILE | export-station-public [--out FILE]  --db PATH --user U  "
                                          "central key, station key")};
    table[QStringLiteral("trust")] = {
        runTrust, QT_TRANSLATE_NOOP("cli", "import FILE | list  --db PATH --user ADMIN  stations whose bundles this one relays")};
    table[QStringLiteral("receipts")] = {
        runReceipts, QT_TRANSLATE_NOOP("cli", "export --out FILE [--station ID] | import FILE  --db PATH --user SUP  hand "
                                              "receipts back to the stations whose bundles were relayed")};
}

} // namespace fe::cli
