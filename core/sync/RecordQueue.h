#pragma once

// The hand-over between export's two threads: the one that reads records from the store and
// encodes them, and the one that seals and writes them. Bounded by bytes, so an export's
// memory stays at the bound plus one record whatever the bundle's size. Thread-safe: one
// producer, one consumer.

#include <QByteArray>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace fe::sync {

class RecordQueue
{
public:
    // maxBytes of records may wait; one record always fits, however large.
    explicit RecordQueue(std::size_t maxBytes) : m_maxBytes(maxBytes) {}

    // Waits for room. False when the consumer has given up (stop()): the producer stops.
    bool push(QByteArray record);
    // Waits for a record. Nothing when the producer has finished (close()) and all records
    // are taken, or when stop() was called.
    std::optional<QByteArray> pop();
    // The producer has no more records.
    void close();
    // Either side gives up: waiting calls return at once, queued records are dropped.
    void stop();

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_records;
    std::size_t m_bytes = 0;
    const std::size_t m_maxBytes;
    bool m_closed = false;
    bool m_stopped = false;
};

} // namespace fe::sync
