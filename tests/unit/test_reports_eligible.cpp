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

core::Period year2022() {
  return {test::date("2022-01-01"), test::date("2022-12-31")};
}

}  // namespace

TEST_CASE("reports::eligible_costs: payroll overhead 45.24 % and indirect 15 %") {
  auto p = test::load_fixture();
  p.decision.rates["indirect"] = core::Percent::from_points(15);
  model::Outcome o;
  test::add_costs(o, {test::cost("2022-01-31", "A2", 6000000, "personal"),
                      test::cost("2022-02-28", "A2", 4000000, "personal"),
                      test::cost("2022-02-28", "A2", 123456, "externa_tjanster")});
  auto lines = reports::eligible_costs(p, o, year2022());
  CHECK(sum(lines, CostSource::booked) == Money::from_ore(10123456));
  CHECK(sum(lines, CostSource::flat_rate, "payroll_overhead") == Money::from_kronor(45240));
  CHECK(sum(lines, CostSource::flat_rate, "indirect") ==
        Money::from_kronor(21786));  // 15 % of 145 240
  // Distributed over the months of the base, adding up exactly: 27 144 + 18 096 = 45 240.
  for (const auto& l : lines) {
    if (l.origin == "payroll_overhead" && l.month.month == 1)
      CHECK(l.amount == Money::from_kronor(27144));
    if (l.origin == "payroll_overhead") CHECK(l.category == "schablonkostnader");
  }
}

TEST_CASE("reports::eligible_costs: flat rates round down once, on the aggregate") {
  auto p = test::load_fixture();
  model::Outcome o;
  // Three rows of 0,01 kr: per row 45,24 % would be 0 öre each; on the aggregate 0,03 × 45,24 % =
  // 1,36 öre → 1.
  test::add_costs(o, {test::cost("2022-01-01", "A2", 1, "personal"),
                      test::cost("2022-02-01", "A2", 1, "personal"),
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
  // Half of June 2021 (2021-06-15..30: 11 of 21 working days): 6 000 × 11 / 21 = 3 142,857… → 3
  // 142,85.
  CHECK(reports::staff_month_value(p, e, core::Month{2021, 6},
                                   {test::date("2021-06-15"), test::date("2021-06-30")}) ==
        Money::from_ore(314285));
  e.monthly_salary.reset();
  CHECK(reports::staff_month_value(p, e, core::Month{2021, 6},
                                   {test::date("2021-06-01"), test::date("2021-06-30")})
            .is_zero());
}

TEST_CASE("model::Project::decision_on applies change decisions from their date") {
  auto p = test::load_fixture();
  model::ChangeDecision c;
  c.date = test::date("2022-06-01");
  c.aid = model::Aid{core::Percent::from_points(60), Money::from_kronor(600000), std::nullopt};
  p.changes = {c};
  CHECK(p.decision_on(test::date("2022-05-31")).aid.max == Money::from_kronor(500000));
  CHECK(p.decision_on(test::date("2022-06-01")).aid.max == Money::from_kronor(600000));
  CHECK(p.decision_on(test::date("2022-06-01")).budget.total ==
        Money::from_kronor(1000000));  // not named: kept
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

TEST_CASE(
    "model::Project::on: a change decision's budget, activities, financing, rates and aid from its "
    "date") {
  auto p = test::load_fixture();
  model::ChangeDecision c;
  c.date = test::date("2022-09-15");
  model::Budget moved;
  moved.categories = {{"personal", Money::from_kronor(650000)},
                      {"externa_tjanster", Money::from_kronor(350000)}};
  c.budget = moved;
  c.aid = model::Aid{core::Percent::from_points(50), Money::from_kronor(450000), std::nullopt};
  c.rates["indirect"] = core::Percent::from_points(15);
  model::ActivityChange a2;
  a2.id = "A2";
  a2.budget = Money::from_kronor(550000);
  a2.period = core::Period{test::date("2022-01-01"), test::date("2023-02-28")};
  model::ActivityChange a3;
  a3.id = "A3";
  a3.budget = Money::from_kronor(50000);
  a3.period = core::Period{test::date("2022-10-01"), test::date("2023-03-31")};
  c.activities = {a2, a3};
  model::FinancierChange f;
  f.id = "kommunen";
  f.cash = Money::from_kronor(250000);
  f.total = Money::from_kronor(450000);
  c.financing = {f};
  p.changes = {c};

  auto before = p.on(test::date("2022-09-14"));
  CHECK(before.decision.budget.categories.at("personal") == Money::from_kronor(600000));
  CHECK(before.decision.aid.max == Money::from_kronor(500000));
  CHECK(before.decision.rates.count("indirect") == 0);
  CHECK(before.activities.size() == 2);
  CHECK(before.find_activity("A2")->budget == Money::from_kronor(600000));
  CHECK(before.find_financier("kommunen")->cash == Money::from_kronor(300000));

  auto after = p.on(test::date("2022-09-15"));
  CHECK(after.in_force_on == test::date("2022-09-15"));
  CHECK(after.decision.budget.categories.at("personal") == Money::from_kronor(650000));
  CHECK(after.decision.budget.categories.at("externa_tjanster") == Money::from_kronor(350000));
  CHECK(after.decision.budget.total == Money::from_kronor(1000000));  // not named: kept
  CHECK(after.decision.aid.max == Money::from_kronor(450000));
  CHECK(after.decision.rates.at("indirect") == core::Percent::from_points(15));
  REQUIRE(after.activities.size() == 3);
  CHECK(after.find_activity("A2")->budget == Money::from_kronor(550000));
  CHECK(after.find_activity("A2")->period.to == test::date("2023-02-28"));
  CHECK(after.find_activity("A2")->name == "Utbildning");  // not named: kept
  CHECK(after.find_activity("A3")->period.from == test::date("2022-10-01"));
  CHECK(after.find_financier("kommunen")->cash == Money::from_kronor(250000));
  CHECK(after.find_financier("kommunen")->in_kind == Money::from_kronor(200000));  // kept
  // A view taken as of a date still knows the decision of an earlier one.
  CHECK(after.decision_on(test::date("2022-01-01")).aid.max == Money::from_kronor(500000));
  CHECK(after.on(test::date("2022-01-01")).find_activity("A2")->budget ==
        Money::from_kronor(600000));
}

TEST_CASE(
    "reports::eligible_costs: a flat rate changed by a change decision applies from its date "
    "only") {
  auto p = test::load_fixture();
  model::ChangeDecision c;
  c.date = test::date("2022-03-01");
  c.rates["indirect"] = core::Percent::from_points(15);
  p.changes = {c};
  model::Outcome o;
  test::add_costs(o, {test::cost("2022-01-31", "A2", 1000000, "personal"),
                      test::cost("2022-03-31", "A2", 1000000, "personal")});
  auto lines = reports::eligible_costs(p, o, year2022());
  CHECK(sum(lines, CostSource::flat_rate, "payroll_overhead") ==
        Money::from_ore(904800));  // 45,24 % of 20 000 kr
  // 15 % of March's 10 000 kr + 45,24 % only: 2 178,60 kr; January's costs carry none.
  CHECK(sum(lines, CostSource::flat_rate, "indirect") == Money::from_ore(217860));
  for (const auto& l : lines) {
    if (l.origin == "indirect") CHECK(l.month.month == 3);
  }
}
