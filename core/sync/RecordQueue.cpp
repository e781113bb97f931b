#include "sync/RecordQueue.h"

namespace fe::sync {

bool RecordQueue::push(QByteArray record)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_stopped || m_records.empty() || m_bytes < m_maxBytes; });
    if (m_stopped)
        return false;
    m_bytes += static_cast<std::size_t>(record.size());
    m_records.push_back(std::move(record));
    lock.unlock();
    m_changed.notify_all();
    return true;
}

std::optional<QByteArray> RecordQueue::pop()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_stopped || m_closed || !m_records.empty(); });
    if (m_stopped || m_records.empty())
        return std::nullopt;
    QByteArray record = std::move(m_records.front());
    m_records.pop_front();
    m_bytes -= static_cast<std::size_t>(record.size());
    lock.unlock();
    m_changed.notify_all();
    return record;
}

void RecordQueue::close()
{
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
}

void RecordQueue::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_records.clear();
        m_bytes = 0;
    }
    m_changed.notify_all();
}

} // namespace fe::sync
