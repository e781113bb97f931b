#include "enroll/ErrorBoundary.h"

#include "common/Error.h"
#include "common/Logging.h"

#include <new>
#include <opencv2/core.hpp>

namespace fe::enroll::detail {

void rethrowAsError(const char* where)
{
    try {
        throw;
    } catch (const Error&) {
        throw;
    } catch (const cv::Exception& e) {
        // OpenCV's message names its own function and condition, never our data.
        qCWarning(lcEnroll) << where << "failed in OpenCV:" << e.what();
        throw Error(ErrorCode::Internal,
                    QT_TRANSLATE_NOOP("fe::Error",
                                      "Image processing failed (%1: %2). Nothing was stored; capture again, "
                                      "and report it if it repeats."),
                    {where, e.err});
    } catch (const std::bad_alloc&) {
        qCWarning(lcEnroll) << where << "ran out of memory";
        throw Error(ErrorCode::Internal,
                    QT_TRANSLATE_NOOP(
                        "fe::Error", "Not enough memory for %1. Nothing was stored; close other programs and "
                                     "try again."),
                    {where});
    } catch (const std::exception& e) {
        qCWarning(lcEnroll) << where << "failed:" << e.what();
        throw Error(
            ErrorCode::Internal,
            QT_TRANSLATE_NOOP("fe::Error",
                              "An unexpected error stopped %1 (%2). Nothing was stored; try again, and "
                              "report it if it repeats."),
            {where, e.what()});
    } catch (...) {
        throw Error(
            ErrorCode::Internal,
            QT_TRANSLATE_NOOP("fe::Error",
                              "An unexpected error stopped %1 (%2). Nothing was stored; try again, and "
                              "report it if it repeats."),
            {where, "unknown"});
    }
}

} // namespace fe::enroll::detail
