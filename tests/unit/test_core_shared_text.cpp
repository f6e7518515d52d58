// Text shared between the rows that repeat it (core::SharedText), and the one-section bundle that
// HTML and XLSX render (reports::bundle_of): what the memory of large inputs rests on.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include <grantkit/core/shared_text.hpp>
#include <grantkit/model/time_entry.hpp>
#include <grantkit/reports/document.hpp>

using grantkit::core::SharedText;
namespace reports = grantkit::reports;

TEST_CASE("SharedText: copies share one text, which lives while one of them does") {
  SharedText a(std::string("projektledare-region"));
  CHECK(a.use_count() == 1);
  SharedText b = a;
  CHECK(a.use_count() == 2);
  CHECK(&a.str() == &b.str());
  {
    std::vector<SharedText> rows(1000, b);
    CHECK(a.use_count() == 1002);
    CHECK(&rows.back().str() == &a.str());
  }
  CHECK(a.use_count() == 2);
  SharedText moved = std::move(a);
  CHECK(moved.use_count() == 2);
  CHECK(moved == "projektledare-region");
  a = moved;  // assigned again after the move
  CHECK(a == "projektledare-region");
  CHECK(a.use_count() == 3);
  b = SharedText("annan");
  CHECK(b == "annan");
  CHECK(a.use_count() == 2);
  const SharedText& same = a;
  a = same;  // self-assignment keeps the text
  CHECK(a == "projektledare-region");
  CHECK(a.use_count() == 2);
}

TEST_CASE("SharedText: empty, comparison, views") {
  SharedText none;
  CHECK(none.empty());
  CHECK(none.size() == 0);
  CHECK(none.use_count() == 0);
  CHECK(none == "");
  SharedText copy = none;
  CHECK(copy.empty());
  SharedText t("A2");
  CHECK(t.size() == 2);
  CHECK((t <=> std::string_view("A1")) == std::strong_ordering::greater);
  CHECK((t <=> std::string_view("A2")) == std::strong_ordering::equal);
  std::string_view v = t;
  CHECK(v == "A2");
  const std::string& s = t;
  CHECK(s == "A2");
  CHECK(fmt::format("[{}]", t) == "[A2]");
}

TEST_CASE("SharedText is one pointer wide, so that a time row stays compact") {
  // Four on every row of a time report (person, activity, two places' files): 8 bytes each
  // instead of a std::shared_ptr's 16 keeps a row of model::TimeEntry at 72 bytes on 64-bit.
  CHECK(sizeof(SharedText) == sizeof(void*));
  if constexpr (sizeof(void*) == 8) CHECK(sizeof(grantkit::model::TimeEntry) <= 72);
}

TEST_CASE("bundle_of: the header without tables, the section with every table and value") {
  reports::Document doc;
  doc.report = "claim";
  doc.project_id = "p";
  doc.project_name = "Projekt";
  reports::Table t;
  t.key = "transactions";
  t.columns = {reports::Column("text", "Text", "Text")};
  for (int i = 0; i < 3; ++i)
    t.rows.push_back({reports::Cell::of_text("rad " + std::to_string(i))});
  doc.tables.push_back(std::move(t));
  doc.values.emplace_back("aid", reports::Cell::of_integer(7));
  doc.diagnostics.error("claim.period", "en anmärkning");

  reports::Bundle b = reports::bundle_of(std::move(doc));
  CHECK(b.header.report == "claim");
  CHECK(b.header.project_name == "Projekt");
  CHECK(b.header.tables.empty());
  CHECK(b.header.values.empty());
  CHECK(b.header.diagnostics.items().size() == 1);
  REQUIRE(b.sections.size() == 1);
  CHECK(b.sections[0].first == "claim");
  const reports::Document& s = b.sections[0].second;
  REQUIRE(s.tables.size() == 1);
  REQUIRE(s.tables[0].rows.size() == 3);
  CHECK(s.tables[0].rows[2][0].text == "rad 2");
  REQUIRE(s.values.size() == 1);
  CHECK(s.values[0].second.number == 7);
  CHECK(s.project_id == "p");
}
