// `grantkit validate`: every finding any report would print, then one summary line — the gate
// before a report or a payment request (`grantkit validate && grantkit paperwork …`).
#include <grantkit/io/indicators_loader.hpp>
#include <grantkit/io/time_loader.hpp>
#include <grantkit/reports/budget.hpp>
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/cofinancing.hpp>
#include <grantkit/reports/indicators.hpp>
#include <grantkit/reports/paperwork.hpp>
#include <grantkit/reports/staffing.hpp>
#include <grantkit/reports/time.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

namespace {

// Every finding of the reports validate stands for, computed on the project as `budget`, `time`,
// `staffing`, `cofinancing`, `indicators` and `claim` compute it for the same --as-of and
// --period (paperwork too when --period is given), each finding once.
void check_as_reports(const CommonOptions& o, const reports::Position& pos,
                      core::Diagnostics& all) {
  const model::Project& p = pos.project();
  const reports::ReportWindow& w = pos.window();
  for (auto by : {reports::BudgetGrouping::activity, reports::BudgetGrouping::category,
                  reports::BudgetGrouping::activity_category}) {
    reports::BudgetOptions bo;
    bo.by = by;
    all.append_unique(reports::budget_figures(pos, bo).findings);
  }
  all.append_unique(reports::cofinancing_report(pos).diagnostics);
  reports::StaffingOptions so;
  so.window = w;
  all.append_unique(reports::staffing_report(p, so).diagnostics);

  reports::TimeOptions to;
  to.window = w;
  std::vector<model::TimeEntry> entries = load_time(p, all, to.complete);
  all.append_unique(reports::time_report(p, entries, to).diagnostics);

  std::vector<model::IndicatorValue> values = io::load_indicator_values(p, all);
  all.append_unique(reports::indicators_report(p, values, w).diagnostics);

  core::Diagnostics claim = reports::claim_report(pos).diagnostics;
  if (o.period.empty()) {
    // Without --period there is no payment-request period to judge: the window's period is the
    // month of --as-of, which claim.period and claim.overlap are not about, nor the request's
    // basis in the register (claim_basis: months since the last request, late costs, corrections,
    // a period not ended), which `validate --period P` states for the request P.
    core::Diagnostics kept;
    for (const auto& d : claim.items()) {
      if (d.rule != "claim.period" && d.rule != "claim.overlap" && d.rule != "claim.gap" &&
          d.rule != "claim.period-open" && d.rule != "claim.late-cost" &&
          d.rule != "claim.reported-changed" && d.rule != "claim.reported-recomputed")
        kept.add(d);
    }
    claim = kept;
  } else {
    all.append_unique(claim);
    claim = reports::paperwork(pos, entries, values).diagnostics;
  }
  all.append_unique(claim);
}

}  // namespace

int run_validate(CommonOptions& o) {
  // The ledger streams through as sums; the rows of the period (--period, else the month of
  // --as-of) are kept whole, as claim keeps them: its findings on single rows (claim.unpaid) and
  // paperwork's checks need them; with --period those before it too (the late costs it names).
  Loaded l = load(o, o.period.empty() ? Ledger::period : Ledger::request);
  render::Validation v;
  v.diagnostics = l.diagnostics;
  if (l.project) {
    v.project_id = l.project->id;
    v.project_name = l.project->name;
    v.as_of = l.window.as_of;
    if (!o.period.empty()) v.period = l.window.period;
    check_as_reports(o, position(l), v.diagnostics);
    // validate states every finding any report states: an accept that acknowledges none of them
    // acknowledges nothing (accept.unused).
    acknowledge(l, v.diagnostics, true);
  }
  int code = report_diagnostics(v.diagnostics, o);
  render::Lang lang = o.lang == "en" ? render::Lang::en : render::Lang::sv;
  std::string format = o.format;
  if (format.empty() && !o.output.empty() && o.output.size() > 5 &&
      o.output.compare(o.output.size() - 5, 5, ".json") == 0)
    format = "json";
  if (format == "json") return deliver_text(render::render_validation_json(v), o, code);
  return deliver_text(render::findings_summary(render::count_findings(v.diagnostics), lang) + "\n",
                      o, code);
}

}  // namespace grantkit::cli
