# Third-party libraries as imported targets.

# dlib: Debian's dlib.cmake and dlib-1.pc both add the system libsqlite3 to the link line,
# which would put a second, unencrypted SQLite beside SQLCipher in the process. libdlib.so
# itself needs only BLAS/LAPACK (and libpng/libjpeg, which it links), so link it directly.
find_library(FACEENROLL_DLIB_LIBRARY NAMES dlib REQUIRED)
find_path(FACEENROLL_DLIB_INCLUDE_DIR dlib/image_processing/shape_predictor.h REQUIRED)
find_library(FACEENROLL_BLAS_LIBRARY NAMES blas REQUIRED)
find_library(FACEENROLL_LAPACK_LIBRARY NAMES lapack REQUIRED)
add_library(faceenroll_dlib INTERFACE IMPORTED)
target_link_libraries(faceenroll_dlib INTERFACE
    ${FACEENROLL_DLIB_LIBRARY} ${FACEENROLL_LAPACK_LIBRARY} ${FACEENROLL_BLAS_LIBRARY} Threads::Threads)
add_library(FaceEnroll::dlib ALIAS faceenroll_dlib)

# SQLCipher: compiled from the pinned amalgamation (FaceEnroll::sqlcipher), never a system
# library. libsodium through pkg-config.
include(${CMAKE_CURRENT_LIST_DIR}/FaceEnrollSqlcipher.cmake)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

# FFmpeg's libavutil, only for its logger: OpenCV's video backend decodes through FFmpeg, and
# core/vision routes FFmpeg's messages to a logging category (it is a dependency of
# libopencv-videoio already; libavutil-dev provides the header).
pkg_check_modules(AVUTIL REQUIRED IMPORTED_TARGET libavutil)
# The image decoders core/vision's reader drives itself, to read an image's size before
# decoding it, decode large images reduced and refuse truncated ones (OpenCV's imread can do
# none of these); the same system libraries OpenCV's imgcodecs links.
find_package(JPEG REQUIRED)
find_package(PNG REQUIRED)
pkg_check_modules(WEBP REQUIRED IMPORTED_TARGET libwebp)

# libavformat, the library OpenCV's FFmpeg backend reads videos with: FrameSource reads the
# container's display rotation itself, because OpenCV 4.6 turns such frames the wrong way.
pkg_check_modules(LIBAV REQUIRED IMPORTED_TARGET libavformat libavcodec libavutil)
