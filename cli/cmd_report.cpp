// `grantkit report`: the monthly report, every section for one period in one document.
#include <grantkit/check/rules.hpp>
#include <grantkit/io/time_loader.hpp>
#include <grantkit/reports/monthly_report.hpp>
#include <grantkit/reports/request.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

int run_report(CommonOptions& o) {
  Loaded l = load(o, Ledger::request);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  reports::MonthlyReportOptions mo;
  mo.time = &time_reports(l, mo.time_complete);
  mo.staff_flags = check::staff_rule_flags(*l.project);
  reports::Bundle bundle = reports::monthly_report(position(l), mo, l.diagnostics);
  for (auto& [key, doc] : bundle.sections) {
    if (key != "claim") continue;
    doc.case_id = l.project->decision.case_id;
    doc.request_number = reports::request_number(*l.project, l.window.period);
  }
  reports::name_activities(bundle, activity_names(*l.project));
  release_rows(l);  // the document holds what it shows of the rows
  return finish(std::move(bundle), o);
}

}  // namespace grantkit::cli
