// Writing a whole folder atomically (core::write_folder_atomically): `grantkit paperwork -o
// FOLDER`.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <grantkit/core/file.hpp>

#include "support.hpp"

using namespace grantkit;
namespace fs = std::filesystem;

namespace {

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

TEST_CASE("core::write_folder_atomically") {
  test::TempDir dir;
  fs::path out = fs::path(dir.path()) / "claim-2022-h1";
  std::vector<core::FolderFile> files = {{"a.csv", "1;2\r\n"}, {"b.html", "<p>b</p>"}};
  auto r = core::write_folder_atomically(out.string(), files, ".marker", "m", false);
  REQUIRE(r.ok());
  CHECK(read(out / "a.csv") == "1;2\r\n");
  CHECK(read(out / ".marker") == "m");
  CHECK(entries(dir.path()) == 1);  // no temporary folder left beside it

  // An existing folder is refused without `replace`, and left as it was.
  r = core::write_folder_atomically(out.string(), {{"c.csv", "new"}}, ".marker", "m", false);
  CHECK(r.error == core::FolderError::exists);
  CHECK(fs::exists(out / "a.csv"));
  CHECK_FALSE(fs::exists(out / "c.csv"));
  CHECK(entries(dir.path()) == 1);

  // With `replace`: the new folder whole, the old one gone.
  r = core::write_folder_atomically(out.string() + "/", {{"c.csv", "new"}}, ".marker", "m2", true);
  REQUIRE(r.ok());
  CHECK(read(out / "c.csv") == "new");
  CHECK_FALSE(fs::exists(out / "a.csv"));
  CHECK(entries(dir.path()) == 1);

  // A folder this function did not write is never replaced; a file is not a folder.
  fs::path mine = fs::path(dir.path()) / "project";
  dir.write("project/project.yaml", "schema: grantkit/project/1\n");
  r = core::write_folder_atomically(mine.string(), files, ".marker", "m", true);
  CHECK(r.error == core::FolderError::not_ours);
  CHECK(fs::exists(mine / "project.yaml"));
  std::string file = dir.write("plain.txt", "x");
  r = core::write_folder_atomically(file, files, ".marker", "m", true);
  CHECK(r.error == core::FolderError::exists);
  CHECK(read(file) == "x");
  // An empty folder may be replaced.
  fs::create_directories(fs::path(dir.path()) / "empty");
  CHECK(core::write_folder_atomically((fs::path(dir.path()) / "empty").string(), files, ".marker",
                                      "m", true)
            .ok());

  // Bad names fail before anything is written; so does a missing parent folder.
  r = core::write_folder_atomically((fs::path(dir.path()) / "x").string(), {{"../a", "x"}},
                                    ".marker", "m", false);
  CHECK(r.error == core::FolderError::io);
  r = core::write_folder_atomically((fs::path(dir.path()) / "x").string(), {{"a", "1"}, {"a", "2"}},
                                    ".marker", "m", false);
  CHECK(r.error == core::FolderError::io);
  r = core::write_folder_atomically((fs::path(dir.path()) / "no" / "such" / "x").string(), files,
                                    ".marker", "m", false);
  CHECK(r.error == core::FolderError::io);
  CHECK_FALSE(fs::exists(fs::path(dir.path()) / "x"));
  CHECK(entries(dir.path()) == 4);  // claim-2022-h1, project, plain.txt, empty
}
