#include "sync/Uploader.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "sync/BundleError.h"
#include "sync/BundleExporter.h"
#include "sync/Outbox.h"
#include "sync/Receipt.h"
#include "sync/RequestAuth.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <random>

namespace fe::sync {
namespace {

using namespace std::chrono_literals;

constexpr auto kCancelPoll = 100ms;
constexpr int kMaxBundleConflicts = 5;
constexpr qint64 kMaxAnswerBytes = 64ll * 1024 * 1024; // a receipt for 1.7 million records

// What one POST came to.
struct Answer
{
    enum class Kind
    {
        Receipt,   // 200 with a body
        Retryable, // connection error, timeout, 5xx
        Rejected,  // 4xx or another final status
        Cancelled,
    };
    Kind kind = Kind::Retryable;
    QByteArray body;
    std::string error; // for the log and the report: status and reason, no personal data
};

std::string text(const QString& s)
{
    return s.toStdString();
}

// The receiver's reason from a 4xx body ({"reason": code, "message": text}), else the status.
std::string reasonOf(int status, const QByteArray& body)
{
    const auto json = QJsonDocument::fromJson(body.left(4096)).object();
    const QString message = json.value(QStringLiteral("message")).toString();
    const QString reason = json.value(QStringLiteral("reason")).toString();
    std::string out = "HTTP " + std::to_string(status);
    if (!reason.isEmpty())
        out += " " + text(reason);
    if (!message.isEmpty())
        out += ": " + text(message.left(300));
    return out;
}

} // namespace

struct Uploader::Impl
{
    store::Session& session;
    UploadOptions options;
    QNetworkAccessManager network;
    std::mt19937_64 random{std::random_device{}()};
    const std::atomic<bool>* cancel = nullptr;
    ProgressFn progress;
    UploadReport report;
    store::StationIdentity station;
    store::SecretBytes signingKey;
    store::CentralKeyInfo central;

    Impl(store::Session& s, UploadOptions o) : session(s), options(std::move(o)) {}

    [[nodiscard]] bool cancelled() const { return cancel != nullptr && cancel->load(); }

    void tell(const UploadProgress& p) const
    {
        if (progress)
            progress(p);
    }

    // Waits, or returns false when cancelled meanwhile.
    bool sleep(std::chrono::milliseconds delay)
    {
        QEventLoop loop;
        QTimer done;
        done.setSingleShot(true);
        QObject::connect(&done, &QTimer::timeout, &loop, &QEventLoop::quit);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (cancelled())
                loop.quit();
        });
        done.start(delay);
        poll.start(kCancelPoll);
        loop.exec();
        return !cancelled();
    }

    std::chrono::milliseconds backoff(int attempt)
    {
        // Full jitter: uniform in [0, min(cap, base * 2^(attempt - 1))].
        const auto exponent = std::min(attempt - 1, 30);
        const auto ceiling = std::min<std::int64_t>(options.retryCap.count(), options.retryBase.count() << exponent);
        std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(ceiling, 0));
        return std::chrono::milliseconds(pick(random));
    }

    Answer post(const store::OutboxBundle& bundle, const std::filesystem::path& path, int attempt)
    {
        Answer a;
        QFile file(QString::fromStdString(path.string()));
        if (!file.open(QIODevice::ReadOnly) || file.size() < 64) {
            a.kind = Answer::Kind::Rejected;
            a.error = "the bundle file " + path.filename().string() + " is missing from the outbox";
            return a;
        }
        const qint64 size = file.size();
        file.seek(size - 64);
        const QByteArray bundleSignature = file.read(64);
        file.seek(0);

        QUrl endpoint = options.url;
        QString base = endpoint.path();
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        endpoint.setPath(base + QLatin1String(kBundlesPath));
        QNetworkRequest request(endpoint);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray(kBundleMediaType));
        request.setHeader(QNetworkRequest::ContentLengthHeader, size);
        request.setRawHeader(kIdempotencyHeader, QByteArray::fromStdString(bundle.bundleId));
        const auto now = store::toMillis(store::systemNow());
        request.setRawHeader(
            kAuthHeader,
            QByteArray::fromStdString(RequestAuth::sign(
                station.stationId, now, kBundlesPath, bundle.bundleId, static_cast<std::uint64_t>(size),
                ByteView(reinterpret_cast<const unsigned char*>(bundleSignature.constData()), 64), signingKey)));
        request.setTransferTimeout(static_cast<int>(options.transferTimeout.count()));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

        std::unique_ptr<QNetworkReply> reply(network.post(request, &file));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(reply.get(), &QNetworkReply::uploadProgress, &loop, [&](qint64 sent, qint64 total) {
            UploadProgress p;
            p.stage = UploadProgress::Stage::Sending;
            p.bundleId = bundle.bundleId;
            p.bytesSent = static_cast<std::uint64_t>(std::max<qint64>(sent, 0));
            p.bytesTotal = static_cast<std::uint64_t>(std::max<qint64>(total, 0));
            p.attempt = attempt;
            tell(p);
        });
        QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
            if (reply->bytesAvailable() > kMaxAnswerBytes)
                reply->abort();
        });
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (cancelled())
                reply->abort();
        });
        poll.start(kCancelPoll);
        if (!reply->isFinished())
            loop.exec();
        poll.stop();

        if (cancelled()) {
            a.kind = Answer::Kind::Cancelled;
            return a;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        if (status == 0) {
            a.kind = Answer::Kind::Retryable;
            a.error = text(reply->errorString());
        } else if (status >= 500) {
            a.kind = Answer::Kind::Retryable;
            a.error = reasonOf(status, a.body);
        } else if (status == 200 && reply->error() == QNetworkReply::NoError) {
            a.kind = Answer::Kind::Receipt;
            report.bytesSent += static_cast<std::uint64_t>(size);
        } else if (reply->error() != QNetworkReply::NoError && status >= 200 && status < 300) {
            a.kind = Answer::Kind::Retryable; // the answer broke off
            a.error = text(reply->errorString());
        } else {
            a.kind = Answer::Kind::Rejected;
            a.error = reasonOf(status, a.body);
        }
        return a;
    }

    // Verifies and records a receipt; throws BundleError when it does not verify or does not
    // belong to the bundle (then nothing is recorded).
    store::ReceiptOutcome applyReceipt(const store::OutboxBundle& bundle, const QByteArray& body)
    {
        const ByteView bytes(reinterpret_cast<const unsigned char*>(body.constData()), static_cast<std::size_t>(body.size()));
        std::size_t used = 0;
        const ReceiptBody r = Receipt::verify(bytes, central, &used);
        if (r.bundleId != bundle.bundleId || r.stationId != bundle.stationId || used != bytes.size())
            throw BundleError(BundleProblem::ReceiptMismatch,
                              QT_TRANSLATE_NOOP("fe::Error", "The receipt is for bundle %1 of station %2, not for bundle %3; "
                                                             "nothing was recorded."),
                              {r.bundleId, r.stationId, bundle.bundleId});
        return session.applyReceipt(Receipt::toRecord(r, bytes.first(used)));
    }

    enum class Outcome
    {
        Receipted,
        Stop
    };

    Outcome send(const store::OutboxBundle& bundle, Outbox& outbox)
    {
        for (int attempt = 1;; ++attempt) {
            if (cancelled()) {
                report.stopReason = text(QCoreApplication::translate("fe::Error", "Cancelled; nothing was changed."));
                return Outcome::Stop;
            }
            Answer a = post(bundle, outbox.pathOf(bundle), attempt);
            switch (a.kind) {
            case Answer::Kind::Cancelled:
                report.stopReason = text(QCoreApplication::translate("fe::Error", "Cancelled; nothing was changed."));
                return Outcome::Stop;
            case Answer::Kind::Receipt: {
                try {
                    const auto outcome = applyReceipt(bundle, a.body);
                    report.uploaded += outcome.marked;
                    ++report.bundles;
                    outbox.removeFile(bundle);
                    UploadProgress p;
                    p.stage = UploadProgress::Stage::Receipted;
                    p.bundleId = bundle.bundleId;
                    p.records = static_cast<int>(bundle.recordCount);
                    p.attempt = attempt;
                    tell(p);
                    qCInfo(lcSync) << "bundle" << QString::fromStdString(bundle.bundleId) << "receipted:" << outcome.marked
                                   << "records marked," << outcome.requeued << "requeued";
                    return Outcome::Receipted;
                } catch (const BundleError& e) {
                    // A receipt that does not verify changes nothing; the bundle stays pending.
                    session.recordUploadAttempt(bundle.bundleId, problemCode(e.problem()));
                    report.stopReason = text(QCoreApplication::translate("fe::Error", e.textTemplate()));
                    report.stopReason = Error::format(report.stopReason, e.args());
                    qCWarning(lcSync) << "receipt refused:" << problemCode(e.problem());
                    return Outcome::Stop;
                }
            }
            case Answer::Kind::Rejected:
                session.rejectBundle(bundle.bundleId, a.error);
                ++report.rejected;
                report.stopReason = Error::format(
                    text(QCoreApplication::translate("fe::Error", "The receiver refused bundle %1 (%2); it stays in the "
                                                                  "outbox, marked rejected.")),
                    {bundle.bundleId, a.error});
                qCWarning(lcSync) << "bundle rejected:" << QString::fromStdString(a.error);
                return Outcome::Stop;
            case Answer::Kind::Retryable:
                break;
            }
            session.recordUploadAttempt(bundle.bundleId, a.error);
            if (attempt >= options.maxAttempts) {
                report.stopReason = Error::format(
                    text(QCoreApplication::translate("fe::Error", "The receiver could not be reached after %1 attempts (%2); "
                                                                  "the outbox keeps the bundles for the next upload.")),
                    {std::to_string(attempt), a.error});
                return Outcome::Stop;
            }
            ++report.retries;
            const auto delay = backoff(attempt);
            UploadProgress p;
            p.stage = UploadProgress::Stage::Retrying;
            p.bundleId = bundle.bundleId;
            p.attempt = attempt + 1;
            p.delayMs = delay.count();
            p.error = a.error;
            tell(p);
            qCInfo(lcSync) << "retrying in" << delay.count() << "ms after:" << QString::fromStdString(a.error);
            if (!sleep(delay)) {
                report.stopReason = text(QCoreApplication::translate("fe::Error", "Cancelled; nothing was changed."));
                return Outcome::Stop;
            }
        }
    }
};

Uploader::Uploader(store::Session& session, UploadOptions options)
    : d(std::make_unique<Impl>(session, std::move(options)))
{
}

Uploader::~Uploader() = default;

UploadReport Uploader::run(const ProgressFn& progress, const std::atomic<bool>* cancel)
{
    auto& s = d->session;
    s.require(store::Permission::Upload);
    const QString scheme = d->options.url.scheme();
    if (!d->options.url.isValid() || d->options.url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "The upload URL must be an http:// or https:// address with a host."));
    d->central = BundleExporter::requireCentralKey(s);
    d->station = s.stationIdentity();
    d->signingKey = s.stationSigningKey();
    d->progress = progress;
    d->cancel = cancel;
    d->report = {};
    Outbox outbox(s);
    if (const int n = outbox.removeOrphans(); n > 0)
        qCInfo(lcSync) << "removed" << n << "orphaned outbox files";
    if (d->options.retryRejected)
        s.retryRejectedBundles();

    bool stop = false;
    int conflicts = 0;
    while (!stop) {
        auto pending = s.outboxBundles(store::BundleState::Pending);
        if (pending.empty()) {
            if (d->cancelled())
                break;
            UploadProgress p;
            p.stage = UploadProgress::Stage::Bundling;
            d->tell(p);
            std::optional<store::OutboxBundle> made;
            try {
                made = outbox.makeLocalBundle(d->options.bundleMaxRecords, d->options.bundleMaxBytes);
            } catch (const Error& e) {
                // An enrollment changed meanwhile (another process): make the next bundle from a
                // fresh queue, a few times.
                if (e.code() != ErrorCode::Conflict || ++conflicts > kMaxBundleConflicts)
                    throw;
                continue;
            }
            if (!made)
                break;
            pending.push_back(*made);
        }
        for (const auto& bundle : pending) {
            if (d->send(bundle, outbox) == Impl::Outcome::Stop) {
                stop = true;
                break;
            }
        }
    }
    d->report.pendingBundles = static_cast<int>(s.outboxBundles(store::BundleState::Pending).size());
    d->report.pendingRecords = static_cast<int>(s.uploadQueue().size());
    d->report.complete = d->report.pendingBundles == 0 && d->report.pendingRecords == 0;
    return d->report;
}

} // namespace fe::sync
