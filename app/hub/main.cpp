// faceenroll-hub: the reference receiver of bundles (docs/bundle-format.md, "Reference
// receiver"). For tests, pilots and as the specification's executable example; not a
// production central system.
//
//   faceenroll-hub keygen --out DIR
//   faceenroll-hub --listen 127.0.0.1:PORT --data DIR --key KEYDIR --stations TRUSTLIST
//                  [--fail-rate P] [--delay-ms N] [--drop-connection-rate P] [--seed N]
//
// Prints one JSON object per line: {"listening": ...} once it accepts connections, then one
// {"request": ...} per request. Exit 0 after SIGINT/SIGTERM, 2 for bad usage or input.
#include "HubServer.h"

#include "common/Error.h"
#include "store/HubStore.h"
#include "sync/CentralKeys.h"
#include "sync/HubService.h"
#include "sync/TrustList.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace {

std::atomic<bool> g_stop{false};

extern "C" void onSignal(int)
{
    g_stop.store(true);
}

void printLine(std::FILE* out, const QByteArray& line)
{
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), out);
    std::fputc('\n', out);
    std::fflush(out);
}

void printJson(const QJsonObject& o)
{
    printLine(stdout, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

struct Usage
{
    QString reason;
};

double rate(const QCommandLineParser& p, const QString& name)
{
    if (!p.isSet(name))
        return 0.0;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || v < 0.0 || v > 1.0)
        throw Usage{QStringLiteral("--%1 takes a number from 0 to 1").arg(name)};
    return v;
}

int keygen(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("out"), QStringLiteral("Directory for central.pub and central.key."), QStringLiteral("DIR")});
    if (!p.parse(args))
        throw Usage{p.errorText()};
    if (!p.isSet(QStringLiteral("out")))
        throw Usage{QStringLiteral("--out DIR is required")};
    const auto dir = std::filesystem::path(p.value(QStringLiteral("out")).toStdString());
    const auto keys = fe::sync::CentralKeys::generate();
    fe::sync::CentralKeys::writeKeyDirectory(dir, keys);
    printJson({{QStringLiteral("summary"),
                QJsonObject{{QStringLiteral("key_id"), QString::fromStdString(keys.publicKeys.keyId)},
                            {QStringLiteral("public"), QString::fromStdString((dir / "central.pub").string())},
                            {QStringLiteral("secret"), QString::fromStdString((dir / "central.key").string())}}}});
    return 0;
}

int serve(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("listen"), QStringLiteral("Address and port (port 0: any free one)."), QStringLiteral("HOST:PORT")});
    p.addOption({QStringLiteral("data"), QStringLiteral("Directory of the hub's database."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("key"), QStringLiteral("Directory with central.key (keygen)."), QStringLiteral("KEYDIR")});
    p.addOption({QStringLiteral("stations"), QStringLiteral("Trust list of the stations allowed to upload."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("fail-rate"), QStringLiteral("Answer this share of requests with 503."), QStringLiteral("P")});
    p.addOption({QStringLiteral("delay-ms"), QStringLiteral("Wait up to N ms before each answer."), QStringLiteral("N")});
    p.addOption({QStringLiteral("drop-connection-rate"), QStringLiteral("Close this share of connections unanswered."),
                 QStringLiteral("P")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the fault injection (reproducible runs)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("receipt-key"), QStringLiteral("Sign receipts with this other key directory (fault injection)."),
                 QStringLiteral("KEYDIR")});
    if (!p.parse(args))
        throw Usage{p.errorText()};
    for (const char* required : {"listen", "data", "key", "stations"}) {
        if (!p.isSet(QLatin1String(required)))
            throw Usage{QStringLiteral("--%1 is required").arg(QLatin1String(required))};
    }
    const QString listen = p.value(QStringLiteral("listen"));
    const auto colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    const QHostAddress address(listen.left(colon));
    if (!portOk || port < 0 || port > 65535 || address.isNull())
        throw Usage{QStringLiteral("--listen takes HOST:PORT, e.g. 127.0.0.1:8443")};
    fe::hub::FaultOptions faults;
    faults.failRate = rate(p, QStringLiteral("fail-rate"));
    faults.dropRate = rate(p, QStringLiteral("drop-connection-rate"));
    faults.delayMs = p.isSet(QStringLiteral("delay-ms")) ? p.value(QStringLiteral("delay-ms")).toInt() : 0;
    if (faults.delayMs < 0 || faults.delayMs > 600'000)
        throw Usage{QStringLiteral("--delay-ms takes 0 to 600000")};
    faults.seed = p.value(QStringLiteral("seed")).toULongLong();

    fe::sync::HubConfig config;
    config.keys = fe::sync::CentralKeys::loadSecret(p.value(QStringLiteral("key")).toStdString());
    config.stations = fe::sync::TrustList::load(p.value(QStringLiteral("stations")).toStdString());
    if (p.isSet(QStringLiteral("receipt-key")))
        config.receiptKeys = fe::sync::CentralKeys::loadSecret(p.value(QStringLiteral("receipt-key")).toStdString());
    const std::string keyId = config.keys.publicKeys.keyId;
    auto store = fe::store::HubStore::open(p.value(QStringLiteral("data")).toStdString(),
                                           fe::sync::HubService::databaseKey(config.keys));
    fe::sync::HubService service(store, std::move(config));
    fe::hub::HubServer server(service, faults);
    const quint16 bound = server.listen(address, static_cast<quint16>(port));
    if (bound == 0)
        throw Usage{QStringLiteral("cannot listen on %1 (in use, or not an address of this machine)").arg(listen)};

    struct sigaction sa{};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    QTimer stopper;
    QObject::connect(&stopper, &QTimer::timeout, qApp, [] {
        if (g_stop.load())
            QCoreApplication::quit();
    });
    stopper.start(100);
    printJson({{QStringLiteral("listening"), QStringLiteral("%1:%2").arg(address.toString()).arg(bound)},
               {QStringLiteral("port"), bound},
               {QStringLiteral("key_id"), QString::fromStdString(keyId)}});
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("faceenroll-hub"));
    QStringList args = QCoreApplication::arguments();
    try {
        if (args.size() >= 2 && args[1] == QLatin1String("keygen")) {
            args.removeAt(1);
            return keygen(args);
        }
        if (args.size() >= 2 && (args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h"))) {
            printLine(stdout, "usage: faceenroll-hub keygen --out DIR\n"
                              "       faceenroll-hub --listen HOST:PORT --data DIR --key KEYDIR --stations TRUSTLIST "
                              "[--fail-rate P] [--delay-ms N] [--drop-connection-rate P] [--seed N]");
            return 0;
        }
        return serve(args);
    } catch (const Usage& u) {
        printLine(stderr, (QStringLiteral("faceenroll-hub: ") + u.reason).toLocal8Bit());
        return 2;
    } catch (const fe::Error& e) {
        printLine(stderr, QByteArray("faceenroll-hub: ") + e.what());
        return e.code() == fe::ErrorCode::Internal ? 1 : 2;
    }
}
