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

// The first of `inputs` that `output` is (the same device and inode, however either is spelt:
// a link, a hard link, `./x` and `x`) or, when `output` is a folder, holds at any depth; empty
// when none. A missing `output` overlaps nothing. Used to refuse `-o` naming an input
// (io.output-is-input) before anything is computed.
std::string output_overlapping_input(const std::string& output,
                                     const std::vector<std::string>& inputs);

// How an output path (-o) is written, by what it names (docs/cli.md "Output files"):
// - `new_file`, `regular`: a temporary file beside it, flushed, renamed over it; a regular file
//   replaced keeps its mode and, where the process may set it, its owner and group. A symbolic
//   link is followed: the file it leads to is replaced, the link stays.
// - `device`: a character device or a FIFO (/dev/null, a pipe): written straight, never replaced.
// - `descriptor`: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: written straight,
//   appending (whatever the descriptor is, the shell's redirection decides).
// - `refused`: a folder, a block device, a socket: `why` says so.
enum class OutputKind { new_file, regular, device, descriptor, refused };
struct OutputTarget {
  OutputKind kind = OutputKind::new_file;
  std::string path;                     // the path written: a link resolved
  std::string why;                      // refused: the reason
  unsigned mode = 0, uid = 0, gid = 0;  // regular: the file's mode bits and owner
};
OutputTarget classify_output(const std::string& path);

// Writes `bytes` to `path` by its kind (classify_output): atomically for a regular or new file (a
// temporary file in the same folder, flushed to disk, then renamed over `path`, keeping the old
// file's mode and owner), straight into a character device, FIFO or descriptor; a folder or other
// kind is refused. On any failure the temporary file is removed and `path` is left as it was.
// Returns true, or the reason it failed.
Result<bool> write_file_atomically(const std::string& path, std::string_view bytes);

// Like write_file_atomically, for writers that need a file name (libxlsxwriter): `write` is called
// with the name of a fresh temporary file in `path`'s folder (in $TMPDIR or /tmp when `path` is a
// device or descriptor, whose bytes are then copied into it) and must fill it (or fail); the file
// is then flushed to disk and renamed over `path`. On any failure the temporary file is removed
// and `path` is left as it was. Returns true, or the reason it failed.
Result<bool> replace_file_atomically(
    const std::string& path,
    const std::function<Result<bool>(const std::string& temp_path)>& write);

// One file of a folder written by write_folder_atomically: a plain name (no folder part) and its
// bytes.
struct FolderFile {
  std::string name;
  std::string bytes;
};

// Why write_folder_atomically refused or failed: `exists` (the folder is there and `replace` was
// not asked, or it is not a folder), `foreign` (asked to replace a folder holding entries that
// this function did not write or that changed since: `foreign` names them), `io` (a system call
// failed).
enum class FolderError { none, exists, foreign, io };
struct FolderResult {
  FolderError error = FolderError::none;
  std::string message;
  std::vector<std::string> foreign;  // FolderError::foreign: the entries' names, sorted
  bool ok() const { return error == FolderError::none; }
};

// The SHA-256 of `bytes`, 64 lowercase hex digits (OpenSSL).
std::string sha256_hex(std::string_view bytes);
// The manifest a folder's marker ends with: `manifest: sha256`, then one line `<sha256>  <name>`
// per file, by name.
std::string folder_manifest(const std::vector<FolderFile>& files);

// Writes `files`, plus a file named `marker` holding `marker_text` and the manifest of `files`
// (folder_manifest), as the folder `path`, so that nobody ever sees it half written: everything
// goes into a fresh temporary sibling folder (`.<name>.grantkit-XXXXXX` beside `path`), each file
// flushed to disk, then the folder is renamed into place (renameat2 RENAME_NOREPLACE). An existing
// `path` is refused unless `replace`; with `replace`, only a folder that is empty or whose every
// entry is in its marker's manifest with an unchanged hash is replaced (a marker that is not a
// regular file or holds no valid manifest makes every entry foreign), and only once the new one is
// complete: the two are swapped in one step (RENAME_EXCHANGE; where the file system cannot, the
// old folder is moved aside first and moved back on failure), then the old one's files, those of
// its manifest only, are removed. On any failure the temporary folder is removed and `path` is left
// as it was; on SIGINT/SIGTERM too (install_stop_signal_cleanup). Names must be unique plain file
// names.
FolderResult write_folder_atomically(const std::string& path, const std::vector<FolderFile>& files,
                                     const std::string& marker, std::string_view marker_text,
                                     bool replace);

// Installs handlers for SIGINT and SIGTERM that remove the temporary file or folder being written
// (if any) and end the process with 128 + the signal: 130 and 143. The previous output is then
// left as it was. SIGKILL cannot be caught: a temporary `.NAME.tmp-XXXXXX` or
// `.NAME.grantkit-XXXXXX` may then stay behind (never a half-written NAME).
void install_stop_signal_cleanup();

// Registers a temporary file that the SIGINT/SIGTERM handler (install_stop_signal_cleanup) removes,
// for as long as the object lives; for temporaries made outside this header's writers.
class ScopedTemporaryFile {
 public:
  explicit ScopedTemporaryFile(const std::string& path);
  ~ScopedTemporaryFile();
  ScopedTemporaryFile(const ScopedTemporaryFile&) = delete;
  ScopedTemporaryFile& operator=(const ScopedTemporaryFile&) = delete;
};

// For tests: called with a stage name at the points where a signal is most likely to matter
// ("file-written": the temporary file complete, not yet renamed; "folder-written": the temporary
// folder complete, not yet renamed). nullptr (the default) calls nothing.
using WriteStageHook = void (*)(const char* stage);
void set_write_stage_hook(WriteStageHook hook);

}  // namespace grantkit::core
