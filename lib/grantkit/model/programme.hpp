#pragma once
// A programme rule set (data/programmes/*.yaml): cost categories, flat rates, full time,
// thresholds.
#include <optional>
#include <string>
#include <vector>

#include <grantkit/core/calendar.hpp>
#include <grantkit/core/date.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>

namespace grantkit::model {

// A cost category (kostnadsslag) with its labels; kind: cost | flat_rate | in_kind | income.
struct CostCategory {
  std::string id;
  std::string sv;
  std::string en;
  std::string kind;
};

// A flat rate (schablon): rate × the sum of `base` (category or flat-rate ids), booked under
// `booked_under`; booked costs in `covers` are then ineligible.
struct FlatRate {
  std::string id;
  core::Percent rate;
  std::vector<std::string> base;
  std::string booked_under;
  std::vector<std::string> covers;
  bool applies_by_default = false;
  std::string source;
};

// The whole rule set; every number has its `source` in the YAML file.
struct Programme {
  std::string id;
  std::string name;
  // The programme's own period: the first and last day on which expenditure can be eligible (YAML
  // `period`; 2014–2020: CPR 1303/2013 art. 65(2); 2021–2027: CPR 2021/1060 art. 63(2)). A
  // decision's eligible period must lie inside it (decision.programme-period).
  std::optional<core::Period> period;
  // The file the rule set was read from (for messages).
  std::string file;
  std::vector<CostCategory> categories;
  std::vector<FlatRate> flat_rates;
  core::FullTimeRule full_time;
  core::Percent deviation_percent = core::Percent::from_points(20);
  core::Money deviation_amount = core::Money::from_kronor(50000);
  core::Percent underspend_points = core::Percent::from_points(15);
  // budget.underspend is a warning (else an info) when the activity's under-spend, budget ×
  // elapsed share − outcome to date, is at least this. YAML `underspend_amount` (kronor);
  // grantkit's own materiality threshold, the same order as `deviation.amount`.
  core::Money underspend_amount = core::Money::from_kronor(50000);
  // time.deviation: a fixed-share person's reported hours further than `time_deviation_percent`
  // from the planned hours (share × full time) in `time_deviation_months` consecutive ended
  // months (a persistent deviation), or further than `time_deviation_month_percent` in a single
  // month, except below plan in a `time_holiday_months` month (July: semester). YAML
  // `time_deviation: {percent, months, month_percent, holiday_months}`.
  core::Percent time_deviation_percent = core::Percent::from_points(10);
  int time_deviation_months = 3;
  core::Percent time_deviation_month_percent = core::Percent::from_points(50);
  std::vector<int> time_holiday_months = {7};
  // staff.salary-mismatch: a person's salary booked in a month (ledger rows with `person`)
  // further than this from staff.yaml's monthly salary × share is flagged. YAML
  // `salary_mismatch.percent`.
  core::Percent salary_mismatch_percent = core::Percent::from_points(2);
  // staff.in-kind-mismatch: a financier's planned in-kind staff value further than this from the
  // financing plan's in_kind is flagged. YAML `in_kind_deviation.percent`.
  core::Percent in_kind_deviation_percent = core::Percent::from_points(10);
  // financing.shortfall: a financier's contributions to date behind its pro-rata share by more than
  // this. YAML `shortfall.percent`.
  core::Percent shortfall_percent = core::Percent::from_points(10);
  // indicator.behind: a result indicator whose reported share of its target is more than this many
  // percentage points behind the share of the project period elapsed (its pro-rata target) is
  // flagged, once `indicator_near_end` of the period has elapsed. YAML `indicator_behind.points`
  // and `.near_end`; grantkit's own early warning (issue 9), not a Tillväxtverket rule.
  core::Percent indicator_behind_points = core::Percent::from_points(25);
  core::Percent indicator_near_end = core::Percent::from_points(75);
  // The index of the hourly staff rate (monthly salary × 12 / annual hours): raised by this rate
  // every `hourly_rate_index_months` months in the project, compounded; none when unset (YAML
  // `hourly_rate_index: {percent, every_months, source}`; 2021–2027: 2.4 % every 12 months).
  std::optional<core::Percent> hourly_rate_index;
  // How staff costs are counted (YAML `staff_costs: {basis, covers, source}`): `booked` (the
  // default, erdf-2014-2020: salaries booked in the ledger) or `unit_cost` (erdf-2021-2027:
  // hours × the unit cost per hour, monthly salary × 12 / annual hours, indexed; booked costs in
  // `staff_cost_covers` are then excluded as ledger.covered-by-unit-cost).
  bool staff_unit_cost = false;
  std::vector<std::string> staff_cost_covers;
  int hourly_rate_index_months = 12;
  int claim_min_months = 1;
  int claim_max_months = 6;
  bool claim_within_calendar_year = true;
  // Whether costs of the final reporting (slutredovisning) are eligible after every activity has
  // ended, in the closing part of the eligible period: a cost without an activity dated then is
  // one. Else such a cost is ledger.outside-activity-period. YAML `final_reporting:
  // {after_activities, source}`.
  bool final_reporting_after_activities = false;

  const CostCategory* find_category(std::string_view wanted) const;
};

}  // namespace grantkit::model
