#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include <grantkit/render/render.hpp>

#include "support.hpp"

using namespace grantkit;
using reports::Cell;

// The file's contents are read back (unzipped, cell by cell) by tests/cli/report_xlsx.sh.

namespace {

reports::Document small() {
  reports::Document d;
  d.report = "budget";
  d.title_sv = "Budget mot utfall med ett mycket långt namn som inte får plats";
  d.title_en = "Budget";
  d.as_of = core::Date(2022, 10, 31);
  d.period = {core::Date(2022, 10, 1), core::Date(2022, 10, 31)};
  reports::Table t;
  t.key = "rows";
  t.columns.emplace_back("text", "Text", "Text");
  t.columns.emplace_back("budget", "Godkänt", "Approved");
  t.rows.push_back(
      {Cell::of_text("=HYPERLINK(\"x\")"), Cell::of_money(core::Money::from_ore(123456789))});
  t.total = std::vector<Cell>{Cell::of_code("total", "Totalt", "Total"),
                              Cell::of_money(core::Money::from_ore(123456789))};
  d.tables.push_back(t);
  d.tables.push_back(t);  // a second sheet of the same name: made unique
  return d;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("render::write_xlsx writes a zip package") {
  test::TempDir dir;
  auto r = render::write_xlsx(reports::bundle_of(small()), render::Lang::sv, dir.file("a.xlsx"));
  REQUIRE_MESSAGE(r.ok(), r.error());
  std::string bytes = read(dir.file("a.xlsx"));
  CHECK(bytes.rfind("PK\x03\x04", 0) == 0);
  CHECK(bytes.find("xl/worksheets/sheet2.xml") != std::string::npos);
}

TEST_CASE("render::write_xlsx fails cleanly where it cannot write") {
  test::TempDir dir;
  auto r = render::write_xlsx(reports::bundle_of(small()), render::Lang::sv,
                              dir.file("no/such/folder/a.xlsx"));
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.error().empty());
}
