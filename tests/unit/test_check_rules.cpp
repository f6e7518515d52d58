#include <doctest/doctest.h>

#include <grantkit/check/rules.hpp>
#include <grantkit/io/project_loader.hpp>

#include "support.hpp"

using namespace grantkit;
using core::Money;
using test::count_rule;

namespace {

using test::date;
core::Date d(const char* s) {
  return date(s);
}
model::Project base() {
  return test::load_fixture();
}

model::StaffEntry person(const char* id, std::int64_t points,
                         std::optional<core::Period> period = std::nullopt) {
  model::StaffEntry e;
  e.id = id;
  e.organisation = "region-test";
  e.percent = core::Percent::from_points(points);
  e.period = period;
  return e;
}

core::Diagnostics run(const model::Project& p) {
  core::Diagnostics diags;
  check::check_project(p, diags);
  return diags;
}

model::Transaction tx(const char* iso, const char* activity, std::int64_t kronor,
                      const char* category = "externa_tjanster") {
  return test::cost(iso, activity, kronor * 100, category);
}

}  // namespace

TEST_CASE("check::check_project is silent on a consistent project") {
  auto p = base();
  p.staff = {person("a", 50), person("a", 50, core::Period{d("2022-01-01"), d("2022-06-30")})};
  p.staff[1].id = "b";
  CHECK(run(p).empty());
}

TEST_CASE("check: budget.activities-sum") {
  auto p = base();
  p.activities[0].budget = Money::from_kronor(400001);
  auto diags = run(p);
  CHECK(count_rule(diags, "budget.activities-sum") == 1);
  CHECK(diags.items().front().message.find("1 000 001 kr") != std::string::npos);
  p.activities[0].budget = Money::from_kronor(400000);
  p.decision.budget.categories["personal"] = Money::from_kronor(1);
  CHECK(count_rule(run(p), "budget.categories-sum") == 1);
}

TEST_CASE("check: activity.period") {
  auto p = base();
  p.activities[1].period.to = d("2023-04-01");
  CHECK(count_rule(run(p), "activity.period") == 1);
  p.activities[1].period.to = d("2023-03-31");
  CHECK(count_rule(run(p), "activity.period") == 0);
}

TEST_CASE("check: financing.total-mismatch") {
  auto p = base();
  p.financing[0].total = Money::from_kronor(500001);
  auto diags = run(p);
  CHECK(count_rule(diags, "financing.total-mismatch") == 1);
}

TEST_CASE("check: financing.unresolved and financing.plan-balance") {
  auto p = base();
  CHECK(count_rule(run(p), "financing.plan-balance") == 0);  // 500 000 + aid 500 000 = 1 000 000
  p.financing.push_back({});
  p.financing.back().id = "helsingborg";
  p.financing.back().status = model::FinancingStatus::to_be_redistributed;
  auto diags = run(p);
  CHECK(count_rule(diags, "financing.unresolved") == 1);
  CHECK(count_rule(diags, "financing.plan-balance") == 1);  // cannot be balanced: a warning
  CHECK_FALSE(diags.has_errors());
  p.financing.pop_back();
  p.decision.aid.max = Money::from_kronor(499999);
  auto unbalanced = run(p);
  CHECK(count_rule(unbalanced, "financing.plan-balance") == 1);
  CHECK(unbalanced.has_errors());
  p.decision.aid = {};
  auto unknown = run(p);
  CHECK(count_rule(unknown, "financing.plan-balance") == 1);
  CHECK(unknown.items().front().message.find("aid is not stated") != std::string::npos);
}

TEST_CASE("check: staff.over-allocated sums entries at each date") {
  auto p = base();
  p.staff = {person("a", 60), person("a", 50, core::Period{d("2022-03-01"), d("2022-04-30")})};
  auto diags = run(p);
  CHECK(count_rule(diags, "staff.over-allocated") == 1);
  CHECK(diags.has_errors());
  // Back to back, never at the same time: no finding for over-allocation.
  p.staff = {person("a", 60, core::Period{d("2021-06-01"), d("2022-02-28")}),
             person("a", 50, core::Period{d("2022-03-01"), d("2022-04-30")})};
  CHECK(count_rule(run(p), "staff.over-allocated") == 0);
  CHECK(count_rule(run(p), "staff.duplicate-entry") == 0);
}

TEST_CASE("check: staff.duplicate-entry") {
  auto p = base();
  p.staff = {person("kontaktperson-malmo", 10), person("kontaktperson-malmo", 20)};
  auto diags = run(p);
  CHECK(count_rule(diags, "staff.duplicate-entry") == 1);
  CHECK(count_rule(diags, "staff.over-allocated") == 0);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("check: staff.period") {
  auto p = base();
  p.staff = {person("a", 50, core::Period{d("2021-05-01"), d("2021-12-31")})};
  CHECK(count_rule(run(p), "staff.period") == 1);
  p.staff = {person("a", 50, core::Period{d("2021-06-01"), d("2022-12-31")})};  // past full time
  CHECK(count_rule(run(p), "staff.period") == 1);
  p.staff = {person("a", 50, core::Period{d("2021-06-01"), d("2022-11-30")})};
  CHECK(count_rule(run(p), "staff.period") == 0);
}

TEST_CASE("check: ref.unknown") {
  auto p = base();
  p.staff = {person("a", 50)};
  p.staff[0].organisation = "okand-kommun";
  CHECK(count_rule(run(p), "ref.unknown") == 1);
  p.staff[0].organisation = "kommunen";  // a financier is an organisation too
  CHECK(count_rule(run(p), "ref.unknown") == 0);
  p.staff[0].activities["A9"] = core::Percent::from_points(100);
  p.staff[0].activity_places["A9"] = {};
  CHECK(count_rule(run(p), "ref.unknown") == 1);
  p.staff[0].activities.clear();
  p.decision.budget.categories["personalkostnader"] = Money::from_kronor(0);
  p.decision.budget.category_places["personalkostnader"] = {};
  CHECK(count_rule(run(p), "ref.unknown") == 1);
}

TEST_CASE("check::classify_outcome excludes with rule ids") {
  auto p = base();
  std::vector<model::Transaction> rows = {
      tx("2021-05-31", "A1", 100),  // before the eligible period
      tx("2021-06-01", "A1", 200),  // first eligible day
      tx("2023-03-31", "", 300),    // last eligible day (a final-reporting cost: no activity)
      tx("2023-04-01", "A2", 400),  // after
      tx("2022-01-10", "A9", 500),  // unknown activity
      tx("2022-01-10", "A2", 600, "kaffe"),  // unknown category
      tx("2022-01-10", "A2", 700),           // eligible: no
      tx("2022-01-10", "", 50000, "financing"),
  };
  rows[6].eligible = "no";
  rows[7].financier = "kommunen";
  core::Diagnostics diags;
  auto out = check::classify_outcome(p, rows, diags);
  CHECK(out.costs.size() == 2);
  CHECK(out.financing.size() == 1);
  CHECK(out.excluded.size() == 5);
  CHECK(count_rule(diags, "ledger.outside-eligible-period") == 2);
  CHECK(count_rule(diags, "ledger.unknown-activity") == 1);
  CHECK(count_rule(diags, "ledger.unknown-category") == 1);
  CHECK(count_rule(diags, "ledger.marked-ineligible") == 1);
  rows = {tx("2022-01-10", "", 1, "financing")};
  rows[0].financier = "okand";
  core::Diagnostics d2;
  auto out2 = check::classify_outcome(p, rows, d2);
  CHECK(count_rule(d2, "financing.unknown-financier") == 1);
  CHECK(out2.excluded.size() == 1);
}

TEST_CASE("check::check_project checks each change decision's version") {
  auto p = base();
  model::ChangeDecision c;
  c.date = d("2022-06-01");
  model::Budget b = p.decision.budget;
  b.total = Money::from_kronor(1100000);  // the activities still add up to 1 000 000
  c.budget = b;
  p.changes = {c};
  auto diags = run(p);
  CHECK(count_rule(diags, "budget.activities-sum") == 1);
  CHECK(diags.items().front().message.find("under the change decision of 2022-06-01") !=
        std::string::npos);
  p.changes[0].budget->total = Money::from_kronor(1000000);
  CHECK(run(p).empty());
}
