// The staffing report (CLI.md `staffing`): planned hours against the full-time definition, planned
// cost, in-kind value per financier, and the staff.* rules as row flags.
#include <doctest/doctest.h>

#include <grantkit/check/rules.hpp>

#include <algorithm>

#include <grantkit/io/project_loader.hpp>
#include <grantkit/render/render.hpp>
#include <grantkit/reports/staffing.hpp>

using grantkit::core::Date;
using grantkit::core::Diagnostics;
using grantkit::core::Money;
using grantkit::core::Percent;
using grantkit::core::Period;
using grantkit::model::Funding;
using grantkit::model::Project;
using grantkit::model::StaffBasis;
using grantkit::model::StaffEntry;
using grantkit::reports::Cell;
using grantkit::reports::Document;
using grantkit::reports::Table;

namespace {

Date day(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

Money kr(std::int64_t k) {
  return Money::from_kronor(k);
}

// A small project: full time 2021-06-01..2022-11-30 inside the eligible period, one activity, one
// financier contributing 90 000 kr in kind, and the owner as an organisation.
Project make_project() {
  Project p;
  p.id = "test";
  p.name = "Test";
  p.decision.eligible = {day(2021, 6, 1), day(2023, 3, 31)};
  p.full_time.period = {day(2021, 6, 1), day(2022, 11, 30)};
  p.organisations.push_back({"owner", "Ägaren", "owner", {}});
  grantkit::model::Financier f;
  f.id = "muni";
  f.name = "Kommunen";
  f.cash = kr(45000);
  f.in_kind = kr(90000);
  f.total = kr(135000);
  p.financing.push_back(f);
  return p;
}

StaffEntry entry(std::string id, std::string org, int percent,
                 std::optional<std::int64_t> salary_kr = std::nullopt,
                 Funding funding = Funding::cash, std::optional<Period> period = std::nullopt) {
  StaffEntry e;
  e.id = std::move(id);
  e.role = "Roll";
  e.organisation = std::move(org);
  e.percent = Percent::from_points(percent);
  e.funding = funding;
  if (salary_kr) e.monthly_salary = kr(*salary_kr);
  e.period = period;
  return e;
}

Document run(const Project& p) {
  grantkit::reports::StaffingOptions o;
  o.window.as_of = day(2022, 11, 30);
  o.window.period = p.full_time.period;
  o.entry_flags = grantkit::check::staff_rule_flags(p);
  Document doc = grantkit::reports::staffing_report(p, o);
  // As a command shows it: the staffing rules' findings (check_project's) with the report's own.
  for (const auto& rule : grantkit::check::project_rules()) {
    if (rule.id == "staff.over-allocated" || rule.id == "staff.duplicate-entry" ||
        rule.id == "staff.period")
      rule.run(p, doc.diagnostics);
  }
  return doc;
}

const Table& table(const Document& doc, std::string_view key) {
  auto it = std::find_if(doc.tables.begin(), doc.tables.end(),
                         [&](const Table& t) { return t.key == key; });
  REQUIRE(it != doc.tables.end());
  return *it;
}

const Cell& cell(const Table& t, std::size_t row, std::string_view key) {
  REQUIRE(row < t.rows.size());
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key == key) return t.rows[row][i];
  }
  FAIL("no column " << key);
  return t.rows[row][0];
}

bool flagged(const Table& t, std::size_t row, std::string_view rule) {
  const auto& list = cell(t, row, "flags").list;
  return std::find(list.begin(), list.end(), rule) != list.end();
}

std::size_t count_rule(const Diagnostics& d, std::string_view rule) {
  std::size_t n = 0;
  for (const auto& x : d.items()) n += x.rule == rule;
  return n;
}

}  // namespace

TEST_CASE("reports::planned_minutes") {
  Project p = make_project();
  StaffEntry half = entry("lead", "owner", 50);
  // DOMAIN.md check figures: 2 580 h full time on the 1 720 basis, 3 064 h on the calendar basis.
  CHECK(grantkit::reports::planned_minutes(p, half) == 1290 * 60);
  p.full_time.basis = grantkit::core::FullTimeBasis::calendar;
  CHECK(grantkit::reports::planned_minutes(p, half) == 1532 * 60);
  p.full_time.basis.reset();
  // Rounded down to whole minutes: 33 % of June 2021 (8 600 min) is 2 838 min exactly; 1/3 of it
  // (33.3333 %) is 2 866.64… → 2 866.
  CHECK(grantkit::reports::planned_minutes(p, entry("x", "owner", 33, std::nullopt, Funding::cash,
                                                    Period{day(2021, 6, 1), day(2021, 6, 30)})) ==
        2838);
  StaffEntry third = entry("y", "owner", 0, std::nullopt, Funding::cash,
                           Period{day(2021, 6, 1), day(2021, 6, 30)});
  third.percent = Percent::from_millionths(333'333);
  CHECK(grantkit::reports::planned_minutes(p, third) == 2866);
}

TEST_CASE("reports::planned_cost") {
  Project p = make_project();
  SUBCASE("fixed share: share × monthly salary × months of the person's period") {
    // 20 % × 30 000 kr × 15 months (2021-09..2022-11) = 90 000 kr.
    auto e =
        entry("c", "muni", 20, 30000, Funding::in_kind, Period{day(2021, 9, 1), day(2022, 11, 30)});
    CHECK(grantkit::reports::planned_cost(p, e) == std::optional(kr(90000)));
    // The same on the calendar basis: months do not depend on how hours are counted.
    p.full_time.basis = grantkit::core::FullTimeBasis::calendar;
    CHECK(grantkit::reports::planned_cost(p, e) == std::optional(kr(90000)));
  }
  SUBCASE("a partial month counts its share of working days, rounded down once") {
    // June 2021 has 21 working days; 2021-06-15..30 has 11 (midsommarafton 25 June is off), so the
    // part is 8 600 × 11/21 = 4 504.76… → 4 504 full-time minutes (core::full_time_minutes).
    // 50 % × 40 000 kr × 4 504 / 8 600 = 10 474.418… kr → 10 474,41 kr.
    auto e =
        entry("c", "owner", 50, 40000, Funding::cash, Period{day(2021, 6, 15), day(2021, 6, 30)});
    CHECK(grantkit::reports::planned_cost(p, e) == std::optional(Money::from_ore(1'047'441)));
  }
  SUBCASE("hourly: planned hours × salary × 12 / 1 720") {
    // 50 % of June 2021: 71 h 40 min = 4 300 min; × 43 000 kr × 12 / (1 720 × 60) = 21 500 kr.
    auto e =
        entry("h", "owner", 50, 43000, Funding::cash, Period{day(2021, 6, 1), day(2021, 6, 30)});
    e.basis = StaffBasis::hourly;
    CHECK(grantkit::reports::planned_cost(p, e) == std::optional(kr(21500)));
    // 1 h at 1 000 kr/month: 1 000 × 12 / 1 720 = 6.976… kr → 6,97 kr.
    Project q = make_project();
    auto one =
        entry("h", "owner", 0, 1000, Funding::cash, Period{day(2021, 6, 1), day(2021, 6, 30)});
    one.basis = StaffBasis::hourly;
    one.percent = Percent::from_millionths(6977);  // 0.6977 % of 8 600 min = 60 min
    REQUIRE(grantkit::reports::planned_minutes(q, one) == 60);
    CHECK(grantkit::reports::planned_cost(q, one) == std::optional(Money::from_ore(697)));
  }
  SUBCASE("no salary, no cost") {
    CHECK_FALSE(grantkit::reports::planned_cost(p, entry("n", "owner", 50)).has_value());
  }
}

TEST_CASE("reports::staffing_report rows") {
  Project p = make_project();
  p.staff = {entry("lead", "owner", 50, 50000),
             entry("contact", "muni", 20, 30000, Funding::in_kind,
                   Period{day(2021, 9, 1), day(2022, 11, 30)})};
  Document doc = run(p);
  CHECK(doc.report == "staffing");
  const Table& t = table(doc, "rows");
  std::vector<std::string> keys;
  for (const auto& c : t.columns) keys.push_back(c.key);
  CHECK(keys == std::vector<std::string>{"person", "role", "organisation", "percent", "from", "to",
                                         "full_time_hours", "planned_hours", "planned_cost",
                                         "funding", "flags"});
  REQUIRE(t.rows.size() == 2);
  CHECK(cell(t, 0, "person").text == "lead");
  CHECK(cell(t, 0, "organisation").text == "owner");
  CHECK(cell(t, 0, "percent").number == 500'000);
  CHECK(cell(t, 0, "from").text == "2021-06-01");
  CHECK(cell(t, 0, "to").text == "2022-11-30");
  CHECK(cell(t, 0, "full_time_hours").number == (2580 * 60) * 60);
  CHECK(cell(t, 0, "planned_hours").number == (1290 * 60) * 60);
  CHECK(cell(t, 0, "planned_cost").money() == kr(450000));  // 50 % × 50 000 × 18 months
  CHECK(cell(t, 0, "funding").text == "cash");
  CHECK(cell(t, 0, "flags").list.empty());
  CHECK(cell(t, 1, "from").text == "2021-09-01");
  CHECK(cell(t, 1, "planned_hours").number == (15 * 1720) * 60);  // 20 % × 8 600 min × 15 months
  CHECK(cell(t, 1, "funding").text == "in_kind");
  REQUIRE(t.total.has_value());
  CHECK((*t.total)[7].number == (1290 * 60 + 15 * 1720) * 60);
  CHECK((*t.total)[8].money() == kr(540000));
  CHECK(doc.diagnostics.empty());

  const Table& k = table(doc, "in_kind");
  REQUIRE(k.rows.size() == 1);
  CHECK(cell(k, 0, "financier").text == "muni");
  CHECK(cell(k, 0, "planned_in_kind").money() == kr(90000));
  CHECK(cell(k, 0, "planned_value").money() == kr(90000));
  CHECK(cell(k, 0, "difference").money() == Money());
  CHECK(cell(k, 0, "flags").list.empty());
}

TEST_CASE("reports::staffing_report staff.over-allocated") {
  Project p = make_project();
  SUBCASE("fires: 60 % and 50 % of the same person at once") {
    p.staff = {
        entry("lead", "owner", 60, 40000),
        entry("lead", "owner", 50, 40000, Funding::cash, Period{day(2022, 1, 1), day(2022, 6, 30)}),
        entry("other", "owner", 100, 40000)};
    Document doc = run(p);
    const Table& t = table(doc, "rows");
    CHECK(flagged(t, 0, "staff.over-allocated"));
    CHECK(flagged(t, 1, "staff.over-allocated"));
    CHECK_FALSE(flagged(t, 2, "staff.over-allocated"));
    CHECK(count_rule(doc.diagnostics, "staff.over-allocated") == 1);
  }
  SUBCASE("silent: 50 % and 50 %") {
    p.staff = {entry("lead", "owner", 50, 40000), entry("lead", "owner", 50, 40000, Funding::cash,
                                                        Period{day(2022, 1, 1), day(2022, 6, 30)})};
    Document doc = run(p);
    const Table& t = table(doc, "rows");
    CHECK_FALSE(flagged(t, 0, "staff.over-allocated"));
    CHECK_FALSE(flagged(t, 1, "staff.over-allocated"));
    CHECK(count_rule(doc.diagnostics, "staff.over-allocated") == 0);
  }
}

TEST_CASE("reports::staffing_report staff.duplicate-entry") {
  Project p = make_project();
  SUBCASE("fires: the same person twice over overlapping periods") {
    p.staff = {entry("contact", "muni", 10, 30000, Funding::in_kind),
               entry("contact", "muni", 20, 30000, Funding::in_kind),
               entry("lead", "owner", 50, 40000)};
    Document doc = run(p);
    const Table& t = table(doc, "rows");
    CHECK(flagged(t, 0, "staff.duplicate-entry"));
    CHECK(flagged(t, 1, "staff.duplicate-entry"));
    CHECK_FALSE(flagged(t, 2, "staff.duplicate-entry"));
    CHECK(count_rule(doc.diagnostics, "staff.duplicate-entry") == 1);
  }
  SUBCASE("silent: the same person in periods that follow each other") {
    p.staff = {entry("contact", "muni", 10, 30000, Funding::in_kind,
                     Period{day(2021, 6, 1), day(2021, 12, 31)}),
               entry("contact", "muni", 20, 30000, Funding::in_kind,
                     Period{day(2022, 1, 1), day(2022, 11, 30)})};
    Document doc = run(p);
    const Table& t = table(doc, "rows");
    CHECK_FALSE(flagged(t, 0, "staff.duplicate-entry"));
    CHECK_FALSE(flagged(t, 1, "staff.duplicate-entry"));
    CHECK(count_rule(doc.diagnostics, "staff.duplicate-entry") == 0);
  }
}

TEST_CASE("reports::staffing_report staff.period") {
  Project p = make_project();
  SUBCASE("fires: a period past the full-time definition") {
    p.staff = {entry("lead", "owner", 50, 40000, Funding::cash,
                     Period{day(2022, 1, 1), day(2022, 12, 31)}),
               entry("admin", "owner", 50, 40000)};
    Document doc = run(p);
    const Table& t = table(doc, "rows");
    CHECK(flagged(t, 0, "staff.period"));
    CHECK_FALSE(flagged(t, 1, "staff.period"));
    CHECK(count_rule(doc.diagnostics, "staff.period") == 1);
  }
  SUBCASE("silent: inside the definition and the eligible period") {
    p.staff = {entry("lead", "owner", 50, 40000, Funding::cash,
                     Period{day(2022, 1, 1), day(2022, 11, 30)})};
    Document doc = run(p);
    CHECK_FALSE(flagged(table(doc, "rows"), 0, "staff.period"));
    CHECK(count_rule(doc.diagnostics, "staff.period") == 0);
  }
}

TEST_CASE("reports::staffing_report staff.in-kind-mismatch") {
  Project p = make_project();
  Period from_sep{day(2021, 9, 1), day(2022, 11, 30)};  // 15 months
  SUBCASE("fires: twice the financing plan's in kind") {
    p.financing[0].in_kind = kr(45000);
    p.staff = {entry("contact", "muni", 20, 30000, Funding::in_kind, from_sep)};
    Document doc = run(p);
    const Table& k = table(doc, "in_kind");
    CHECK(cell(k, 0, "planned_value").money() == kr(90000));
    CHECK(cell(k, 0, "difference").money() == kr(45000));
    CHECK(flagged(k, 0, "staff.in-kind-mismatch"));
    CHECK(count_rule(doc.diagnostics, "staff.in-kind-mismatch") == 1);
  }
  SUBCASE("fires: just more than 10 % below the plan") {
    p.financing[0].in_kind =
        Money::from_ore(10'000'001);  // 100 000,01 kr; 90 000 is 10 000,01 below
    p.staff = {entry("contact", "muni", 20, 30000, Funding::in_kind, from_sep)};
    CHECK(flagged(table(run(p), "in_kind"), 0, "staff.in-kind-mismatch"));
  }
  SUBCASE("silent: exactly 10 % below the plan") {
    p.financing[0].in_kind = kr(100000);
    p.staff = {entry("contact", "muni", 20, 30000, Funding::in_kind, from_sep)};
    Document doc = run(p);
    CHECK_FALSE(flagged(table(doc, "in_kind"), 0, "staff.in-kind-mismatch"));
    CHECK(count_rule(doc.diagnostics, "staff.in-kind-mismatch") == 0);
  }
  SUBCASE("silent: the value meets the plan") {
    p.staff = {entry("contact", "muni", 20, 30000, Funding::in_kind, from_sep)};
    Document doc = run(p);
    CHECK(table(doc, "in_kind").rows.size() == 1);
    CHECK(count_rule(doc.diagnostics, "staff.in-kind-mismatch") == 0);
  }
  SUBCASE("the tolerance comes from the programme rule set") {
    p.financing[0].in_kind = kr(100000);
    p.programme.in_kind_deviation_percent = Percent::from_points(5);
    p.staff = {entry("contact", "muni", 20, 30000, Funding::in_kind, from_sep)};
    CHECK(flagged(table(run(p), "in_kind"), 0, "staff.in-kind-mismatch"));
  }
  SUBCASE("the payroll overhead in force is part of the value, as in the outcome") {
    grantkit::model::FlatRate overhead;
    overhead.id = "payroll_overhead";
    overhead.rate = Percent::from_millionths(452400);  // 45.24 %
    overhead.applies_by_default = true;
    p.programme.flat_rates = {overhead};
    p.financing[0].in_kind = kr(130716);
    p.staff = {entry("contact", "muni", 20, 30000, Funding::in_kind, from_sep)};
    Document doc = run(p);
    const Table& k = table(doc, "in_kind");
    CHECK(cell(k, 0, "planned_value").money() == kr(130716));  // 90 000 + 45.24 % = 130 716
    CHECK(cell(k, 0, "difference").money() == Money());
    CHECK(count_rule(doc.diagnostics, "staff.in-kind-mismatch") == 0);
    CHECK(cell(table(doc, "rows"), 0, "planned_cost").money() == kr(90000));  // the salary alone
    p.decision.rates["payroll_overhead"] = Percent::from_points(0);  // the decision turns it off
    CHECK(cell(table(run(p), "in_kind"), 0, "planned_value").money() == kr(90000));
  }
  SUBCASE("cash staff are not in-kind value") {
    p.staff = {entry("contact", "muni", 20, 30000, Funding::cash, from_sep)};
    Document doc = run(p);
    const Table& k = table(doc, "in_kind");
    CHECK(cell(k, 0, "planned_value").money() == Money());
    CHECK(flagged(k, 0, "staff.in-kind-mismatch"));
  }
}

TEST_CASE("reports::staffing_report staff.no-salary") {
  Project p = make_project();
  SUBCASE("fires: no monthly salary, no planned cost, no in-kind value (info)") {
    p.staff = {entry("contact", "muni", 20, std::nullopt, Funding::in_kind),
               entry("lead", "owner", 50, 40000)};
    Document doc = run(p);
    const Table& t = table(doc, "rows");
    CHECK(flagged(t, 0, "staff.no-salary"));
    CHECK(cell(t, 0, "planned_cost").is_empty());
    CHECK_FALSE(flagged(t, 1, "staff.no-salary"));
    CHECK(count_rule(doc.diagnostics, "staff.no-salary") == 1);
    CHECK(doc.diagnostics.items().front().severity == grantkit::core::Severity::info);
    CHECK((*t.total)[8].is_empty());  // the total cost is unknown
    const Table& k = table(doc, "in_kind");
    CHECK(cell(k, 0, "planned_value").is_empty());
    CHECK(flagged(k, 0, "staff.no-salary"));
    CHECK_FALSE(flagged(k, 0, "staff.in-kind-mismatch"));
  }
  SUBCASE("silent: every salary given") {
    p.staff = {entry("contact", "muni", 20, 30000, Funding::in_kind),
               entry("lead", "owner", 50, 40000)};
    Document doc = run(p);
    CHECK(count_rule(doc.diagnostics, "staff.no-salary") == 0);
  }
}

TEST_CASE("reports::staffing_report on the seed project") {
  Diagnostics d;
  auto p = grantkit::io::load_project(GRANTKIT_SOURCE_DIR "/data/s2i2-sdk",
                                      GRANTKIT_SOURCE_DIR "/data", d);
  REQUIRE(p.has_value());
  REQUIRE_FALSE(d.has_errors());
  auto half_row = [](const Table& t) {
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      if (t.rows[i][0].text == "processledning-region-skane") return i;
    }
    FAIL("no 50 % row");
    return std::size_t{0};
  };
  Document doc = run(*p);
  const Table& t = table(doc, "rows");
  std::size_t i = half_row(t);
  CHECK(cell(t, i, "percent").number == 500'000);
  CHECK(cell(t, i, "planned_hours").number == (1290 * 60) * 60);
  CHECK(cell(t, i, "full_time_hours").number == (2580 * 60) * 60);
  // The plan lists Malmö's contact person twice: both rows carry the duplicate.
  std::size_t malmo = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (t.rows[r][0].text == "kontaktperson-malmo") {
      ++malmo;
      CHECK(flagged(t, r, "staff.duplicate-entry"));
    }
  }
  CHECK(malmo == 2);
  CHECK(count_rule(doc.diagnostics, "staff.no-salary") == t.rows.size());

  p->full_time.basis = grantkit::core::FullTimeBasis::calendar;
  Document cal = run(*p);
  CHECK(cell(table(cal, "rows"), half_row(table(cal, "rows")), "planned_hours").number ==
        1532 * 60 * 60);
}

TEST_CASE("reports::staffing_report renders the contract's JSON keys") {
  Project p = make_project();
  p.staff = {entry("lead", "owner", 50, 50000)};
  std::string json = grantkit::render::render_json(run(p));
  CHECK(json.find("\"schema\": \"grantkit/staffing/1\"") != std::string::npos);
  CHECK(json.find("{\"person\": \"lead\", \"role\": \"Roll\", \"organisation\": \"owner\", "
                  "\"percent\": 50, "
                  "\"from\": \"2021-06-01\", \"to\": \"2022-11-30\", \"full_time_hours\": 2580, "
                  "\"planned_hours\": 1290, \"planned_cost\": 450000, \"funding\": \"cash\", "
                  "\"flags\": []}") != std::string::npos);
  CHECK(json.find("\"in_kind\": [") != std::string::npos);
}
