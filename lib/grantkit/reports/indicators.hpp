#pragma once
// Result indicators (resultatmål, indikatorer) against their targets and the time elapsed:
// CLI.md `indicators`.
#include <optional>
#include <vector>

#include <grantkit/core/percent.hpp>
#include <grantkit/model/indicator_value.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

// The share of the project period (the decision's eligible period) elapsed on `as_of`: days from
// its start through as_of (both counted) / its days, rounded down; 0 before the start, 100 % after
// the end.
core::Percent project_elapsed(const model::Project& project, core::Date as_of);

// Whether an indicator is behind (rule indicator.behind, a grantkit early warning): `elapsed` has
// reached the programme's indicator_near_end (75 %) and `elapsed` − `achieved` (the reported share
// of the target) is more than indicator_behind_points (25 points). Both shares in Percent.
bool indicator_behind(const model::Programme& programme, core::Percent elapsed,
                      core::Percent achieved);

// Rows (`rows`), one per indicator of project.yaml in order: indicator, name, code, unit, target,
// value (the latest reported value dated on or before as_of; null when none: unknown, not zero),
// date (of that value), achieved_pct (value / target, rounded down; null without a value or a
// target), elapsed_pct (project_elapsed at as_of), expected_to_date (the pro-rata target: target ×
// elapsed, rounded down to a whole number), flags. A second table `reported`: every value dated on
// or before as_of (indicator, date, value, comment), by indicator and date.
// Rules (warnings, also in the row's flags):
// - indicator.decreasing: a cumulative value lower than the one reported before it (by date);
//   judged on every row of indicators.yaml, whatever as_of, at the lower row's place;
// - indicator.behind: see indicator_behind(); judged only on a reported value.
Document indicators_report(const model::Project& project,
                           const std::vector<model::IndicatorValue>& values,
                           const ReportWindow& window);

}  // namespace grantkit::reports
