# SQLCipher 4.14.0 community (SQLite 3.51.3), compiled from the pinned amalgamation that
# scripts/fetch-assets extracts from the npm package @journeyapps/sqlcipher@6.0.0 (only
# sqlite3.c and sqlite3.h; the Node binding around them is not used). Why each option:
# docs/storage.md, "The SQLCipher build".
#
# Target FaceEnroll::sqlcipher: a static library whose every symbol has hidden visibility, so
# no executable or shared library built from it can export sqlite3_* (see core/store's
# CMakeLists.txt for why that matters), with the header as <sqlcipher/sqlite3.h>.

enable_language(C)
# The amalgamation is 9.6 MB of C: a cache hit saves about a minute per build directory. The
# top-level CMakeLists.txt sets the ccache launcher for C and C++.
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)

if(DEFINED ENV{FACEENROLL_ASSETS} AND NOT "$ENV{FACEENROLL_ASSETS}" STREQUAL "")
    set(_faceenroll_assets "$ENV{FACEENROLL_ASSETS}")
elseif(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(_faceenroll_assets "$ENV{XDG_CACHE_HOME}/faceenroll/assets")
else()
    set(_faceenroll_assets "$ENV{HOME}/.cache/faceenroll/assets")
endif()
set(FACEENROLL_SQLCIPHER_SOURCE_DIR "${_faceenroll_assets}/sqlcipher-4.14.0"
    CACHE PATH "Folder holding the SQLCipher 4.14.0 amalgamation (scripts/fetch-assets puts it there)")

# The same hashes as scripts/fetch-assets: a file changed in the cache after it was fetched is
# refused here too, not compiled into the store.
set(_faceenroll_sqlcipher_files
    sqlite3.c 2ba87bbc92caf02c0ac640198c537c24bdda899a18bbba289f3d3f44d56795e4
    sqlite3.h c7253bc5d2ba0fad5236fc10ed959f99374bdbc224c200250c9c4a90edf56023)
while(_faceenroll_sqlcipher_files)
    list(POP_FRONT _faceenroll_sqlcipher_files _name _expected)
    set(_file "${FACEENROLL_SQLCIPHER_SOURCE_DIR}/${_name}")
    if(NOT EXISTS "${_file}")
        message(FATAL_ERROR "SQLCipher source ${_file} is missing: run scripts/fetch-assets (or set "
                            "FACEENROLL_SQLCIPHER_SOURCE_DIR to the folder that holds sqlite3.c and sqlite3.h).")
    endif()
    file(SHA256 "${_file}" _actual)
    if(NOT _actual STREQUAL _expected)
        message(FATAL_ERROR "SQLCipher source ${_file} has SHA-256 ${_actual}, expected ${_expected}; "
                            "delete it and run scripts/fetch-assets.")
    endif()
endwhile()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    "${FACEENROLL_SQLCIPHER_SOURCE_DIR}/sqlite3.c" "${FACEENROLL_SQLCIPHER_SOURCE_DIR}/sqlite3.h")

# The header under the name the sources use, <sqlcipher/sqlite3.h>, in the build tree only.
set(_faceenroll_sqlcipher_include "${PROJECT_BINARY_DIR}/sqlcipher/include")
configure_file("${FACEENROLL_SQLCIPHER_SOURCE_DIR}/sqlite3.h" "${_faceenroll_sqlcipher_include}/sqlcipher/sqlite3.h"
    COPYONLY)

add_library(faceenroll_sqlcipher STATIC "${FACEENROLL_SQLCIPHER_SOURCE_DIR}/sqlite3.c")
add_library(FaceEnroll::sqlcipher ALIAS faceenroll_sqlcipher)
set_target_properties(faceenroll_sqlcipher PROPERTIES
    C_STANDARD 99
    C_EXTENSIONS ON
    C_VISIBILITY_PRESET hidden
    POSITION_INDEPENDENT_CODE ON)
target_include_directories(faceenroll_sqlcipher PUBLIC $<BUILD_INTERFACE:${_faceenroll_sqlcipher_include}>)
# sqlite3_key/sqlite3_rekey are declared in the header only under SQLITE_HAS_CODEC.
target_compile_definitions(faceenroll_sqlcipher PUBLIC SQLITE_HAS_CODEC)
target_compile_definitions(faceenroll_sqlcipher PRIVATE
    # What SQLCipher itself requires (it refuses to compile otherwise), OpenSSL's libcrypto as
    # the crypto provider.
    _GNU_SOURCE
    SQLCIPHER_CRYPTO_OPENSSL
    SQLITE_EXTRA_INIT=sqlcipher_extra_init
    SQLITE_EXTRA_SHUTDOWN=sqlcipher_extra_shutdown
    # Temporary tables, sort runs and transient indices only ever in memory: 3 is "always",
    # which no PRAGMA can undo (SQLCipher never encrypts temporary files).
    SQLITE_TEMP_STORE=3
    # Serialized mode stays available; the store's connections opt out per connection
    # (SQLITE_OPEN_NOMUTEX, one connection per thread).
    SQLITE_THREADSAFE=1
    # Freed content is overwritten in every database, attached and temporary ones included
    # (SQLCipher forces it on keyed databases; this makes it the default everywhere).
    SQLITE_SECURE_DELETE
    # A file SQLite creates (journal, WAL, SHM, an attached database) is private to the user
    # even when the database it belongs to was not created by FaceEnroll.
    SQLITE_DEFAULT_FILE_PERMISSIONS=0600
    # SQLCipher's own log goes nowhere: by default it prints decryption failures to stderr,
    # which would break the CLI's one-line errors, and PRAGMA cipher_log could open a file.
    SQLCIPHER_OMIT_LOG
    # Defensive: no double-quoted string literals, schema-defined SQL may not call functions
    # with side effects, misuse of the C API returns SQLITE_MISUSE instead of crashing, LIKE
    # and GLOB never scan BLOBs (portraits).
    SQLITE_DQS=0
    SQLITE_TRUSTED_SCHEMA=0
    SQLITE_ENABLE_API_ARMOR
    SQLITE_LIKE_DOESNT_MATCH_BLOBS
    # Features the store does not use, so their code is not there to be attacked.
    SQLITE_OMIT_LOAD_EXTENSION
    SQLITE_OMIT_SHARED_CACHE
    SQLITE_OMIT_DEPRECATED
    SQLITE_OMIT_JSON
    SQLITE_OMIT_DECLTYPE
    SQLITE_OMIT_PROGRESS_CALLBACK
    SQLITE_OMIT_TCL_VARIABLE
    # Speed, from SQLite's recommended options: no global memory statistics (a mutex on every
    # allocation), alloca for the parser's scratch space.
    SQLITE_DEFAULT_MEMSTATUS=0
    SQLITE_USE_ALLOCA)
# SQLCipher's sources use uint64_t before anything includes <stdint.h>.
target_compile_options(faceenroll_sqlcipher PRIVATE -include stdint.h)
# The engine is compiled optimised in every configuration: a Debug build of the project should
# not decrypt pages ten times slower than the product does.
target_compile_options(faceenroll_sqlcipher PRIVATE $<$<CONFIG:Debug>:-O2>)
target_link_libraries(faceenroll_sqlcipher PUBLIC OpenSSL::Crypto Threads::Threads m)
