#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
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

// Creates an empty file with mode 0600; throws Conflict if it exists (another process may
// have just created it). SQLite gives the WAL and SHM files the mode of the database, so
// they are private too.
void createPrivateFile(const std::filesystem::path& path);

// fsync of a directory, so a rename or unlink in it is durable.
void syncDirectory(const std::filesystem::path& dir);

// Writes content to path only if path does not exist (temporary file, fsync, moveToNewName;
// directory fsync'ed). Throws Conflict when path exists, and DiskFull or Io as
// writeFileAtomically; never replaces another process's file. Works on removable media
// (FAT, exFAT) as on the station's own disk.
void writeNewFile(const std::filesystem::path& path, std::string_view content);

// Gives the complete file at from (same directory) the name to, in one step, unless to exists:
// then Conflict, and from stays where it is. Never replaces a file. Uses what the file system
// offers, in this order: rename without replace (renameat2 RENAME_NOREPLACE: Linux's ext4,
// xfs, btrfs, vfat, exfat); a hard link and the old name removed (file systems without
// rename flags); and where there are no hard links either (FAT through a FUSE driver), the
// name reserved with an exclusive create and the file renamed over that reservation, so
// that to is never a partial file (a crash at that instant leaves it empty). Does not fsync
// the directory. Throws fe::Error (Conflict, DiskFull, Io).
void moveToNewName(const std::filesystem::path& from, const std::filesystem::path& to);

// Identity and version of a file as stat(2) sees it: an atomic replace (rename) or a write
// changes it. Cheap enough to ask before every call.
struct FileStamp
{
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::int64_t modifiedNs = 0;
    std::int64_t size = 0;
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};
// Nothing when the file cannot be stat'ed.
std::optional<FileStamp> fileStamp(const std::filesystem::path& path);

} // namespace fe::store
