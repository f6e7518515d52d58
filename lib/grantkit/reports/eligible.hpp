#pragma once
// Every eligible cost of a window: booked costs, the flat rates computed on them, and valued
// in-kind staff time (DOMAIN.md "Co-financing and aid", "Flat rates"). Budget, co-financing and
// the claim all count outcome through this one function.
#include <map>
#include <string>
#include <vector>

#include <grantkit/core/diagnostic.hpp>

#include <grantkit/core/date.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/time_entry.hpp>
#include <grantkit/model/transaction.hpp>

namespace grantkit::reports {

// booked: from the ledger; flat_rate: computed on other lines; in_kind: a co-financier's
// contribution other than money; unit_cost: the project's own staff at a unit cost per hour
// (hours × the unit cost in force, erdf-2021-2027).
enum class CostSource { booked, flat_rate, in_kind, unit_cost };

// One eligible cost line, summed per month, activity and category (money in öre). `origin` is the
// flat rate id for flat rates and the staff id for in-kind time; `financier` the co-financier that
// contributes in-kind time.
struct CostLine {
  core::Month month;
  std::string activity;  // empty: not attributed to an activity
  std::string category;
  core::Money amount;
  CostSource source = CostSource::booked;
  std::string origin;
  std::string financier;
};

// The value of a staff entry's time in one month: share × monthly salary × (working days of the
// month inside `part` / working days of the whole month), rounded down to öre
// (fixed share, Delegated Reg. 481/2014 art. 3). Zero without a salary.
core::Money staff_month_value(const model::Project& project, const model::StaffEntry& entry,
                              core::Month month, const core::Period& part);

// ---- Staff at a unit cost per hour (erdf-2021-2027, Tillväxtverket's Handbok för EU-projekt
// 2021–2027, "Kostnader som är stödberättigande för alla typer av projekt")
// ------------------------

// How many times the programme's hourly_rate_index has raised a person's unit cost by `month`:
// whole `hourly_rate_index_months` periods from the month the entry starts in the project (its
// staffing period) to `month`; 0 when the programme has no index (erdf-2014-2020).
int hourly_rate_index_steps(const model::Project& project, const model::StaffEntry& entry,
                            core::Month month);
// The unit cost per hour in `month`, öre: monthly salary × 12 / the programme's annual hours
// (1 720), rounded down to öre, then raised by the index once per step, compounded, each step
// rounded down to öre ("räkna upp den var tolfte månad", 2,4 %). Nothing without a salary.
std::optional<core::Money> hourly_rate(const model::Project& project,
                                       const model::StaffEntry& entry, core::Month month);
// The cost of `seconds` of work at `per_hour` (öre an hour): seconds × per_hour / 3 600, rounded
// down to öre. Every staff cost grantkit computes from hours goes through this one function.
core::Money staff_hours_cost(std::int64_t seconds, core::Money per_hour);
// The seconds a fixed-share entry works in `part`: share × the full-time minutes of `part` under
// the project's full-time rule (1 720 h a year, a partial month by its working days), rounded
// down to whole minutes (Handbok 2021–2027, Rapportering av kostnader: 1 720 × share × the share
// of the year), in seconds.
std::int64_t fixed_share_seconds(const model::Project& project, const model::StaffEntry& entry,
                                 const core::Period& part);
// The time rows on the plan's activities, by person and month, indexed once (one pass over the
// rows), so that asking for every staff entry and month reads each row once in all instead of
// every row each time. Refers to the rows of `time` (and to `project`): build it where they live.
class TimeIndex {
 public:
  TimeIndex(const model::Project& project, const std::vector<model::TimeEntry>& time);
  // The rows of `person` in `month` whose activity is in the plan, in file order.
  const std::vector<const model::TimeEntry*>& rows(std::string_view person,
                                                   core::Month month) const;

 private:
  std::map<std::pair<std::string_view, core::Month>, std::vector<const model::TimeEntry*>> rows_;
};

// The seconds `entry`'s person reported on the plan's activities in `part` of one month, by
// activity in the order the rows first name them (time rows dated on or before part.to, inside the
// entry's staffing period).
std::vector<std::pair<std::string, std::int64_t>> reported_seconds(const model::Project& project,
                                                                   const model::StaffEntry& entry,
                                                                   const TimeIndex& time,
                                                                   core::Month month,
                                                                   const core::Period& part);
// The same over the rows of `time` (one pass over them: for one question; index the rows once
// with TimeIndex to ask about many entries or months).
std::vector<std::pair<std::string, std::int64_t>> reported_seconds(
    const model::Project& project, const model::StaffEntry& entry,
    const std::vector<model::TimeEntry>& time, core::Month month, const core::Period& part);

// time.not-counted (warning), under a unit-cost programme: every time-report row that no staff
// cost line counts, named with its place: its person is not in the staffing, its activity not in
// the plan, or its days lie outside every staffing period of the person. (The `time` report flags
// the same rows under its own rules; this finding is for budget, claim and co-financing, which
// count staff costs from these rows.)
void uncounted_time(const model::Project& project, const std::vector<model::TimeEntry>& time,
                    core::Diagnostics& diags);

// Staff cost lines under a unit-cost programme (programme.staff_unit_cost), one per staff entry,
// month and activity inside `window`. Minutes per month and activity: hourly, as reported; fixed
// share, fixed_share_seconds split by the planned split (else the activities running that month by
// their budgets). The months under one unit cost (one index step) inside `window` are costed
// together: their seconds × that unit cost (staff_hours_cost, rounded down once, as Min ansökan
// computes the period's hours × the unit cost), spread back over the months and activities by
// their minutes, largest remainder. Cash staff: category personal, source unit_cost; in-kind
// staff: the financier's bidrag i annat än pengar, source in_kind. No salary: no line.
std::vector<CostLine> unit_cost_lines(const model::Project& project,
                                      const std::vector<model::TimeEntry>& time,
                                      const core::Period& window);

// The eligible cost lines dated inside `window` under the decision in force at its end:
// - booked: the outcome's eligible costs, one line per (month, activity, category);
// - in kind: each `funding: in_kind` staff entry valued month by month (staff_month_value),
//   attributed to its activities by its planned split, or, without one, to the activities running
//   that month in proportion to their budgets (rounded by largest remainder), category
//   offentligt (or privat, by the financier's type) bidrag i annat än pengar;
// - flat rates in force, in programme order: rate × the window's aggregate of their base categories
//   (which may include earlier flat rates), rounded down once, then distributed over the base's
//   (month, activity) cells by largest remainder so the lines add up exactly. The payroll overhead
//   rate also applies to in-kind staff time (DOMAIN.md), added to the in-kind lines.
// Under a unit-cost programme (erdf-2021-2027) the staff lines are unit_cost_lines over the time
// reports the outcome carries (outcome.staff_time) instead of booked salaries (which the ledger
// rules exclude as covered), and in-kind staff time is valued the same way; flat rates on
// `personal` are computed on them.
std::vector<CostLine> eligible_costs(const model::Project& project, const model::Outcome& outcome,
                                     const core::Period& window, bool paid_only = false);

// Aid paid out to date (ledger rows `category: aid`) beside aid claimed (claims.yaml), for
// `cofinancing` and `claim`: `paid` the aid rows dated in `window` (öre); `claimed` the sum of
// `aid_claimed` of the requests in claims.yaml whose period ends on or before `claimed_through`,
// nothing when none gives it. When both are known and differ, a warning aid.paid-mismatch.
struct AidPaid {
  core::Money paid;
  std::optional<core::Money> claimed;
};
AidPaid aid_paid(const model::Project& project, const model::Outcome& outcome,
                 const core::Period& window, core::Date claimed_through, core::Diagnostics& diags);

}  // namespace grantkit::reports
