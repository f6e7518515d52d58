#pragma once
// The project's position as of a date (ARCHITECTURE.md "One direction of flow"): computed once per
// run from the loaded project, its classified outcome and the reporting window; budget, report,
// claim, cofinancing, paperwork and validate are views of it, so that a figure shown by two of
// them is the same figure.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/transaction.hpp>
#include <grantkit/reports/eligible.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

// Which booked costs count: every eligible cost booked (budget, report, cofinancing), or only
// those paid by --as-of (the payment request: claim, paperwork; DOMAIN.md "Paid and booked").
// Without unpaid costs (or without payment dates) the two are the same figures.
enum class Basis { booked, paid };

// Eligible cost lines summed per activity, category, source, origin and financier (öre).
using CostLines = std::vector<CostLine>;

// The position. Every amount of a span is the step of the cumulative figures (cumulative(),
// through a date from the project's start): the span's costs = cumulative(span.to) −
// cumulative(the day before span.from). Booked costs add up either way; a flat rate or a unit
// cost, rounded down once on the cumulative aggregate (DOMAIN.md "Rounding"), then gives each
// period the öre that make the periods add up to the cumulative figure exactly — so that the
// claim's "previously reported" + "this period" is the budget's "outcome to date", and the
// burn-up's months add up to it.
class Position {
 public:
  // `project` is the project as it stands on window.as_of (model::Project::on): the decision,
  // activities and financing in force then. Both references must outlive the position.
  Position(const model::Project& project, const model::Outcome& outcome,
           const ReportWindow& window);

  const model::Project& project() const { return project_; }
  const model::Outcome& outcome() const { return outcome_; }
  const ReportWindow& window() const { return window_; }
  // The decision in force as of window.as_of.
  const model::Decision& decision() const { return project_.decision; }

  // Every eligible cost (booked, flat rates, in-kind time, unit costs: eligible_costs) dated from
  // the project's start through `through`, on `basis`, one line per activity, category, source,
  // origin and financier (`month` is through's month). Computed once per date and basis.
  const CostLines& cumulative(core::Date through, Basis basis = Basis::booked) const;
  // The eligible costs of `span`: the step of cumulative() over it (see above). Empty before the
  // project's start.
  CostLines in(const core::Period& span, Basis basis = Basis::booked) const;
  // in(window.to_date) and in(window.this_period), empty when the window has none.
  CostLines to_date(Basis basis = Basis::booked) const;
  CostLines this_period(Basis basis = Basis::booked) const;

  // Cash co-financing received per financier in `span` (ledger rows `category: financing`), öre.
  std::map<std::string, core::Money> received(const core::Period& span) const;
  // Cash received plus in-kind time valued (the in-kind lines of `lines`) per financier, öre.
  std::map<std::string, core::Money> contributed(const core::Period& span,
                                                 const CostLines& lines) const;

  // The deviation flags of one budget line (DOMAIN.md "Budget deviations and change decisions"):
  // budget.over (outcome above its budget); budget.change-decision-needed (a cost category above
  // its budget by more than the programme's deviation percent and at least its amount, 20 % and
  // 50 000 kr); budget.underspend (an activity's used % more than the programme's points, 15,
  // behind its elapsed %). `is_category` selects the change-decision rule, `is_activity` the
  // underspend rule.
  std::vector<std::string> budget_flags(const std::optional<core::Money>& budget,
                                        core::Money outcome, std::optional<core::Percent> elapsed,
                                        bool is_category, bool is_activity) const;
  // The flags of each cost category on its outcome to date against the decision in force (the
  // same rule and figures as the budget report per cost category), by category id; only flagged
  // categories. For the claim and the paperwork, which state the same flags.
  std::map<std::string, std::vector<std::string>> category_flags() const;
  // The diagnostic for one flag of a budget line `what` (a category or activity id), placed at the
  // line's budget in project.yaml. budget.underspend is a warning when the line is at least the
  // programme's underspend_amount (50 000 kr) behind `planned` (its budget pro rata), else an info.
  void flag_finding(const std::string& flag, const std::string& what,
                    std::optional<core::Money> budget, core::Money outcome,
                    std::optional<core::Percent> elapsed, core::Diagnostics& into,
                    std::optional<core::Money> planned = std::nullopt) const;

  // Eligible costs as aid is computed on them: capped at the approved total budget (DOMAIN.md:
  // "nothing above the total approved budget is ever paid"), öre.
  core::Money aid_base(core::Money eligible) const;
  // The aid earned by `eligible` cumulative costs: the smallest of rate × aid_base(eligible),
  // financing_share × aid_base(eligible) (the decision's second percentage, a share of the total
  // financing, which the owner's balancing financing makes equal to the eligible costs) and max,
  // each rounded down to öre (DOMAIN.md "Co-financing and aid"); nothing when the decision states
  // no rate.
  std::optional<core::Money> aid_earned(core::Money eligible) const;

  // Aid paid out by --as-of (ledger rows `category: aid`) beside the aid claimed in the requests
  // of claims.yaml whose period ended by --as-of (aid_paid), with its finding aid.paid-mismatch
  // into `into`: the same figures and the same finding in claim and cofinancing.
  AidPaid aid_to_date(core::Diagnostics& into) const;

  // Elapsed share of `span` by the end of "to date" (days elapsed / days), nothing without a span.
  std::optional<core::Percent> elapsed(const std::optional<core::Period>& span) const;

 private:
  const model::Project& project_;
  const model::Outcome& outcome_;
  ReportWindow window_;
  mutable std::map<std::pair<core::Date, Basis>, CostLines> cumulative_;
};

// A cost line's key without its month: activity, category, source, origin, financier.
std::string cost_line_key(const CostLine& line);
// Money per category id of `lines`.
std::map<std::string, core::Money> by_category(const CostLines& lines);
// The sum of `lines`.
core::Money total_of(const CostLines& lines);

}  // namespace grantkit::reports
