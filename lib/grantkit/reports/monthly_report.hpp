#pragma once
// The monthly report (CLI.md `report`): every report for one period in one document.
#include <vector>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/time_entry.hpp>
#include <grantkit/model/transaction.hpp>
#include <grantkit/reports/budget.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/position.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

struct MonthlyReportOptions {
  // The time reports as loaded (io::load_time); without them the report has no time section.
  const std::vector<model::TimeEntry>* time = nullptr;
  bool time_complete = true;  // TimeOptions::complete
  // The staffing section's row flags (check::staff_rule_flags), by index into project.staff.
  std::vector<std::vector<std::string>> staff_flags;
};

// The burn-up series (`burn_up`): one row per month of the project period: month, added (the
// month's step of the cumulative outcome, Position::in, so that the months add up to it exactly
// and are the budget report's "this period" for that month), outcome_to_date (cumulative,
// Position::cumulative: the budget report's total as of the month's last day, or the end of "to
// date", whichever is earlier), planned_to_date (planned_through: the budget report's planned
// total as of that day) and budget (the budget report's total). Months after "to date" have no
// outcome, only the plan. A month before the end of "to date" shows the plan and budget of the
// decision then in force (model::Project::on), so that a change decision does not rewrite the
// past; from it on, those in force as of --as-of. Money in öre. The document's value `plan` says
// whether the plan is per activity (`activity`: every activity has a budget) or per cost category
// (`category`).
Document burn_up_report(const Position& position);

// The eligible booked costs dated in "this period" (transaktionslista, `transactions`): date,
// voucher, account, account_name, text, category, activity, person, supplier, amount (öre); the
// totals row sums the amounts. Ordered by date, then as read.
Document transactions_report(const Position& position);

// The monthly report. Sections, in order, each a whole report under its key:
// - `summary`: key figures (the budget report's totals row per activity, or per cost category when
//   the activities have no budgets: approved budget, outcome this period and to date, remaining =
//   budget − outcome, used % = outcome / budget, time elapsed %, planned to date, variance),
//   `actions`, the findings that need action first (warnings and errors of rules of class action,
//   core::rule_class, ranked by the size of Diagnostic::amount, those without one last; at most 3
//   rows a rule, its further findings one row "… and N more" with their summed amount, in öre) and
//   `routine`, the findings of rules of class routine summed per rule and file (count, amount);
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
// section's own, duplicates dropped, with project.yaml's accept: applied (core::apply_accepts,
// accept.unused not judged: the report does not state every rule's findings).
Bundle monthly_report(const Position& position, const MonthlyReportOptions& options,
                      const core::Diagnostics& loaded);

}  // namespace grantkit::reports
