#pragma once
// The monthly report (CLI.md `report`): every report for one period in one document.
#include <vector>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/time_entry.hpp>
#include <grantkit/model/transaction.hpp>
#include <grantkit/reports/budget.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

struct MonthlyReportOptions {
  ReportWindow window;
  // The time reports as loaded (io::load_time); without them the report has no time section.
  const std::vector<model::TimeEntry>* time = nullptr;
  bool time_complete = true;  // TimeOptions::complete
};

// The burn-up series (`burn_up`): one row per month of the project period: month, added (the
// step of the cumulative series in that month, so that the months add up to it exactly; it may
// differ by an öre from the budget report's "this period" for the month, whose flat rates are
// rounded on the month's own aggregate),
// outcome_to_date (cumulative), planned_to_date (the linear plan of every activity, cumulative)
// and budget (the total). Each row's cumulative figures are the totals row of the budget report
// per activity as of the month's last day (or the end of "to date", whichever is earlier), so the
// series ends on the budget report's own figures. Months after "to date" have no outcome, only
// the plan. Money in öre. `by` picks the budget report's grouping, and so the plan: linear per
// activity (its period) or per cost category (the eligible period); the document's value `plan`
// names it (`activity` or `category`).
Document burn_up_report(const model::Project& project, const model::Outcome& outcome,
                        const ReportWindow& window, BudgetGrouping by = BudgetGrouping::activity);

// The eligible booked costs dated in "this period" (transaktionslista, `transactions`): date,
// voucher, account, account_name, text, category, activity, person, supplier, amount (öre); the
// totals row sums the amounts. Ordered by date, then as read.
Document transactions_report(const model::Project& project, const model::Outcome& outcome,
                             const ReportWindow& window);

// The monthly report. Sections, in order, each a whole report under its key:
// - `summary`: key figures (copied from the budget report's totals: approved budget, outcome this
//   period and to date, remaining, used %, time elapsed %, planned to date, variance; from the
//   report per activity, or per category when the activity totals have no budget, e.g. because
//   some outcome is not attributed to an activity; the burn-up uses the same grouping) and
//   `actions`, the findings that need action first (errors, then warnings, then the information
//   that flags a report row, e.g. budget.underspend);
// - `budget_activity`, `budget_category`: the budget report (CLI.md `budget`) per activity and
//   per cost category;
// - `burn_up`: burn_up_report;
// - `cofinancing`: the financing plan against cash received and in-kind time valued;
// - `staffing`: the staffing plan;
// - `time` (when `options.time` is given): planned against reported hours per person for the
//   period (the time report with by_person);
// - `claim`: the payment request's tables when the period may be a claim period
//   (check_claim_period finds nothing), otherwise `transactions`: transactions_report.
// A new report adds its section in monthly_report.cpp.
// The header holds the window and every diagnostic once: `loaded` (what loading found) and each
// section's own, duplicates dropped.
Bundle monthly_report(const model::Project& project, const model::Outcome& outcome,
                      const MonthlyReportOptions& options, const core::Diagnostics& loaded);

}  // namespace grantkit::reports
