// CSV ledger sources in their Swedish dialects (hand-written files under tests/data/csv/), each
// read to the figures a hand calculation gives; and the account plan applied to rows without a
// category.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <numeric>

#include <grantkit/check/rules.hpp>
#include <grantkit/core/file.hpp>
#include <grantkit/io/csv.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/project_loader.hpp>

#include "support.hpp"

using namespace grantkit;
using core::Money;
using test::count_rule;
using test::replaced;
using test::TempDir;

namespace {

std::string data_file(const std::string& name) {
  return std::string(GRANTKIT_SOURCE_DIR) + "/tests/data/csv/" + name;
}

// The small valid project with `sources:` replaced by `source` (YAML list items, indented 4).
model::Project project_with(const TempDir& dir, const std::string& source, core::Diagnostics& d) {
  dir.write("project.yaml",
            replaced(test::kValidProject, "    - {path: \"ledger/*.csv\", format: csv}\n", source));
  auto p = io::load_project(dir.path(), test::data_dir(), d);
  REQUIRE(p);
  return *p;
}

io::LedgerLoad load(const std::string& source, core::Diagnostics& d) {
  TempDir dir;
  auto p = project_with(dir, source, d);
  return io::read_ledger(p, test::data_dir(), d);
}

std::string all(const core::Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items()) out += core::format_diagnostic(x) + "\n";
  return out;
}

Money sum(const std::vector<model::Transaction>& rows) {
  Money m;
  for (const auto& t : rows) m += t.amount;
  return m;
}

core::Date day(const char* iso) {
  return *core::parse_iso_date(iso);
}

}  // namespace

TEST_CASE(
    "io::read_ledger: Windows-1252, semicolon, decimal comma, thousands '.' (thousands_dot.csv)") {
  std::string source =
      "    - path: \"" + data_file("thousands_dot.csv") +
      "\"\n      allow_outside: true\n"
      "      encoding: windows-1252\n"
      "      decimal: \",\"\n"
      "      thousands: \".\"\n"
      "      columns: {date: Bokföringsdatum, voucher: Ver.nr, account: Konto, account_name: "
      "Kontonamn,\n"
      "                amount: Belopp, text: Text, category: Kostnadsslag, activity: Aktivitet}\n";
  core::Diagnostics d;
  auto l = load(source, d);
  INFO(all(d));
  CHECK(d.empty());
  REQUIRE(l.rows.size() == 3);
  // 1.234,50 + 12.000 − 234,50 = 13 000,00 kr.
  CHECK(l.rows[0].amount == Money::from_ore(123450));
  CHECK(l.rows[1].amount == Money::from_kronor(12000));
  CHECK(l.rows[2].amount == Money::from_ore(-23450));
  CHECK(sum(l.rows) == Money::from_kronor(13000));
  CHECK(l.rows[2].date == day("2022-03-03"));  // 20220303
  CHECK(l.rows[0].text == "Konsult Öresund");  // 0xD6 in Windows-1252
  CHECK(l.rows[1].text == "Tåg och hotell, Älmhult");
  CHECK(l.rows[2].text == "Kreditnota; Åkersberg");  // a quoted delimiter
  CHECK(l.rows[0].account_name == "Konsultarvoden");
  CHECK(l.rows[0].place.line == 2);
  REQUIRE(l.files.size() == 1);
  const auto& f = l.files[0];
  CHECK(f.encoding == "windows-1252");
  CHECK(f.rows == 3);
  CHECK(f.vouchers == 3);
  CHECK(f.transactions == 3);
  CHECK(f.period->iso() == "2022-03-01..2022-03-03");
  REQUIRE(f.accounts.size() == 2);
  CHECK(f.accounts[0].account == "5810");
  CHECK(f.accounts[1].sum == Money::from_kronor(1000));  // 6550: 1 234,50 − 234,50

  // Without `thousands: "."` the dot is no group mark: both grouped amounts are refused.
  core::Diagnostics d2;
  auto l2 = load(replaced(source, "      thousands: \".\"\n", ""), d2);
  CHECK(l2.rows.size() == 1);
  CHECK(count_rule(d2, "ledger.amount") == 2);
  CHECK(l2.unreadable.size() == 2);
}

TEST_CASE(
    "io::read_ledger: UTF-8 with BOM, spaces and no-break spaces group thousands "
    "(thousands_space.csv)") {
  core::Diagnostics d;
  auto l = load("    - {path: \"" + data_file("thousands_space.csv") +
                    "\", allow_outside: true, format: csv}\n",
                d);
  INFO(all(d));
  CHECK(d.empty());
  REQUIRE(l.rows.size() == 2);
  CHECK(l.rows[0].amount == Money::from_ore(123450));    // "1 234.50"
  CHECK(l.rows[1].amount == Money::from_kronor(12000));  // "12 000.00" with U+00A0
  CHECK(l.rows[0].date == day("2022-03-01"));            // the BOM did not hide the `date` header
  CHECK(l.rows[1].text == "Tåg och hotell, Älmhult");
}

TEST_CASE("io::read_ledger: separate debit and credit columns, tab-separated (debit_credit.csv)") {
  core::Diagnostics d;
  auto l = load("    - path: \"" + data_file("debit_credit.csv") +
                    "\"\n      allow_outside: true\n"
                    "      decimal: \",\"\n"
                    "      columns: {date: Datum, voucher: Verifikation, account: Konto, debit: "
                    "Debet, credit: Kredit,\n"
                    "                text: Text, category: Kostnadsslag}\n",
                d);
  INFO(all(d));
  CHECK(d.empty());
  REQUIRE(l.rows.size() == 3);
  // debit − credit: 500,00 − 0; 0 − 100,00; 0,00 − 250,50. Sum 149,50 kr.
  CHECK(l.rows[0].amount == Money::from_kronor(500));
  CHECK(l.rows[1].amount == Money::from_kronor(-100));
  CHECK(l.rows[2].amount == Money::from_ore(-25050));
  CHECK(sum(l.rows) == Money::from_ore(14950));
  CHECK(l.rows[1].text == "Återbetalning");
}

TEST_CASE("io::read_ledger: UTF-16LE with a BOM (utf16.csv)") {
  core::Diagnostics d;
  auto l = load(
      "    - {path: \"" + data_file("utf16.csv") + "\", allow_outside: true, format: csv}\n", d);
  INFO(all(d));
  CHECK(d.empty());
  REQUIRE(l.rows.size() == 2);
  CHECK(l.rows[0].text == "Möte i Älmhult");
  CHECK(sum(l.rows) == Money::from_ore(125025));  // 1 000,00 + 250,25
  CHECK(l.files.at(0).encoding == "utf-16le");
  CHECK(l.rows[1].place.line == 3);
}

TEST_CASE(
    "io::read_ledger: short rows, bad amounts, bad dates and long rows are errors and excluded "
    "(bad_rows.csv)") {
  core::Diagnostics d;
  auto l = load(
      "    - {path: \"" + data_file("bad_rows.csv") + "\", allow_outside: true, format: csv}\n", d);
  // Good: line 2 (100,00) and line 7 (500,00: trailing empty fields are harmless).
  REQUIRE(l.rows.size() == 2);
  CHECK(sum(l.rows) == Money::from_kronor(600));
  REQUIRE(l.unreadable.size() == 4);
  struct Want {
    const char* rule;
    int line;
    int column;
  };
  std::vector<Want> want = {{"csv.short-row", 3, 4},  // the first missing field
                            {"ledger.amount", 4, 3},
                            {"ledger.date", 5, 1},
                            {"csv.long-row", 6, 6}};
  for (std::size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    CHECK(l.unreadable[i].rule == want[i].rule);
    CHECK(l.unreadable[i].transaction.place.line == want[i].line);
    CHECK(l.unreadable[i].transaction.place.file == data_file("bad_rows.csv"));
    const auto& diag = d.items().at(i);
    CHECK(diag.rule == want[i].rule);
    CHECK(diag.severity == core::Severity::error);
    CHECK(diag.place.line == want[i].line);
    CHECK(diag.place.column == want[i].column);
  }
  CHECK(l.files.at(0).unreadable == 4);
  // The formatted diagnostic names file:line:col.
  CHECK(
      core::format_diagnostic(d.items()[1]).rfind(data_file("bad_rows.csv") + ":4:3: error:", 0) ==
      0);
}

TEST_CASE(
    "io::read_ledger: the account plan gives rows without a category theirs (plan_only.csv, BAS)") {
  std::string source = "    - {path: \"" + data_file("plan_only.csv") +
                       "\", allow_outside: true, format: csv, decimal: \",\", accounts: bas}\n";
  core::Diagnostics d;
  TempDir dir;
  auto p = project_with(dir, source, d);
  auto l = io::read_ledger(p, test::data_dir(), d);
  INFO(all(d));
  CHECK(d.empty());
  REQUIRE(l.rows.size() == 6);
  using K = model::AccountKind;
  CHECK(l.rows[0].category == "resor_och_logi");  // BAS 58 Resekostnader
  CHECK(l.rows[0].account_kind == K::cost);
  CHECK(l.rows[1].category == "schablonkostnader");  // BAS 75 sociala avgifter
  CHECK(l.rows[2].account_kind == K::financial);     // BAS 84 räntekostnader
  CHECK(l.rows[3].account_kind == K::vat);           // BAS 264 ingående moms
  CHECK(l.rows[4].account_kind == K::balance);       // BAS 1930
  CHECK(l.rows[5].category.empty());                 // BAS 78 avskrivningar: the project decides
  // Through the eligibility rules: 1 000 kr of travel is eligible, each other row excluded by its
  // rule.
  core::Diagnostics c;
  auto out = check::classify_outcome(p, l.rows, c);
  REQUIRE(out.costs.size() == 1);
  CHECK(out.costs[0].amount == Money::from_kronor(1000));
  std::vector<std::string> rules;
  for (const auto& e : out.excluded) rules.push_back(e.rule);
  CHECK(rules == std::vector<std::string>{"ledger.covered-by-flat-rate", "ledger.financial-cost",
                                          "ledger.vat", "ledger.not-a-cost",
                                          "ledger.unmapped-account"});
  CHECK(count_rule(c, "ledger.unmapped-account") == 1);
  CHECK(c.has_errors());  // an unmapped account is an error (FORMATS.md)
}

TEST_CASE("io::read_ledger: a source's account_map wins over the plan") {
  std::string source = "    - path: \"" + data_file("plan_only.csv") +
                       "\"\n      allow_outside: true\n"
                       "      decimal: \",\"\n"
                       "      accounts: bas\n"
                       "      account_map: {\"7800-7899\": investeringar_materiel_lokaler, "
                       "\"5810\": ovriga_kostnader, "
                       "\"2641\": not_cost}\n";
  core::Diagnostics d;
  auto l = load(source, d);
  INFO(all(d));
  CHECK(d.empty());
  REQUIRE(l.rows.size() == 6);
  CHECK(l.rows[0].category == "ovriga_kostnader");
  CHECK(l.rows[3].account_kind == model::AccountKind::other);
  CHECK(l.rows[5].category == "investeringar_materiel_lokaler");
}

TEST_CASE("io::read_ledger: an unknown account plan is ref.unknown") {
  core::Diagnostics d;
  auto l = load("    - {path: \"" + data_file("plan_only.csv") +
                    "\", allow_outside: true, format: csv, decimal: \",\", accounts: nobas}\n",
                d);
  CHECK(count_rule(d, "ref.unknown") == 1);
  CHECK(count_rule(d, "csv.missing-column") == 1);  // no category column and no plan to give one
  CHECK(l.rows.empty());
}

TEST_CASE("io::to_utf8 gives the line and column of the first byte it cannot read") {
  io::TextPosition at;
  auto r = io::to_utf8("date;text\r\n2022-01-01;Malm\xF6\n", "utf-8", &at);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("F6") != std::string::npos);
  CHECK(at.line == 2);
  CHECK(at.column == 16);
  io::TextPosition after_utf8;  // a UTF-8 letter before the bad byte is one column
  CHECK_FALSE(io::to_utf8("\xEF\xBB\xBF\xC3\xA5\x80", "utf-8", &after_utf8).ok());
  CHECK(after_utf8.line == 1);
  CHECK(after_utf8.column == 2);
  io::TextPosition cr;  // CR-only line ends count as lines
  CHECK_FALSE(io::to_utf8("a\rb\r\xFF", "utf-8", &cr).ok());
  CHECK(cr.line == 3);
  io::TextPosition cp1252;  // 0x81 is no character in Windows-1252
  CHECK_FALSE(io::to_utf8("a;b\n\xE5\x81", "windows-1252", &cp1252).ok());
  CHECK(cp1252.line == 2);
  CHECK(cp1252.column == 2);
}

TEST_CASE("io::CsvReader: an unterminated quote names the line and field where it opened") {
  io::CsvReader reader("a,b,c\n1,2,3\n4,\"five\n6,7\n", ',');
  io::CsvRecord rec;
  CHECK(reader.next(rec));
  CHECK(reader.next(rec));
  CHECK_FALSE(reader.next(rec));
  CHECK_FALSE(reader.error().empty());
  CHECK(reader.error_line() == 3);
  CHECK(reader.error_column() == 2);
}

TEST_CASE("io::CsvReader: a quoted field keeps its bytes, a CR stays a CR and a CRLF a CRLF") {
  io::CsvReader reader("id,text\n\"a\rb\",\"x\r\ny\"\n\"c\"\"\rd\",z\n", ',');
  io::CsvRecord rec;
  REQUIRE(reader.next(rec));
  REQUIRE(reader.next(rec));
  CHECK(rec.fields[0] == "a\rb");
  CHECK(rec.fields[1] == "x\r\ny");
  CHECK(rec.line == 2);
  REQUIRE(reader.next(rec));
  CHECK(rec.fields[0] == "c\"\rd");  // unescaped into storage: still a CR
  CHECK(rec.line == 5);              // the CR and the CRLF above each ended a line
}

TEST_CASE(
    "io::read_ledger: a missing mapped column is one message with its place, and the file is not "
    "read") {
  TempDir dir;
  dir.write("ledger/x.csv", "Datum,Summa,Kostnadsslag\n2022-03-01,100.00,personal\n");
  core::Diagnostics d;
  auto p =
      project_with(dir,
                   "    - {path: \"ledger/*.csv\", format: csv, columns: {date: Datum, amount: "
                   "Belopp, category: Kostnadsslag}}\n",
                   d);
  auto l = io::read_ledger(p, test::data_dir(), d);
  INFO(all(d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].rule == "csv.missing-column");
  CHECK(d.items()[0].message.find("'Belopp'") != std::string::npos);
  CHECK(d.items()[0].place.line == 1);
  CHECK(d.items()[0].place.column == 1);
  CHECK(d.has_unreadable());
  CHECK(l.rows.empty());
}

TEST_CASE("io::read_ledger: a FIFO matched by the ledger glob is io.not-a-file, never opened") {
  TempDir dir;
  core::Diagnostics d;
  auto p = project_with(dir, "    - {path: \"ledger/*.csv\", format: csv}\n", d);
  dir.write("ledger/a.csv", "date,amount,category,activity\n2021-07-01,1000,personal,A1\n");
  REQUIRE(::mkfifo(dir.file("ledger/b.csv").c_str(), 0600) == 0);
  // Opening the FIFO for reading would block forever: nothing writes to it.
  auto read = io::read_ledger(p, test::data_dir(), d);
  CHECK(count_rule(d, "io.not-a-file") == 1);
  CHECK(d.has_unreadable());
  CHECK(all(d).find("b.csv: error: the source file is a FIFO (named pipe)") != std::string::npos);
  // The regular file beside it is read.
  REQUIRE(read.rows.size() == 1);
  CHECK(read.rows[0].amount == Money::from_kronor(1000));
}

TEST_CASE("io::read_ledger: a regular ledger file gives no io.not-a-file") {
  TempDir dir;
  core::Diagnostics d;
  auto p = project_with(dir, "    - {path: \"ledger/*.csv\", format: csv}\n", d);
  dir.write("ledger/a.csv", "date,amount,category,activity\n2021-07-01,1000,personal,A1\n");
  auto read = io::read_ledger(p, test::data_dir(), d);
  CHECK(count_rule(d, "io.not-a-file") == 0);
  CHECK(read.rows.size() == 1);
}

TEST_CASE("core::path_kind tells regular files, folders, FIFOs and missing paths apart") {
  TempDir dir;
  dir.write("f", "x");
  REQUIRE(::mkfifo(dir.file("p").c_str(), 0600) == 0);
  CHECK(core::path_kind(dir.file("f")) == core::PathKind::regular);
  CHECK(core::path_kind(dir.path()) == core::PathKind::directory);
  CHECK(core::path_kind(dir.file("p")) == core::PathKind::other);
  CHECK(core::path_kind(dir.file("none")) == core::PathKind::missing);
  CHECK(core::path_kind_name(dir.file("p")) == "a FIFO (named pipe)");
}
