// The eligibility rules of check::classify_outcome that issue 5 adds: each made to fire.
#include <doctest/doctest.h>

#include <grantkit/check/rules.hpp>
#include <grantkit/io/project_loader.hpp>

#include "support.hpp"

using namespace grantkit;
using core::Money;
using model::AccountKind;
using test::count_rule;

namespace {

model::Transaction row(AccountKind kind, const char* category = "externa_tjanster",
                       const char* account = "6550") {
  model::Transaction t = test::cost("2022-03-01", "A2", 10000, category);
  t.account = account;
  t.account_kind = kind;
  t.place = {"ledger/x.se", 12, 0};
  return t;
}

struct Run {
  model::Outcome out;
  core::Diagnostics diags;
};

Run classify(const model::Project& p, std::vector<model::Transaction> rows) {
  Run r;
  r.out = check::classify_outcome(p, std::move(rows), r.diags);
  return r;
}

// Exactly one row excluded, by `rule`, with a diagnostic of `severity` at the row's place.
void excluded_by(const Run& r, const std::string& rule,
                 core::Severity severity = core::Severity::warning) {
  CHECK(r.out.costs.empty());
  REQUIRE(r.out.excluded.size() == 1);
  CHECK(r.out.excluded[0].rule == rule);
  REQUIRE(count_rule(r.diags, rule) == 1);
  const auto& d = r.diags.items().front();
  CHECK(d.severity == severity);
  CHECK(d.place.file == "ledger/x.se");
  CHECK(d.place.line == 12);
}

}  // namespace

TEST_CASE("check: a cost row with a category and a plain cost account is eligible") {
  auto p = test::load_fixture();
  auto r = classify(p, {row(AccountKind::cost)});
  CHECK(r.out.costs.size() == 1);
  CHECK(r.diags.empty());
}

TEST_CASE("check: ledger.unmapped-account") {
  auto p = test::load_fixture();
  auto r = classify(p, {row(AccountKind::cost, "", "7832")});
  excluded_by(r, "ledger.unmapped-account", core::Severity::error);
  CHECK(r.diags.items().front().message.find("7832") != std::string::npos);
  // Also without any plan (kind unknown) and no category.
  auto r2 = classify(p, {row(AccountKind::unknown, "", "4010")});
  excluded_by(r2, "ledger.unmapped-account", core::Severity::error);
}

TEST_CASE("check: ledger.financial-cost") {
  auto p = test::load_fixture();
  // BAS 8410 Räntekostnader: excluded even where the row names a category.
  auto r = classify(p, {row(AccountKind::financial, "ovriga_kostnader", "8410")});
  excluded_by(r, "ledger.financial-cost");
}

TEST_CASE("check: ledger.not-this-project") {
  auto p = test::load_fixture();
  auto t = row(AccountKind::cost);
  t.other_project = true;
  auto r = classify(p, {t, t, t});
  // Counted, and reported once as information: a region's ledger holds every other project's rows
  // too, millions of them.
  CHECK(r.out.costs.empty());
  CHECK(r.out.excluded.size() == 3);
  CHECK(r.out.excluded_count.at("ledger.not-this-project") == 3);
  REQUIRE(count_rule(r.diags, "ledger.not-this-project") == 1);
  CHECK(r.diags.items().front().severity == core::Severity::info);
  CHECK(r.diags.items().front().message.find("3 ledger rows of other projects") !=
        std::string::npos);
}

TEST_CASE("check: ledger.vat unless the decision makes VAT eligible") {
  auto p = test::load_fixture();
  auto vat = row(AccountKind::vat, "", "2641");
  excluded_by(classify(p, {vat}), "ledger.vat");  // vat_eligible not stated
  p.decision.vat_eligible = false;
  excluded_by(classify(p, {vat}), "ledger.vat");
  p.decision.vat_eligible = true;
  // Eligible VAT needs the purchase's category (account_map); without one it is unmapped.
  excluded_by(classify(p, {vat}), "ledger.unmapped-account", core::Severity::error);
  auto mapped = row(AccountKind::vat, "externa_tjanster", "2641");
  auto r = classify(p, {mapped});
  CHECK(r.out.costs.size() == 1);
}

TEST_CASE("check: ledger.covered-by-flat-rate") {
  auto p = test::load_fixture();
  // BAS 7510 arbetsgivaravgifter → schablonkostnader, which payroll_overhead (on by default in
  // erdf-2014-2020) covers.
  auto social = row(AccountKind::cost, "schablonkostnader", "7510");
  auto r = classify(p, {social});
  excluded_by(r, "ledger.covered-by-flat-rate");
  CHECK(r.diags.items().front().message.find("payroll_overhead") != std::string::npos);
  // staff_intensive (off by default) covers external services once the decision names it.
  auto ext = row(AccountKind::cost, "externa_tjanster");
  CHECK(classify(p, {ext}).out.costs.size() == 1);
  p.decision.rates["staff_intensive"] = core::Percent::from_points(40);
  excluded_by(classify(p, {ext}), "ledger.covered-by-flat-rate");
  // A decision that switches payroll overhead off (0 %): booked social charges are not covered.
  p.decision.rates["payroll_overhead"] = core::Percent::from_points(0);
  CHECK(classify(p, {social}).out.costs.size() == 1);
}

TEST_CASE("check: ledger.not-a-cost") {
  auto p = test::load_fixture();
  excluded_by(classify(p, {row(AccountKind::balance, "", "1930")}), "ledger.not-a-cost");
  excluded_by(classify(p, {row(AccountKind::other, "", "8910")}), "ledger.not-a-cost");
  // An explicit category on the row is trusted.
  CHECK(classify(p, {row(AccountKind::balance, "externa_tjanster", "1930")}).out.costs.size() == 1);
}
