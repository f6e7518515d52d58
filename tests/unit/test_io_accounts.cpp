// Account plans: the loader, range matching, and the shipped plans data/accounts/*.yaml.
#include <doctest/doctest.h>

#include <algorithm>

#include <grantkit/io/accounts_loader.hpp>
#include <grantkit/io/project_loader.hpp>

#include "support.hpp"

using namespace grantkit;
using model::AccountKind;
using test::count_rule;
using test::TempDir;

namespace {

std::string all(const core::Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items()) out += core::format_diagnostic(x) + "\n";
  return out;
}

model::AccountPlan shipped(const char* id) {
  core::Diagnostics d;
  auto plan = io::load_account_plan_id(test::data_dir(), id, {}, d);
  INFO(all(d));
  REQUIRE(plan);
  CHECK(d.empty());
  return *plan;
}

// The kind and category the plan gives `account` ("" when it gives none).
std::pair<AccountKind, std::string> lookup(const model::AccountPlan& plan, const char* account) {
  const auto* r = plan.find(account);
  if (!r) return {AccountKind::unknown, ""};
  return {r->kind, r->category};
}

}  // namespace

TEST_CASE("io::parse_account_key") {
  CHECK(io::parse_account_key("5540")->first == "5540");
  CHECK(io::parse_account_key("5540")->second == "5540");
  auto r = io::parse_account_key(" 7110 - 7129 ");
  REQUIRE(r);
  CHECK(r->first == "7110");
  CHECK(r->second == "7129");
  CHECK(
      io::parse_account_key("7110\xE2\x80\x93"
                            "7129"));  // en dash
  CHECK_FALSE(io::parse_account_key("71A0"));
  CHECK_FALSE(io::parse_account_key("7110-712"));   // bounds of different lengths
  CHECK_FALSE(io::parse_account_key("7129-7110"));  // ends before it starts
  CHECK_FALSE(io::parse_account_key("1234567890"));
  CHECK_FALSE(io::parse_account_key(""));
}

TEST_CASE("model::AccountRange matches on the leading digits, and narrower ranges win") {
  model::AccountRange group{"5020", "5029", AccountKind::cost, "personal", "", {}};
  CHECK(group.contains("5021"));
  CHECK(group.contains("50201"));  // a sub-account (underkonto)
  CHECK(group.contains("502"));    // a group account: 502 → 5020
  CHECK(group.contains("5020-1"));
  CHECK_FALSE(group.contains("5030"));
  CHECK_FALSE(group.contains("A502"));
  CHECK(group.width() == 10);
  std::vector<model::AccountRange> ranges = {
      {"5000", "5999", AccountKind::cost, "personal", "", {}},
      {"5600", "5699", AccountKind::cost, "schablonkostnader", "", {}},
      {"56101", "56101", AccountKind::cost, "ovriga_kostnader", "", {}}};
  model::sort_by_specificity(ranges);
  CHECK(model::find_range(ranges, "5610")->category == "schablonkostnader");
  CHECK(model::find_range(ranges, "56101")->category ==
        "ovriga_kostnader");  // five digits beat four
  CHECK(model::find_range(ranges, "5020")->category == "personal");
  CHECK(model::find_range(ranges, "6000") == nullptr);
}

TEST_CASE("io::load_account_plan: structure, kinds and overlaps") {
  TempDir dir;
  std::string path = dir.write("plan.yaml", R"(schema: grantkit/accounts/1
id: test
name: "Testplan"
source: "test"
ranges:
  - {accounts: "1000-2999", kind: balance, source: "klass 1-2"}
  - {accounts: "5000-5999", category: personal, source: "klass 5"}
  - {accounts: "5500-6500", category: ovriga_kostnader, source: "crosses 5999"}
  - {accounts: "8400-8499", kind: interest, source: "bad kind"}
  - {accounts: "84x0", kind: financial, source: "bad key"}
  - {accounts: "7000-7099", category: resor_och_logi}
)");
  core::Diagnostics d;
  auto plan = io::load_account_plan(path, d);
  REQUIRE(plan);
  CHECK(count_rule(d, "accounts.overlap") == 1);  // 5500-6500 crosses 5000-5999
  CHECK(count_rule(d, "yaml.type") == 1);         // kind: interest
  CHECK(count_rule(d, "accounts.range") == 1);    // 84x0
  CHECK(count_rule(d, "yaml.missing-key") == 1);  // a range without source
  CHECK(plan->id == "test");
  CHECK(lookup(*plan, "1930").first == AccountKind::balance);
}

TEST_CASE("data/accounts/bas.yaml: BAS kontoklasser to Tillväxtverket's cost categories") {
  auto bas = shipped("bas");
  CHECK(bas.id == "bas");
  using P = std::pair<AccountKind, std::string>;
  CHECK(lookup(bas, "1930") == P{AccountKind::balance, ""});
  CHECK(lookup(bas, "2440") == P{AccountKind::balance, ""});
  CHECK(lookup(bas, "2641") == P{AccountKind::vat, ""});
  CHECK(lookup(bas, "3010") == P{AccountKind::income, "intakter"});
  CHECK(lookup(bas, "4010") == P{AccountKind::cost, "investeringar_materiel_lokaler"});
  CHECK(lookup(bas, "4600") == P{AccountKind::cost, "externa_tjanster"});
  CHECK(lookup(bas, "5010") == P{AccountKind::cost, "investeringar_materiel_lokaler"});
  CHECK(lookup(bas, "5810") == P{AccountKind::cost, "resor_och_logi"});
  CHECK(lookup(bas, "5831") == P{AccountKind::cost, "resor_och_logi"});
  CHECK(lookup(bas, "6150") == P{AccountKind::cost, "ovriga_kostnader"});
  CHECK(lookup(bas, "6550") == P{AccountKind::cost, "externa_tjanster"});
  CHECK(lookup(bas, "6570") == P{AccountKind::financial, ""});  // bank fees
  CHECK(lookup(bas, "7210") == P{AccountKind::cost, "personal"});
  CHECK(lookup(bas, "7331") == P{AccountKind::cost, "resor_och_logi"});     // bilersättning
  CHECK(lookup(bas, "7411") == P{AccountKind::cost, "schablonkostnader"});  // pension
  CHECK(lookup(bas, "7510") == P{AccountKind::cost, "schablonkostnader"});  // arbetsgivaravgifter
  CHECK(lookup(bas, "7610") == P{AccountKind::cost, "ovriga_kostnader"});
  CHECK(lookup(bas, "7832") == P{AccountKind::cost, ""});  // avskrivningar: the project decides
  CHECK(lookup(bas, "7960") == P{AccountKind::financial, ""});  // exchange losses
  CHECK(lookup(bas, "8310") == P{AccountKind::financial, ""});
  CHECK(lookup(bas, "8410") == P{AccountKind::financial, ""});  // interest
  CHECK(lookup(bas, "8910") == P{AccountKind::other, ""});
  CHECK(lookup(bas, "9100") == P{AccountKind::other, ""});
}

TEST_CASE("data/accounts/kommun-bas.yaml: Kommun-Bas to Tillväxtverket's cost categories") {
  auto kb = shipped("kommun-bas");
  using P = std::pair<AccountKind, std::string>;
  CHECK(lookup(kb, "1930") == P{AccountKind::balance, ""});
  CHECK(lookup(kb, "3530") == P{AccountKind::income, "intakter"});
  CHECK(lookup(kb, "5020") == P{AccountKind::cost, "personal"});
  CHECK(lookup(kb, "50201") == P{AccountKind::cost, "personal"});  // sub-account
  CHECK(lookup(kb, "5110") == P{AccountKind::cost, "personal"});
  CHECK(lookup(kb, "5610") == P{AccountKind::cost, "schablonkostnader"});  // social charges
  CHECK(lookup(kb, "5710") == P{AccountKind::cost, "schablonkostnader"});  // pensions
  CHECK(lookup(kb, "5810") == P{AccountKind::cost, "ovriga_kostnader"});
  CHECK(lookup(kb, "6010") == P{AccountKind::cost, "investeringar_materiel_lokaler"});
  CHECK(lookup(kb, "6540") == P{AccountKind::cost, "ovriga_kostnader"});
  CHECK(lookup(kb, "7010") == P{AccountKind::cost, "resor_och_logi"});
  CHECK(lookup(kb, "7170") == P{AccountKind::cost, "ovriga_kostnader"});
  CHECK(lookup(kb, "7460") == P{AccountKind::cost, "externa_tjanster"});
  CHECK(lookup(kb, "8410") == P{AccountKind::financial, ""});
  CHECK(lookup(kb, "8010") == P{AccountKind::other, ""});
}

TEST_CASE(
    "data/accounts/*.yaml: every category is one of erdf-2014-2020's, every range has a source") {
  core::Diagnostics d;
  auto prog = io::load_programme(test::data_dir() + "/programmes/erdf-2014-2020.yaml", d);
  REQUIRE(prog);
  for (const char* id : {"bas", "kommun-bas"}) {
    auto plan = shipped(id);
    for (const auto& r : plan.ranges) {
      CAPTURE(id);
      CAPTURE(r.from);
      CHECK_FALSE(r.source.empty());
      // `aid` (aid paid out) is financing, not a cost category.
      if (!r.category.empty() && r.category != "aid")
        CHECK(prog->find_category(r.category) != nullptr);
      if (r.kind != AccountKind::cost && r.kind != AccountKind::income) CHECK(r.category.empty());
    }
  }
  // The payroll-overhead flat rate covers the category social charges and pensions map to.
  bool covers = false;
  for (const auto& f : prog->flat_rates) {
    if (f.id == "payroll_overhead") {
      covers = std::find(f.covers.begin(), f.covers.end(), std::string("schablonkostnader")) !=
               f.covers.end();
    }
  }
  CHECK(covers);
}

TEST_CASE("io::read_account_map: values are categories, financing or kinds") {
  TempDir dir;
  core::Diagnostics d;
  auto root = io::parse_yaml(
      R"(account_map: {"5540": ovriga_kostnader, "3530": financing, "8410": financial,
  "2641": vat, "1930": not_cost, "71x": resor_och_logi, "7000-7199": resor_och_logi, "7100-7299": personal}
)",
      "map.yaml", d);
  REQUIRE(root);
  io::YamlReader r(d);
  auto ranges = io::read_account_map(r, *root->find("account_map"));
  CHECK(count_rule(d, "accounts.range") == 1);    // 71x
  CHECK(count_rule(d, "accounts.overlap") == 1);  // 7100-7299 crosses 7000-7199
  auto find = [&](const char* a) { return model::find_range(ranges, a); };
  CHECK(find("5540")->category == "ovriga_kostnader");
  CHECK(find("3530")->category == "financing");
  CHECK(find("3530")->kind == AccountKind::income);
  CHECK(find("8410")->kind == AccountKind::financial);
  CHECK(find("2641")->kind == AccountKind::vat);
  CHECK(find("1930")->kind == AccountKind::other);
  CHECK(find("1930")->place.line == 2);
}
