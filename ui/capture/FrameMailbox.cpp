#include "capture/FrameMailbox.h"

namespace fe::ui {

bool FrameMailbox::put(const QVideoFrame& frame, std::int64_t deliveredNs)
{
    QMutexLocker lock(&m_mutex);
    const std::uint64_t seq = ++m_delivered;
    m_lastDeliveredNs = deliveredNs;
    if (m_item)
        ++m_dropped;
    m_item = Item{frame, seq, deliveredNs};
    if (m_wakePending)
        return false;
    m_wakePending = true;
    return true;
}

std::optional<FrameMailbox::Item> FrameMailbox::take()
{
    QMutexLocker lock(&m_mutex);
    if (!m_item) {
        m_wakePending = false;
        return std::nullopt;
    }
    std::optional<Item> out = std::move(m_item);
    m_item.reset();
    return out;
}

void FrameMailbox::clear()
{
    QMutexLocker lock(&m_mutex);
    m_item.reset();
}

} // namespace fe::ui
