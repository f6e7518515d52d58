#include <grantkit/core/file.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

namespace grantkit::core {

Result<bool> write_file_atomically(const std::string& path, std::string_view bytes) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
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
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
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

}  // namespace grantkit::core
