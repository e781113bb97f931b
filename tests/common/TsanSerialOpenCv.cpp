// Compiled into the test executables of the ThreadSanitizer build only (`tsan` preset;
// faceenroll_tsan_serial_opencv in tests/CMakeLists.txt).
//
// OpenCV 4.6 as Debian builds it runs cv::parallel_for_ (and with it cv::dnn's layers) on
// oneTBB, which is not instrumented: ThreadSanitizer does not see TBB hand a task's input to a
// worker thread, so it reports the worker's first read of any buffer the calling thread wrote
// (cv::dnn reading the PAD model's input blob on a TBB worker). OPENCV_FOR_THREADS_NUM=1 does
// not size OpenCV's TBB arena (a parallel_for_ still ran on two threads with it), so the
// preset's variable alone is not enough: cv::setNumThreads(1) before main keeps every OpenCV
// call on the thread that makes it, where the threading ThreadSanitizer checks is our own.
#include <opencv2/core/utility.hpp>

namespace {
const bool kOpenCvSerial = [] {
    cv::setNumThreads(1);
    return true;
}();
} // namespace
