// Inputs stay inside their project folder (io/containment.hpp): paths, `..`, and links out.
#include <doctest/doctest.h>

#include <filesystem>

#include <grantkit/io/containment.hpp>

#include "support.hpp"

namespace fs = std::filesystem;
using grantkit::io::outside_folder;
using grantkit::io::pattern_outside_folder;
using grantkit::test::TempDir;

TEST_CASE("io::outside_folder: files below the folder are inside, everything else is outside") {
  TempDir t;
  t.write("p/ledger/a.csv", "x");
  t.write("p2/b.csv", "y");
  t.write("secret.txt", "z");
  std::string p = t.file("p");
  CHECK_FALSE(outside_folder(p, t.file("p/ledger/a.csv")));
  CHECK_FALSE(outside_folder(p, t.file("p/ledger/../ledger/a.csv")));
  CHECK_FALSE(outside_folder(p, t.file("p/ledger/missing.csv")));  // not there yet: still inside
  CHECK_FALSE(outside_folder(p, p));
  CHECK(outside_folder(p, t.file("p/../secret.txt")));
  CHECK(outside_folder(p, t.file("p2/b.csv")));  // a sibling whose name starts with the folder's
  CHECK(outside_folder(p, "/etc/passwd"));
  auto why = outside_folder(p, t.file("p/../secret.txt"));
  REQUIRE(why);
  CHECK(why->find("outside the project folder") != std::string::npos);
}

TEST_CASE("io::outside_folder follows symbolic links: out is outside, within is inside") {
  TempDir t;
  t.write("p/ledger/a.csv", "x");
  t.write("secret.txt", "z");
  fs::create_symlink(t.file("secret.txt"), t.file("p/ledger/out.csv"));
  fs::create_symlink("a.csv", t.file("p/ledger/in.csv"));
  fs::create_directories(t.file("elsewhere"));
  fs::create_directory_symlink(t.file("elsewhere"), t.file("p/linked"));
  fs::create_directory_symlink(t.file("p"), t.file("p-link"));
  std::string p = t.file("p");
  CHECK(outside_folder(p, t.file("p/ledger/out.csv")));
  CHECK_FALSE(outside_folder(p, t.file("p/ledger/in.csv")));
  CHECK(outside_folder(p, t.file("p/linked/x.csv")));  // a folder link out, file or not
  // The project folder reached through a link: its files are inside.
  CHECK_FALSE(outside_folder(t.file("p-link"), t.file("p-link/ledger/a.csv")));
}

TEST_CASE("io::pattern_outside_folder: absolute patterns and '..' above the folder") {
  CHECK_FALSE(pattern_outside_folder("ledger/*.csv"));
  CHECK_FALSE(pattern_outside_folder("./ledger/2022/../2023/*.csv"));
  CHECK(pattern_outside_folder("/etc/passwd"));
  CHECK(pattern_outside_folder("../other/ledger.csv"));
  CHECK(pattern_outside_folder("ledger/../../x.csv"));
  CHECK(pattern_outside_folder("*/../../x.csv"));
}
