#pragma once

#include <QMutex>
#include <QVideoFrame>

#include <atomic>
#include <cstdint>
#include <optional>

namespace fe::ui {

// The newest camera frame, handed from the video sink (any thread) to the analysis worker.
// It holds one frame: a frame that arrives before the worker took the previous one replaces
// it, and the replaced frame counts as dropped. Never a queue. Thread-safe.
class FrameMailbox
{
public:
    struct Item
    {
        QVideoFrame frame;
        std::uint64_t seq = 0;        // 1, 2, ... in delivery order
        std::int64_t deliveredNs = 0; // monotonicNs() when the sink delivered it
    };

    // Returns true when the worker has to be woken (it is not already scheduled to look).
    bool put(const QVideoFrame& frame, std::int64_t deliveredNs);
    // The newest frame, if one arrived since the last take. When there is none, the next put
    // asks for a wake-up again.
    std::optional<Item> take();
    // Forgets the held frame without counting it as dropped (the source changed).
    void clear();

    [[nodiscard]] std::uint64_t delivered() const { return m_delivered.load(); }
    [[nodiscard]] std::uint64_t dropped() const { return m_dropped.load(); }
    [[nodiscard]] std::int64_t lastDeliveredNs() const { return m_lastDeliveredNs.load(); }

private:
    QMutex m_mutex;
    std::optional<Item> m_item;
    bool m_wakePending = false;
    std::atomic<std::uint64_t> m_delivered{0};
    std::atomic<std::uint64_t> m_dropped{0};
    std::atomic<std::int64_t> m_lastDeliveredNs{0};
};

} // namespace fe::ui
