// SIGINT and SIGTERM while an output is written (core::install_stop_signal_cleanup): the temporary
// file or folder is removed, the previous output is left as it was, and the process ends with
// 130 / 143. Each case runs in a child process that signals itself at the moment it matters (the
// write stage hook), so the timing is exact, not a race.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <grantkit/core/file.hpp>

#include "support.hpp"

using namespace grantkit;
namespace fs = std::filesystem;

namespace {

int g_signal = 0;
void signal_self(const char*) {
  ::raise(g_signal);
}

// Runs `body` in a child with the cleanup handlers installed and `sig` raised at the first write
// stage; returns the child's exit status (-1 if it did not exit normally).
template <class F>
int in_child(int sig, F body) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    core::install_stop_signal_cleanup();
    g_signal = sig;
    core::set_write_stage_hook(signal_self);
    body();
    ::_exit(0);  // the signal did not end it
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t entries(const std::string& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE(
    "core::install_stop_signal_cleanup: SIGTERM while a file is written removes its temporary "
    "file, exit 143") {
  test::TempDir dir;
  std::string target = dir.write("report.md", "previous");
  int status = in_child(SIGTERM, [&] { (void)core::write_file_atomically(target, "new report"); });
  CHECK(status == 143);
  CHECK(read(target) == "previous");
  CHECK(entries(dir.path()) == 1);  // no .report.md.tmp-XXXXXX
}

TEST_CASE(
    "core::install_stop_signal_cleanup: SIGINT while an xlsx is written removes its temporary "
    "file, exit 130") {
  test::TempDir dir;
  std::string target = dir.write("report.xlsx", "previous");
  int status = in_child(SIGINT, [&] {
    (void)core::replace_file_atomically(target, [](const std::string& temp) -> core::Result<bool> {
      std::ofstream(temp) << "a whole workbook";
      return true;
    });
  });
  CHECK(status == 130);
  CHECK(read(target) == "previous");
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE(
    "core::install_stop_signal_cleanup: SIGTERM while a folder is written removes the temporary "
    "folder") {
  test::TempDir dir;
  fs::path out = fs::path(dir.path()) / "claim";
  std::vector<core::FolderFile> files = {{"a.csv", "1"}, {"b.html", "<p>b</p>"}};
  REQUIRE(core::write_folder_atomically(out.string(), files, ".marker", "m", false).ok());
  int status = in_child(SIGTERM, [&] {
    (void)core::write_folder_atomically(out.string(), {{"c.csv", "new"}}, ".marker", "m", true);
  });
  CHECK(status == 143);
  CHECK(read(out / "a.csv") == "1");
  CHECK_FALSE(fs::exists(out / "c.csv"));
  CHECK(entries(dir.path()) == 1);  // no .claim.grantkit-XXXXXX
}

TEST_CASE(
    "core::install_stop_signal_cleanup: without a signal the write completes (the hook is "
    "silent)") {
  test::TempDir dir;
  std::string target = dir.write("report.md", "previous");
  int status = in_child(0, [&] {
    core::set_write_stage_hook(nullptr);
    if (!core::write_file_atomically(target, "new report")) ::_exit(1);
  });
  CHECK(status == 0);
  CHECK(read(target) == "new report");
}
