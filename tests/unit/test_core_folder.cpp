// Writing a whole folder atomically (core::write_folder_atomically): `grantkit paperwork -o
// FOLDER`.
#include <doctest/doctest.h>

#include <algorithm>
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
  // The marker: its text, then the manifest of every file written, with its SHA-256.
  CHECK(read(out / ".marker") == "m\nmanifest: sha256\n" + core::sha256_hex("1;2\r\n") +
                                     "  a.csv\n" + core::sha256_hex("<p>b</p>") + "  b.html\n");
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
  CHECK(r.error == core::FolderError::foreign);
  CHECK(r.foreign == std::vector<std::string>{"project.yaml"});
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

namespace {

// A folder written by write_folder_atomically, to be replaced in each case below.
struct Written {
  test::TempDir dir;
  fs::path out = fs::path(dir.path()) / "claim";
  std::vector<core::FolderFile> files = {{"a.csv", "1;2\r\n"}, {"b.html", "<p>b</p>"}};
  Written() {
    REQUIRE(core::write_folder_atomically(out.string(), files, ".marker", "m", false).ok());
  }
  core::FolderResult replace() {
    return core::write_folder_atomically(out.string(), {{"c.csv", "new"}}, ".marker", "m", true);
  }
};

}  // namespace

TEST_CASE(
    "core::write_folder_atomically replaces a folder whose files are all in its manifest, "
    "unchanged") {
  Written w;
  auto r = w.replace();
  REQUIRE(r.ok());
  CHECK(read(w.out / "c.csv") == "new");
  CHECK_FALSE(fs::exists(w.out / "a.csv"));
  CHECK(entries(w.dir.path()) == 1);
}

TEST_CASE(
    "core::write_folder_atomically never deletes a file a person added (paperwork.foreign-files)") {
  Written w;
  std::ofstream(w.out / "intyg-signerat.pdf") << "scan";
  auto r = w.replace();
  CHECK(r.error == core::FolderError::foreign);
  CHECK(r.foreign == std::vector<std::string>{"intyg-signerat.pdf"});
  CHECK(r.message.find("intyg-signerat.pdf") != std::string::npos);
  CHECK(read(w.out / "intyg-signerat.pdf") == "scan");
  CHECK(read(w.out / "a.csv") == "1;2\r\n");
  CHECK(entries(w.dir.path()) == 1);  // no temporary folder left
}

TEST_CASE("core::write_folder_atomically refuses a folder with a changed file, and a sub-folder") {
  Written w;
  std::ofstream(w.out / "a.csv") << "edited by hand";
  fs::create_directories(w.out / "scans");
  auto r = w.replace();
  CHECK(r.error == core::FolderError::foreign);
  CHECK(r.foreign == std::vector<std::string>{"a.csv", "scans"});
  CHECK(read(w.out / "a.csv") == "edited by hand");
}

TEST_CASE(
    "core::write_folder_atomically: a marker without a valid manifest makes every entry foreign") {
  Written w;
  std::ofstream(w.out / ".marker", std::ios::trunc)
      << "grantkit paperwork\n";  // an old or planted marker
  auto r = w.replace();
  CHECK(r.error == core::FolderError::foreign);
  CHECK(r.foreign == std::vector<std::string>{".marker", "a.csv", "b.html"});
  CHECK(fs::exists(w.out / "a.csv"));
  // A manifest line with a bad hash is no manifest either.
  std::ofstream(w.out / ".marker", std::ios::trunc) << "m\nmanifest: sha256\nxyz  a.csv\n";
  CHECK(w.replace().error == core::FolderError::foreign);
}

TEST_CASE("core::write_folder_atomically: a marker that is a link or a folder is foreign") {
  Written w;
  std::string manifest = read(w.out / ".marker");
  fs::remove(w.out / ".marker");
  std::ofstream(fs::path(w.dir.path()) / "elsewhere") << manifest;
  fs::create_symlink(fs::path(w.dir.path()) / "elsewhere", w.out / ".marker");
  auto r = w.replace();
  CHECK(r.error == core::FolderError::foreign);
  CHECK(std::find(r.foreign.begin(), r.foreign.end(), ".marker") != r.foreign.end());
  fs::remove(w.out / ".marker");
  fs::create_directories(w.out / ".marker");
  r = w.replace();
  CHECK(r.error == core::FolderError::foreign);
  CHECK(fs::exists(w.out / "a.csv"));
}

TEST_CASE("core::write_folder_atomically: a project folder with a planted marker is not replaced") {
  test::TempDir dir;
  fs::path project = fs::path(dir.path()) / "p";
  dir.write("p/project.yaml", "schema: grantkit/project/1\n");
  // A marker with a valid manifest of its own, naming only itself.
  dir.write("p/.marker", "m\nmanifest: sha256\n");
  auto r = core::write_folder_atomically(project.string(), {{"c.csv", "x"}}, ".marker", "m", true);
  CHECK(r.error == core::FolderError::foreign);
  CHECK(r.foreign == std::vector<std::string>{"project.yaml"});
  CHECK(fs::exists(project / "project.yaml"));
}
