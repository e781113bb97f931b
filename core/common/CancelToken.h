#pragma once

#include <atomic>
#include <memory>

namespace fe {

// A cancellation flag shared between the thread that asks for a long task to stop (the GUI)
// and the thread that runs it (a worker), which polls cancelled() between steps. Copies share
// one flag. A default-constructed token is never cancelled until cancel() is called on it or
// on one of its copies. Thread-safe.
class CancelToken
{
public:
    CancelToken() : m_flag(std::make_shared<std::atomic<bool>>(false)) {}

    void cancel() const noexcept { m_flag->store(true, std::memory_order_relaxed); }
    [[nodiscard]] bool cancelled() const noexcept { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

} // namespace fe
