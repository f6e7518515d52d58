#pragma once
// Budget versus outcome (budget mot utfall): CLI.md `budget`. A view of the position: typed
// figures (budget_figures), then their presentation (budget_document).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/position.hpp>

namespace grantkit::reports {

enum class BudgetGrouping { activity, category, activity_category };

struct BudgetOptions {
  BudgetGrouping by = BudgetGrouping::activity;
  bool monthly = false;  // a `months` series per row: outcome per month of the period
};

// One row of the budget report; money in öre. `planned_line`: the plan has it (an activity, a
// category of the decision's budget, or an activity's category); a row of outcome the plan does
// not have (costs without an activity, a category outside the decision's budget) has budget 0
// when the grouping has budget lines, so that remaining = budget − outcome holds on every row.
struct BudgetRow {
  std::string activity;  // empty: no activity (or the grouping has none)
  std::string category;
  bool planned_line = true;
  std::optional<core::Money> budget;
  core::Money this_period;
  core::Money to_date;
  std::optional<core::Money> remaining;       // budget − to_date
  std::optional<core::Percent> used;          // to_date / budget
  std::optional<core::Percent> elapsed;       // of the row's period by the end of "to date"
  std::optional<core::Money> planned;         // planned outcome to date
  std::optional<core::Money> variance;        // to_date − planned
  std::vector<std::string> flags;             // rule ids
  std::map<core::Month, core::Money> months;  // with `monthly`: this period's outcome per month
};

// The budget report's figures: rows in plan order (then any seen only in the outcome) and the
// total, every column of which is the sum of the rows (budget, outcome, remaining, planned,
// variance); the total's remaining is budget − outcome and its used % outcome / budget over all
// outcome, also rows outside the plan.
struct BudgetFigures {
  BudgetGrouping by = BudgetGrouping::activity;
  bool monthly = false;
  std::vector<BudgetRow> rows;
  BudgetRow total;
  std::vector<core::Month> months;  // with `monthly`: the months of this period
  core::Diagnostics findings;       // a finding for every flag
};

// The figures of the budget report from the position: outcome this period and to date
// (Position::in: every eligible cost — booked, flat rates, in-kind time), the budgets of the
// decision and plan in force as of --as-of, planned to date (linear over each activity's period:
// budget × days elapsed / days, rounded down; a cost category's share of it is the activities'
// planned figures spread over their category split, or over the decision's category budgets
// when an activity has none, by largest remainder, so that per activity and per category give
// the same total; without activity budgets, linear over the eligible period per category), and
// the flags of Position::budget_flags, each also a finding.
BudgetFigures budget_figures(const Position& position, const BudgetOptions& options);
// The figures as a document (columns of CLI.md `budget`).
Document budget_document(const Position& position, const BudgetFigures& figures);
// budget_document(budget_figures()).
Document budget_report(const Position& position, const BudgetOptions& options);

// The planned outcome from the project's start through `through` (öre), as the budget report's
// totals row states it as of that date: per activity (the activities' linear plans) when every
// activity has a budget, else per cost category (linear over the eligible period); nothing when
// neither has budgets. The burn-up's plan line.
std::optional<core::Money> planned_through(const model::Project& project, core::Date through);
// Whether the plan is per activity: the project has activities and every one has a budget (else
// the plan is per cost category).
bool plan_per_activity(const model::Project& project);
// The budget that plan runs to (öre): the activities' budgets when every activity has one, else
// the decision's category budgets, else its total.
std::optional<core::Money> planned_budget(const model::Project& project);

// A document with the project's header fields and the report window.
Document document_header(const model::Project& project, const ReportWindow& window,
                         std::string report, std::string title_sv, std::string title_en);

}  // namespace grantkit::reports
