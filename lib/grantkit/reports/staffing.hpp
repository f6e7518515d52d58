#pragma once
// Staffing against the full-time definition (bemanning mot heltidsdefinitionen): CLI.md `staffing`.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <grantkit/model/project.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

struct StaffingOptions {
  ReportWindow window;  // only as_of is used (the header): staffing covers the whole plan
  // Each entry's flags from the staffing rules (check::staff_rule_flags), by index into staff.
  std::vector<std::vector<std::string>> entry_flags;
};

// Planned minutes of an entry: share × full-time minutes of its period under the project's
// full-time rule (core::full_time_minutes), rounded down to whole minutes (exact integer math).
// 50 % over 2021-06-01..2022-11-30: 77 400 min (1 290 h) on the 1 720 h basis, 91 920 min
// (1 532 h) on the calendar basis.
std::int64_t planned_minutes(const model::Project& project, const model::StaffEntry& entry);
// Planned cost of an entry in öre, rounded down once, or nothing without a monthly salary:
// - fixed share (Delegated Reg. 481/2014 art. 3): share × monthly salary × months, where months =
//   full-time minutes of the entry's period on the annual-hours basis / a full month's (8 600 min:
//   1 720 h / 12), so whole months count 1 and a partial month its share of working days, whatever
//   basis the project counts hours on;
// - hourly (CPR 1303/2013 art. 68a): planned hours × monthly salary × 12 / 1 720 (the programme's
//   annual hours).
// Gross salary only: payroll overhead (lönebikostnader, a flat rate) is not part of it yet.
std::optional<core::Money> planned_cost(const model::Project& project,
                                        const model::StaffEntry& entry);

// Rows (`rows`), one per staffing entry in plan order: person, role, organisation, percent, from,
// to, full_time_hours (100 % of the entry's period), planned_hours, planned_cost (öre; null without
// a salary), funding (cash | in_kind), flags; a totals row sums planned hours and (when every cost
// is known) planned cost. A second table `in_kind`, one row per financier with an in-kind amount in
// the financing plan or in-kind staff: financier, planned_in_kind (the plan's), planned_value (the
// planned cost of its in-kind staff plus the payroll overhead in force on the as-of date, rounded
// down once on the financier's sum, as the outcome values in-kind time; null when a salary is
// missing), difference (value − plan), flags.
// Flags and diagnostics (rule ids): staff.over-allocated, staff.duplicate-entry, staff.period (the
// check/ rules' flags, options.entry_flags; their findings are the loaded project's),
// staff.in-kind-mismatch (a
// warning: planned value further from the plan's in_kind than the programme's
// in_kind_deviation_percent, 10 %), staff.no-salary (info: no monthly salary, no cost can be
// planned).
Document staffing_report(const model::Project& project, const StaffingOptions& options);

}  // namespace grantkit::reports
