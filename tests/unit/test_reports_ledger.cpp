// `grantkit ledger`'s report: per file and account what was read, excluded rows by rule; and
// Å Ä Ö from CP437 (SIE), Windows-1252 and UTF-8 (CSV) inputs coming out right in every format.
#include <doctest/doctest.h>

#include <grantkit/check/rules.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/render/render.hpp>
#include <grantkit/reports/ledger.hpp>

#include "support.hpp"

using namespace grantkit;
using core::Money;
using test::TempDir;

namespace {

std::string data(const std::string& rel) {
  return std::string(GRANTKIT_SOURCE_DIR) + "/tests/data/" + rel;
}

struct Built {
  model::Project project;
  reports::Document doc;
};

// A project reading basic.se (CP437; selecting project P2, so that its rows are all excluded
// and listed with their texts), names_1252.csv (Windows-1252) and names_utf8.csv (UTF-8).
Built build() {
  TempDir dir;
  std::string sources =
      "    - {path: \"" + data("sie/basic.se") +
      "\", allow_outside: true, format: sie, accounts: bas, activity_dimension: 20, project: "
      "{dimension: 6, object: P2}}\n"
      "    - {path: \"" +
      data("csv/names_1252.csv") +
      "\", allow_outside: true, format: csv, encoding: windows-1252, decimal: \",\",\n"
      "       columns: {date: Datum, account: Konto, account_name: Kontonamn, "
      "amount: Belopp, text: Text,\n"
      "                 category: Kostnadsslag}}\n"
      "    - {path: \"" +
      data("csv/names_utf8.csv") + "\", allow_outside: true, format: csv}\n";
  dir.write("project.yaml",
            test::replaced(test::kValidProject, "    - {path: \"ledger/*.csv\", format: csv}\n",
                           sources));
  core::Diagnostics d;
  auto p = io::load_project(dir.path(), test::data_dir(), d);
  REQUIRE(p);
  auto l = io::read_ledger(*p, test::data_dir(), d);
  auto outcome = check::classify_outcome(*p, std::move(l.rows), d);
  for (auto& e : l.unreadable) outcome.excluded.push_back(std::move(e));
  reports::LedgerOptions o;
  o.as_of = test::date("2022-11-30");
  return {*p, reports::ledger_report(*p, l.files, outcome, o)};
}

const reports::Table& table(const reports::Document& doc, const std::string& key) {
  for (const auto& t : doc.tables) {
    if (t.key == key) return t;
  }
  FAIL("no table " << key);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("reports::ledger_report: files, accounts and excluded rows by rule") {
  auto b = build();
  const auto& doc = b.doc;
  CHECK(doc.report == "ledger");
  CHECK(doc.tables.front().key == "accounts");  // CSV shows the first table
  const auto& files = table(doc, "files");
  REQUIRE(files.rows.size() == 3);
  // basic.se: 6 rows in 3 vouchers, 3 of them outcome rows, all on another project than P2.
  const auto& sie = files.rows[0];
  CHECK(sie[1].text == "sie");
  CHECK(sie[2].text == "cp437");
  CHECK(sie[3].number == 6);
  CHECK(sie[4].number == 3);
  CHECK(sie[6].text == "2022-01-10");
  CHECK(sie[7].text == "2022-02-25");
  CHECK(sie[8].number == 3);
  CHECK(sie[9].number == 0);
  CHECK(sie[10].number == 3);
  // names_1252.csv: one row before the eligible period (excluded), one eligible.
  CHECK(files.rows[1][2].text == "windows-1252");
  CHECK(files.rows[1][9].number == 1);
  CHECK(files.rows[1][10].number == 1);
  REQUIRE(files.total);
  CHECK((*files.total)[3].number == 6 + 2 + 1);
  const auto& by_rule = table(doc, "excluded_by_rule");
  REQUIRE(by_rule.rows.size() == 3);
  CHECK(by_rule.rows[0][1].text == "ledger.not-this-project");
  CHECK(by_rule.rows[0][2].number == 3);
  // 486,00 + 11 441,20 + 25 700,00 = 37 627,20 kr
  CHECK(by_rule.rows[0][3].money() == Money::from_ore(3762720));
  CHECK(by_rule.rows[1][1].text == "ledger.outside-eligible-period");
  CHECK((*by_rule.total)[3].money() == Money::from_ore(3762720 + 10000 + 30000));
  const auto& accounts = table(doc, "accounts");
  CHECK(accounts.rows.size() == 5 + 2 + 1);
  const auto& excluded = table(doc, "excluded");
  CHECK(excluded.rows.size() == 5);
  CHECK(excluded.rows[0][1].number == 20);  // the SIE line
}

TEST_CASE(
    "reports::ledger_report: Å Ä Ö from CP437, Windows-1252 and UTF-8 come out right in every "
    "format") {
  auto b = build();
  // Account names (in every table format, CSV included) and row texts (where rows are listed).
  const std::vector<std::string> names = {"Företagskonto", "Leverantörsskulder",  // CP437 (SIE)
                                          "Övriga externa kostnader",             // Windows-1252
                                          "Lokalhyra Ängelholm"};                 // UTF-8
  const std::vector<std::string> texts = {"Konsultarvode, Öresund", "Tåg Malmö-Lund",  // CP437
                                          "Lunch på Åkersberg, förmöte",  // Windows-1252
                                          "Möte före start i Åhus"};      // UTF-8
  auto has_all = [](const std::string& out, const std::vector<std::string>& words) {
    for (const auto& w : words) {
      CAPTURE(w);
      CHECK(out.find(w) != std::string::npos);
    }
  };
  std::string json = render::render_json(b.doc);
  has_all(json, names);
  has_all(json, texts);
  has_all(render::render_csv(b.doc, render::CsvDialect::rfc4180), names);
  has_all(render::render_csv(b.doc, render::CsvDialect::excel_sv), names);
  for (auto lang : {render::Lang::sv, render::Lang::en}) {
    std::string table = render::render_table(b.doc, lang);
    has_all(table, names);
    has_all(table, texts);
    std::string md = render::render_markdown(b.doc, lang);
    has_all(md, names);
    has_all(md, texts);
  }
  std::string html = render::render_html(reports::bundle_of(b.doc), render::Lang::sv);
  has_all(html, names);
  has_all(html, texts);
}
