// Fuzz target: amount and percentage parsing. Whatever parses must format and parse back to the
// same öre, and never overflow silently. Then the same text as a YAML amount (YamlReader::money,
// the loader of budgets, financing, aid and salaries): what it accepts is within the one amount
// range, and a project whose every amount is that text loads, checks and reports without an
// internal error (no std::overflow_error, whatever the amounts add up to).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <grantkit/check/rules.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/io/yaml_doc.hpp>
#include <grantkit/io/yaml_read.hpp>
#include <grantkit/reports/budget.hpp>
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/cofinancing.hpp>
#include <grantkit/reports/staffing.hpp>
#include <grantkit/reports/window.hpp>

namespace {

// Every amount of a small project is `A` (replaced by the fuzzed text, quoted).
constexpr std::string_view kProject = R"(schema: grantkit/project/1
project: {id: fuzz, name: Fuzz, owner: Region Test, programme: erdf-2014-2020, currency: SEK}
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

void whole_project(const std::string& amount) {
  namespace fs = std::filesystem;
  static const fs::path dir =
      fs::temp_directory_path() / ("grantkit-fuzz-amount-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string text(kProject);
  std::string quoted = "\"" + amount + "\"";
  for (std::size_t at = 0; (at = text.find(": A", at)) != std::string::npos;) {
    if (text[at + 3] != ',' && text[at + 3] != '}' && text[at + 3] != '\n') {
      ++at;
      continue;
    }
    text.replace(at + 2, 1, quoted);
    at += 2 + quoted.size();
  }
  {
    std::ofstream out(dir / "project.yaml", std::ios::binary | std::ios::trunc);
    out << text;
  }
  grantkit::core::Diagnostics diags;
  auto project =
      grantkit::io::load_project(dir.string(), std::string(GRANTKIT_SOURCE_DIR) + "/data", diags);
  if (!project) return;
  // Any exception here (std::overflow_error above all) is a crash for the fuzzer: exit 3.
  grantkit::check::check_project(*project, diags);
  auto window = grantkit::reports::make_window(
      *project, grantkit::core::parse_iso_date("2022-11-30").value(), std::nullopt,
      grantkit::core::parse_iso_date("2022-11-30").value());
  if (!window) return;
  grantkit::model::Outcome outcome;
  grantkit::reports::BudgetOptions bo;
  bo.window = *window;
  (void)grantkit::reports::budget_report(*project, outcome, bo);
  (void)grantkit::reports::cofinancing_report(*project, outcome, *window);
  (void)grantkit::reports::claim_report(*project, outcome, *window);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace grantkit::core;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (MoneyStyle style : {MoneyStyle{}, MoneyStyle{'.', 0}, MoneyStyle{',', 0},
                           MoneyStyle{',', '.'}, MoneyStyle{'.', ','}}) {
    auto m = parse_money(text, style);
    if (!m) continue;
    auto back = parse_money(format_money_plain(*m), MoneyStyle{'.', 0});
    if (!back || *back != *m) std::abort();
    (void)format_money_human(*m, true);
    (void)format_money_fixed(*m, ',');
  }
  if (auto p = parse_percent(text)) {
    auto back = parse_percent(format_percent_plain(*p) + "%");
    if (!back || *back != *p) std::abort();
    (void)apply_percent_floor(Money::from_ore(123456789), *p);
  }
  // The YAML loader's amounts: one range, the ledger row's.
  grantkit::io::YamlNode node;
  node.kind = grantkit::io::YamlNode::Kind::scalar;
  node.text = std::string(text);
  node.place = {"fuzz.yaml", 1, 1};
  Diagnostics diags;
  grantkit::io::YamlReader reader(diags);
  if (auto m = reader.money(&node, "amount")) {
    if (!within_amount_limit(*m)) std::abort();
    if (text.find_first_of("\"\\\n\r") == std::string_view::npos && size < 64)
      whole_project(std::string(text));
  } else if (diags.items().empty() || diags.items().front().rule != "yaml.amount") {
    std::abort();  // refused, and said so with its rule
  }
  return 0;
}
