#include <doctest/doctest.h>

#include <grantkit/io/project_loader.hpp>

#include "support.hpp"

using namespace grantkit;
using test::count_rule;
using test::kValidProject;
using test::replaced;
using test::TempDir;

namespace {
std::optional<model::Project> load_text(const TempDir& dir, const std::string& text,
                                        core::Diagnostics& d) {
  dir.write("project.yaml", text);
  return io::load_project(dir.path(), test::data_dir(), d);
}
}  // namespace

TEST_CASE("io::load_project reads the project of FORMATS.md") {
  TempDir dir;
  core::Diagnostics d;
  auto p = load_text(dir, kValidProject, d);
  REQUIRE(p);
  for (const auto& x : d.items()) INFO(core::format_diagnostic(x));
  CHECK(d.empty());
  CHECK(p->id == "test");
  CHECK(p->decision.case_id == "0012345");  // ids keep leading zeros
  CHECK(p->decision.budget.total == core::Money::from_kronor(1000000));
  CHECK(p->decision.aid.rate->millionths() == 500000);
  CHECK(p->activities.size() == 2);
  CHECK(p->activities[1].period.iso() == "2022-01-01..2022-12-31");
  CHECK(p->financing.at(0).in_kind == core::Money::from_kronor(200000));
  CHECK(p->programme.id == "erdf-2014-2020");
  CHECK(p->ledger_sources.at(0).path == "ledger/*.csv");
}

TEST_CASE("io::load_project: unknown keys get a suggestion") {
  TempDir dir;
  core::Diagnostics d;
  auto p = load_text(dir, replaced(kValidProject, "  case_id:", "  caseid:"), d);
  CHECK_FALSE(p);  // a project with format errors is not handed on to checks and reports
  REQUIRE(count_rule(d, "yaml.unknown-key") == 1);
  CHECK(d.items().front().message.find("did you mean 'case_id'") != std::string::npos);
  CHECK(d.items().front().place.line == 6);
  CHECK(d.items().front().place.column == 3);
}

TEST_CASE("io::load_project: amounts are read from their text") {
  TempDir dir;
  core::Diagnostics d;
  auto p = load_text(dir, replaced(kValidProject, "total: 1000000", "total: 010"), d);
  CHECK_FALSE(p);
  REQUIRE(count_rule(d, "yaml.amount") == 1);
  CHECK(d.items().front().place.line == 12);
  for (const char* bad : {"0x1A", "1_000", "1e3", "1.234,5"}) {
    core::Diagnostics d2;
    load_text(dir, replaced(kValidProject, "total: 1000000", std::string("total: ") + bad), d2);
    CHECK_MESSAGE(count_rule(d2, "yaml.amount") == 1, bad);
  }
  core::Diagnostics d3;
  auto q =
      load_text(dir, replaced(kValidProject, "total: 1000000", "total: \"1 000 000,00 kr\""), d3);
  REQUIRE(q);
  CHECK(q->decision.budget.total == core::Money::from_kronor(1000000));
}

TEST_CASE("io::load_project: dates are strict") {
  TempDir dir;
  core::Diagnostics d;
  load_text(dir, replaced(kValidProject, "date: 2021-04-29", "date: 2021-02-30"), d);
  REQUIRE(count_rule(d, "yaml.date") == 1);
  CHECK(d.items().front().message.find("28 days") != std::string::npos);
  core::Diagnostics d2;
  load_text(dir, replaced(kValidProject, "date: 2021-04-29", "date: 2021/4/29"), d2);
  CHECK(count_rule(d2, "yaml.date") == 1);
  core::Diagnostics d3;
  load_text(dir, replaced(kValidProject, "to: 2023-03-31}", "to: 2021-01-01}"), d3);
  CHECK(count_rule(d3, "yaml.date") == 1);
}

TEST_CASE("io::load_project: wrong types") {
  TempDir dir;
  core::Diagnostics d;
  load_text(dir, replaced(kValidProject, "activities:\n", "activities: A1\nx_activities:\n"), d);
  CHECK(count_rule(d, "yaml.type") == 1);
  core::Diagnostics d2;
  load_text(dir, replaced(kValidProject, "case_id: \"0012345\"", "case_id: ~"), d2);
  CHECK(count_rule(d2, "yaml.type") == 1);
  core::Diagnostics d3;
  load_text(dir, replaced(kValidProject, "  rates: {}", "  rates: {}\n  vat_eligible: yes"), d3);
  CHECK(count_rule(d3, "yaml.boolean") == 1);
  core::Diagnostics d4;
  load_text(dir, replaced(kValidProject, "  rates: {}", "  rates: {}\n  vat_eligible: false"), d4);
  CHECK(d4.empty());
}

TEST_CASE("io::load_project: schema, missing keys and missing files") {
  TempDir dir;
  core::Diagnostics d;
  CHECK_FALSE(load_text(
      dir, replaced(kValidProject, "schema: grantkit/project/1", "schema: grantkit/staff/1"), d));
  CHECK(count_rule(d, "yaml.schema") == 1);
  core::Diagnostics d2;
  load_text(dir, replaced(kValidProject, "full_time: {from: 2021-06-01, to: 2022-11-30}\n", ""),
            d2);
  CHECK(count_rule(d2, "yaml.missing-key") == 1);
  core::Diagnostics d3;
  TempDir empty;
  CHECK_FALSE(io::load_project(empty.path(), test::data_dir(), d3));
  CHECK(count_rule(d3, "io.read") == 1);
  CHECK(d3.has_unreadable());
  core::Diagnostics d4;
  load_text(dir, replaced(kValidProject, "programme: erdf-2014-2020", "programme: erdf-1999"), d4);
  CHECK(count_rule(d4, "ref.unknown") == 1);
}

TEST_CASE("io::load_project reads staff.yaml") {
  TempDir dir;
  dir.write("staff.yaml", R"(schema: grantkit/staff/1
staff:
  - id: processledare-region-test
    role: Processledare
    organisation: region-test
    percent: 50%
    basis: fixed_percent
    funding: cash
    monthly_salary: "45 000"
    activities: {A1: 40%, A2: 60%}
)");
  core::Diagnostics d;
  auto p = load_text(dir, kValidProject, d);
  REQUIRE(p);
  CHECK(d.empty());
  REQUIRE(p->staff.size() == 1);
  CHECK(p->staff[0].percent.millionths() == 500000);
  CHECK(p->staff[0].monthly_salary == core::Money::from_kronor(45000));
  CHECK(p->staff[0].activities.at("A2").millionths() == 600000);
  CHECK_FALSE(p->staff[0].period.has_value());
}

TEST_CASE(
    "io::load_project: a change decision names budget, activities, financing, rates and aid") {
  TempDir dir;
  core::Diagnostics d;
  auto p = load_text(
      dir,
      replaced(kValidProject, "changes: []",
               "changes:\n"
               "  - date: 2022-09-15\n"
               "    case_id: \"0012345-2\"\n"
               "    budget: {categories: {personal: 650000, externa_tjanster: 350000}}\n"
               "    rates: {indirect: 15%}\n"
               "    aid: {rate: 50%, max: 450000}\n"
               "    activities:\n"
               "      - {id: A2, budget: 550000, period: {from: 2022-01-01, to: 2023-02-28}}\n"
               "      - {id: A3, name: Spridning, budget: 50000, period: {from: 2022-10-01, to: "
               "2023-03-31}}\n"
               "    financing:\n"
               "      - {id: kommunen, cash: 250000, total: 450000}\n"),
      d);
  REQUIRE(p);
  CHECK(d.empty());
  REQUIRE(p->changes.size() == 1);
  const auto& c = p->changes[0];
  CHECK(c.case_id == "0012345-2");
  CHECK(c.budget->categories.at("personal") == core::Money::from_kronor(650000));
  CHECK_FALSE(c.budget->total.has_value());
  CHECK(c.rates.at("indirect") == core::Percent::from_points(15));
  REQUIRE(c.activities.size() == 2);
  CHECK(c.activities[1].name == "Spridning");
  REQUIRE(c.financing.size() == 1);
  CHECK(c.financing[0].cash == core::Money::from_kronor(250000));
  CHECK_FALSE(c.financing[0].in_kind.has_value());
  // A new activity needs its period.
  core::Diagnostics d2;
  load_text(
      dir,
      replaced(kValidProject, "changes: []",
               "changes:\n  - date: 2022-09-15\n    activities:\n      - {id: A9, budget: 1000}\n"),
      d2);
  CHECK(test::count_rule(d2, "yaml.missing-key") == 1);
  // Unknown keys inside a change decision are refused, as everywhere.
  core::Diagnostics d3;
  load_text(
      dir,
      replaced(kValidProject, "changes: []",
               "changes:\n  - date: 2022-09-15\n    activities:\n      - {id: A2, budjet: 1000}\n"),
      d3);
  CHECK(test::count_rule(d3, "yaml.unknown-key") == 1);
}
