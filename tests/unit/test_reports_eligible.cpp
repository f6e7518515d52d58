#include <doctest/doctest.h>

#include <grantkit/reports/eligible.hpp>

#include "support.hpp"

using namespace grantkit;
using core::Money;
using reports::CostLine;
using reports::CostSource;

namespace {

Money sum(const std::vector<CostLine>& lines, CostSource source, const std::string& origin = "") {
  Money m;
  for (const auto& l : lines) {
    if (l.source == source && (origin.empty() || l.origin == origin)) m += l.amount;
  }
  return m;
}

core::Period year2022() { return {test::date("2022-01-01"), test::date("2022-12-31")}; }

}  // namespace

TEST_CASE("reports::eligible_costs: payroll overhead 45.24 % and indirect 15 %") {
  auto p = test::load_fixture();
  p.decision.rates["indirect"] = core::Percent::from_points(15);
  model::Outcome o;
  test::add_costs(o, {test::cost("2022-01-31", "A2", 6000000, "personal"), test::cost("2022-02-28", "A2", 4000000, "personal"),
             test::cost("2022-02-28", "A2", 123456, "externa_tjanster")});
  auto lines = reports::eligible_costs(p, o, year2022());
  CHECK(sum(lines, CostSource::booked) == Money::from_ore(10123456));
  CHECK(sum(lines, CostSource::flat_rate, "payroll_overhead") == Money::from_kronor(45240));
  CHECK(sum(lines, CostSource::flat_rate, "indirect") == Money::from_kronor(21786));  // 15 % of 145 240
  // Distributed over the months of the base, adding up exactly: 27 144 + 18 096 = 45 240.
  for (const auto& l : lines) {
    if (l.origin == "payroll_overhead" && l.month.month == 1) CHECK(l.amount == Money::from_kronor(27144));
    if (l.origin == "payroll_overhead") CHECK(l.category == "schablonkostnader");
  }
}

TEST_CASE("reports::eligible_costs: flat rates round down once, on the aggregate") {
  auto p = test::load_fixture();
  model::Outcome o;
  // Three rows of 0,01 kr: per row 45,24 % would be 0 öre each; on the aggregate 0,03 × 45,24 % = 1,36 öre → 1.
  test::add_costs(o, {test::cost("2022-01-01", "A2", 1, "personal"), test::cost("2022-02-01", "A2", 1, "personal"),
             test::cost("2022-03-01", "A2", 1, "personal")});
  auto lines = reports::eligible_costs(p, o, year2022());
  CHECK(sum(lines, CostSource::flat_rate) == Money::from_ore(1));
  // A 0 % override switches the default flat rate off.
  p.decision.rates["payroll_overhead"] = core::Percent::from_points(0);
  CHECK(sum(reports::eligible_costs(p, o, year2022()), CostSource::flat_rate).is_zero());
}

TEST_CASE("reports::eligible_costs: in-kind staff time with payroll overhead") {
  auto p = test::load_fixture();
  model::StaffEntry e;
  e.id = "kontaktperson-kommunen";
  e.organisation = "kommunen";
  e.percent = core::Percent::from_points(20);
  e.funding = model::Funding::in_kind;
  e.monthly_salary = Money::from_kronor(30000);
  e.activities = {{"A1", core::Percent::from_points(50)}, {"A2", core::Percent::from_points(50)}};
  p.staff = {e};
  model::Outcome o;
  // Three full months: 3 × 20 % × 30 000 = 18 000 kr, plus 45,24 % = 8 143,20 kr.
  auto lines = reports::eligible_costs(p, o, {test::date("2021-06-01"), test::date("2021-08-31")});
  CHECK(sum(lines, CostSource::in_kind, "kontaktperson-kommunen") == Money::from_kronor(18000));
  CHECK(sum(lines, CostSource::in_kind, "payroll_overhead") == Money::from_ore(814320));
  for (const auto& l : lines) {
    CHECK(l.category == "offentligt_bidrag_i_annat_an_pengar");
    CHECK(l.financier == "kommunen");
  }
  // Half of June 2021 (2021-06-15..30: 11 of 21 working days): 6 000 × 11 / 21 = 3 142,857… → 3 142,85.
  CHECK(reports::staff_month_value(p, e, core::Month{2021, 6}, {test::date("2021-06-15"), test::date("2021-06-30")}) ==
        Money::from_ore(314285));
  e.monthly_salary.reset();
  CHECK(reports::staff_month_value(p, e, core::Month{2021, 6}, {test::date("2021-06-01"), test::date("2021-06-30")}).is_zero());
}

TEST_CASE("model::Project::decision_on applies change decisions from their date") {
  auto p = test::load_fixture();
  model::ChangeDecision c;
  c.date = test::date("2022-06-01");
  c.aid = model::Aid{core::Percent::from_points(60), Money::from_kronor(600000)};
  p.changes = {c};
  CHECK(p.decision_on(test::date("2022-05-31")).aid.max == Money::from_kronor(500000));
  CHECK(p.decision_on(test::date("2022-06-01")).aid.max == Money::from_kronor(600000));
  CHECK(p.decision_on(test::date("2022-06-01")).budget.total == Money::from_kronor(1000000));  // not named: kept
}

TEST_CASE("model::Outcome sums every row and keeps whole only the rows of its detail period") {
  model::Outcome o;
  o.keep_all = false;
  o.detail = core::Period{test::date("2022-02-01"), test::date("2022-02-28")};
  o.add_cost(test::cost("2022-01-31", "A2", 100, "personal"));
  o.add_cost(test::cost("2022-02-01", "A2", 200, "personal"));
  o.add_cost(test::cost("2022-02-01", "A2", 300, "personal"));
  o.add_cost(test::cost("2022-03-01", "A1", 400, "externa_tjanster"));
  CHECK(o.costs.size() == 2);  // only February's rows are kept whole
  auto all = o.booked_in({test::date("2021-06-01"), test::date("2023-03-31")});
  REQUIRE(all.size() == 3);  // one sum per day, activity and category, in date order
  CHECK(all[0].second == Money::from_ore(100));
  CHECK(all[1].second == Money::from_ore(500));
  CHECK(o.name(all[2].first.activity) == "A1");
  CHECK(o.name(all[2].first.category) == "externa_tjanster");
  CHECK(o.booked_in({test::date("2022-02-01"), test::date("2022-02-28")}).size() == 1);
}
