#pragma once
// Time allocation (tidsredovisning): planned hours (share × full time) against reported hours per
// person and month. CLI.md `time`.
#include <cstdint>
#include <vector>

#include <grantkit/model/project.hpp>
#include <grantkit/model/time_entry.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

struct TimeOptions {
  ReportWindow window;
  bool by_person = false;  // --by person: one row per person, the period's months summed
  bool monthly = false;  // --monthly: one row per month, the persons summed (with by_person: both)
  // False when a time report could not be read (exit 2): no month is then judged missing
  // (time.missing-report), since its hours may be in that file.
  bool complete = true;
};

// Planned time of `person` in `month`, in seconds: over the person's staffing entries, share ×
// full-time minutes of the part of the month inside the entry's period (core::full_time_minutes
// under the project's full-time rule), each rounded down to whole minutes.
std::int64_t planned_seconds_in_month(const model::Project& project, std::string_view person,
                                      core::Month month);

// Rows per person and month (the default), per person (`by_person`) or per month (`monthly`):
// person, month, planned_hours, reported_hours, difference_hours (reported − planned), activities
// ({activity id: hours}), flags; a totals row. All figures are whole seconds, summed exactly
// (a renderer rounds the figure it shows once, core/hours.hpp).
// - The months are those touching the window's period; a person has a row for each such month
//   that touches one of their staffing periods or in which they reported hours. Persons come in
//   staffing order; hours of persons not in staffing get rows of their own after them.
// - Reported hours count rows dated on or before as_of (a month row by its first day); a month
//   is judged for missing or deviating reports only once it has ended by as_of.
// Flags and diagnostics (rule ids; thresholds from the programme rule set):
// - time.missing-report (warning): planned hours, nothing reported for an ended month;
// - time.deviation (warning): fixed-share staff (Delegated Reg. 481/2014 art. 3), over the
//   person's ended months up to as_of: reported hours further from planned than the programme's
//   time_deviation_percent (10 %) in time_deviation_months (3) consecutive months, or further than
//   time_deviation_month_percent (50 %) in one month unless below plan in a holiday month (July);
// - time.outside-period (warning): hours dated outside every staffing period of the person or
//   outside the activity's period (a month row: the month does not touch the period);
// - time.over-full-time (warning): staff who are not hourly, more hours in a calendar year than
//   that year's full time (1 720 h, CPR 1303/2013 art. 68a); flagged from the month it is passed;
// - time.annual-cap (error): hourly staff above the programme's annual hours (1 720 h, CPR
//   1303/2013 art. 68a) in a calendar year; flagged from the month the cap is passed;
// - time.unknown-person, time.unknown-activity (errors): a row naming a person not in staffing or
//   an activity not in the plan.
// The row-level rules (outside-period, unknown-*, annual-cap, over-full-time) and deviation's runs
// check every row read, whatever the
// window, like the ledger's exclusions; each finding is reported once.
Document time_report(const model::Project& project, const std::vector<model::TimeEntry>& entries,
                     const TimeOptions& options);

}  // namespace grantkit::reports
