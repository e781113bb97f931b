#include "HubServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <cstdio>

namespace fe::hub {
namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    default:
        return "OTHER";
    }
}

} // namespace

HubServer::HubServer(sync::HubService& service, FaultOptions faults, QObject* parent)
    : QAbstractHttpServer(parent), m_service(service), m_faults(faults),
      m_random(faults.seed != 0 ? faults.seed : std::random_device{}())
{
}

bool HubServer::roll(double rate)
{
    return rate > 0.0 && std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < rate;
}

void HubServer::log(const QHttpServerRequest& request, int status, const char* fault) const
{
    QJsonObject o{{QStringLiteral("method"), QString::fromLatin1(methodName(request.method()))},
                  {QStringLiteral("path"), request.url().path()},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("bundle"), QString::fromLatin1(request.value("Idempotency-Key"))}};
    if (fault != nullptr)
        o.insert(QStringLiteral("fault"), QLatin1String(fault));
    const QByteArray line = QJsonDocument(QJsonObject{{QStringLiteral("request"), o}}).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

bool HubServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    if (roll(m_faults.failRate)) {
        auto responder = makeResponder(request, socket);
        responder.write(QByteArray(R"json({"reason":"injected_failure","message":"fault injection (--fail-rate)"})json"),
                        {{"Content-Type", "application/json"}}, QHttpServerResponder::StatusCode::ServiceUnavailable);
        log(request, 503, "fail");
        return true;
    }
    const bool drop = roll(m_faults.dropRate);
    // Half of the drops happen after the bundle was stored: the client never sees the receipt
    // and must send the same bundle again, which the receiver answers from its records.
    const bool dropBefore = drop && std::uniform_int_distribution<int>(0, 1)(m_random) == 0;
    sync::HubResponse response{0, {}, {}};
    if (!dropBefore) {
        sync::HubRequest r;
        r.method = methodName(request.method());
        r.path = request.url().path().toLatin1();
        for (const auto& [name, value] : request.headers())
            r.headers[name.toLower().toStdString()] = value;
        r.body = request.body();
        response = m_service.handle(r);
    }
    if (drop) {
        QTimer::singleShot(0, socket, [socket] { socket->abort(); });
        log(request, 0, dropBefore ? "drop_before" : "drop_after");
        return true;
    }
    if (m_faults.delayMs > 0)
        QThread::msleep(static_cast<unsigned long>(std::uniform_int_distribution<int>(0, m_faults.delayMs)(m_random)));
    auto responder = makeResponder(request, socket);
    responder.write(response.body, {{"Content-Type", response.contentType}},
                    static_cast<QHttpServerResponder::StatusCode>(response.status));
    log(request, response.status, nullptr);
    return true;
}

void HubServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    auto responder = makeResponder(request, socket);
    responder.write(QHttpServerResponder::StatusCode::NotFound);
    log(request, 404, nullptr);
}

} // namespace fe::hub
