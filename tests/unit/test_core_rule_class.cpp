#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <grantkit/core/rule_class.hpp>

using namespace grantkit;

namespace {

// docs/rules.md's rule table: every rule id of a row with that row's class column.
std::map<std::string, std::string> documented_classes() {
  std::ifstream in(std::string(GRANTKIT_SOURCE_DIR) + "/docs/rules.md");
  REQUIRE(in);
  std::map<std::string, std::string> out;
  std::string line;
  int class_column = -1;
  const std::regex id(R"(`([a-z]+\.[a-z0-9-]+)`)");
  while (std::getline(in, line)) {
    if (line.rfind("| rule |", 0) == 0) {
      // The header names the columns; find `class`.
      std::stringstream cells(line);
      std::string cell;
      int i = -1;
      while (std::getline(cells, cell, '|')) {
        if (cell.find(" class ") != std::string::npos) class_column = i;
        ++i;
      }
      continue;
    }
    if (line.rfind("| `", 0) != 0) continue;
    REQUIRE_MESSAGE(class_column >= 0, "docs/rules.md's table has no `class` column");
    std::vector<std::string> cells;
    std::stringstream row(line.substr(1));
    std::string cell;
    while (std::getline(row, cell, '|')) cells.push_back(cell);
    REQUIRE(cells.size() > static_cast<std::size_t>(class_column));
    std::string cls = cells[static_cast<std::size_t>(class_column)];
    cls.erase(0, cls.find_first_not_of(' '));
    cls.erase(cls.find_last_not_of(' ') + 1);
    const std::string& ids = cells[0];
    for (std::sregex_iterator m(ids.begin(), ids.end(), id), end; m != end; ++m) {
      out[(*m)[1].str()] = cls;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("core::rule_classes: every rule of docs/rules.md has a class, and the same one there") {
  auto documented = documented_classes();
  REQUIRE(documented.size() > 100);
  for (const auto& [rule, cls] : documented) {
    auto c = core::rule_class(rule);
    CHECK_MESSAGE(c.has_value(), rule << " (docs/rules.md) has no class in core::rule_classes()");
    if (c) CHECK_MESSAGE(core::rule_class_name(*c) == cls, rule << ": docs/rules.md says " << cls);
  }
  // … and the table names no rule that docs/rules.md does not have, and each rule once.
  std::set<std::string_view> seen;
  for (const auto& [rule, cls] : core::rule_classes()) {
    CHECK_MESSAGE(documented.count(std::string(rule)) == 1,
                  rule << " has a class but is not a rule of docs/rules.md");
    CHECK_MESSAGE(seen.insert(rule).second, rule << " is in core::rule_classes() twice");
  }
  CHECK_FALSE(core::rule_class("budget.nosuch"));
  CHECK(core::rule_class("budget.over") == core::RuleClass::action);
  CHECK(core::rule_class("ledger.covered-by-flat-rate") == core::RuleClass::routine);
}
