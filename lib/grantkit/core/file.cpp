#include <grantkit/core/file.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

namespace grantkit::core {

namespace {

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
    return fmt::format("{} is a symbolic link to the folder {}: -o names the file to write",
                       target.string(), fs::read_symlink(target, ec).string());
  }
  return fmt::format("{} is a folder: -o names the file to write", target.string());
}

}  // namespace

Result<bool> write_file_atomically(const std::string& path, std::string_view bytes) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (auto why = folder_in_the_way(target); !why.empty()) return Result<bool>::failure(why);
  std::string tmpl = temp_template(dir, target.filename().string(), ".tmp");
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    return Result<bool>::failure(fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno)));
  }
  auto fail = [&](const char* what) {
    std::string msg = fmt::format("{} {}: {}", what, path, std::strerror(errno));
    ::close(fd);
    ::unlink(name.data());
    return Result<bool>::failure(msg);
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0) return fail("cannot flush");
  if (::close(fd) != 0) {
    ::unlink(name.data());
    return Result<bool>::failure(fmt::format("cannot close {}: {}", path, std::strerror(errno)));
  }
  if (::rename(name.data(), path.c_str()) != 0) {
    std::string msg = fmt::format("cannot replace {}: {}", path, std::strerror(errno));
    ::unlink(name.data());
    return Result<bool>::failure(msg);
  }
  return true;
}

Result<bool> replace_file_atomically(const std::string& path,
                                     const std::function<Result<bool>(const std::string& temp_path)>& write) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (auto why = folder_in_the_way(target); !why.empty()) return Result<bool>::failure(why);
  std::string tmpl = temp_template(dir, target.filename().string(), ".tmp");
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    return Result<bool>::failure(fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno)));
  }
  ::close(fd);
  std::string temp(name.data());
  auto fail = [&](std::string msg) {
    ::unlink(temp.c_str());
    return Result<bool>::failure(std::move(msg));
  };
  Result<bool> written = [&]() -> Result<bool> {
    try {
      return write(temp);
    } catch (const std::exception& e) {
      return Result<bool>::failure(e.what());
    }
  }();
  if (!written) return fail(fmt::format("cannot write {}: {}", path, written.error()));
  // The writer closed its own handle; flush the data to disk before the rename makes it visible.
  int rd = ::open(temp.c_str(), O_RDONLY);
  if (rd < 0) return fail(fmt::format("cannot reopen {}: {}", temp, std::strerror(errno)));
  ::fchmod(rd, 0644);
  int synced = ::fsync(rd);
  int err = errno;
  ::close(rd);
  if (synced != 0) return fail(fmt::format("cannot flush {}: {}", path, std::strerror(err)));
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    return fail(fmt::format("cannot replace {}: {}", path, std::strerror(errno)));
  }
  return true;
}

namespace {

// Writes `bytes` to a new file `path` (which must not exist) and flushes it to disk.
Result<bool> write_new_file(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return Result<bool>::failure(fmt::format("cannot create {}: {}", path, std::strerror(errno)));
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Result<bool>::failure(fmt::format("cannot write {}: {}", path, std::strerror(err)));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    return Result<bool>::failure(fmt::format("cannot flush {}: {}", path, std::strerror(err)));
  }
  if (::close(fd) != 0) return Result<bool>::failure(fmt::format("cannot close {}: {}", path, std::strerror(errno)));
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

FolderResult write_folder_atomically(const std::string& path, const std::vector<FolderFile>& files,
                                     const std::string& marker, std::string_view marker_text, bool replace) {
  namespace fs = std::filesystem;
  auto failed = [](FolderError e, std::string msg) { return FolderResult{e, std::move(msg)}; };
  fs::path target = fs::path(path).lexically_normal();
  if (!target.has_filename() && target.has_parent_path()) target = target.parent_path();
  std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..") {
    return failed(FolderError::io, fmt::format("'{}' does not name a folder to write", path));
  }
  fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::vector<std::string> names{marker};
  for (const auto& f : files) names.push_back(f.name);
  std::sort(names.begin(), names.end());
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!plain_name(names[i]) || (i && names[i] == names[i - 1])) {
      return failed(FolderError::io, fmt::format("'{}' is not a unique plain file name", names[i]));
    }
  }

  // Refuse early what will be refused anyway (the final rename checks again).
  std::error_code ec;
  auto existing = fs::symlink_status(target, ec);
  bool exists = !ec && fs::exists(existing);
  auto check_existing = [&]() -> FolderResult {
    if (fs::is_symlink(existing)) {
      std::error_code e2;
      bool to_folder = fs::is_directory(target, e2);
      return failed(FolderError::exists,
                    fmt::format("{} is a symbolic link{}; paperwork writes a folder of its own and "
                                "never replaces a link: give the folder itself",
                                target.string(),
                                to_folder ? " to the folder " + fs::read_symlink(target, e2).string()
                                          : ""));
    }
    if (!fs::is_directory(existing)) {
      return failed(FolderError::exists, fmt::format("{} exists and is not a folder", target.string()));
    }
    if (!replace) {
      return failed(FolderError::exists,
                    fmt::format("{} exists; nothing was written (replace it with --force)", target.string()));
    }
    std::error_code e2;
    bool empty = fs::is_empty(target, e2);
    if (!empty && !fs::exists(target / marker, e2)) {
      return failed(FolderError::not_ours,
                    fmt::format("{} exists and was not written by grantkit (no {} in it): it is not replaced, "
                                "even with --force; choose another folder",
                                target.string(), marker));
    }
    return {};
  };
  if (exists) {
    if (auto r = check_existing(); !r.ok()) return r;
  }

  std::string tmpl = temp_template(parent, name, ".grantkit");
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) {
    return failed(FolderError::io, fmt::format("cannot create a folder in {}: {}", parent.string(), std::strerror(errno)));
  }
  std::string temp(buf.data());
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
  if (auto w = write_new_file((fs::path(temp) / marker).string(), marker_text); !w) {
    return cleanup(failed(FolderError::io, w.error()));
  }
  sync_folder(temp);

  std::string dest = target.string();
  if (!exists) {
    if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, dest.c_str(), RENAME_NOREPLACE) != 0) {
      int err = errno;
      if (err == EEXIST || err == ENOTEMPTY) {
        return cleanup(failed(FolderError::exists,
                              fmt::format("{} appeared while it was being written; nothing was replaced", dest)));
      }
      if (err != EINVAL && err != ENOSYS) {
        return cleanup(failed(FolderError::io, fmt::format("cannot create {}: {}", dest, std::strerror(err))));
      }
      // A file system without RENAME_NOREPLACE: rename() does not replace a non-empty folder.
      if (fs::exists(target, ec)) {
        return cleanup(failed(FolderError::exists,
                              fmt::format("{} appeared while it was being written; nothing was replaced", dest)));
      }
      if (::rename(temp.c_str(), dest.c_str()) != 0) {
        return cleanup(failed(FolderError::io, fmt::format("cannot create {}: {}", dest, std::strerror(errno))));
      }
    }
    sync_folder(parent.string());
    return {};
  }

  // Replace: swap the complete new folder with the old one, then remove the old one.
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, dest.c_str(), RENAME_EXCHANGE) == 0) {
    sync_folder(parent.string());
    fs::remove_all(temp, ec);  // now the old folder
    return {};
  }
  int err = errno;
  if (err != EINVAL && err != ENOSYS) {
    return cleanup(failed(FolderError::io, fmt::format("cannot replace {}: {}", dest, std::strerror(err))));
  }
  // No RENAME_EXCHANGE: move the old folder aside, the new one in, and the old one back on failure.
  std::string aside = temp + ".old";
  if (::rename(dest.c_str(), aside.c_str()) != 0) {
    return cleanup(failed(FolderError::io, fmt::format("cannot move {} aside: {}", dest, std::strerror(errno))));
  }
  if (::rename(temp.c_str(), dest.c_str()) != 0) {
    int err2 = errno;
    ::rename(aside.c_str(), dest.c_str());
    return cleanup(failed(FolderError::io, fmt::format("cannot replace {}: {}", dest, std::strerror(err2))));
  }
  sync_folder(parent.string());
  fs::remove_all(aside, ec);
  return {};
}

}  // namespace grantkit::core
