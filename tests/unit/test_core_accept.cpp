#include <doctest/doctest.h>

#include <grantkit/core/accept.hpp>

#include "support.hpp"

using namespace grantkit;

namespace {

core::Diagnostics findings() {
  core::Diagnostics d;
  d.warning("budget.over", "A1 over", {"proj/project.yaml", 10, 5},
            {core::Money::from_ore(100), {"A1"}});
  d.warning("budget.over", "A2 over", {"proj/project.yaml", 12, 5},
            {core::Money::from_ore(200), {"A2"}});
  d.warning("ledger.covered-by-flat-rate", "row 1", {"proj/ledger/a.csv", 3, 1},
            {core::Money::from_ore(300), {"V-1", "A1"}});
  d.error("ledger.unmapped-account", "row 2", {"proj/ledger/a.csv", 4, 1},
          {core::Money::from_ore(400), {"V-2"}});
  return d;
}

core::Accept accept(std::string rule, std::string where, std::optional<core::Date> until = {}) {
  return {std::move(rule), std::move(where), "expected", until, {"proj/project.yaml", 40, 5}};
}

const core::Diagnostic& with(const core::Diagnostics& d, std::string_view message) {
  for (const auto& x : d.items()) {
    if (x.message == message) return x;
  }
  FAIL("no finding " << message);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("core::apply_accepts: an accepted finding is information with its reason") {
  core::Diagnostics d = findings();
  REQUIRE(d.count(core::Severity::warning) == 3);
  core::apply_accepts({accept("budget.over", "A2"),
                       accept("ledger.covered-by-flat-rate", "./ledger/../ledger/a.csv")},
                      "proj", test::date("2022-11-30"), true, d);
  // Fires: by id, and by file (lexically normalised, relative to the project folder).
  CHECK(with(d, "A2 over").severity == core::Severity::info);
  CHECK(with(d, "A2 over").accepted == "expected");
  CHECK(with(d, "row 1").severity == core::Severity::info);
  CHECK(core::format_diagnostic(with(d, "row 1")) ==
        "proj/ledger/a.csv:3:1: info: row 1 (accepted: expected) [ledger.covered-by-flat-rate]");
  // Silent: another activity's finding of the same rule stays a warning.
  CHECK(with(d, "A1 over").severity == core::Severity::warning);
  CHECK(with(d, "A1 over").accepted.empty());
  CHECK(d.count(core::Severity::warning) == 1);
  CHECK(d.has_errors());         // the error is untouched
  CHECK(d.items().size() == 4);  // nothing unused
}

TEST_CASE("core::apply_accepts: accept.unused and accept.expired") {
  SUBCASE("an accept that matches nothing, judged only when asked") {
    core::Diagnostics d = findings();
    core::apply_accepts({accept("budget.over", "A9")}, "proj", test::date("2022-11-30"), false, d);
    CHECK(test::count_rule(d, "accept.unused") == 0);
    core::apply_accepts({accept("budget.over", "A9")}, "proj", test::date("2022-11-30"), true, d);
    REQUIRE(test::count_rule(d, "accept.unused") == 1);
    const auto& u = d.items().back();
    CHECK(u.severity == core::Severity::warning);
    CHECK(u.place.line == 40);
    CHECK(with(d, "A1 over").severity == core::Severity::warning);
  }
  SUBCASE("errors are never acknowledged; an accept matching only errors is unused") {
    core::Diagnostics d = findings();
    core::apply_accepts({accept("ledger.unmapped-account", "V-2")}, "proj",
                        test::date("2022-11-30"), true, d);
    CHECK(with(d, "row 2").severity == core::Severity::error);
    CHECK(with(d, "row 2").accepted.empty());
    REQUIRE(test::count_rule(d, "accept.unused") == 1);
    CHECK(d.items().back().message.find("matches only errors") != std::string::npos);
  }
  SUBCASE("until before --as-of: expired, and the finding is a warning again") {
    core::Diagnostics d = findings();
    core::apply_accepts({accept("budget.over", "A1", test::date("2022-06-30"))}, "proj",
                        test::date("2022-11-30"), true, d);
    CHECK(with(d, "A1 over").severity == core::Severity::warning);
    CHECK(test::count_rule(d, "accept.expired") == 1);
    CHECK(test::count_rule(d, "accept.unused") == 0);
    // On its last day it still holds.
    core::Diagnostics e = findings();
    core::apply_accepts({accept("budget.over", "A1", test::date("2022-11-30"))}, "proj",
                        test::date("2022-11-30"), true, e);
    CHECK(with(e, "A1 over").severity == core::Severity::info);
    CHECK(test::count_rule(e, "accept.expired") == 0);
  }
}
