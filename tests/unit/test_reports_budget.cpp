#include <doctest/doctest.h>

#include <grantkit/io/project_loader.hpp>
#include <map>

#include <grantkit/reports/budget.hpp>

#include "support.hpp"
#include "views.hpp"

using namespace grantkit;
using core::Money;
using reports::Cell;

namespace {

core::Date d(const char* s) {
  return test::date(s);
}
// The fixture without flat rates, so that outcome is the booked rows alone.
model::Project base() {
  auto p = test::load_fixture();
  p.decision.rates["payroll_overhead"] = core::Percent::from_points(0);
  return p;
}
model::Transaction tx(const char* iso, const char* activity, std::int64_t ore,
                      const char* category) {
  return test::cost(iso, activity, ore, category);
}

reports::ReportWindow window(const model::Project& p, const char* as_of, const char* period) {
  return *reports::make_window(p, d(as_of), *core::parse_period_expression(period),
                               d("2030-01-01"));
}

// The cell of `key` in a row of the document's first table.
const Cell& cell(const reports::Document& doc, std::size_t row, const std::string& key) {
  const auto& t = doc.tables.at(0);
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key == key) return row < t.rows.size() ? t.rows[row][i] : t.total->at(i);
  }
  FAIL("no column " << key);
  static Cell none;
  return none;
}

}  // namespace

TEST_CASE("reports::make_window") {
  auto p = base();
  auto w = *reports::make_window(p, std::nullopt, std::nullopt, d("2026-11-30"));
  CHECK(w.as_of == d("2023-03-31"));  // today, clipped to the project period
  CHECK(w.period.iso() == "2023-03-01..2023-03-31");
  auto w2 = window(p, "2022-03-15", "2022-Q1");
  CHECK(w2.this_period->iso() == "2022-01-01..2022-03-15");
  CHECK(w2.to_date->iso() == "2021-06-01..2022-03-15");
  auto w3 = window(p, "2022-02-10", "2022-03");
  CHECK_FALSE(w3.this_period.has_value());  // the period starts after as_of
  CHECK(w3.to_date->iso() == "2021-06-01..2022-02-10");
  CHECK_FALSE(reports::make_window(p, d("2022-02-10"), *core::parse_period_expression("2019"),
                                   d("2022-01-01"))
                  .ok());
}

TEST_CASE("reports::budget_report per activity") {
  auto p = base();
  model::Outcome o;
  test::add_costs(
      o,
      {tx("2021-06-15", "A1", 10000050, "externa_tjanster"), tx("2021-12-31", "A1", 1, "personal"),
       tx("2022-01-20", "A2", 25000, "personal"), tx("2022-02-01", "A2", 99999900, "personal")});
  test::BudgetOptions bo;
  bo.window = window(p, "2022-01-31", "2022-01");
  auto doc = test::budget_report(p, o, bo);
  REQUIRE(doc.tables.at(0).rows.size() == 2);
  // A1: 400 000 kr over 2021-06-01..2021-12-31 (214 days), all elapsed.
  CHECK(cell(doc, 0, "outcome_to_date").number == 10000051);
  CHECK(cell(doc, 0, "outcome_period").number == 0);
  CHECK(cell(doc, 0, "remaining").number == 40000000 - 10000051);
  CHECK(cell(doc, 0, "elapsed_pct").number == 1000000);
  CHECK(cell(doc, 0, "planned_to_date").number == 40000000);
  CHECK(cell(doc, 0, "used_pct").number == 250001);  // 100 000,51 / 400 000 = 25,000127 % → down
  CHECK(cell(doc, 0, "variance").number == 10000051 - 40000000);
  CHECK(cell(doc, 0, "flags").list == std::vector<std::string>{"budget.underspend"});
  // A2: 600 000 kr over 2022 (365 days); 31 days elapsed on 2022-01-31; the February row does not
  // count.
  CHECK(cell(doc, 1, "outcome_to_date").number == 25000);
  CHECK(cell(doc, 1, "outcome_period").number == 25000);
  CHECK(cell(doc, 1, "planned_to_date").number == 60000000LL * 31 / 365);  // 5 095 890,41 → down
  CHECK(cell(doc, 1, "elapsed_pct").number == 31 * 1000000LL / 365);
  // Totals are sums of the rows.
  CHECK(cell(doc, 2, "outcome_to_date").number == 10000051 + 25000);
  CHECK(cell(doc, 2, "budget").number == 100000000);
  CHECK(cell(doc, 2, "planned_to_date").number == 40000000 + 60000000LL * 31 / 365);
}

TEST_CASE("reports::budget_report per category and per activity and category") {
  auto p = base();
  p.activities[0].category_budget = {{"personal", Money::from_kronor(100000)},
                                     {"externa_tjanster", Money::from_kronor(300000)}};
  model::Outcome o;
  test::add_costs(
      o, {tx("2021-07-01", "A1", 100, "personal"), tx("2021-07-02", "A1", 200, "externa_tjanster"),
          tx("2022-07-02", "A2", 400, "personal")});
  test::BudgetOptions bo;
  bo.window = window(p, "2022-11-30", "2022");
  bo.by = reports::BudgetGrouping::category;
  auto doc = test::budget_report(p, o, bo);
  REQUIRE(doc.tables[0].rows.size() == 2);
  CHECK(cell(doc, 0, "category").text == "personal");
  CHECK(cell(doc, 0, "category").display_sv == "Personal");
  CHECK(cell(doc, 0, "outcome_to_date").number == 500);
  CHECK(cell(doc, 0, "outcome_period").number == 400);
  CHECK(cell(doc, 1, "outcome_to_date").number == 200);
  bo.by = reports::BudgetGrouping::activity_category;
  auto both = test::budget_report(p, o, bo);
  // A1/personal, A1/externa_tjanster from the plan; A2/personal from the ledger: A2's budget is
  // not split per category, so the cell has no budget, and the total has none either (it would
  // not be the sum of the rows).
  REQUIRE(both.tables[0].rows.size() == 3);
  CHECK(cell(both, 2, "activity").text == "A2");
  CHECK(cell(both, 2, "budget").is_empty());
  CHECK(cell(both, 2, "remaining").is_empty());
  CHECK(cell(both, 3, "budget").is_empty());
  CHECK(cell(both, 3, "outcome_to_date").number == 700);
  // Split A2 too, without `personal`: its personal costs are outside its split, budget 0.
  p.activities[1].category_budget = {{"externa_tjanster", Money::from_kronor(600000)}};
  auto split = test::budget_report(p, o, bo);
  REQUIRE(split.tables[0].rows.size() == 4);
  CHECK(cell(split, 3, "activity").text == "A2");
  CHECK(cell(split, 3, "category").text == "personal");
  CHECK(cell(split, 3, "budget").number == 0);
  CHECK(cell(split, 3, "remaining").number == -400);
  CHECK(cell(split, 4, "budget").number == 100000000);
  CHECK(cell(split, 4, "remaining").number == 100000000 - 700);
}

TEST_CASE("reports::budget_report counts flat rates and in-kind time as their own categories") {
  auto p = test::load_fixture();  // payroll overhead 45,24 % applies by default
  model::StaffEntry e;
  e.id = "kontaktperson";
  e.organisation = "kommunen";
  e.percent = core::Percent::from_points(10);
  e.funding = model::Funding::in_kind;
  e.monthly_salary = Money::from_kronor(30000);
  e.activities = {{"A2", core::Percent::from_points(100)}};
  e.period = core::Period{d("2022-01-01"), d("2022-01-31")};
  p.staff = {e};
  model::Outcome o;
  test::add_costs(o, {tx("2022-01-10", "A2", 10000000, "personal")});
  test::BudgetOptions bo;
  bo.window = window(p, "2022-01-31", "2022-01");
  bo.by = reports::BudgetGrouping::activity_category;
  auto doc = test::budget_report(p, o, bo);
  std::map<std::string, std::int64_t> by_category;
  for (std::size_t r = 0; r < doc.tables[0].rows.size(); ++r) {
    by_category[cell(doc, r, "category").text] = cell(doc, r, "outcome_to_date").number;
    CHECK(cell(doc, r, "activity").text == "A2");
  }
  CHECK(by_category["personal"] == 10000000);
  CHECK(by_category["schablonkostnader"] == 4524000);
  CHECK(by_category["offentligt_bidrag_i_annat_an_pengar"] ==
        300000 + 135720);  // 3 000 kr + 45,24 %
}

TEST_CASE("reports::Position::budget_flags: deviation thresholds (20 % and 50 000 kr)") {
  auto p = base();
  model::Outcome o;
  reports::Position pos(p, o, window(p, "2022-03-31", "2022-03"));
  auto flags = [&](std::int64_t budget_kr, std::int64_t outcome_kr) {
    return pos.budget_flags(Money::from_kronor(budget_kr), Money::from_kronor(outcome_kr),
                            std::nullopt, true, false);
  };
  CHECK(flags(250000, 312000) ==
        std::vector<std::string>{"budget.change-decision-needed"});  // +62 000, 24,8 %
  CHECK(flags(150000, 190000) ==
        std::vector<std::string>{"budget.over"});  // +40 000 (26,7 %) < 50 000 kr
  CHECK(flags(1000000, 1150000) == std::vector<std::string>{"budget.over"});  // +150 000 but 15 %
  CHECK(flags(250000, 300000).empty() == false);
  CHECK(flags(250000, 300000) ==
        std::vector<std::string>{"budget.over"});  // exactly 20 %: not more than
  CHECK(flags(250000, 250000).empty());
}

TEST_CASE("reports::budget_report flags a category needing a change decision") {
  auto p = base();
  p.decision.budget.categories = {{"personal", Money::from_kronor(250000)},
                                  {"externa_tjanster", Money::from_kronor(150000)}};
  model::Outcome o;
  test::add_costs(o, {tx("2022-01-01", "A2", 31200000, "personal"),
                      tx("2022-01-01", "A2", 19000000, "externa_tjanster")});
  test::BudgetOptions bo;
  bo.window = window(p, "2022-11-30", "2022");
  bo.by = reports::BudgetGrouping::category;
  auto doc = test::budget_report(p, o, bo);
  CHECK(cell(doc, 0, "flags").list == std::vector<std::string>{"budget.change-decision-needed"});
  CHECK(cell(doc, 1, "flags").list == std::vector<std::string>{"budget.over"});
  CHECK(test::count_rule(doc.diagnostics, "budget.change-decision-needed") == 1);
  CHECK(test::count_rule(doc.diagnostics, "budget.over") == 1);
}

TEST_CASE("reports::budget_report --monthly") {
  auto p = base();
  model::Outcome o;
  test::add_costs(o,
                  {tx("2022-01-05", "A2", 100, "personal"), tx("2022-03-05", "A2", 300, "personal"),
                   tx("2022-03-06", "A2", 5, "personal"), tx("2022-04-01", "A2", 7, "personal")});
  test::BudgetOptions bo;
  bo.window = window(p, "2022-03-31", "2022-Q1");
  bo.monthly = true;
  auto doc = test::budget_report(p, o, bo);
  const Cell& months = cell(doc, 1, "months");
  REQUIRE(months.entries.size() == 3);
  CHECK(months.entries[0].label == "2022-01");
  CHECK(months.entries[0].value.number == 100);
  CHECK(months.entries[1].value.number == 0);
  CHECK(months.entries[2].value.number == 305);
  CHECK(cell(doc, 2, "months").entries[2].value.number == 305);
}

TEST_CASE(
    "reports::Position: a span's flat rate is the step of the cumulative one, so spans add up") {
  auto p = test::load_fixture();  // with the payroll overhead, 45,24 %
  model::Outcome o;
  // 1,01 kr of staff costs in each of two months: 45,24 % is 45,69 öre a month, 91,38 öre together.
  test::add_costs(
      o, {tx("2022-01-15", "A2", 101, "personal"), tx("2022-02-15", "A2", 101, "personal")});
  reports::Position pos(p, o, window(p, "2022-02-28", "2022-02"));
  auto overhead = [](const reports::CostLines& lines) {
    Money m;
    for (const auto& l : lines) {
      if (l.origin == "payroll_overhead") m += l.amount;
    }
    return m;
  };
  core::Period jan{d("2022-01-01"), d("2022-01-31")};
  core::Period feb{d("2022-02-01"), d("2022-02-28")};
  CHECK(overhead(pos.cumulative(d("2022-02-28"))) == Money::from_ore(91));  // rounded down once
  CHECK(overhead(pos.in(jan)) == Money::from_ore(45));
  CHECK(overhead(pos.in(feb)) == Money::from_ore(46));  // 91 − 45: February alone would give 45
  CHECK(overhead(pos.in(jan)) + overhead(pos.in(feb)) == overhead(pos.to_date()));
  // The claim's previously reported + this period is the budget's outcome to date.
  auto claim = test::claim_report(p, o, window(p, "2022-02-28", "2022-02"));
  test::BudgetOptions bo;
  bo.window = window(p, "2022-02-28", "2022-02");
  auto budget = test::budget_report(p, o, bo);
  const auto& costs = claim.tables.at(0);
  CHECK(costs.total->at(static_cast<std::size_t>(reports::column_index(costs, "cumulative")))
            .number == cell(budget, budget.tables[0].rows.size(), "outcome_to_date").number);
}

TEST_CASE(
    "reports::budget_report: costs without an activity count in the totals, remaining = budget − "
    "outcome") {
  auto p = base();
  model::Outcome o;
  test::add_costs(o, {tx("2022-03-01", "A2", 100000, "externa_tjanster"),
                      tx("2022-03-02", "", 50000, "externa_tjanster")});
  test::BudgetOptions bo;
  bo.window = window(p, "2022-03-31", "2022-03");
  auto doc = test::budget_report(p, o, bo);
  const auto& rows = doc.tables[0].rows;
  REQUIRE(rows.size() == 3);  // A1, A2, then the row without an activity
  CHECK(cell(doc, 2, "activity").text.empty());
  CHECK(cell(doc, 2, "activity").display_en == "(no activity)");
  CHECK(cell(doc, 2, "budget").number == 0);
  CHECK(cell(doc, 2, "outcome_to_date").number == 50000);
  CHECK(cell(doc, 2, "remaining").number == -50000);
  CHECK(cell(doc, 2, "flags").list == std::vector<std::string>{"ledger.no-activity"});
  CHECK(cell(doc, 3, "outcome_to_date").number == 150000);
  CHECK(cell(doc, 3, "remaining").number == 100000000 - 150000);
  CHECK(cell(doc, 3, "used_pct").number == 1500);  // 0,15 % = 1 500 millionths
}

TEST_CASE("reports::budget_report budget.underspend: a warning only when material") {
  auto p = base();
  model::Outcome o;
  // A1: 400 000 kr over 2021-06-01..2021-12-31, all elapsed by 2022-01-31; 100 000,51 kr spent:
  // 299 999,49 kr behind its budget pro rata (recomputed: 400 000 − 100 000,51).
  test::add_costs(o, {tx("2021-06-15", "A1", 10000051, "externa_tjanster")});
  test::BudgetOptions bo;
  bo.window = window(p, "2022-01-31", "2022-01");
  auto severity_of = [](const reports::Document& doc) {
    std::vector<core::Severity> out;
    for (const auto& x : doc.diagnostics.items()) {
      if (x.rule == "budget.underspend") out.push_back(x.severity);
    }
    return out;
  };
  SUBCASE("fires as a warning: 299 999,49 kr behind, the threshold 50 000 kr") {
    auto doc = test::budget_report(p, o, bo);
    REQUIRE(severity_of(doc) == std::vector<core::Severity>{core::Severity::warning});
    for (const auto& x : doc.diagnostics.items()) {
      if (x.rule != "budget.underspend") continue;
      CHECK(x.message.find("299 999,49 kr behind") != std::string::npos);
      CHECK(x.place.line > 0);  // at the activity's budget in project.yaml
    }
  }
  SUBCASE("silent as a warning (an info) below the rule set's underspend_amount") {
    p.programme.underspend_amount = Money::from_ore(29999950);
    auto doc = test::budget_report(p, o, bo);
    CHECK(severity_of(doc) == std::vector<core::Severity>{core::Severity::info});
    p.programme.underspend_amount = Money::from_ore(29999949);  // exactly the amount: material
    doc = test::budget_report(p, o, bo);
    CHECK(severity_of(doc) == std::vector<core::Severity>{core::Severity::warning});
  }
}
