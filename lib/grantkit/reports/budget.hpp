#pragma once
// Budget versus outcome (budget mot utfall): CLI.md `budget`.
#include <grantkit/model/project.hpp>
#include <grantkit/model/transaction.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

enum class BudgetGrouping { activity, category, activity_category };

struct BudgetOptions {
  ReportWindow window;
  BudgetGrouping by = BudgetGrouping::activity;
  bool monthly = false;  // a `months` series per row: outcome per month of the period
};

// Rows per activity, category or both, over every eligible cost (booked, flat rates, in-kind
// time: reports::eligible_costs, each window on its own aggregate): budget, outcome this period, outcome to date, remaining
// (budget − to date), used % (to date / budget), elapsed % (days of the row's period elapsed by
// the end of "to date"), planned to date (budget × elapsed days / days, rounded down), variance
// (outcome to date − planned to date), flags. Money in öre; a totals row sums the rows.
// Flags (rule ids): budget.over (to date above budget); budget.change-decision-needed (a category
// above its budget by more than the programme's deviation percent and at least its amount: 20 %
// and 50 000 kr, Tillväxtverket "informera om ändringar"); budget.underspend (an activity's used %
// more than the programme's points, 15, behind its elapsed %). Each flag is also a diagnostic.
Document budget_report(const model::Project& project, const model::Outcome& outcome,
                       const BudgetOptions& options);

// The flags of one budget line: `is_category` selects the change-decision rule, `is_activity` the
// underspend rule. Exposed for the claim, which applies the same deviation rules.
std::vector<std::string> budget_flags(const model::Programme& programme, const std::optional<core::Money>& budget,
                                      core::Money to_date, std::optional<core::Percent> elapsed, bool is_category,
                                      bool is_activity);

}  // namespace grantkit::reports
