// One amount range everywhere: YAML amounts (budgets, financing, aid, salaries) are held to the
// ledger row's limit, 100 000 000 000 kr either way (core::parse_input_amount), so that a project
// at that limit everywhere is checked and reported without leaving int64 öre, and one above it is
// refused at the amount's line.
#include <doctest/doctest.h>

#include <grantkit/check/rules.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/reports/budget.hpp>
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/cofinancing.hpp>
#include <grantkit/reports/window.hpp>

#include "support.hpp"
#include "views.hpp"

using namespace grantkit;
using test::count_rule;
using test::TempDir;

namespace {

// Every amount of the project is `A`; two financiers, a paid and an in-kind person.
std::string project_with_amounts(const std::string& a) {
  std::string text = R"(schema: grantkit/project/1
project: {id: test, name: Testprojekt, owner: Region Test, programme: erdf-2014-2020, currency: SEK}
organisations:
  - {id: region-test, name: Region Test, role: owner}
decision:
  case_id: "1"
  date: 2021-04-29
  eligible: {from: 2021-06-01, to: 2023-03-31}
  aid: {rate: 100%, max: A}
  rates: {}
  budget:
    total: A
    categories: {personal: A, externa_tjanster: A}
changes: []
full_time: {from: 2021-06-01, to: 2022-11-30}
activities:
  - {id: A1, name: "Analys", budget: A, period: {from: 2021-06-01, to: 2021-12-31}}
  - {id: A2, name: "Utbildning", budget: A, period: {from: 2022-01-01, to: 2022-12-31}}
financing:
  - {id: k1, name: K1, type: public, cash: A, in_kind: A, total: A}
  - {id: k2, name: K2, type: public, cash: A, in_kind: A, total: A}
staff:
  - {id: projektledare, role: Projektledare, organisation: region-test, basis: fixed_percent, funding: cash, percent: 100%, monthly_salary: A}
  - {id: kontakt, role: Kontakt, organisation: k1, basis: fixed_percent, funding: in_kind, percent: 100%, monthly_salary: A}
)";
  for (std::size_t at = 0; (at = text.find(": A", at)) != std::string::npos;) {
    char next = text[at + 3];
    if (next != ',' && next != '}' && next != '\n') {
      ++at;
      continue;
    }
    text.replace(at + 2, 1, a);
    at += 2 + a.size();
  }
  return text;
}

}  // namespace

TEST_CASE("core::parse_input_amount: at most 100 000 000 000 kr either way") {
  CHECK(core::parse_input_amount("100000000000").ok());
  CHECK(core::parse_input_amount("-100 000 000 000,00").ok());
  CHECK(core::parse_input_amount("100000000000.01").error().find("larger than grantkit counts") !=
        std::string::npos);
  CHECK_FALSE(core::parse_input_amount("92233720368547758").ok());
  CHECK_FALSE(core::parse_input_amount("-92233720368547758.08").ok());
  CHECK(*core::parse_input_amount("2 945 000,50 kr") == core::Money::from_ore(294500050));
}

TEST_CASE(
    "io::load_project: amounts at the limit everywhere are checked and reported without overflow") {
  TempDir dir;
  dir.write("project.yaml", project_with_amounts("100000000000"));
  core::Diagnostics d;
  auto p = io::load_project(dir.path(), test::data_dir(), d);
  for (const auto& x : d.items()) INFO(core::format_diagnostic(x));
  REQUIRE(p);
  CHECK(count_rule(d, "yaml.amount") == 0);
  CHECK(p->decision.aid.max == core::Money::from_kronor(100'000'000'000));
  // The sums and products the checks and reports form stay inside int64 öre: no exception.
  CHECK_NOTHROW(check::check_project(*p, d));
  auto w =
      reports::make_window(*p, test::date("2022-11-30"), std::nullopt, test::date("2022-11-30"));
  REQUIRE(w);
  model::Outcome outcome;
  test::BudgetOptions bo;
  bo.window = *w;
  CHECK_NOTHROW((void)test::budget_report(*p, outcome, bo));
  CHECK_NOTHROW((void)test::cofinancing_report(*p, outcome, *w));
  CHECK_NOTHROW((void)test::claim_report(*p, outcome, *w));
}

TEST_CASE(
    "io::load_project: amounts near the int64 edge are yaml.amount at their line, every one") {
  TempDir dir;
  dir.write("project.yaml", project_with_amounts("92233720368547758"));
  core::Diagnostics d;
  auto p = io::load_project(dir.path(), test::data_dir(), d);
  CHECK_FALSE(p);
  // aid max, total, two categories, two activities, 3 × 2 financing, two salaries.
  CHECK(count_rule(d, "yaml.amount") == 14);
  bool all_placed = true;
  for (const auto& x : d.items())
    all_placed = all_placed && (x.rule != "yaml.amount" || x.place.line > 0);
  CHECK(all_placed);
}
