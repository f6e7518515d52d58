#pragma once
// The paperwork of a payment request (ansökan om utbetalning) in Tillväxtverket's e-service Min
// ansökan: the expense rows to import, the staff cost rows, time reports, attestations of
// working-time share and the summaries of in-kind contributions (CLI.md `paperwork`). Pure
// computation: figures in öre and whole seconds (core/hours.hpp); render/paperwork.hpp turns them
// into files.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>
#include <grantkit/model/indicator_value.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/time_entry.hpp>
#include <grantkit/model/transaction.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/eligible.hpp>
#include <grantkit/reports/position.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

// ---- Expense rows (Min ansökan's cost import) ---------------------------------------------------

// One line of Min ansökan's expense list: the eligible rows of one voucher on one account, summed
// (a voucher split over two accounts is two lines; a row without a voucher is a line of its own).
struct ExpenseLine {
  std::string voucher;             // Ver.nr
  std::string text;                // Ver.text: the text of the voucher's first row on the account
  core::Date booked;               // Bokförd: the earliest date of the rows
  std::optional<core::Date> paid;  // Betalad: the latest payment date a row gives, if any
  std::string account;             // Konto
  std::string account_name;        // Kontonamn: the first a row gives
  std::string supplier;            // Leverantör: the first a row gives
  core::Money amount;              // Belopp: the sum of the rows, öre
  std::size_t rows = 0;            // ledger rows summed into the line
};

// The expense list of one applicant organisation (the books one ledger source or more hold).
struct ExpenseList {
  std::string organisation;        // a financier or organisation id; empty: the owner, undeclared
  std::string organisation_name;   // for people
  std::vector<ExpenseLine> lines;  // by date booked, voucher, account
  core::Money total;               // the sum of the lines, öre
};

// The organisation whose books a ledger source holds: its `organisation:`, else the owner (the
// organisation with role owner in project.yaml; empty when none is declared).
std::string source_organisation(const model::Project& project, const model::SourceSpec& source);
// The ledger source a row was read from, matched by its file against each source's path glob
// (relative to the project folder, as the ledger loader expands it); nullptr when none matches.
const model::SourceSpec* ledger_source_of(const model::Project& project,
                                          const model::Transaction& row);

// Min ansökan's expense rows for `window`: exactly the booked eligible costs the claim lists as
// its transactions (outcome.costs dated inside the window and paid by --as-of; every excluded row —
// outside the period, ineligible, or in a category a flat rate covers — is already out of
// outcome.costs), one line per voucher and account, one list per applicant organisation: one per
// distinct organisation of the ledger sources, owner first then in source order (a list may be
// empty); rows whose source cannot be told go to the owner's list. Money in öre; the lists' totals
// add up to the claim's transactions total.
std::vector<ExpenseList> expense_lists(const model::Project& project, const model::Outcome& outcome,
                                       const core::Period& window);
// The expense rows of the given booked rows (the claim's transaction list: ClaimBasis::late_rows,
// then the period's costs), grouped as above.
std::vector<ExpenseList> expense_lists(const model::Project& project,
                                       const std::vector<const model::Transaction*>& rows);

// ---- Staff costs ------------------------------------------------------------------------------

// hourly_rate_index_steps, hourly_rate, staff_hours_cost: eligible.hpp.

// One staff cost row of the request: a staff entry over the part of the window it covers (one
// row per step of the hourly-rate index, when the index changes inside the window).
struct StaffCostRow {
  std::string person;  // role pseudonym (staff id); personal identity numbers are never stored
  std::string role;
  std::string organisation;
  std::string organisation_name;
  model::Funding funding = model::Funding::cash;
  model::StaffBasis basis = model::StaffBasis::fixed_percent;
  core::Date start;     // the entry's start in the project (its staffing period)
  core::Period period;  // the part of the window the row covers
  core::Percent percent;
  std::optional<core::Money> monthly_salary;  // as stated, gross, öre
  // Seconds: fixed share: share × full-time minutes of `period` (the project's full-time rule,
  // each month rounded down to whole minutes); hourly: the seconds the person reported on the
  // project's activities in the months of `period` (time reports dated on or before as_of).
  std::int64_t seconds = 0;
  std::optional<core::Money> hourly_rate;  // öre per hour, indexed (hourly_rate())
  int index_steps = 0;
  // Öre: hourly: the row's reported seconds × the unit cost in force, rounded down once
  // (staff_hours_cost); fixed share under a unit-cost programme (erdf-2021-2027): the same with the
  // share's seconds; fixed share otherwise (Delegated Reg. 481/2014 art. 3): share × monthly
  // salary per month, a partial month by its working days (staff_month_value; the index does not
  // apply). Nothing without a salary.
  std::optional<core::Money> cost;
};

// The staff cost rows of `window` (the request period cut at as_of), entries in staffing order,
// every entry whose staffing period overlaps it, cash and in kind.
std::vector<StaffCostRow> staff_cost_rows(const model::Project& project,
                                          const std::vector<model::TimeEntry>& entries,
                                          const core::Period& window);

// ---- Time reports (tidredovisning) -------------------------------------------------------------

// One row of a time report: a day (a time row with a date) or the month, on one activity.
struct TimeSheetLine {
  std::optional<core::Date> date;  // empty: a row for the whole month
  std::string activity;
  std::string activity_name;
  std::int64_t seconds = 0;
};

// One person's project time in one month, to be signed by the person.
struct TimeSheet {
  std::string person;
  std::string role;
  std::string organisation;
  std::string organisation_name;
  core::Month month;
  std::vector<TimeSheetLine> lines;  // by date (month rows first), then activity in plan order
  std::int64_t seconds = 0;          // the total
  std::int64_t planned_seconds = 0;  // share × full time of the month (time.hpp), for comparison
};

// The time reports of `window`: one per person in staffing and month of the window with hours
// reported (time rows dated on or before the window's end), only project time — rows on the
// plan's activities; rows of persons not in staffing or on activities not in the plan are not
// project time and are left out (the `time` report flags them). Persons in staffing order.
std::vector<TimeSheet> time_sheets(const model::Project& project,
                                   const std::vector<model::TimeEntry>& entries,
                                   const core::Period& window);

// ---- Attestation of working-time share ---------------------------------------------------------

// An attestation (intyg om projektarbete för personal med fast tjänstgöringsgrad, Delegated Reg.
// 481/2014 art. 3) for one fixed-share staff entry over the part of the window it covers.
struct ShareAttestation {
  std::string person;
  std::string role;
  std::string organisation;
  std::string organisation_name;
  model::Funding funding = model::Funding::cash;
  core::Percent percent;
  core::Period staffing_period;  // the entry's whole period in the project
  core::Period period;           // the part of the window attested
  // The share of a year `period` is: its full-time minutes on the annual-hours basis (1 720 h a
  // year, a partial month by its working days) / the annual minutes, rounded down.
  core::Percent year_share;
  // 1 720 h × share × share of the year: share × the annual-basis full-time minutes of `period`,
  // rounded down to whole minutes; in seconds.
  std::int64_t implied_seconds = 0;
};

// One attestation per fixed-share entry (cash or in kind) whose period overlaps `window`, in
// staffing order.
std::vector<ShareAttestation> share_attestations(const model::Project& project,
                                                 const core::Period& window);

// ---- In-kind contributions ---------------------------------------------------------------------

// One person's in-kind time in a co-financier's summary.
struct InKindPerson {
  std::string person;
  std::string role;
  core::Percent percent;
  core::Period period;       // the part of the window covered
  std::int64_t seconds = 0;  // share × full-time minutes of `period` (project rule), s
  std::optional<core::Money> hourly_rate;  // öre per hour (hourly_rate())
  core::Money value;  // Σ staff_month_value over the months of `period`, öre (0 without a salary)
  bool has_salary = false;
};

// A co-financier's in-kind contribution in the window (sammanställning av bidrag i annat än
// pengar): its persons' time valued as the claim values it (eligible_costs), plus the payroll
// overhead flat rate the claim adds to in-kind time (DOMAIN.md) as one line, so that `total` is
// exactly what the claim counts as this co-financier's in-kind contribution of the window.
struct InKindSummary {
  std::string financier;
  std::string financier_name;
  bool is_public = true;
  std::vector<InKindPerson> persons;
  core::Money staff_value;       // Σ persons' value, öre
  core::Money payroll_overhead;  // the flat rate's share on this financier's time, öre
  std::optional<core::Percent> overhead_rate;
  core::Money total;  // staff_value + payroll_overhead
};

// One summary per financier with in-kind (fixed-share) staff whose period overlaps `window`, in
// financing-plan order.
// Each person's value and the overhead are the position's in-kind lines of `window` (paid
// basis, as the claim counts them).
std::vector<InKindSummary> in_kind_summaries(const Position& position, const core::Period& window);

// ---- Everything --------------------------------------------------------------------------------

// The whole paperwork of one request. `covered` is the request period cut at as_of (empty when
// the period starts after as_of: then every list is empty).
struct Paperwork {
  std::string project_id;
  std::string project_name;
  std::string case_id;
  std::string request_number;  // reports::request_number of the period
  // The aid to claim (the claim's `aid.to_claim`), when the caller computed the claim; öre.
  std::optional<core::Money> aid_to_claim;
  std::string owner;
  core::Period period;
  core::Date as_of;
  std::optional<core::Period> covered;
  std::int64_t annual_minutes = 1720 * 60;  // the programme's annual hours (attestations' 1 720 h)
  // The claim's transaction list split in two, so that each booked cost is in exactly one file:
  // `expenses`, every cost but the booked staff costs (Min ansökan's expense rows), and
  // `booked_staff`, the booked rows of category `personal` (the staff-cost section), grouped the
  // same way. Together they are the claim's transactions, to the öre.
  std::vector<ExpenseList> expenses;
  std::vector<ExpenseList> booked_staff;
  // The request itself (claim_report): its cost table, financing, aid and transaction list, the
  // summary page of the folder.
  std::optional<Document> claim;
  std::vector<StaffCostRow> staff_costs;
  core::Money staff_cost_total;     // Σ staff_costs' cost, öre
  bool staff_cost_complete = true;  // every row has a cost (no salary missing)
  // The budget report's flags per cost category (Position::category_flags), for the index page:
  // a category over budget, or needing a change decision, before the request is sent.
  std::map<std::string, std::vector<std::string>> category_flags;
  std::vector<TimeSheet> time_sheets;
  std::vector<ShareAttestation> attestations;
  std::vector<InKindSummary> in_kind;
  // indicators_report as of the end of the period (or as_of, if earlier), when the project has
  // indicators: the cumulative values the request's progress report states.
  std::optional<Document> indicators;
  core::Diagnostics diagnostics;
};

// The paperwork of the request for window.period: every part above over window.this_period, and
// the indicators. Findings: claim.period / claim.overlap (check_claim_period: the period must be
// a valid request period), ref.unknown (a ledger source's `organisation:` that is neither a
// financier nor an organisation), paperwork.no-salary (a warning: a staff entry without a monthly
// salary, whose cost or in-kind value cannot be computed), and the indicators' rules.
Paperwork paperwork(const Position& position, const std::vector<model::TimeEntry>& time_entries,
                    const std::vector<model::IndicatorValue>& indicator_values);

}  // namespace grantkit::reports
