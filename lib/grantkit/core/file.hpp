#pragma once
// Writing output files so that a reader never sees half of one.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <grantkit/core/result.hpp>

namespace grantkit::core {

// What a path names, following symbolic links: a regular file, a folder, something else (a FIFO,
// a device, a socket: opening one to read can block forever or never end), or nothing.
enum class PathKind { missing, regular, directory, other };
PathKind path_kind(const std::string& path);
// "a FIFO (named pipe)", "a character device", "a block device", "a socket", "a folder",
// "a regular file", "missing": for messages.
std::string path_kind_name(const std::string& path);

// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk, then
// renamed over `path`. On any failure the temporary file is removed and `path` is left as it was.
// Returns true, or the reason it failed.
Result<bool> write_file_atomically(const std::string& path, std::string_view bytes);

// Like write_file_atomically, for writers that need a file name (libxlsxwriter): `write` is called
// with the name of a fresh temporary file in `path`'s folder and must fill it (or fail); the file
// is then flushed to disk and renamed over `path`. On any failure the temporary file is removed
// and `path` is left as it was. Returns true, or the reason it failed.
Result<bool> replace_file_atomically(const std::string& path,
                                     const std::function<Result<bool>(const std::string& temp_path)>& write);

// One file of a folder written by write_folder_atomically: a plain name (no folder part) and its
// bytes.
struct FolderFile {
  std::string name;
  std::string bytes;
};

// Why write_folder_atomically refused or failed: `exists` (the folder is there and `replace` was
// not asked, or it is not a folder), `not_ours` (asked to replace a folder that this function did
// not write: no `marker` file in it, and not empty), `io` (a system call failed).
enum class FolderError { none, exists, not_ours, io };
struct FolderResult {
  FolderError error = FolderError::none;
  std::string message;
  bool ok() const { return error == FolderError::none; }
};

// Writes `files`, plus a file named `marker` holding `marker_text`, as the folder `path`, so that
// nobody ever sees it half written: everything goes into a fresh temporary sibling folder
// (`.<name>.grantkit-XXXXXX` beside `path`), each file flushed to disk, then the folder is renamed
// into place (renameat2 RENAME_NOREPLACE). An existing `path` is refused unless `replace`; with
// `replace`, only a folder holding `marker` (one this function wrote) or an empty one is replaced,
// and only once the new one is complete: the two are swapped in one step (RENAME_EXCHANGE; where
// the file system cannot, the old folder is moved aside first and moved back on failure), then
// the old one is removed. On any failure the temporary folder is removed and `path` is left as it
// was. Names must be unique plain file names.
FolderResult write_folder_atomically(const std::string& path, const std::vector<FolderFile>& files,
                                     const std::string& marker, std::string_view marker_text, bool replace);

}  // namespace grantkit::core
