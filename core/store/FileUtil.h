#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

// Replaces path with content atomically: a temporary file in the same directory (mode 0600),
// written in full, fsync'ed, renamed over path, then the directory fsync'ed, so after a crash
// the file is either the old one or the new one, never a mixture. On failure the temporary
// file is removed and fe::Error is thrown (DiskFull for ENOSPC, Io otherwise); path is
// untouched.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content);

// The whole file; throws NotFound or Io.
std::string readWholeFile(const std::filesystem::path& path);

// The first n bytes (fewer if the file is shorter); throws NotFound or Io.
std::vector<unsigned char> readFileHead(const std::filesystem::path& path, std::size_t n);

// Throws Io with a clear reason when dir is missing or cannot be written (read-only mount,
// permissions): the store writes its WAL, key file and lock file there.
void requireWritableDirectory(const std::filesystem::path& dir);

// Creates an empty file with mode 0600 (fails if it exists): SQLite gives the WAL and SHM
// files the mode of the database, so they are private too.
void createPrivateFile(const std::filesystem::path& path);

// fsync of a directory, so a rename or unlink in it is durable.
void syncDirectory(const std::filesystem::path& dir);

} // namespace fe::store
