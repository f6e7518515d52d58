// A global locale with a decimal comma changes no figure. grantkit itself never sets one (see
// tests/cli/locale_figures.sh, which also greps the sources); this test sets it on purpose, in its
// own process (CTest runs every test case alone), to show that reading and writing figures does
// not go through the locale: no iostream number formatting, no printf("%f"), no strtod.
#include <clocale>
#include <locale>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <grantkit/core/hours.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/project_loader.hpp>

#include "support.hpp"

using namespace grantkit;

namespace {

// Every figure of the example project, its ledger and a few parsed texts, written out.
std::string figures() {
  core::Diagnostics diags;
  std::string dir = std::string(GRANTKIT_SOURCE_DIR) + "/examples/s2i2-sdk-2022";
  auto p = io::load_project(dir, test::data_dir(), diags);
  REQUIRE(p);
  std::string out;
  for (const auto& a : p->activities) {
    out += fmt::format("{} {} {}\n", a.id, a.budget ? core::format_money_plain(*a.budget) : "-",
                       a.budget ? core::format_money_human(*a.budget, true) : "-");
  }
  auto ledger = io::read_ledger(*p, test::data_dir(), diags);
  REQUIRE(ledger.rows.size() > 100);
  core::Money total;
  for (const auto& t : ledger.rows) {
    total += t.amount;
    out += fmt::format("{} {} {}\n", core::format_iso(t.date), core::format_money_plain(t.amount),
                       core::format_money_fixed(t.amount, ','));
  }
  out += "total " + core::format_money_plain(total) + "\n";
  for (const char* text : {"2 945 000,50 kr", "1234.56", "-0,5"}) {
    auto m = core::parse_money(text);
    out += fmt::format("{} → {}\n", text, m ? std::to_string(m->ore()) : m.error());
  }
  for (const char* text : {"45,24 %", "0.4524", "50%"}) {
    auto pc = core::parse_percent(text);
    out += fmt::format("{} → {}\n", text, pc ? core::format_percent_plain(*pc) : pc.error());
  }
  for (const char* text : {"7,5", "7.5", "7:30"}) {
    auto h = core::parse_hours_seconds(text);
    out += fmt::format("{} → {}\n", text, h ? std::to_string(*h) : h.error());
  }
  return out;
}

}  // namespace

TEST_CASE("a global locale with decimal comma (sv_SE.UTF-8) changes no figure") {
  const std::string classic = figures();
  std::locale swedish;
  try {
    swedish = std::locale("sv_SE.UTF-8");
  } catch (const std::runtime_error&) {
    FAIL("the locale sv_SE.UTF-8 is not generated: run scripts/setup");
  }
  std::locale before = std::locale::global(swedish);  // also setlocale(LC_ALL, "sv_SE.UTF-8")
  CHECK(std::string(std::localeconv()->decimal_point) == ",");  // the test is not vacuous
  const std::string under_swedish = figures();
  std::locale::global(before);
  CHECK(classic == under_swedish);
  CHECK(classic.find("2 945 000,50 kr → 294500050") != std::string::npos);
}
