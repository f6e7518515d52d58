#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include <grantkit/core/rule_class.hpp>

#include <grantkit/check/rules.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/reports/budget.hpp>
#include <grantkit/reports/eligible.hpp>
#include <grantkit/reports/monthly_report.hpp>

#include "support.hpp"
#include "views.hpp"

using namespace grantkit;
using reports::Cell;

namespace {

struct Example {
  model::Project project;
  model::Outcome outcome;
  core::Diagnostics diagnostics;
};

// examples/s2i2-sdk-2022 loaded as the CLI loads it.
Example example() {
  Example e;
  auto p = io::load_project(std::string(GRANTKIT_SOURCE_DIR) + "/examples/s2i2-sdk-2022",
                            test::data_dir(), e.diagnostics);
  REQUIRE(p);
  e.project = *p;
  std::vector<model::Exclusion> unreadable;
  auto rows = io::load_ledger(e.project, e.diagnostics, unreadable);
  e.outcome = check::classify_outcome(e.project, std::move(rows), e.diagnostics);
  return e;
}

const Cell& at(const reports::Table& t, const std::vector<Cell>& row, std::string_view key) {
  int i = reports::column_index(t, key);
  REQUIRE(i >= 0);
  return row.at(static_cast<std::size_t>(i));
}

const reports::Document& section(const reports::Bundle& b, const std::string& key) {
  for (const auto& [k, d] : b.sections) {
    if (k == key) return d;
  }
  FAIL("no section " << key);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("reports::burn_up_report ends on the budget report's totals") {
  Example e = example();
  auto w =
      *reports::make_window(e.project, test::date("2023-03-31"),
                            *core::parse_period_expression("2022-10"), test::date("2030-01-01"));
  // Every activity of the example has a budget: the plan is the activities' (also in the report per
  // cost category, whose planned figures are the activities' spread over the categories).
  reports::Document burn =
      test::burn_up_report(e.project, e.outcome, w, reports::BudgetGrouping::category);
  REQUIRE(burn.values.size() == 1);
  CHECK(burn.values[0].second.text == "activity");
  test::BudgetOptions bo;
  bo.window = w;
  bo.by = reports::BudgetGrouping::category;
  reports::Document budget = test::budget_report(e.project, e.outcome, bo);
  const auto& bt = budget.tables.at(0);
  const auto& t = burn.tables.at(0);
  // One row per month of the project period 2021-06..2023-03.
  REQUIRE(t.rows.size() == 22);
  CHECK(at(t, t.rows.front(), "month").text == "2021-06");
  CHECK(at(t, t.rows.back(), "month").text == "2023-03");
  // Outcome through 2022-10 (the end of --period), none after; months add up to the cumulative.
  std::int64_t sum = 0;
  std::size_t last = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const Cell& month = at(t, t.rows[i], "added");
    if (month.is_empty()) {
      CHECK(at(t, t.rows[i], "outcome_to_date").is_empty());
      continue;
    }
    sum += month.number;
    CHECK(at(t, t.rows[i], "outcome_to_date").number == sum);
    last = i;
  }
  CHECK(at(t, t.rows[last], "month").text == "2022-10");
  CHECK(sum == at(bt, *bt.total, "outcome_to_date").number);
  CHECK(at(t, t.rows[last], "planned_to_date").number ==
        at(bt, *bt.total, "planned_to_date").number);
  // The plan reaches the whole budget at the end of the project period.
  CHECK(at(t, t.rows.back(), "planned_to_date").number == at(bt, *bt.total, "budget").number);
  for (std::size_t i = 1; i < t.rows.size(); ++i) {
    CHECK(at(t, t.rows[i], "planned_to_date").number >=
          at(t, t.rows[i - 1], "planned_to_date").number);
  }
}

TEST_CASE(
    "reports::monthly_report: sections, key figures copied from the budget, diagnostics once") {
  Example e = example();
  test::MonthlyReportOptions o;
  o.window =
      *reports::make_window(e.project, test::date("2023-03-31"),
                            *core::parse_period_expression("2022-10"), test::date("2030-01-01"));
  reports::Bundle b = test::monthly_report(e.project, e.outcome, o, e.diagnostics);
  std::vector<std::string> keys;
  for (const auto& [k, d] : b.sections) keys.push_back(k);
  CHECK(keys.front() == "summary");
  CHECK(std::find(keys.begin(), keys.end(), "budget_activity") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "budget_category") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "burn_up") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "cofinancing") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "staffing") != keys.end());
  CHECK(keys.back() == "claim");  // 2022-10 may be a payment request's period

  // The activity totals carry the budget here (every activity has one), so the summary uses them.
  const auto& budget = section(b, "budget_activity").tables.at(0);
  const auto& figures = section(b, "summary").tables.at(0);
  CHECK(figures.key == "key_figures");
  for (const auto& row : figures.rows) {
    const Cell& measure = at(figures, row, "measure");
    const Cell& value = at(figures, row, "value");
    CHECK(value.kind == at(budget, *budget.total, measure.text).kind);
    CHECK(value.number == at(budget, *budget.total, measure.text).number);
  }
  // Findings needing action: warnings before information; the underspend flags are there.
  const auto& actions = section(b, "summary").tables.at(1);
  CHECK(actions.key == "actions");
  bool info_seen = false, underspend = false;
  for (const auto& row : actions.rows) {
    const std::string& sev = at(actions, row, "severity").text;
    if (sev == "info")
      info_seen = true;
    else
      CHECK_FALSE(info_seen);
    underspend = underspend || at(actions, row, "rule").text == "budget.underspend";
  }
  CHECK(underspend);
  // The header lists every diagnostic once: the loaders' and each section's.
  CHECK(test::count_rule(b.header.diagnostics, "ledger.unknown-activity") == 1);
  CHECK(test::count_rule(b.header.diagnostics, "budget.underspend") ==
        test::count_rule(section(b, "budget_activity").diagnostics, "budget.underspend"));

  // Transactions of 2022-10: their sum is the budget's outcome this period.
  reports::Document txd = test::transactions_report(e.project, e.outcome, o.window);
  const auto& tx = txd.tables.at(0);
  std::int64_t sum = 0;
  for (const auto& row : tx.rows) {
    CHECK(at(tx, row, "date").text.rfind("2022-10-", 0) == 0);
    sum += at(tx, row, "amount").number;
  }
  CHECK(!tx.rows.empty());
  CHECK(sum == at(tx, *tx.total, "amount").number);
  // … the booked part of the budget's outcome this period (which also counts flat rates and in
  // kind).
  std::int64_t booked = 0;
  for (const auto& c : reports::eligible_costs(e.project, e.outcome, *o.window.this_period)) {
    if (c.source == reports::CostSource::booked) booked += c.amount.ore();
  }
  CHECK(sum == booked);
}

TEST_CASE(
    "reports::monthly_report lists the period's transactions when it cannot be a claim period") {
  Example e = example();
  test::MonthlyReportOptions o;
  // Not whole months: no payment request covers it.
  o.window = *reports::make_window(e.project, test::date("2023-03-31"),
                                   *core::parse_period_expression("2022-10-10..2022-10-20"),
                                   test::date("2030-01-01"));
  reports::Bundle b = test::monthly_report(e.project, e.outcome, o, e.diagnostics);
  CHECK(b.sections.back().first == "transactions");
  for (const auto& row : b.sections.back().second.tables.at(0).rows) {
    CHECK(row.at(0).text >= "2022-10-10");
    CHECK(row.at(0).text <= "2022-10-20");
  }
}

TEST_CASE(
    "reports::burn_up_report: a change decision does not rewrite the plan of the months before "
    "it") {
  auto loaded = test::load_fixture();
  model::ChangeDecision c;
  c.date = test::date("2022-02-01");
  model::ActivityChange a2;
  a2.id = "A2";
  a2.budget = core::Money::from_kronor(700000);
  c.activities = {a2};
  loaded.changes = {c};
  model::Project p = loaded.on(test::date("2022-03-31"));
  model::Outcome o;
  auto w =
      *reports::make_window(p, test::date("2022-03-31"), *core::parse_period_expression("2022-03"),
                            test::date("2030-01-01"));
  auto burn = test::burn_up_report(p, o, w, reports::BudgetGrouping::activity);
  const auto& t = burn.tables.at(0);
  auto row = [&](const char* month) -> const std::vector<reports::Cell>& {
    for (const auto& r : t.rows) {
      if (at(t, r, "month").text == month) return r;
    }
    FAIL("no month " << month);
    return t.rows.front();
  };
  // Before 2022-02-01 the decision of the plan: A1 400 000 + A2 600 000; from it, A2 700 000.
  CHECK(at(t, row("2022-01"), "budget").number == 100000000);
  CHECK(at(t, row("2022-02"), "budget").number == 110000000);
  CHECK(at(t, row("2023-03"), "budget").number == 110000000);
  // January's plan: A1's whole 400 000 (ended 2021-12-31) + A2's 600 000 × 31/365, rounded down.
  CHECK(at(t, row("2022-01"), "planned_to_date").number == 40000000 + 600000 * 100 * 31 / 365);
}

namespace {

core::Diagnostic finding(core::Severity s, std::string rule, std::string message, std::string file,
                         std::optional<std::int64_t> ore) {
  core::Diagnostic d{s, std::move(rule), std::move(message), {std::move(file), 1, 1}, false};
  if (ore) d.amount = core::Money::from_ore(*ore);
  return d;
}

reports::Bundle report_2022_10(const Example& e, const core::Diagnostics& loaded) {
  test::MonthlyReportOptions o;
  o.window =
      *reports::make_window(e.project, test::date("2023-03-31"),
                            *core::parse_period_expression("2022-10"), test::date("2030-01-01"));
  return test::monthly_report(e.project, e.outcome, o, loaded);
}

}  // namespace

TEST_CASE("reports::monthly_report: the action list holds only action findings, ranked by money") {
  Example e = example();
  core::Diagnostics loaded = e.diagnostics;
  // Larger than any action of the example: ranked first were they actions.
  loaded.add(
      finding(core::Severity::warning, "time.deviation", "check-class", "t.csv", 900'000'000));
  loaded.add(finding(core::Severity::warning, "ledger.covered-by-flat-rate", "routine-class",
                     "l.csv", 800'000'000));
  loaded.add(finding(core::Severity::info, "budget.underspend", "an action rule's information",
                     "p.yaml", 700'000'000));
  loaded.add(
      finding(core::Severity::error, "staff.over-allocated", "no amount", "p.yaml", std::nullopt));
  reports::Bundle b = report_2022_10(e, loaded);
  const auto& actions = section(b, "summary").tables.at(1);
  REQUIRE(actions.key == "actions");
  REQUIRE(!actions.rows.empty());
  std::int64_t previous = std::numeric_limits<std::int64_t>::max();
  for (const auto& row : actions.rows) {
    const std::string& rule = at(actions, row, "rule").text;
    CHECK_MESSAGE(core::rule_class(rule) == core::RuleClass::action, rule);
    CHECK(at(actions, row, "severity").text != "info");
    CHECK(at(actions, row, "message").text != "check-class");
    CHECK(at(actions, row, "message").text != "routine-class");
    CHECK(at(actions, row, "message").text != "an action rule's information");
    const Cell& amount = at(actions, row, "amount");
    std::int64_t size = amount.is_empty() ? -1 : std::llabs(amount.number);
    CHECK(size <= previous);
    previous = size;
  }
  // The largest action of the example: A3.3's under-spend, 477 686,65 kr behind plan.
  CHECK(at(actions, actions.rows.front(), "rule").text == "budget.underspend");
  CHECK(at(actions, actions.rows.front(), "amount").number == 47'768'665);
  // The error without an amount comes last.
  CHECK(at(actions, actions.rows.back(), "rule").text == "staff.over-allocated");
}

TEST_CASE("reports::monthly_report: no rule fills more than 3 rows of the action list") {
  Example e = example();
  core::Diagnostics loaded = e.diagnostics;
  // Five more budget.over findings beside the example's three (A3.1, A3.2, A3.4).
  for (int i = 1; i <= 5; ++i) {
    loaded.add(finding(core::Severity::warning, "budget.over", fmt::format("planted {}", i),
                       "p.yaml", i * 1'000'000));
  }
  reports::Bundle b = report_2022_10(e, loaded);
  // Every budget.over of the report, largest first, recomputed from its diagnostics.
  std::vector<std::int64_t> amounts;
  for (const auto& d : b.header.diagnostics.items()) {
    if (d.rule == "budget.over" && d.severity == core::Severity::warning)
      amounts.push_back(d.amount->ore());
  }
  REQUIRE(amounts.size() == 8);
  std::sort(amounts.rbegin(), amounts.rend());
  const auto& actions = section(b, "summary").tables.at(1);
  std::vector<std::size_t> over;
  for (std::size_t i = 0; i < actions.rows.size(); ++i) {
    if (at(actions, actions.rows[i], "rule").text == "budget.over") over.push_back(i);
  }
  REQUIRE(over.size() == 4);  // three findings and one line for the rest
  for (std::size_t k = 0; k < 3; ++k)
    CHECK(at(actions, actions.rows[over[k]], "amount").number == amounts[k]);
  const auto& rest = actions.rows[over[3]];
  CHECK(over[3] == over[2] + 1);  // right after the rule's third row
  CHECK(at(actions, rest, "message").text == "… and 5 more");
  CHECK(at(actions, rest, "message").display_sv == "… och 5 till");
  CHECK(at(actions, rest, "amount").number ==
        std::accumulate(amounts.begin() + 3, amounts.end(), std::int64_t{0}));
  // The three planted findings ranked first (5, 4 and 3 million öre), the other two summed.
  CHECK(at(actions, actions.rows[over[0]], "message").text == "planted 5");
}

TEST_CASE("reports::monthly_report: routine findings summed per rule and file") {
  Example e = example();
  core::Diagnostics loaded = e.diagnostics;
  for (std::int64_t ore : {10'000, 20'050, 30'000}) {
    loaded.add(finding(core::Severity::warning, "ledger.covered-by-flat-rate",
                       fmt::format("row {}", ore), "ledger/a.csv", ore));
  }
  loaded.add(finding(core::Severity::warning, "ledger.covered-by-flat-rate", "row b",
                     "ledger/b.csv", -5'000));
  loaded.add(
      finding(core::Severity::info, "ledger.vat", "no amount", "ledger/a.csv", std::nullopt));
  reports::Bundle b = report_2022_10(e, loaded);
  const auto& summary = section(b, "summary");
  REQUIRE(summary.tables.size() == 3);
  const auto& t = summary.tables.at(2);
  CHECK(t.key == "routine");
  auto row_of = [&](std::string_view rule, std::string_view file) -> const std::vector<Cell>* {
    for (const auto& r : t.rows) {
      if (at(t, r, "rule").text == rule && at(t, r, "file").text == file) return &r;
    }
    return nullptr;
  };
  const auto* a = row_of("ledger.covered-by-flat-rate", "ledger/a.csv");
  REQUIRE(a);
  CHECK(at(t, *a, "count").number == 3);
  CHECK(at(t, *a, "amount").number == 60'050);
  const auto* bb = row_of("ledger.covered-by-flat-rate", "ledger/b.csv");
  REQUIRE(bb);
  CHECK(at(t, *bb, "count").number == 1);
  CHECK(at(t, *bb, "amount").number == -5'000);
  const auto* vat = row_of("ledger.vat", "ledger/a.csv");
  REQUIRE(vat);
  CHECK(at(t, *vat, "count").number == 1);
  CHECK(at(t, *vat, "amount").is_empty());
  // Only routine rules, and the totals row sums the rows.
  std::int64_t count = 0;
  for (const auto& r : t.rows) {
    CHECK(core::rule_class(at(t, r, "rule").text) == core::RuleClass::routine);
    count += at(t, r, "count").number;
  }
  REQUIRE(t.total);
  CHECK(at(t, *t.total, "count").number == count);
  // The findings themselves are all still in the report's diagnostics.
  CHECK(test::count_rule(b.header.diagnostics, "ledger.covered-by-flat-rate") == 4);
}
