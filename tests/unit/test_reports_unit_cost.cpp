// A project under erdf-2021-2027 (data/programmes/erdf-2021-2027.yaml, the shipped rule set)
// computed to the öre from Tillväxtverket's rules for 2021–2027 (Handbok för EU-projekt 2021–2027,
// "Kostnader som är stödberättigande för alla typer av projekt", "Rapportering av kostnader"):
//   unit cost per hour = ordinary monthly salary × 12 / 1 720, raised 2,4 % every 12 months in the
//   project; staff cost = hours × the unit cost in force; a fixed share is 1 720 h × share × the
//   share of the year; flat rates 40 % (other_costs_40, covering all other costs) and 15 %
//   (indirect_15) of direct staff costs (CPR 2021/1060 art. 54(b), 56).
// Every expected figure below is worked out by hand in the comment beside it.
#include <algorithm>
#include <memory>

#include <doctest/doctest.h>

#include <grantkit/check/rules.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/reports/eligible.hpp>
#include <grantkit/reports/paperwork.hpp>

#include "support.hpp"

using namespace grantkit;
using core::Money;

namespace {

const char* kProject2024 = R"(schema: grantkit/project/1
project: {id: fjord, name: Fjordprojektet, owner: Region Nord, programme: erdf-2021-2027, currency: SEK}
organisations:
  - {id: region-nord, name: Region Nord, role: owner}
decision:
  case_id: "20240001"
  date: 2024-02-01
  eligible: {from: 2024-03-01, to: 2026-02-28}
  aid: {rate: 40%, max: 2000000}
  rates: {other_costs_40: 40%}
  budget:
    total: 5000000
changes: []
full_time: {from: 2024-03-01, to: 2026-02-28}
activities:
  - {id: A1, name: "Analys", budget: 2000000, period: {from: 2024-03-01, to: 2026-02-28}}
  - {id: A2, name: "Pilot", budget: 3000000, period: {from: 2024-03-01, to: 2026-02-28}}
financing:
  - {id: region-nord, name: Region Nord, type: public, cash: 3000000, in_kind: 0, total: 3000000}
)";

const char* kStaff2024 = R"(schema: grantkit/staff/1
staff:
  - {id: analytiker-region-nord, role: Analytiker, organisation: region-nord, percent: 100%, basis: hourly,
     funding: cash, monthly_salary: 38700, period: {from: 2024-03-01, to: 2026-02-28}}
  - {id: projektledare-region-nord, role: Projektledare, organisation: region-nord, percent: 50%,
     basis: fixed_percent, funding: cash, monthly_salary: 46000, period: {from: 2025-01-01, to: 2026-02-28},
     activities: {A1: 50%, A2: 50%}}
)";

model::TimeEntry hours(const char* person, const char* activity, int year, int month,
                       std::int64_t minutes) {
  model::TimeEntry t;
  t.person = person;
  t.activity = activity;
  t.month = {year, month};
  t.seconds = minutes * 60;
  return t;
}

model::Transaction booked(const char* date, const char* category, std::int64_t kronor) {
  model::Transaction t;
  t.date = *core::parse_iso_date(date);
  t.activity = "A1";
  t.category = category;
  t.amount = Money::from_kronor(kronor);
  t.voucher = "V1";
  return t;
}

struct Loaded {
  test::TempDir dir;
  model::Project project;
  model::Outcome outcome;
  core::Diagnostics diags;
};

std::unique_ptr<Loaded> load(const std::string& rates) {
  auto l = std::make_unique<Loaded>();
  l->dir.write("project.yaml", test::replaced(kProject2024, "{other_costs_40: 40%}", rates));
  l->dir.write("staff.yaml", kStaff2024);
  auto p = io::load_project(l->dir.path(), test::data_dir(), l->diags);
  REQUIRE(p);
  l->project = *p;
  std::vector<model::Transaction> rows = {
      booked("2025-01-25", "personal", 30000),          // a booked salary: covered by the unit cost
      booked("2025-01-25", "schablonkostnader", 9426),  // its social charges: covered too
      booked("2025-02-10", "externa_tjanster", 12000),  // a consultant
  };
  l->outcome = check::classify_outcome(l->project, rows, l->diags);
  // The analyst (hourly) reports 100 h, 80 h, 90 h and 10 h 30 min in January–April 2025, on A1
  // and A2; the project manager (50 %) needs no time report.
  l->outcome.staff_time = {hours("analytiker-region-nord", "A1", 2025, 1, 100 * 60),
                           hours("analytiker-region-nord", "A1", 2025, 2, 50 * 60),
                           hours("analytiker-region-nord", "A2", 2025, 2, 30 * 60),
                           hours("analytiker-region-nord", "A2", 2025, 3, 90 * 60),
                           hours("analytiker-region-nord", "A2", 2025, 4, 10 * 60 + 30)};
  return l;
}

Money sum(const std::vector<reports::CostLine>& lines, reports::CostSource source,
          const std::string& origin = "") {
  Money m;
  for (const auto& l : lines) {
    if (l.source == source && (origin.empty() || l.origin == origin)) m += l.amount;
  }
  return m;
}

const core::Period kH1{*core::parse_iso_date("2025-01-01"), *core::parse_iso_date("2025-06-30")};

}  // namespace

TEST_CASE("erdf-2021-2027: the rule set's numbers as the handbook and CPR 2021/1060 give them") {
  core::Diagnostics d;
  auto prog = io::load_programme(test::data_dir() + "/programmes/erdf-2021-2027.yaml", d);
  REQUIRE(prog);
  CHECK(d.items().empty());
  CHECK(prog->staff_unit_cost);
  CHECK(prog->full_time.annual_minutes == 1720 * 60);
  CHECK(prog->hourly_rate_index == core::parse_percent("2.4%").value());
  CHECK(prog->hourly_rate_index_months == 12);
  CHECK(prog->period->iso() == "2021-01-01..2029-12-31");
  for (const auto& [id, rate] :
       {std::pair{"indirect_7", "7%"}, {"indirect_15", "15%"}, {"other_costs_40", "40%"}}) {
    auto it = std::find_if(prog->flat_rates.begin(), prog->flat_rates.end(),
                           [&](const model::FlatRate& f) { return f.id == id; });
    REQUIRE(it != prog->flat_rates.end());
    CHECK(it->rate == core::parse_percent(rate).value());
    CHECK_FALSE(it->applies_by_default);  // the decision names the one that applies
  }
}

TEST_CASE("erdf-2021-2027: unit cost per hour, indexed every 12 months from the person's start") {
  auto l = load("{other_costs_40: 40%}");
  const auto& analyst = l->project.staff[0];  // started 2024-03
  const auto& manager = l->project.staff[1];  // started 2025-01
  // 38 700 × 12 / 1 720 = 270.00 kr/h; from 2025-03 (12 months in) × 1.024 = 276.48 kr/h.
  CHECK(reports::hourly_rate(l->project, analyst, {2025, 2}) == Money::from_ore(27000));
  CHECK(reports::hourly_rate_index_steps(l->project, analyst, {2025, 3}) == 1);
  CHECK(reports::hourly_rate(l->project, analyst, {2025, 3}) == Money::from_ore(27648));
  // 46 000 × 12 / 1 720 = 320.9302… → 320.93 kr/h (rounded down to öre), not yet indexed.
  CHECK(reports::hourly_rate(l->project, manager, {2025, 6}) == Money::from_ore(32093));
  CHECK(reports::staff_hours_cost(90 * 60, Money::from_ore(27648)) ==
        Money::from_ore(41472));  // 1.5 h × 276.48
}

TEST_CASE(
    "erdf-2021-2027: staff from hours × unit cost, 40 % covering all other costs, booked costs "
    "excluded") {
  auto l = load("{other_costs_40: 40%}");
  // Booked salary and social charges are covered by the unit cost, the consultant by the 40 %.
  CHECK(l->outcome.excluded_count["ledger.covered-by-unit-cost"] == 2);
  CHECK(l->outcome.excluded_count["ledger.covered-by-flat-rate"] == 1);
  CHECK(l->outcome.costs.empty());

  auto lines = reports::eligible_costs(l->project, l->outcome, kH1);
  // Analyst: (100 + 80) h × 270.00 = 48 600.00; (90 + 10.5) h × 276.48 = 27 786.24.
  CHECK(sum(lines, reports::CostSource::unit_cost, "analytiker-region-nord") ==
        Money::from_ore(7638624));
  // Manager: 1 720 h × 50 % × 6/12 = 430 h × 320.93 = 137 999.90.
  CHECK(sum(lines, reports::CostSource::unit_cost, "projektledare-region-nord") ==
        Money::from_ore(13799990));
  // 40 % of 214 386.14 = 85 754.456 → 85 754.45.
  CHECK(sum(lines, reports::CostSource::flat_rate, "other_costs_40") == Money::from_ore(8575445));
  CHECK(sum(lines, reports::CostSource::booked).is_zero());

  // The paperwork's staff cost rows agree with the claim's lines and show the unit cost and index
  // step: the analyst has one row per unit cost (Jan–Feb at 270.00, Mar–Jun at 276.48).
  auto rows = reports::staff_cost_rows(l->project, l->outcome.staff_time, kH1);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].person == "analytiker-region-nord");
  CHECK(rows[0].hourly_rate == Money::from_ore(27000));
  CHECK(rows[0].index_steps == 0);
  CHECK(rows[0].seconds == 180 * 3600);
  CHECK(rows[0].cost == Money::from_ore(4860000));
  CHECK(rows[1].hourly_rate == Money::from_ore(27648));
  CHECK(rows[1].index_steps == 1);
  CHECK(rows[1].seconds == (100 * 60 + 30) * 60);
  CHECK(rows[1].cost == Money::from_ore(2778624));
  CHECK(rows[2].person == "projektledare-region-nord");
  CHECK(rows[2].seconds == 430 * 3600);
  CHECK(rows[2].cost == Money::from_ore(13799990));
  Money row_total;
  for (const auto& r : rows) row_total += *r.cost;
  CHECK(row_total == sum(lines, reports::CostSource::unit_cost));
}

TEST_CASE(
    "erdf-2021-2027: 15 % of staff costs for indirect costs leaves other booked costs eligible") {
  auto l = load("{indirect_15: 15%}");
  CHECK(l->outcome.excluded_count["ledger.covered-by-unit-cost"] == 2);
  CHECK(l->outcome.excluded_count.count("ledger.covered-by-flat-rate") == 0);
  auto lines = reports::eligible_costs(l->project, l->outcome, kH1);
  CHECK(sum(lines, reports::CostSource::booked) == Money::from_kronor(12000));  // the consultant
  // 15 % of 214 386.14 = 32 157.921 → 32 157.92.
  CHECK(sum(lines, reports::CostSource::flat_rate, "indirect_15") == Money::from_ore(3215792));
  CHECK(sum(lines, reports::CostSource::flat_rate, "other_costs_40").is_zero());
}

TEST_CASE("erdf-2014-2020 keeps booked salaries: no unit-cost exclusion") {
  auto l = std::make_unique<Loaded>();
  l->dir.write("project.yaml", test::kValidProject);
  auto p = io::load_project(l->dir.path(), test::data_dir(), l->diags);
  REQUIRE(p);
  auto o = check::classify_outcome(*p, {booked("2021-07-01", "personal", 30000)}, l->diags);
  CHECK(o.excluded_count.count("ledger.covered-by-unit-cost") == 0);
  CHECK(o.costs.size() == 1);
}

TEST_CASE("decision.programme-period: silent inside the programme's period, placed when outside") {
  auto run = [](const std::string& project) {
    test::TempDir dir;
    dir.write("project.yaml", project);
    dir.write("staff.yaml", kStaff2024);
    core::Diagnostics d;
    auto p = io::load_project(dir.path(), test::data_dir(), d);
    REQUIRE(p);
    core::Diagnostics found;
    check::check_project(*p, found);
    std::vector<core::Diagnostic> out;
    for (const auto& x : found.items()) {
      if (x.rule == "decision.programme-period") out.push_back(x);
    }
    return out;
  };
  CHECK(run(kProject2024).empty());  // 2024-03-01..2026-02-28 inside 2021-01-01..2029-12-31
  // A change decision lengthening the period past 2029-12-31 is placed at the change decision.
  auto late =
      run(test::replaced(kProject2024, "changes: []",
                         "changes:\n  - {date: 2025-05-01, case_id: \"20240001-1\", eligible: "
                         "{from: 2024-03-01, to: 2030-03-31}}"));
  REQUIRE(late.size() == 1);
  CHECK(late[0].place.line == 14);  // the change decision
  CHECK(late[0].message.find("2030-03-31") != std::string::npos);
}
