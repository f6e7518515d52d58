#include <doctest/doctest.h>

#include <grantkit/render/render.hpp>
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/cofinancing.hpp>

#include "support.hpp"
#include "views.hpp"

using namespace grantkit;
using core::Money;
using reports::Cell;

namespace {

reports::ReportWindow window(const model::Project& p, const char* as_of, const char* period) {
  return *reports::make_window(p, test::date(as_of), *core::parse_period_expression(period),
                               test::date("2030-01-01"));
}

core::Diagnostics period_findings(const model::Project& p, const char* period) {
  core::Diagnostics d;
  reports::check_claim_period(p, *core::parse_period_expression(period), d);
  return d;
}

// The value `key` of the document's `aid` object.
const Cell& aid(const reports::Document& doc, const std::string& key) {
  for (const auto& [name, value] : doc.values) {
    if (name != "aid") continue;
    for (const auto& [k, v] : value.entries) {
      if (k == key) return v;
    }
  }
  FAIL("no aid." << key);
  static Cell none;
  return none;
}

const reports::Table& table(const reports::Document& doc, const std::string& key) {
  for (const auto& t : doc.tables) {
    if (t.key == key) return t;
  }
  FAIL("no table " << key);
  return doc.tables.front();
}

std::int64_t column_sum(const reports::Table& t, std::size_t col) {
  std::int64_t s = 0;
  for (const auto& r : t.rows) s += r[col].number;
  return s;
}

}  // namespace

TEST_CASE("reports::check_claim_period") {
  auto p = test::load_fixture();
  CHECK(period_findings(p, "2022-H1").empty());
  CHECK(period_findings(p, "2022-03").empty());
  CHECK(test::count_rule(period_findings(p, "2022-11-01..2023-01-31"), "claim.period") ==
        1);  // two years
  CHECK(test::count_rule(period_findings(p, "2022-01-01..2022-07-31"), "claim.period") ==
        1);  // 7 months
  CHECK(test::count_rule(period_findings(p, "2022-01-15..2022-02-28"), "claim.period") ==
        1);  // not whole months
  CHECK(test::count_rule(period_findings(p, "2021-05"), "claim.period") ==
        1);  // before the eligible period
  model::Claim earlier;
  earlier.id = "1";
  earlier.period = {test::date("2021-06-01"), test::date("2021-11-30")};
  p.claims = {earlier};
  CHECK(test::count_rule(period_findings(p, "2021-11-01..2021-12-31"), "claim.overlap") == 1);
  CHECK(period_findings(p, "2021-12").empty());
}

TEST_CASE("reports::claim_report: tables add up and aid is rate × cumulative − claimed") {
  auto p = test::load_fixture();  // aid 50 %, max 500 000; payroll overhead 45,24 %
  model::Outcome o;
  test::add_costs(o, {test::cost("2021-07-10", "A1", 10000000, "personal"),  // before the period
                      test::cost("2022-02-10", "A2", 5000000, "personal"),   // in it
                      test::cost("2022-03-10", "A2", 1234567, "externa_tjanster"),
                      test::cost("2022-07-01", "A2", 999, "externa_tjanster")});  // after it
  model::Claim earlier;
  earlier.id = "1";
  earlier.period = {test::date("2021-06-01"), test::date("2021-12-31")};
  earlier.aid_claimed = Money::from_kronor(60000);
  p.claims = {earlier};
  auto doc = test::claim_report(p, o, window(p, "2022-11-30", "2022-H1"));
  CHECK(test::count_rule(doc.diagnostics, "claim.period") == 0);
  const auto& costs = table(doc, "costs");
  // previously: 100 000 personal + 45 240 overhead (recomputed: the register says nothing of what
  // request 1 reported); this period: 50 000 + 22 620 + 12 345,67. Columns: category, approved,
  // previously_reported, deducted, this_period, late_costs, claimed, cumulative, remaining.
  CHECK(test::count_rule(doc.diagnostics, "claim.reported-recomputed") == 1);
  CHECK(costs.total->at(2).number == 14524000);
  CHECK(costs.total->at(4).number == 5000000 + 2262000 + 1234567);
  CHECK(costs.total->at(5).number == 0);
  CHECK(costs.total->at(6).number == costs.total->at(4).number + costs.total->at(5).number);
  CHECK(costs.total->at(7).number == costs.total->at(2).number + costs.total->at(6).number);
  for (std::size_t c = 2; c <= 7; ++c) CHECK(column_sum(costs, c) == costs.total->at(c).number);
  for (const auto& r : costs.rows) CHECK(r[7].number == r[2].number + r[6].number);
  // aid: 50 % × 230 205,67 = 115 102,83 (down) − 60 000 = 55 102,83
  CHECK(aid(doc, "cumulative_eligible").number == 23020567);
  CHECK(aid(doc, "previously_claimed").number == 6000000);
  CHECK(aid(doc, "to_claim").number == 5510283);
  // Readers see the aid as a table of labelled rows; JSON has it once, as the `aid` object.
  const auto& shown = table(doc, "aid");
  CHECK(shown.presents == "aid");
  REQUIRE(shown.rows.size() == 8);
  CHECK(shown.rows[6][0].display_sv == "Utbetalt stöd hittills");
  CHECK(shown.rows[7][0].display_sv == "Stöd att begära denna period");
  CHECK(shown.rows[7][1].number == 5510283);
  std::string json = render::render_json(doc);
  CHECK(json.find("\"aid\": {") != std::string::npos);
  CHECK(json.find("\"aid\": [") == std::string::npos);
  std::string md =
      render::render_text(doc, render::RenderOptions{render::Format::md, render::Lang::en,
                                                     render::CsvDialect::rfc4180, false});
  CHECK(md.find("| Aid to claim this period | 55,102.83 |") != std::string::npos);
  CHECK(table(doc, "transactions").rows.size() == 2);
  CHECK(table(doc, "transactions").total->back().number == 5000000 + 1234567);
}

TEST_CASE("reports::claim_report: capped by the decided maximum and the approved budget") {
  auto p = test::load_fixture();
  p.decision.rates["payroll_overhead"] = core::Percent::from_points(0);
  model::Outcome o;
  test::add_costs(o, {test::cost("2022-02-10", "A2", 90000000, "externa_tjanster")});  // 900 000 kr
  model::Claim earlier;
  earlier.id = "1";
  earlier.period = {test::date("2021-06-01"), test::date("2021-12-31")};
  earlier.aid_claimed = Money::from_kronor(420000);
  p.claims = {earlier};
  auto doc = test::claim_report(p, o, window(p, "2022-11-30", "2022-H1"));
  // 50 % × 900 000 = 450 000, under the max 500 000: 450 000 − 420 000.
  CHECK(aid(doc, "to_claim").number == 3000000);
  // A larger outcome: rate × eligible passes the max, so exactly the remainder of the max is
  // claimed.
  o.add_cost(test::cost("2022-03-10", "A2", 9000000, "externa_tjanster"));  // 990 000 kr in all
  p.decision.aid.max = Money::from_kronor(480000);
  auto capped = test::claim_report(p, o, window(p, "2022-11-30", "2022-H1"));
  CHECK(aid(capped, "to_claim").number == 6000000);  // 480 000 − 420 000
  // Above the approved budget (1 000 000): aid is computed on the budget and a warning says so.
  o.add_cost(test::cost("2022-04-10", "A2", 2000000, "externa_tjanster"));  // 1 010 000 kr
  p.decision.aid.max = Money::from_kronor(900000);
  auto over = test::claim_report(p, o, window(p, "2022-11-30", "2022-H1"));
  CHECK(aid(over, "cumulative_eligible").number == 100000000);
  CHECK(aid(over, "to_claim").number == 50000000 - 42000000);
  CHECK(test::count_rule(over.diagnostics, "claim.budget-cap") == 1);
  // Never negative.
  p.claims[0].aid_claimed = Money::from_kronor(999999);
  CHECK(aid(test::claim_report(p, o, window(p, "2022-11-30", "2022-H1")), "to_claim").number == 0);
}

TEST_CASE("reports::cofinancing_report: received, valued and expected pro rata") {
  auto p = test::load_fixture();  // kommunen: cash 300 000, in kind 200 000; eligible
                                  // 2021-06-01..2023-03-31
  model::Outcome o;
  model::Transaction cash;
  cash.date = test::date("2022-01-15");
  cash.category = "financing";
  cash.financier = "kommunen";
  cash.amount = Money::from_kronor(100000);
  o.add_financing(model::Transaction(cash));
  auto doc = test::cofinancing_report(p, o, window(p, "2022-01-31", "2022-01"));
  const auto& row = doc.tables[0].rows.at(0);
  CHECK(row[3].number == 10000000);  // received cash
  // expected: 500 000 × 245 days (2021-06-01..2022-01-31) / 669 days = 183 109,11 (down)
  CHECK(row[8].number == 50000000LL * 245 / 669);
  // 100 000 received is 45 % behind 183 109: flagged
  CHECK(row[9].list == std::vector<std::string>{"financing.shortfall"});
  CHECK(test::count_rule(doc.diagnostics, "financing.shortfall") == 1);
  cash.amount = Money::from_kronor(170000);  // 7 % behind: not flagged
  o = model::Outcome{};
  o.add_financing(model::Transaction(cash));
  auto ok = test::cofinancing_report(p, o, window(p, "2022-01-31", "2022-01"));
  CHECK(ok.tables[0].rows.at(0)[9].list.empty());
}
