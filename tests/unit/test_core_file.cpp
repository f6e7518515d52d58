#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <grantkit/core/file.hpp>

#include "support.hpp"

using namespace grantkit;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t files_in(const std::string& dir) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.is_regular_file();
  return n;
}

}  // namespace

TEST_CASE("core::replace_file_atomically keeps the old file when writing fails") {
  test::TempDir dir;
  std::string target = dir.write("out.xlsx", "previous");
  auto failed =
      core::replace_file_atomically(target, [](const std::string& temp) -> core::Result<bool> {
        std::ofstream(temp) << "half a file";
        return core::Result<bool>::failure("disk full");
      });
  CHECK_FALSE(failed.ok());
  CHECK(failed.error().find("disk full") != std::string::npos);
  CHECK(read(target) == "previous");
  auto threw = core::replace_file_atomically(
      target, [](const std::string&) -> core::Result<bool> { throw std::runtime_error("bug"); });
  CHECK_FALSE(threw.ok());
  CHECK(read(target) == "previous");
  // No temporary file is left behind.
  CHECK(files_in(dir.path()) == 1);

  auto ok =
      core::replace_file_atomically(target, [](const std::string& temp) -> core::Result<bool> {
        std::ofstream(temp) << "new";
        return true;
      });
  CHECK(ok.ok());
  CHECK(read(target) == "new");
  CHECK(files_in(dir.path()) == 1);
}
