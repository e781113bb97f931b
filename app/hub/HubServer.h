#pragma once

// faceenroll-hub's HTTP side: a QAbstractHttpServer that hands every request to
// sync::HubService and answers with its response, with the fault injection the tests use
// (--fail-rate: answer 503 without looking at the request; --drop-connection-rate: close the
// connection without an answer, half of the time after the bundle was stored; --delay-ms:
// wait a uniform 0..N ms before answering). Single-threaded: requests are handled one at a
// time on the event loop.

#include "sync/HubService.h"

#include <QAbstractHttpServer>

#include <random>

namespace fe::hub {

struct FaultOptions
{
    double failRate = 0.0;
    double dropRate = 0.0;
    int delayMs = 0;
    std::uint64_t seed = 0; // 0: random
};

class HubServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    HubServer(sync::HubService& service, FaultOptions faults, QObject* parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    bool roll(double rate);
    void log(const QHttpServerRequest& request, int status, const char* fault) const;

    sync::HubService& m_service;
    FaultOptions m_faults;
    std::mt19937_64 m_random;
};

} // namespace fe::hub
