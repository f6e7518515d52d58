#include <doctest/doctest.h>

#include <grantkit/render/flat.hpp>
#include <grantkit/render/render.hpp>

using namespace grantkit;
using reports::Cell;
using reports::Column;

namespace {

// A one-table document: a used % column with a bar and a text column.
reports::Document doc_with(const std::string& text, std::int64_t used_millionths) {
  reports::Document d;
  d.report = "test";
  d.title_sv = "Test";
  d.title_en = "Test";
  d.as_of = core::Date(2022, 10, 31);
  d.period = {core::Date(2022, 10, 1), core::Date(2022, 10, 31)};
  reports::Table t;
  t.key = "rows";
  t.columns.emplace_back("text", "Text", "Text");
  t.columns.push_back(Column("used_pct", "Förbrukat", "Used").with_bar());
  t.columns.emplace_back("budget", "Godkänt", "Approved");
  t.rows.push_back({Cell::of_text(text),
                    Cell::of_percent(core::Percent::from_millionths(used_millionths)),
                    Cell::of_money(core::Money::from_kronor(2945000))});
  d.tables.push_back(std::move(t));
  return d;
}

}  // namespace

TEST_CASE("render::percent_bar") {
  CHECK(render::percent_bar(625'000) == "██████░░░░");  // 62.5 % → 6.25 cells, rounded to 6
  CHECK(render::percent_bar(0) == "░░░░░░░░░░");
  CHECK(render::percent_bar(1'000'000) == "██████████");
  CHECK(render::percent_bar(1'500'000) == "██████████");  // clipped at 100 %
  CHECK(render::percent_bar(-10'000) == "░░░░░░░░░░");
  CHECK(render::percent_bar(650'000) == "███████░░░");  // 6.5 cells, half up
}

TEST_CASE("render::render_table draws bars for bar columns only, Markdown none") {
  auto d = doc_with("A3.1", 625'000);
  std::string table = render::render_table(d, render::Lang::sv);
  CHECK(table.find("62,5 % ██████░░░░") != std::string::npos);
  CHECK(table.find("2 945 000") != std::string::npos);
  std::string en = render::render_table(d, render::Lang::en);
  CHECK(en.find("62.5 % ██████░░░░") != std::string::npos);
  CHECK(en.find("2,945,000") != std::string::npos);
  CHECK(en.find("Approved") != std::string::npos);
  std::string md = render::render_markdown(d, render::Lang::sv);
  CHECK(md.find("█") == std::string::npos);
  CHECK(md.find("| 62,5 % |") != std::string::npos);
}

TEST_CASE("render::render_csv keeps a formula-like ledger text as text") {
  auto d = doc_with("=HYPERLINK(\"x\")", 0);
  std::string csv = render::render_csv(d, render::CsvDialect::rfc4180);
  CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
  std::string sv = render::render_csv(doc_with("@SUM(A1)", 0), render::CsvDialect::excel_sv);
  CHECK(sv.find(";'@SUM(A1);") == std::string::npos);  // the text is the first column
  CHECK(sv.find("\r\n'@SUM(A1);") != std::string::npos);
  CHECK(render::looks_like_formula("=1+1"));
  CHECK(render::looks_like_formula("+46 40 123"));
  CHECK(render::looks_like_formula("-5"));
  CHECK(render::looks_like_formula("\tx"));
  CHECK_FALSE(render::looks_like_formula("Lön juni"));
  CHECK_FALSE(render::looks_like_formula(""));
}

TEST_CASE("render::render_json of a bundle nests each section's own document") {
  reports::Bundle b;
  b.header = doc_with("x", 0);
  b.header.report = "report";
  b.header.tables.clear();
  b.header.diagnostics.warning("test.rule", "a finding");
  auto section = doc_with("A3.1", 500'000);
  b.sections.emplace_back("first", section);
  b.sections.emplace_back("second", section);
  std::string json = render::render_json(b);
  CHECK(json.find("\"schema\": \"grantkit/report/2\"") == json.find("\"schema\""));
  CHECK(json.find("\"sections\": {\n    \"first\": {\n      \"schema\": \"grantkit/test/1\"") !=
        std::string::npos);
  CHECK(json.find("\"second\": {") != std::string::npos);
  CHECK(json.find("\"used_pct\": 50") != std::string::npos);
  CHECK(json.find("\"rule\": \"test.rule\"") != std::string::npos);
}
