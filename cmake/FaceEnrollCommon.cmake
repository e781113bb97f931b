# One interface target that carries the flags every FaceEnroll target shares.
add_library(faceenroll_common_cfg INTERFACE)
add_library(FaceEnroll::common_cfg ALIAS faceenroll_common_cfg)
target_compile_features(faceenroll_common_cfg INTERFACE cxx_std_20)
target_compile_options(faceenroll_common_cfg INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic>)
target_compile_definitions(faceenroll_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
if(FACEENROLL_ASAN)
    target_compile_options(faceenroll_common_cfg INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(faceenroll_common_cfg INTERFACE -fsanitize=address,undefined)
endif()
if(FACEENROLL_TSAN)
    if(FACEENROLL_ASAN)
        message(FATAL_ERROR "FACEENROLL_TSAN and FACEENROLL_ASAN cannot be combined")
    endif()
    target_compile_options(faceenroll_common_cfg INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(faceenroll_common_cfg INTERFACE -fsanitize=thread)
endif()
