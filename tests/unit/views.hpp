#pragma once
// The report views of a (project, outcome, window), each through its own reports::Position, for
// unit tests that build a project and an outcome by hand (the CLI builds one position per run).
#include <grantkit/reports/budget.hpp>
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/cofinancing.hpp>
#include <grantkit/reports/monthly_report.hpp>
#include <grantkit/reports/paperwork.hpp>
#include <grantkit/reports/position.hpp>

namespace grantkit::test {

struct BudgetOptions {
  reports::ReportWindow window;
  reports::BudgetGrouping by = reports::BudgetGrouping::activity;
  bool monthly = false;
};

inline reports::Document budget_report(const model::Project& p, const model::Outcome& o,
                                       const BudgetOptions& b) {
  reports::Position pos(p, o, b.window);
  reports::BudgetOptions opts;
  opts.by = b.by;
  opts.monthly = b.monthly;
  return reports::budget_report(pos, opts);
}

inline reports::Document claim_report(const model::Project& p, const model::Outcome& o,
                                      const reports::ReportWindow& w) {
  return reports::claim_report(reports::Position(p, o, w));
}

inline reports::Document cofinancing_report(const model::Project& p, const model::Outcome& o,
                                            const reports::ReportWindow& w) {
  return reports::cofinancing_report(reports::Position(p, o, w));
}

inline reports::Document transactions_report(const model::Project& p, const model::Outcome& o,
                                             const reports::ReportWindow& w) {
  return reports::transactions_report(reports::Position(p, o, w));
}

// The burn-up (`by` is not used: the plan is per activity when every activity has a budget).
inline reports::Document burn_up_report(const model::Project& p, const model::Outcome& o,
                                        const reports::ReportWindow& w,
                                        reports::BudgetGrouping /*by*/) {
  return reports::burn_up_report(reports::Position(p, o, w));
}

struct MonthlyReportOptions {
  reports::ReportWindow window;
  const std::vector<model::TimeEntry>* time = nullptr;
  bool time_complete = true;
};

inline reports::Bundle monthly_report(const model::Project& p, const model::Outcome& o,
                                      const MonthlyReportOptions& m,
                                      const core::Diagnostics& loaded) {
  reports::MonthlyReportOptions opts;
  opts.time = m.time;
  opts.time_complete = m.time_complete;
  return reports::monthly_report(reports::Position(p, o, m.window), opts, loaded);
}

inline reports::Paperwork paperwork(const model::Project& p, const model::Outcome& o,
                                    const std::vector<model::TimeEntry>& time,
                                    const std::vector<model::IndicatorValue>& values,
                                    const reports::ReportWindow& w) {
  return reports::paperwork(reports::Position(p, o, w), time, values);
}

// In-kind summaries over `window`, the position taken as of its end.
inline std::vector<reports::InKindSummary> in_kind_summaries(const model::Project& p,
                                                             const model::Outcome& o,
                                                             const core::Period& window) {
  reports::ReportWindow w;
  w.as_of = window.to;
  w.period = window;
  w.this_period = window;
  w.to_date = core::Period{p.project_period().from, window.to};
  return reports::in_kind_summaries(reports::Position(p, o, w), window);
}

}  // namespace grantkit::test
