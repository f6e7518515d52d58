// The paperwork of a payment request (CLI.md `paperwork`): Min ansökan's expense rows, staff cost
// rows, time reports, attestations of working-time share, in-kind summaries.
#include <doctest/doctest.h>

#include <grantkit/render/paperwork.hpp>
#include <grantkit/reports/eligible.hpp>
#include <grantkit/reports/paperwork.hpp>

#include "support.hpp"
#include "views.hpp"

using namespace grantkit;
using core::Money;
using core::Month;
using core::Percent;
using core::Period;

namespace {

Period period(const char* from, const char* to) {
  return {test::date(from), test::date(to)};
}

// A booked eligible row of a ledger file: amount in öre.
model::Transaction row(const char* file, const char* iso, const char* voucher, const char* account,
                       std::int64_t ore, const char* text = "text") {
  model::Transaction t = test::cost(iso, "A2", ore);
  t.place.file = file;
  t.voucher = voucher;
  t.account = account;
  t.text = text;
  return t;
}

// The fixture with two ledger sources: the owner's books and the municipality's own.
model::Project two_books() {
  auto p = test::load_fixture();
  p.dir = "P";
  model::SourceSpec owner;
  owner.path = "ledger/owner-*.csv";
  owner.format = "csv";
  model::SourceSpec kommun;
  kommun.path = "ledger/kommunen.csv";
  kommun.format = "csv";
  kommun.organisation = "kommunen";
  p.ledger_sources = {owner, kommun};
  return p;
}

model::StaffEntry staff(const char* id, const char* org, std::int64_t percent_points,
                        std::optional<std::int64_t> salary_kr,
                        model::StaffBasis basis = model::StaffBasis::fixed_percent,
                        model::Funding funding = model::Funding::cash) {
  model::StaffEntry e;
  e.id = id;
  e.role = "Roll";
  e.organisation = org;
  e.percent = Percent::from_points(percent_points);
  e.basis = basis;
  e.funding = funding;
  if (salary_kr) e.monthly_salary = Money::from_kronor(*salary_kr);
  return e;
}

model::TimeEntry hours(const char* person, const char* activity, Month month,
                       std::int64_t minutes) {
  model::TimeEntry t;
  t.person = person;
  t.activity = activity;
  t.month = month;
  t.seconds = minutes * 60;
  return t;
}

}  // namespace

TEST_CASE("reports::expense_lists: one line per voucher and account, one list per organisation") {
  auto p = two_books();
  model::Outcome o;
  o.costs = {
      // A voucher split over two accounts: two lines; its two rows on 7010 summed into one.
      row("P/ledger/owner-2022.csv", "2022-02-09", "RS22-0005", "7010", 300000, "Flyg"),
      row("P/ledger/owner-2022.csv", "2022-02-09", "RS22-0005", "7010", 8600, "Flyg, tillägg"),
      row("P/ledger/owner-2022.csv", "2022-02-09", "RS22-0005", "7020", 257480, "Hotell"),
      // Two rows without a voucher on one account stay two lines.
      row("P/ledger/owner-2022.csv", "2022-03-01", "", "6540", 1000),
      row("P/ledger/owner-2022.csv", "2022-03-02", "", "6540", 2000),
      // The municipality's own books; the same voucher id there is another voucher.
      row("P/ledger/kommunen.csv", "2022-04-12", "RS22-0005", "6150", 745000),
      // Outside the window: not listed.
      row("P/ledger/kommunen.csv", "2022-07-01", "2022-050", "6150", 999),
  };
  o.costs[1].paid = test::date("2022-03-10");
  o.costs[0].paid = test::date("2022-03-01");
  o.costs[2].supplier = "Resebyrån";
  auto lists = reports::expense_lists(p, o, period("2022-01-01", "2022-06-30"));
  REQUIRE(lists.size() == 2);
  CHECK(lists[0].organisation == "region-test");  // the owner first
  CHECK(lists[0].organisation_name == "Region Test");
  CHECK(lists[1].organisation == "kommunen");
  CHECK(lists[1].organisation_name == "Testkommun");
  const auto& owner = lists[0].lines;
  REQUIRE(owner.size() == 4);
  CHECK(owner[0].voucher == "RS22-0005");
  CHECK(owner[0].account == "7010");
  CHECK(owner[0].amount == Money::from_ore(308600));
  CHECK(owner[0].rows == 2);
  CHECK(owner[0].text == "Flyg");
  CHECK(owner[0].paid == test::date("2022-03-10"));  // the latest payment of its rows
  CHECK(owner[1].account == "7020");
  CHECK(owner[1].amount == Money::from_ore(257480));
  CHECK(owner[1].supplier == "Resebyrån");
  CHECK(owner[2].amount == Money::from_ore(1000));
  CHECK(owner[3].amount == Money::from_ore(2000));
  CHECK(lists[0].total == Money::from_ore(308600 + 257480 + 3000));
  REQUIRE(lists[1].lines.size() == 1);
  CHECK(lists[1].total == Money::from_ore(745000));
  // A row whose file no source names goes to the owner.
  o.costs = {row("elsewhere.csv", "2022-02-01", "X1", "6540", 100)};
  lists = reports::expense_lists(p, o, period("2022-01-01", "2022-06-30"));
  CHECK(lists[0].lines.size() == 1);
  CHECK(lists[1].lines.empty());
}

TEST_CASE("reports::ledger_source_of matches the row's file against each source's glob") {
  auto p = two_books();
  model::Transaction t;
  t.place.file = "P/ledger/owner-2021.csv";
  CHECK(reports::ledger_source_of(p, t) == &p.ledger_sources[0]);
  t.place.file = "P/ledger/kommunen.csv";
  CHECK(reports::ledger_source_of(p, t) == &p.ledger_sources[1]);
  t.place.file = "P/ledger/sub/owner-2021.csv";  // `*` does not cross a folder
  CHECK(reports::ledger_source_of(p, t) == nullptr);
  CHECK(reports::source_organisation(p, p.ledger_sources[0]) == "region-test");
  CHECK(reports::source_organisation(p, p.ledger_sources[1]) == "kommunen");
}

TEST_CASE("reports::hourly_rate: salary × 12 / 1 720, indexed only when the programme says so") {
  auto p = test::load_fixture();
  auto e = staff("handlaggare", "region-test", 100, 43000, model::StaffBasis::hourly);
  e.period = period("2021-06-01", "2022-11-30");
  // erdf-2014-2020 has no index: 43 000 × 12 / 1 720 = 300 kr/h throughout.
  CHECK(reports::hourly_rate(p, e, {2021, 6}) == Money::from_kronor(300));
  CHECK(reports::hourly_rate(p, e, {2022, 11}) == Money::from_kronor(300));
  CHECK(reports::hourly_rate_index_steps(p, e, {2022, 11}) == 0);
  // 2.4 % every 12 months from the person's start (2021-06): raised in 2022-06, compounded in
  // 2023-06.
  p.programme.hourly_rate_index = *core::parse_percent("2.4%");
  CHECK(reports::hourly_rate_index_steps(p, e, {2022, 5}) == 0);
  CHECK(reports::hourly_rate_index_steps(p, e, {2022, 6}) == 1);
  CHECK(reports::hourly_rate(p, e, {2022, 5}) == Money::from_kronor(300));
  // The unit cost itself is raised (Handbok 2021–2027: "räkna upp den var tolfte månad").
  CHECK(reports::hourly_rate(p, e, {2022, 6}) == Money::from_ore(30720));  // 300 × 1.024
  CHECK(reports::hourly_rate(p, e, {2023, 6}) ==
        Money::from_ore(31457));  // 307.20 × 1.024 = 314.5728, down
  e.monthly_salary.reset();
  CHECK_FALSE(reports::hourly_rate(p, e, {2022, 6}));
}

TEST_CASE("reports::staff_cost_rows: fixed share × salary, hourly reported hours × rate") {
  auto p = test::load_fixture();
  auto lead = staff("processledare", "region-test", 50, 40000);
  auto hourly = staff("utredare", "region-test", 20, 43000, model::StaffBasis::hourly);
  hourly.period = period("2021-09-01", "2022-11-30");
  auto nosalary = staff("kontaktperson", "kommunen", 20, std::nullopt,
                        model::StaffBasis::fixed_percent, model::Funding::in_kind);
  p.staff = {lead, hourly, nosalary};
  std::vector<model::TimeEntry> time = {
      hours("utredare", "A2", {2022, 1}, 600), hours("utredare", "A2", {2022, 2}, 90),
      hours("utredare", "A9", {2022, 2}, 6000),   // not a project activity
      hours("utredare", "A2", {2022, 7}, 6000)};  // outside the window
  auto rows = reports::staff_cost_rows(p, time, period("2022-01-01", "2022-06-30"));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].person == "processledare");
  CHECK(rows[0].start == test::date("2021-06-01"));
  CHECK(rows[0].seconds == (6 * 4300) * 60);             // 50 % × 143 h 20 min × 6
  CHECK(rows[0].cost == Money::from_kronor(120000));     // 50 % × 40 000 × 6
  CHECK(rows[0].hourly_rate == Money::from_ore(27906));  // 40 000 × 12 / 1 720 = 279.069…
  CHECK(rows[1].seconds == (690) * 60);
  CHECK(rows[1].cost == Money::from_kronor(3450));  // 11.5 h × 300 kr
  CHECK(rows[1].start == test::date("2021-09-01"));
  CHECK_FALSE(rows[2].cost);  // no salary: unknown, not 0
  CHECK(rows[2].funding == model::Funding::in_kind);
  // With the index, a window across the person's anniversary gives one row per rate.
  p.programme.hourly_rate_index = *core::parse_percent("2.4%");
  time.push_back(hours("utredare", "A2", {2022, 10}, 60));
  rows = reports::staff_cost_rows(p, time, period("2022-07-01", "2022-12-31"));
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].person == "utredare");
  CHECK(rows[1].period == period("2022-07-01", "2022-08-31"));
  CHECK(rows[1].cost == Money::from_kronor(30000));  // 100 h × 300
  CHECK(rows[2].period == period("2022-09-01", "2022-11-30"));
  CHECK(rows[2].index_steps == 1);
  CHECK(rows[2].cost == Money::from_ore(30720));  // 1 h × 307.20
}

TEST_CASE("reports::time_sheets: per person and month, project time only") {
  auto p = test::load_fixture();
  p.staff = {staff("processledare", "region-test", 50, 40000)};
  auto day_row = hours("processledare", "A2", {2022, 2}, 90);
  day_row.date = test::date("2022-02-03");
  std::vector<model::TimeEntry> time = {
      hours("processledare", "A2", {2022, 2}, 2400), day_row,
      hours("processledare", "A1", {2022, 2}, 60),   // A1 ended: still project time
      hours("processledare", "A9", {2022, 2}, 999),  // not in the plan
      hours("okand", "A2", {2022, 2}, 999),          // not in staffing
      hours("processledare", "A2", {2022, 4}, 30)};
  auto sheets = reports::time_sheets(p, time, period("2022-01-01", "2022-03-31"));
  REQUIRE(sheets.size() == 1);
  const auto& s = sheets[0];
  CHECK(s.month == Month{2022, 2});
  CHECK(s.seconds == (2400 + 90 + 60) * 60);
  REQUIRE(s.lines.size() == 3);
  CHECK_FALSE(s.lines[0].date);  // month rows first, in plan order
  CHECK(s.lines[0].activity == "A1");
  CHECK(s.lines[1].activity == "A2");
  CHECK(s.lines[2].date == test::date("2022-02-03"));
  CHECK(s.lines[1].activity_name == "Utbildning");
  CHECK(s.planned_seconds == (4300) * 60);
  CHECK(s.organisation_name == "Region Test");
}

TEST_CASE("reports::share_attestations: 1 720 h × share × share of the year") {
  auto p = test::load_fixture();
  auto part = staff("kommunikator", "region-test", 10, 44000);
  part.period = period("2022-03-15", "2022-11-30");
  p.staff = {staff("processledare", "region-test", 50, 40000), part,
             staff("utredare", "region-test", 20, 43000, model::StaffBasis::hourly)};
  auto list = reports::share_attestations(p, period("2022-01-01", "2022-06-30"));
  REQUIRE(list.size() == 2);  // hourly staff attest hours, not a share
  CHECK(list[0].year_share == Percent::from_points(50));
  CHECK(list[0].implied_seconds == (25800) * 60);  // 1 720 h × 50 % × 50 % = 430 h
  CHECK(list[0].staffing_period == period("2021-06-01", "2022-11-30"));
  CHECK(list[1].period == period("2022-03-15", "2022-06-30"));
  // March 2022 has 23 working days, 13 of them from the 15th: 8 600 × 13 / 23 = 4 860 min, + 3
  // months.
  std::int64_t full = 8600 * 13 / 23 + 3 * 8600;
  CHECK(list[1].implied_seconds == (full / 10) * 60);
  CHECK(list[1].year_share == Percent::from_millionths(full * Percent::kWhole / (1720 * 60)));
}

TEST_CASE("reports::in_kind_summaries: what the claim counts, per co-financier") {
  auto p = test::load_fixture();
  auto kontakt = staff("kontaktperson", "kommunen", 20, 30000, model::StaffBasis::fixed_percent,
                       model::Funding::in_kind);
  kontakt.period = period("2021-09-01", "2022-11-30");
  p.staff = {staff("processledare", "region-test", 50, 40000), kontakt};
  model::Outcome o;
  Period window = period("2022-01-01", "2022-06-30");
  auto list = test::in_kind_summaries(p, o, window);
  REQUIRE(list.size() == 1);
  const auto& s = list[0];
  CHECK(s.financier == "kommunen");
  REQUIRE(s.persons.size() == 1);
  CHECK(s.persons[0].seconds == (6 * 1720) * 60);
  CHECK(s.persons[0].value == Money::from_kronor(36000));  // 20 % × 30 000 × 6
  CHECK(s.staff_value == Money::from_kronor(36000));
  CHECK(s.payroll_overhead == Money::from_ore(1628640));  // 45.24 % of 36 000
  CHECK(s.overhead_rate == *core::parse_percent("45.24%"));
  CHECK(s.total == s.staff_value + s.payroll_overhead);
  // Exactly the in-kind lines the claim counts.
  Money claimed;
  for (const auto& l : reports::eligible_costs(p, o, window)) {
    if (l.source == reports::CostSource::in_kind && l.financier == "kommunen") claimed += l.amount;
  }
  CHECK(claimed == s.total);
}

TEST_CASE("reports::paperwork: findings") {
  auto p = test::load_fixture();
  model::Outcome o;
  auto w =
      *reports::make_window(p, test::date("2023-03-31"), *core::parse_period_expression("2022-H1"),
                            test::date("2030-01-01"));
  p.staff = {staff("processledare", "region-test", 50, 40000)};
  auto pw = test::paperwork(p, o, {}, {}, w);
  CHECK(test::count_rule(pw.diagnostics, "paperwork.no-salary") == 0);
  CHECK(test::count_rule(pw.diagnostics, "ref.unknown") == 0);
  CHECK(pw.case_id == "0012345");
  p.staff.push_back(staff("kontaktperson", "kommunen", 20, std::nullopt));
  model::SourceSpec s;
  s.path = "ledger/x.csv";
  s.organisation = "okand";
  p.ledger_sources.push_back(s);
  pw = test::paperwork(p, o, {}, {}, w);
  CHECK(test::count_rule(pw.diagnostics, "paperwork.no-salary") == 1);
  CHECK(test::count_rule(pw.diagnostics, "ref.unknown") == 1);
  // Not a request period: the claim's own rule.
  auto seven = *reports::make_window(p, test::date("2023-03-31"),
                                     *core::parse_period_expression("2022-01-01..2022-07-31"),
                                     test::date("2030-01-01"));
  CHECK(test::count_rule(test::paperwork(p, o, {}, {}, seven).diagnostics, "claim.period") == 1);
}

TEST_CASE("render::render_expense_csv: Min ansökan's columns in the Swedish Excel dialect") {
  reports::ExpenseList list;
  list.lines.push_back({"RS22-0005", "Flyg; t/r", test::date("2022-02-09"),
                        test::date("2022-03-01"), "7010", "Resekostnader", "Resebyrån",
                        Money::from_ore(345840), 1});
  list.lines.push_back({"=cmd", "-Kreditfaktura", test::date("2022-02-14"), std::nullopt, "", "",
                        "", Money::from_ore(-575000), 1});
  std::string sv = render::render_expense_csv(list, render::CsvDialect::excel_sv);
  CHECK(sv ==
        "\xEF\xBB\xBFVer.nr;Ver.text;Bokförd;Betalad;Konto;Kontonamn;Leverantör;Belopp\r\n"
        "RS22-0005;\"Flyg; t/r\";2022-02-09;2022-03-01;7010;Resekostnader;Resebyrån;3458,40\r\n"
        "'=cmd;'-Kreditfaktura;2022-02-14;;0;;;-5750,00\r\n");
  std::string rfc = render::render_expense_csv(list, render::CsvDialect::rfc4180);
  CHECK(rfc ==
        "Ver.nr,Ver.text,Bokförd,Betalad,Konto,Kontonamn,Leverantör,Belopp\r\n"
        "RS22-0005,Flyg; t/r,2022-02-09,2022-03-01,7010,Resekostnader,Resebyrån,3458.40\r\n"
        "'=cmd,'-Kreditfaktura,2022-02-14,,0,,,-5750.00\r\n");
}

TEST_CASE("render::file_name_part") {
  CHECK(render::file_name_part("kontaktperson-malmo") == "kontaktperson-malmo");
  CHECK(render::file_name_part("kontaktperson-malmö") == "kontaktperson-malmo");
  CHECK(render::file_name_part("Åsa/../x y") == "Asa-..-x-y");
  CHECK(render::file_name_part("..") == "x");
}

TEST_CASE("render::paperwork_files: names, one expense file per organisation, escaped pages") {
  reports::Paperwork pw;
  pw.project_name = "<script>alert(1)</script>";
  pw.period = period("2022-01-01", "2022-06-30");
  pw.expenses = {{"region-test", "Region Test", {}, Money()}};
  reports::InKindSummary s;
  s.financier = "kommunen";
  s.financier_name = "Testkommun";
  pw.in_kind = {s};
  auto files = render::paperwork_files(pw, render::CsvDialect::excel_sv);
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.name);
  CHECK(names == std::vector<std::string>{"index.html", "utgifter.csv", "personalkostnader.csv",
                                          "bidrag-i-annat-an-pengar-kommunen.html"});
  for (const auto& f : files) CHECK(f.bytes.find("<script>") == std::string::npos);
  pw.expenses.push_back({"kommunen", "Testkommun", {}, Money()});
  files = render::paperwork_files(pw, render::CsvDialect::excel_sv);
  CHECK(files[1].name == "utgifter-region-test.csv");
  CHECK(files[2].name == "utgifter-kommunen.csv");
}

TEST_CASE("io::load_programme: indicator_behind and hourly_rate_index") {
  test::TempDir dir;
  std::string base = R"(schema: grantkit/programme/1
id: test-2021-2027
categories:
  - {id: personal, sv: Personal, en: Staff, kind: cost}
indicator_behind: {points: 30%, near_end: 80%, source: "test"}
)";
  core::Diagnostics d;
  auto prog = io::load_programme(dir.write("a.yaml", base), d);
  REQUIRE(prog);
  CHECK(d.empty());
  CHECK(prog->indicator_behind_points == Percent::from_points(30));
  CHECK(prog->indicator_near_end == Percent::from_points(80));
  CHECK_FALSE(prog->hourly_rate_index);  // none unless the rule set says so
  prog = io::load_programme(
      dir.write("b.yaml",
                base + "hourly_rate_index: {percent: 2.4%, every_months: 12, source: \"test\"}\n"),
      d);
  REQUIRE(prog);
  CHECK(d.empty());
  CHECK(prog->hourly_rate_index == *core::parse_percent("2.4%"));
  CHECK(prog->hourly_rate_index_months == 12);
  io::load_programme(
      dir.write("c.yaml", base + "hourly_rate_index: {percent: 2.4%, every_months: 0}\n"), d);
  CHECK(test::count_rule(d, "yaml.number") == 1);
}
