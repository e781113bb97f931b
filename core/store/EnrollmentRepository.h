#pragma once

#include "store/Records.h"

#include <optional>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

class Connection;

// The SQL of enrollments and everything that hangs off them. No permission checks and no
// audit rows (Session does both, in the same transaction); writes belong inside the caller's
// transaction. Statements are prepared once per connection. Thread-safety: as the Connection.
class EnrollmentRepository
{
public:
    explicit EnrollmentRepository(Connection& db) : m_db(db) {}

    // e must be complete: id, station, operator, time and status set.
    void insert(const Enrollment& e, UploadState initialState);
    [[nodiscard]] bool exists(std::string_view id);
    std::optional<Enrollment> get(std::string_view id);
    std::optional<EnrollmentSummary> summary(std::string_view id);
    std::vector<EnrollmentSummary> list(const EnrollmentFilter& filter);
    std::vector<GalleryEntry> gallery();
    void forEachGalleryRow(const std::function<void(const GalleryRow&)>& visit);
    // The same; visit returns false to stop. Returns false when stopped.
    bool scanGallery(const std::function<bool(const GalleryRow&)>& visit);
    [[nodiscard]] std::int64_t countGalleryTemplates();

    // The gallery change log (schema version 7): its highest sequence number (0 when empty).
    [[nodiscard]] std::int64_t changeSequence();
    // Every enrollment changed after `since`, once each: upsert with its row when it has a
    // face template now, removed with its id when it no longer does. Returns the sequence read
    // up to. Consistent when the caller holds a transaction (a read or the write lock).
    std::int64_t galleryChangesSince(std::int64_t since, const std::function<void(const GalleryRow&)>& upsert,
                                     const std::function<void(std::string_view)>& removed);
    std::vector<EnrollmentSummary> findByDocument(std::string_view documentType,
                                                  std::string_view documentNumber);
    std::vector<EnrollmentSummary> findByPhone(std::string_view phone);

    // Conditional state changes: each changes the enrollment only while it is in a state that
    // allows the step, and returns whether it did (false: no such enrollment, or another
    // process got there first). Session runs them inside its BEGIN IMMEDIATE transaction, so
    // the check and the change are one step for every process on the store.
    // Only from PendingReview.
    bool recordReview(std::string_view id, const ReviewDecision& decision, EnrollmentStatus newStatus,
                      UploadState newState);
    // Only from an upload state in `from`.
    bool advanceUploadState(std::string_view id, std::span<const UploadState> from, UploadState to,
                            std::string_view bundleId, TimePoint when);
    // Only from Exported or Uploaded; the state becomes Receipted.
    bool recordReceipt(std::string_view id, const Receipt& receipt, TimePoint when);
    // Only while Held or Queued (not yet left the station).
    bool eraseUnsent(std::string_view id);

    void setUploadState(std::string_view id, UploadState state, std::string_view bundleId, TimePoint when);
    std::vector<std::string> idsInState(UploadState state, std::size_t limit);

    // Enrollments with a receipt received before cutoff whose biometric fields are still there.
    std::vector<std::string> purgeCandidates(TimePoint receivedBefore);
    // Removes images, templates, capture logs, flags, reviews and personal fields; keeps id,
    // station, operator, time, status, upload state and receipt.
    void purge(std::string_view id, TimePoint when);
    // Removes the enrollment and every row that hangs off it.
    void erase(std::string_view id);

    // Little-endian IEEE-754 float32, whatever the host.
    static std::vector<unsigned char> encodeTemplate(const std::vector<float>& values);
    static std::vector<float> decodeTemplate(const std::vector<unsigned char>& bytes);
    static void decodeTemplate(std::span<const unsigned char> bytes, std::vector<float>& out);

private:
    std::vector<EnrollmentSummary> summaries(const std::string& where, const std::vector<std::string>& args);

    Connection& m_db;
};

} // namespace fe::store
