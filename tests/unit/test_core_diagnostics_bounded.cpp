// core::Diagnostics in bounded memory: per rule and file the first kKeptPerRuleAndFile findings
// are kept whole, every further one counted in one summary; counts cover them all.
#include <doctest/doctest.h>

#include <string>

#include <grantkit/core/diagnostic.hpp>

using namespace grantkit;

TEST_CASE("core::Diagnostics keeps the first findings per rule and file and counts the rest") {
  core::Diagnostics d;
  const std::size_t n = 100'000;
  for (std::size_t i = 0; i < n; ++i) {
    d.error("csv.long-row", "a row with more fields than the header",
            {"big.csv", static_cast<int>(i + 2), 9});
  }
  d.warning("ledger.unknown-activity", "x", {"big.csv", 3, 1});
  d.error("csv.long-row", "y", {"other.csv", 2, 9});
  // Kept: 1 000 + the summary of big.csv's long rows, the warning, other.csv's row.
  CHECK(d.items().size() == core::Diagnostics::kKeptPerRuleAndFile + 3);
  CHECK(d.count(core::Severity::error) == n + 1);
  CHECK(d.count(core::Severity::warning) == 1);
  CHECK(d.total() == n + 2);
  CHECK(d.has_errors());
  const core::Diagnostic& sum = d.items()[core::Diagnostics::kKeptPerRuleAndFile];
  CHECK(sum.rule == "csv.long-row");
  CHECK(sum.place.file == "big.csv");
  CHECK(sum.more == n - core::Diagnostics::kKeptPerRuleAndFile);
  CHECK(sum.message.find("99000 more findings") != std::string::npos);
  // The kept ones are the first, in order.
  CHECK(d.items()[0].place.line == 2);
  CHECK(d.items()[core::Diagnostics::kKeptPerRuleAndFile - 1].place.line ==
        static_cast<int>(core::Diagnostics::kKeptPerRuleAndFile + 1));
}

TEST_CASE("core::Diagnostics::append carries the counts of findings not kept") {
  core::Diagnostics a, b;
  for (int i = 0; i < 1500; ++i) b.unreadable("csv.syntax", "m", {"f.csv", i + 1, 1});
  a.append(b);
  CHECK(a.count(core::Severity::error) == 1500);
  CHECK(a.has_unreadable());
  CHECK(a.items().size() == core::Diagnostics::kKeptPerRuleAndFile + 1);
  a.append(b);
  CHECK(a.count(core::Severity::error) == 3000);
  CHECK(a.items().size() == core::Diagnostics::kKeptPerRuleAndFile + 1);
}

TEST_CASE("core::Diagnostics below the limit keeps everything (no summary)") {
  core::Diagnostics d;
  for (int i = 0; i < 999; ++i) d.warning("budget.over", "m", {"p.yaml", i + 1, 1});
  CHECK(d.items().size() == 999);
  for (const auto& x : d.items()) CHECK(x.more == 0);
}
