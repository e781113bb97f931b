#pragma once

// Internal to core/enroll: the error boundary of its API. Only fe::Error leaves the enroll
// classes (CONTRIBUTING.md, "Errors"): OpenCV's cv::Exception, std::bad_alloc and any other
// std::exception thrown by the libraries underneath are turned into a typed fe::Error that
// says what failed and what to do.

#include <utility>

namespace fe::enroll::detail {

// Call inside a catch (...) block: rethrows fe::Error as it is and anything else as fe::Error
// (Internal), naming `where` (a function name, never data).
[[noreturn]] void rethrowAsError(const char* where);

template <typename F> decltype(auto) guarded(const char* where, F&& f)
{
    try {
        return std::forward<F>(f)();
    } catch (...) {
        rethrowAsError(where);
    }
}

} // namespace fe::enroll::detail
