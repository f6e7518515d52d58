#include <grantkit/core/file.hpp>
#include <grantkit/core/i18n.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>
#include <openssl/evp.h>

namespace grantkit::core {

PathKind path_kind(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return PathKind::missing;
  if (S_ISREG(st.st_mode)) return PathKind::regular;
  if (S_ISDIR(st.st_mode)) return PathKind::directory;
  return PathKind::other;
}

std::string path_kind_name(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "missing";
  if (S_ISREG(st.st_mode)) return "a regular file";
  if (S_ISDIR(st.st_mode)) return "a folder";
  if (S_ISFIFO(st.st_mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(st.st_mode)) return "a character device";
  if (S_ISBLK(st.st_mode)) return "a block device";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  return "not a regular file";
}

namespace {

// The temporary file or folder being written, for the SIGINT/SIGTERM handler: only plain C data
// that the handler reads (it may run at any moment), set before the temporary is created and
// cleared once it is renamed or removed.
char g_temp_file[4096];
volatile std::sig_atomic_t g_temp_file_set = 0;
char g_temp_folder[4096];
const std::vector<std::string>* volatile g_temp_folder_files = nullptr;  // full paths in it
volatile std::sig_atomic_t g_temp_folder_set = 0;
WriteStageHook g_stage_hook = nullptr;

bool set_c_path(char (&buf)[4096], const std::string& path) {
  if (path.size() >= sizeof buf) return false;
  std::memcpy(buf, path.c_str(), path.size() + 1);
  return true;
}

void stage(const char* name) {
  if (g_stage_hook) g_stage_hook(name);
}

// Registers a temporary file for removal on SIGINT/SIGTERM, for as long as the object lives.
struct TempFileGuard {
  explicit TempFileGuard(const std::string& path) {
    if (set_c_path(g_temp_file, path)) g_temp_file_set = 1;
  }
  ~TempFileGuard() { g_temp_file_set = 0; }
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;
};

// Registers a temporary folder holding (at most) `files` for removal on SIGINT/SIGTERM.
struct TempFolderGuard {
  TempFolderGuard(const std::string& path, const std::vector<std::string>& files) {
    set(path, files);
  }
  void set(const std::string& path, const std::vector<std::string>& files) {
    g_temp_folder_set = 0;
    g_temp_folder_files = &files;
    if (set_c_path(g_temp_folder, path)) g_temp_folder_set = 1;
  }
  void clear() { g_temp_folder_set = 0; }
  ~TempFolderGuard() { g_temp_folder_set = 0; }
  TempFolderGuard(const TempFolderGuard&) = delete;
  TempFolderGuard& operator=(const TempFolderGuard&) = delete;
};

extern "C" void on_stop_signal(int sig) {
  // Only async-signal-safe calls: unlink, rmdir, _exit.
  if (g_temp_file_set) ::unlink(g_temp_file);
  if (g_temp_folder_set) {
    if (const auto* files = g_temp_folder_files) {
      for (const auto& f : *files) ::unlink(f.c_str());
    }
    ::rmdir(g_temp_folder);
  }
  ::_exit(128 + sig);
}

// Whether `path` names a file descriptor of this process (/dev/stdout, /dev/fd/3, …): written
// straight, appending, never replaced.
bool names_descriptor(const std::string& path) {
  return path == "/dev/stdout" || path == "/dev/stderr" || path.rfind("/dev/fd/", 0) == 0 ||
         path.rfind("/proc/self/fd/", 0) == 0;
}

Result<bool> write_all(int fd, std::string_view bytes, const std::string& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Result<bool>::failure(
          fmt::format(fmt::runtime(_("cannot write {}: {}")), path, std::strerror(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// SIGINT and SIGTERM held back while a temporary is created and registered, so that one cannot
// arrive between the two and leave the temporary behind.
struct StopSignalsHeld {
  sigset_t old{};
  StopSignalsHeld() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    ::sigprocmask(SIG_BLOCK, &set, &old);
  }
  ~StopSignalsHeld() { ::sigprocmask(SIG_SETMASK, &old, nullptr); }
  StopSignalsHeld(const StopSignalsHeld&) = delete;
  StopSignalsHeld& operator=(const StopSignalsHeld&) = delete;
};

// Writes `bytes` straight into an existing character device, FIFO or descriptor.
Result<bool> write_straight(const std::string& path, std::string_view bytes, bool append) {
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | (append ? O_APPEND : 0));
  if (fd < 0)
    return Result<bool>::failure(
        fmt::format(fmt::runtime(_("cannot open {}: {}")), path, std::strerror(errno)));
  auto w = write_all(fd, bytes, path);
  if (::close(fd) != 0 && w) {
    return Result<bool>::failure(
        fmt::format(fmt::runtime(_("cannot close {}: {}")), path, std::strerror(errno)));
  }
  return w;
}

// The mode a new file gets: 0666 less the umask, as open(2) would give it.
mode_t new_file_mode() {
  mode_t mask = ::umask(022);
  ::umask(mask);
  return 0666 & ~mask;
}

// Gives the temporary file `fd` the owner and mode of the file it replaces (`old`), or a new
// file's mode. The owner is kept where the process may (root; or the same owner); the mode always.
void take_mode(int fd, const std::optional<struct stat>& old) {
  if (!old) {
    ::fchmod(fd, new_file_mode());
    return;
  }
  if (old->st_uid != ::geteuid() || old->st_gid != ::getegid()) {
    if (::fchown(fd, old->st_uid, old->st_gid) != 0) {
      // Not allowed to give it away: keep this process's owner, and the mode.
    }
  }
  ::fchmod(fd, old->st_mode & 07777);
}

// The mkstemp/mkdtemp template of a temporary sibling of `name` in `dir`: `.NAME<tag>-XXXXXX`,
// or `.grantkit<tag>-XXXXXX` when that would be longer than a file name may be (NAME_MAX, 255
// bytes): grantkit never lengthens a name the user gave past the system's limit.
std::string temp_template(const std::filesystem::path& dir, const std::string& name,
                          std::string_view tag) {
  constexpr std::size_t kNameMax = 255;
  std::string leaf = "." + name + std::string(tag) + "-XXXXXX";
  if (leaf.size() > kNameMax) leaf = ".grantkit" + std::string(tag) + "-XXXXXX";
  return (dir / leaf).string();
}

// Why `target` cannot be replaced by a file: it is a folder, or a symbolic link to one; "" if not.
std::string folder_in_the_way(const std::filesystem::path& target) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(target, ec)) return "";
  if (fs::is_symlink(target, ec)) {
    return fmt::format(
        fmt::runtime(_("{} is a symbolic link to the folder {}: -o names the file to write")),
        target.string(), fs::read_symlink(target, ec).string());
  }
  return fmt::format(fmt::runtime(_("{} is a folder: -o names the file to write")),
                     target.string());
}

// Creates a temporary file beside `target` (mkstemp); -1 and `why` when it cannot.
int make_temp_beside(const std::string& target, std::string& name, std::string& why) {
  namespace fs = std::filesystem;
  fs::path t(target);
  fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
  std::string tmpl = temp_template(dir, t.filename().string(), ".tmp");
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = ::mkstemp(buf.data());
  if (fd < 0) {
    why = fmt::format(fmt::runtime(_("cannot create a file in {}: {}")), dir.string(),
                      std::strerror(errno));
    return -1;
  }
  name = buf.data();
  return fd;
}

}  // namespace

void set_write_stage_hook(WriteStageHook hook) {
  g_stage_hook = hook;
}

ScopedTemporaryFile::ScopedTemporaryFile(const std::string& path) {
  if (set_c_path(g_temp_file, path)) g_temp_file_set = 1;
}
ScopedTemporaryFile::~ScopedTemporaryFile() {
  g_temp_file_set = 0;
}

std::string output_overlapping_input(const std::string& output,
                                     const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  struct stat out {};
  if (output.empty() || ::stat(output.c_str(), &out) != 0) return {};
  auto same = [&](const struct stat& st) {
    return st.st_dev == out.st_dev && st.st_ino == out.st_ino;
  };
  for (const auto& input : inputs) {
    struct stat st {};
    if (::stat(input.c_str(), &st) != 0) continue;
    if (same(st)) return input;
    if (!S_ISDIR(out.st_mode)) continue;
    // Every folder above the input, by its real path (links resolved), up to the root.
    std::error_code ec;
    fs::path at = fs::canonical(input, ec);
    if (ec) continue;
    while (at.has_relative_path()) {
      at = at.parent_path();
      struct stat up {};
      if (::stat(at.c_str(), &up) == 0 && same(up)) return input;
    }
  }
  return {};
}

void install_stop_signal_cleanup() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGINT);
  sigaddset(&sa.sa_mask, SIGTERM);
  sa.sa_flags = 0;
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
}

OutputTarget classify_output(const std::string& path) {
  OutputTarget t;
  t.path = path;
  if (path.empty()) {
    t.kind = OutputKind::refused;
    t.why = "no file named";
    return t;
  }
  if (names_descriptor(path)) {
    t.kind = OutputKind::descriptor;
    return t;
  }
  struct stat lst {};
  if (::lstat(path.c_str(), &lst) != 0) {
    t.kind = OutputKind::new_file;
    return t;
  }
  if (S_ISLNK(lst.st_mode)) {
    // A link: the file it leads to is replaced (the link stays a link), or created.
    std::error_code ec;
    auto resolved = std::filesystem::weakly_canonical(path, ec);
    if (!ec) t.path = resolved.string();
  }
  struct stat st {};
  if (::stat(t.path.c_str(), &st) != 0) {
    t.kind = OutputKind::new_file;
    return t;
  }
  if (S_ISREG(st.st_mode)) {
    t.kind = OutputKind::regular;
    t.mode = st.st_mode & 07777;
    t.uid = st.st_uid;
    t.gid = st.st_gid;
  } else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
    t.kind = OutputKind::device;
  } else if (auto folder = folder_in_the_way(path); !folder.empty()) {
    t.kind = OutputKind::refused;
    t.why = folder;
  } else {
    t.kind = OutputKind::refused;
    t.why = fmt::format(
        fmt::runtime(_("{} is {}: grantkit writes a regular file, a character device or a FIFO")),
        path, path_kind_name(t.path));
  }
  return t;
}

Result<bool> write_file_atomically(const std::string& path, std::string_view bytes) {
  OutputTarget t = classify_output(path);
  switch (t.kind) {
    case OutputKind::refused:
      return Result<bool>::failure(t.why);
    case OutputKind::descriptor:
      return write_straight(t.path, bytes, true);
    case OutputKind::device:
      return write_straight(t.path, bytes, false);
    case OutputKind::regular:
    case OutputKind::new_file:
      break;
  }
  std::optional<struct stat> old;
  if (t.kind == OutputKind::regular) {
    struct stat st {};
    st.st_mode = t.mode;
    st.st_uid = t.uid;
    st.st_gid = t.gid;
    old = st;
  }
  std::string name, why;
  std::optional<TempFileGuard> guard;
  int fd = -1;
  {
    StopSignalsHeld held;
    fd = make_temp_beside(t.path, name, why);
    if (fd >= 0) guard.emplace(name);
  }
  if (fd < 0) return Result<bool>::failure(why);
  auto fail = [&](const char* what) {
    std::string msg = fmt::format("{} {}: {}", what, path, std::strerror(errno));
    ::close(fd);
    ::unlink(name.c_str());
    return Result<bool>::failure(msg);
  };
  if (auto w = write_all(fd, bytes, path); !w) {
    ::close(fd);
    ::unlink(name.c_str());
    return w;
  }
  take_mode(fd, old);
  if (::fsync(fd) != 0) return fail("cannot flush");
  if (::close(fd) != 0) {
    ::unlink(name.c_str());
    return Result<bool>::failure(
        fmt::format(fmt::runtime(_("cannot close {}: {}")), path, std::strerror(errno)));
  }
  stage("file-written");
  if (::rename(name.c_str(), t.path.c_str()) != 0) {
    std::string msg =
        fmt::format(fmt::runtime(_("cannot replace {}: {}")), path, std::strerror(errno));
    ::unlink(name.c_str());
    return Result<bool>::failure(msg);
  }
  return true;
}

Result<bool> replace_file_atomically(
    const std::string& path,
    const std::function<Result<bool>(const std::string& temp_path)>& write) {
  OutputTarget t = classify_output(path);
  if (t.kind == OutputKind::refused) return Result<bool>::failure(t.why);
  const bool straight = t.kind == OutputKind::descriptor || t.kind == OutputKind::device;
  std::string name, why;
  int fd = -1;
  std::optional<TempFileGuard> guard;
  {
    StopSignalsHeld held;
    if (straight) {
      // The writer needs a file name: a temporary file elsewhere, then copied into the target.
      const char* tmpdir = std::getenv("TMPDIR");
      std::string tmpl =
          std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/.grantkit-out.tmp-XXXXXX";
      std::vector<char> buf(tmpl.begin(), tmpl.end());
      buf.push_back('\0');
      fd = ::mkstemp(buf.data());
      if (fd < 0)
        why = fmt::format(fmt::runtime(_("cannot create a temporary file: {}")),
                          std::strerror(errno));
      else
        name = buf.data();
    } else {
      fd = make_temp_beside(t.path, name, why);
    }
    if (fd >= 0) guard.emplace(name);
  }
  if (fd < 0) return Result<bool>::failure(why);
  ::close(fd);
  auto fail = [&](std::string msg) {
    ::unlink(name.c_str());
    return Result<bool>::failure(std::move(msg));
  };
  Result<bool> written = [&]() -> Result<bool> {
    try {
      return write(name);
    } catch (const std::exception& e) {
      return Result<bool>::failure(e.what());
    }
  }();
  if (!written)
    return fail(fmt::format(fmt::runtime(_("cannot write {}: {}")), path, written.error()));
  if (straight) {
    std::ifstream in(name, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return fail(fmt::format(fmt::runtime(_("cannot read back {}")), name));
    ::unlink(name.c_str());
    return write_straight(t.path, bytes, t.kind == OutputKind::descriptor);
  }
  // The writer closed its own handle; flush the data to disk before the rename makes it visible.
  int rd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (rd < 0)
    return fail(fmt::format(fmt::runtime(_("cannot reopen {}: {}")), name, std::strerror(errno)));
  std::optional<struct stat> old;
  if (t.kind == OutputKind::regular) {
    struct stat st {};
    st.st_mode = t.mode;
    st.st_uid = t.uid;
    st.st_gid = t.gid;
    old = st;
  }
  take_mode(rd, old);
  int synced = ::fsync(rd);
  int err = errno;
  ::close(rd);
  if (synced != 0)
    return fail(fmt::format(fmt::runtime(_("cannot flush {}: {}")), path, std::strerror(err)));
  stage("file-written");
  if (::rename(name.c_str(), t.path.c_str()) != 0) {
    return fail(fmt::format(fmt::runtime(_("cannot replace {}: {}")), path, std::strerror(errno)));
  }
  return true;
}

namespace {

// Writes `bytes` to a new file `path` (which must not exist) and flushes it to disk.
Result<bool> write_new_file(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    return Result<bool>::failure(
        fmt::format(fmt::runtime(_("cannot create {}: {}")), path, std::strerror(errno)));
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Result<bool>::failure(
          fmt::format(fmt::runtime(_("cannot write {}: {}")), path, std::strerror(err)));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    return Result<bool>::failure(
        fmt::format(fmt::runtime(_("cannot flush {}: {}")), path, std::strerror(err)));
  }
  if (::close(fd) != 0)
    return Result<bool>::failure(
        fmt::format(fmt::runtime(_("cannot close {}: {}")), path, std::strerror(errno)));
  return true;
}

// Flushes a folder's entries (new names, renames) to disk; best effort.
void sync_folder(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool plain_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\0') == std::string::npos;
}

}  // namespace

namespace {

// Hex of a SHA-256 digest.
std::string hex_of(const unsigned char* digest, unsigned n) {
  std::string hex;
  hex.reserve(2 * n);
  for (unsigned i = 0; i < n; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

// A SHA-256 context (OpenSSL EVP), freed with the object.
struct Sha256 {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  Sha256() {
    if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1)
      throw std::runtime_error("SHA-256 unavailable");
  }
  ~Sha256() { EVP_MD_CTX_free(ctx); }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void add(const void* data, std::size_t n) { EVP_DigestUpdate(ctx, data, n); }
  std::string hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    EVP_DigestFinal_ex(ctx, digest, &n);
    return hex_of(digest, n);
  }
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.add(bytes.data(), bytes.size());
  return h.hex();
}

namespace {

constexpr std::string_view kManifestHeader = "manifest: sha256";

// The SHA-256 of a regular file's bytes, read in blocks; nullopt when it cannot be read.
std::optional<std::string> sha256_of_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  Sha256 h;
  std::vector<char> buf(1 << 16);
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    h.add(buf.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  return h.hex();
}

// The manifest of a marker's text: name → hash, from the lines `<64 hex>  <name>` after
// `manifest: sha256`. nullopt when there is no valid manifest.
std::optional<std::map<std::string, std::string>> parse_manifest(std::string_view text) {
  auto at = text.find(std::string(kManifestHeader) + "\n");
  if (at == std::string_view::npos || (at != 0 && text[at - 1] != '\n')) return std::nullopt;
  std::map<std::string, std::string> out;
  std::string_view rest = text.substr(at + kManifestHeader.size() + 1);
  while (!rest.empty()) {
    auto nl = rest.find('\n');
    if (nl == std::string_view::npos) return std::nullopt;  // cut short: not a manifest
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    if (line.size() < 67 || line.substr(64, 2) != "  ") return std::nullopt;
    std::string_view hash = line.substr(0, 64);
    if (hash.find_first_not_of("0123456789abcdef") != std::string_view::npos) return std::nullopt;
    std::string name(line.substr(66));
    if (!plain_name(name) || !out.emplace(name, std::string(hash)).second) return std::nullopt;
  }
  return out;
}

// The entries of an existing folder that a replace would destroy although this function did not
// write them (or they changed since): every entry not in the marker's manifest or whose hash
// differs; every entry when the marker is missing, not a regular file or holds no valid manifest
// (the marker then among them). Also `manifest` (the names that may go) when valid.
std::vector<std::string> foreign_entries(const std::string& folder, const std::string& marker,
                                         std::map<std::string, std::string>& manifest) {
  namespace fs = std::filesystem;
  std::vector<std::string> entries;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(it->path().filename().string());
  }
  std::sort(entries.begin(), entries.end());
  manifest.clear();
  std::string marker_path = (fs::path(folder) / marker).string();
  struct stat st {};
  std::optional<std::map<std::string, std::string>> parsed;
  if (::lstat(marker_path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (1 << 20)) {
    std::ifstream in(marker_path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.bad()) parsed = parse_manifest(text);
  }
  if (!parsed) return entries;  // no valid manifest: nothing in the folder is known to be ours
  manifest = *parsed;
  std::vector<std::string> foreign;
  for (const auto& e : entries) {
    if (e == marker) continue;
    auto m = manifest.find(e);
    if (m == manifest.end()) {
      foreign.push_back(e);
      continue;
    }
    auto hash = sha256_of_file((fs::path(folder) / e).string());  // a link or folder: no hash
    if (!hash || *hash != m->second) foreign.push_back(e);
  }
  return foreign;
}

}  // namespace

std::string folder_manifest(const std::vector<FolderFile>& files) {
  std::string out(kManifestHeader);
  out += '\n';
  std::vector<const FolderFile*> sorted;
  for (const auto& f : files) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(),
            [](const FolderFile* a, const FolderFile* b) { return a->name < b->name; });
  for (const auto* f : sorted) out += fmt::format("{}  {}\n", sha256_hex(f->bytes), f->name);
  return out;
}

FolderResult write_folder_atomically(const std::string& path, const std::vector<FolderFile>& files,
                                     const std::string& marker, std::string_view marker_text,
                                     bool replace) {
  namespace fs = std::filesystem;
  auto failed = [](FolderError e, std::string msg) { return FolderResult{e, std::move(msg), {}}; };
  fs::path target = fs::path(path).lexically_normal();
  if (!target.has_filename() && target.has_parent_path()) target = target.parent_path();
  std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..") {
    return failed(FolderError::io,
                  fmt::format(fmt::runtime(_("'{}' does not name a folder to write")), path));
  }
  fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::vector<std::string> names{marker};
  for (const auto& f : files) names.push_back(f.name);
  std::sort(names.begin(), names.end());
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!plain_name(names[i]) || (i && names[i] == names[i - 1])) {
      return failed(FolderError::io,
                    fmt::format(fmt::runtime(_("'{}' is not a unique plain file name")), names[i]));
    }
  }

  // Refuse early what will be refused anyway (the final rename checks again).
  std::error_code ec;
  auto existing = fs::symlink_status(target, ec);
  bool exists = !ec && fs::exists(existing);
  std::map<std::string, std::string> old_manifest;
  auto check_existing = [&]() -> FolderResult {
    if (fs::is_symlink(existing)) {
      std::error_code e2;
      bool to_folder = fs::is_directory(target, e2);
      return failed(
          FolderError::exists,
          fmt::format(
              fmt::runtime(_("{} is a symbolic link{}; paperwork writes a folder of its own and "
                             "never replaces a link: give the folder itself")),
              target.string(),
              to_folder ? " to the folder " + fs::read_symlink(target, e2).string() : ""));
    }
    if (!fs::is_directory(existing)) {
      return failed(FolderError::exists,
                    fmt::format(fmt::runtime(_("{} exists and is not a folder")), target.string()));
    }
    if (!replace) {
      return failed(
          FolderError::exists,
          fmt::format(fmt::runtime(_("{} exists; nothing was written (replace it with --force)")),
                      target.string()));
    }
    std::vector<std::string> foreign = foreign_entries(target.string(), marker, old_manifest);
    if (!foreign.empty()) {
      std::string list;
      for (std::size_t i = 0; i < foreign.size() && i < 20; ++i)
        list += (i ? ", " : "") + foreign[i];
      if (foreign.size() > 20)
        list += fmt::format(fmt::runtime(_(" and {} more")), foreign.size() - 20);
      FolderResult r = failed(
          FolderError::foreign,
          fmt::format(fmt::runtime(_(
                          "{} holds files that grantkit did not write or that changed since: {}; "
                          "nothing was "
                          "replaced, even with --force (move them out, or choose another folder)")),
                      target.string(), list));
      r.foreign = std::move(foreign);
      return r;
    }
    return {};
  };
  if (exists) {
    if (auto r = check_existing(); !r.ok()) return r;
  }

  std::string tmpl = temp_template(parent, name, ".grantkit");
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  std::vector<std::string> temp_files;  // full paths, for the signal handler
  std::optional<TempFolderGuard> guard;
  std::string temp;
  {
    StopSignalsHeld held;
    if (!::mkdtemp(buf.data())) {
      return failed(FolderError::io,
                    fmt::format(fmt::runtime(_("cannot create a folder in {}: {}")),
                                parent.string(), std::strerror(errno)));
    }
    temp = buf.data();
    for (const auto& n : names) temp_files.push_back((fs::path(temp) / n).string());
    guard.emplace(temp, temp_files);
  }
  auto cleanup = [&](FolderResult r) {
    std::error_code e2;
    fs::remove_all(temp, e2);
    return r;
  };
  ::chmod(temp.c_str(), 0755);
  for (const auto& f : files) {
    if (auto w = write_new_file((fs::path(temp) / f.name).string(), f.bytes); !w) {
      return cleanup(failed(FolderError::io, w.error()));
    }
  }
  std::string marker_bytes(marker_text);
  if (!marker_bytes.empty() && marker_bytes.back() != '\n') marker_bytes += '\n';
  marker_bytes += folder_manifest(files);
  if (auto w = write_new_file((fs::path(temp) / marker).string(), marker_bytes); !w) {
    return cleanup(failed(FolderError::io, w.error()));
  }
  sync_folder(temp);
  stage("folder-written");

  std::string dest = target.string();
  if (!exists) {
    if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, dest.c_str(), RENAME_NOREPLACE) != 0) {
      int err = errno;
      if (err == EEXIST || err == ENOTEMPTY) {
        return cleanup(failed(
            FolderError::exists,
            fmt::format(
                fmt::runtime(_("{} appeared while it was being written; nothing was replaced")),
                dest)));
      }
      if (err != EINVAL && err != ENOSYS) {
        return cleanup(failed(FolderError::io, fmt::format(fmt::runtime(_("cannot create {}: {}")),
                                                           dest, std::strerror(err))));
      }
      // A file system without RENAME_NOREPLACE: rename() does not replace a non-empty folder.
      if (fs::exists(target, ec)) {
        return cleanup(failed(
            FolderError::exists,
            fmt::format(
                fmt::runtime(_("{} appeared while it was being written; nothing was replaced")),
                dest)));
      }
      if (::rename(temp.c_str(), dest.c_str()) != 0) {
        return cleanup(failed(FolderError::io, fmt::format(fmt::runtime(_("cannot create {}: {}")),
                                                           dest, std::strerror(errno))));
      }
    }
    guard->clear();
    sync_folder(parent.string());
    return {};
  }

  // Replace: swap the complete new folder with the old one, then remove the old one — whose
  // entries were all checked to be grantkit's own, unchanged. It is checked once more right
  // before the swap, for a file saved into it while the new one was being written.
  std::map<std::string, std::string> again;
  if (auto late = foreign_entries(dest, marker, again); !late.empty()) {
    FolderResult r = failed(
        FolderError::foreign,
        fmt::format(
            fmt::runtime(_("{} changed while the new folder was being written ({}); nothing was "
                           "replaced")),
            dest, late.front()));
    r.foreign = std::move(late);
    return cleanup(r);
  }
  std::vector<std::string> old_files;  // the old folder's entries, once it is at `temp`
  for (const auto& [n, h] : again) old_files.push_back((fs::path(temp) / n).string());
  old_files.push_back((fs::path(temp) / marker).string());
  auto remove_old = [&](const std::string& where) {
    // Only the manifest's files and the marker: anything that appeared since stays (and so does
    // the folder then, rmdir failing on it).
    for (const auto& [n, h] : again) ::unlink((fs::path(where) / n).c_str());
    ::unlink((fs::path(where) / marker).c_str());
    ::rmdir(where.c_str());
  };
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, dest.c_str(), RENAME_EXCHANGE) == 0) {
    guard->set(temp, old_files);
    sync_folder(parent.string());
    remove_old(temp);  // now the old folder
    guard->clear();
    return {};
  }
  int err = errno;
  if (err != EINVAL && err != ENOSYS) {
    return cleanup(failed(FolderError::io, fmt::format(fmt::runtime(_("cannot replace {}: {}")),
                                                       dest, std::strerror(err))));
  }
  // No RENAME_EXCHANGE: move the old folder aside, the new one in, and the old one back on failure.
  std::string aside = temp + ".old";
  if (::rename(dest.c_str(), aside.c_str()) != 0) {
    return cleanup(failed(FolderError::io, fmt::format(fmt::runtime(_("cannot move {} aside: {}")),
                                                       dest, std::strerror(errno))));
  }
  if (::rename(temp.c_str(), dest.c_str()) != 0) {
    int err2 = errno;
    ::rename(aside.c_str(), dest.c_str());
    return cleanup(failed(FolderError::io, fmt::format(fmt::runtime(_("cannot replace {}: {}")),
                                                       dest, std::strerror(err2))));
  }
  guard->clear();
  sync_folder(parent.string());
  remove_old(aside);
  return {};
}

}  // namespace grantkit::core
