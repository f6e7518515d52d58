#include <grantkit/core/rule_class.hpp>

#include <algorithm>

namespace grantkit::core {

std::string_view rule_class_name(RuleClass c) {
  switch (c) {
    case RuleClass::action:
      return "action";
    case RuleClass::check:
      return "check";
    case RuleClass::routine:
      return "routine";
  }
  return "check";
}

const std::vector<std::pair<std::string_view, RuleClass>>& rule_classes() {
  constexpr RuleClass A = RuleClass::action;
  constexpr RuleClass C = RuleClass::check;
  constexpr RuleClass R = RuleClass::routine;
  // Input that cannot be read or holds wrong data, and a plan inconsistent with itself, need a
  // correction: action. Excluded rows the rules expect (flat rates, unit costs, financial items,
  // VAT, other projects, rows marked ineligible by the books themselves) are routine. What may be
  // right or wrong (a row outside a period, a file's checksum, a time deviation) is check.
  static const std::vector<std::pair<std::string_view, RuleClass>> table = {
      {"io.read", A},
      {"yaml.syntax", A},
      {"yaml.encoding", A},
      {"yaml.depth", A},
      {"yaml.alias", A},
      {"yaml.multiple-documents", A},
      {"yaml.schema", A},
      {"yaml.duplicate-key", A},
      {"yaml.unknown-key", A},
      {"yaml.missing-key", A},
      {"yaml.type", A},
      {"yaml.amount", A},
      {"yaml.percent", A},
      {"yaml.date", A},
      {"yaml.boolean", A},
      {"yaml.number", A},
      {"budget.activities-sum", A},
      {"budget.categories-sum", A},
      {"activity.period", A},
      {"activity.duplicate-id", A},
      {"financing.total-mismatch", A},
      {"financing.unresolved", A},
      {"financing.plan-balance", A},
      {"financing.unknown-financier", A},
      {"staff.duplicate-entry", C},
      {"staff.over-allocated", A},
      {"staff.period", A},
      {"ref.unknown", A},
      {"ledger.outside-eligible-period", C},
      {"ledger.unknown-activity", A},
      {"ledger.no-activity", A},
      {"ledger.unknown-category", A},
      {"ledger.marked-ineligible", R},
      {"ledger.date", A},
      {"ledger.amount", A},
      {"ledger.unmapped-account", A},
      {"ledger.financial-cost", R},
      {"ledger.vat", R},
      {"ledger.covered-by-flat-rate", R},
      {"ledger.not-a-cost", R},
      {"ledger.not-this-project", R},
      {"ledger.format", A},
      {"csv.short-row", A},
      {"csv.long-row", A},
      {"sie.unbalanced", C},
      {"sie.ksumma", C},
      {"sie.truncated", A},
      {"sie.rtrans", C},
      {"sie.encoding", C},
      {"sie.syntax", C},
      {"sie.date", A},
      {"sie.objects", A},
      {"sie.empty", C},
      {"sie.format", A},
      {"accounts.range", A},
      {"accounts.overlap", A},
      {"csv.missing-column", A},
      {"csv.syntax", A},
      {"csv.encoding", A},
      {"csv.empty", C},
      {"io.no-files", C},
      {"budget.over", A},
      {"budget.change-decision-needed", A},
      {"budget.underspend", A},
      {"financing.shortfall", A},
      {"staff.no-salary", C},
      {"staff.plan-over-budget", A},
      {"staff.salary-mismatch", A},
      {"staff.in-kind-mismatch", C},
      {"claim.period", A},
      {"claim.overlap", A},
      {"claim.budget-cap", A},
      {"claim.no-aid-rate", A},
      {"claim.gap", C},
      {"claim.late-cost", C},
      {"claim.reported-changed", A},
      {"claim.reported-recomputed", R},
      {"claim.period-open", A},
      {"claim.record-exists", A},
      {"claim.record-format", A},
      {"claim.record-refused", A},
      {"claim.recorded", R},
      {"time.format", A},
      {"time.date", A},
      {"time.hours", A},
      {"time.unknown-person", A},
      {"time.unknown-activity", A},
      {"time.outside-period", C},
      {"time.missing-report", A},
      {"time.deviation", C},
      {"time.over-full-time", C},
      {"time.annual-cap", A},
      {"cli.usage", A},
      {"io.write", A},
      {"init.exists", A},
      {"paperwork.exists", A},
      {"paperwork.no-salary", A},
      {"indicator.decreasing", A},
      {"indicator.behind", C},
      {"indicator.duplicate-date", A},
      {"io.not-a-file", A},
      {"io.outside-project", A},
      {"yaml.range", A},
      {"ledger.covered-by-unit-cost", R},
      {"time.not-counted", C},
      {"decision.programme-period", A},
      {"ledger.outside-activity-period", C},
      {"ledger.paid-after-eligible-period", C},
      {"ledger.repayment", C},
      {"sie.no-vouchers", C},
      {"sie.series", C},
      {"financing.owner-negative", A},
      {"aid.paid-mismatch", C},
      {"claim.unpaid", A},
      {"claim.payment-unknown", C},
      {"io.output-is-input", A},
      {"amount.range", A},
      {"paperwork.foreign-files", A},
      {"accept.unused", C},
      {"accept.expired", C},
  };
  return table;
}

std::optional<RuleClass> rule_class(std::string_view rule) {
  const auto& t = rule_classes();
  auto it = std::find_if(t.begin(), t.end(), [&](const auto& e) { return e.first == rule; });
  if (it == t.end()) return std::nullopt;
  return it->second;
}

}  // namespace grantkit::core
