#pragma once
// The class of every rule id (DOMAIN.md "Findings: action, check, routine"): what a reader of a
// report is to do with a finding of it. One table for every rule grantkit states, in core so that
// every layer (the loaders checking `accept:`, the monthly report's triage) reads the same one;
// docs/rules.md shows it as its `class` column (tests/unit/test_core_rule_class.cpp holds the two
// equal).
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace grantkit::core {

enum class RuleClass {
  action,   // needs a decision or a correction (over budget, change decision needed, unpaid cost
            // claimed, a file that cannot be read): the report's "Att åtgärda först"
  check,    // worth a look: listed with every finding
  routine,  // expected by the rules (booked social charges a flat rate covers): summed per rule
            // and source file
};

std::string_view rule_class_name(RuleClass c);

// Every rule id with its class, in the order of docs/rules.md.
const std::vector<std::pair<std::string_view, RuleClass>>& rule_classes();

// The class of `rule`; nullopt for an id that is not a rule.
std::optional<RuleClass> rule_class(std::string_view rule);

}  // namespace grantkit::core
