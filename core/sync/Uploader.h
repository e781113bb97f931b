#pragma once

// Sends the outbox to the central service over HTTP(S) (Qt Network): POST /v1/bundles with
// the bundle as body, Idempotency-Key = bundle id and the station's signed request header.
// Retries connection errors, timeouts and 5xx with exponential backoff and full jitter; a
// 4xx is not retried: the bundle is marked rejected and the run stops with the receiver's
// reason. Each answer's receipt is verified with the central key before anything is
// recorded; a receipt that does not verify changes nothing and stops the run. Everything it
// needs is persisted before it is sent, so a run killed at any moment resumes with the same
// bundles. Runs in the calling thread (a local event loop per request); needs a
// QCoreApplication. Not thread-safe: one Uploader per Session and thread.

#include "store/Session.h"
#include "sync/SyncConstants.h"

#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace fe::sync {

struct UploadOptions
{
    QUrl url; // the receiver's base URL, e.g. https://central.example/ (POST goes to /v1/bundles)
    std::chrono::milliseconds retryBase = constants::kRetryBase;
    std::chrono::milliseconds retryCap = constants::kRetryCap;
    std::chrono::milliseconds transferTimeout = constants::kTransferTimeout;
    int maxAttempts = constants::kMaxAttempts;
    std::size_t bundleMaxRecords = constants::kUploadBundleMaxRecords;
    std::uint64_t bundleMaxBytes = constants::kUploadBundleMaxBytes;
    bool retryRejected = false; // send bundles an earlier run saw rejected once more
};

struct UploadProgress
{
    enum class Stage
    {
        Bundling,  // making a bundle from queued enrollments
        Sending,   // bytesSent of bytesTotal
        Receipted, // records of bundleId are receipted
        Retrying,  // waiting delayMs before attempt
    };
    Stage stage = Stage::Sending;
    std::string bundleId;
    std::uint64_t bytesSent = 0;
    std::uint64_t bytesTotal = 0;
    int attempt = 0;
    std::int64_t delayMs = 0;
    int records = 0;
    std::string error; // for Retrying: what failed
};

struct UploadReport
{
    int uploaded = 0; // records receipted in this run
    int bundles = 0;  // bundles receipted in this run
    int retries = 0;
    int pendingBundles = 0;   // still in the outbox afterwards
    int pendingRecords = 0;   // queued enrollments not yet in a bundle, afterwards
    int rejected = 0;         // bundles the receiver refused (4xx) in this run
    bool complete = false;    // nothing left to send
    std::string stopReason;   // why the run stopped early (translated text of the error)
    std::uint64_t bytesSent = 0;
};

class Uploader
{
public:
    Uploader(store::Session& session, UploadOptions options);
    ~Uploader();
    Uploader(const Uploader&) = delete;
    Uploader& operator=(const Uploader&) = delete;

    using ProgressFn = std::function<void(const UploadProgress&)>;
    // Sends until the outbox and the queue are empty, a bundle is rejected, a receipt fails to
    // verify, the retries of a bundle are spent or cancel becomes true. Throws fe::Error for
    // what stops it before any sending (no central key, permission, unusable URL);
    // afterwards, problems end the run and are in the report (stopReason).
    UploadReport run(const ProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace fe::sync
