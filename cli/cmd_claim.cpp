// `grantkit claim --period P`: the payment request (ansökan om utbetalning) for a period.
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/request.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

int run_claim(CommonOptions& o) {
  Loaded l = load(o, Ledger::period);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  reports::Document doc = reports::claim_report(position(l));
  core::Diagnostics all = l.diagnostics;
  all.append_unique(doc.diagnostics);
  doc.diagnostics = all;
  doc.case_id = l.project->decision.case_id;
  doc.request_number = reports::request_number(*l.project, l.window.period);
  reports::name_activities(doc, activity_names(*l.project));
  return finish(std::move(doc), o);
}

}  // namespace grantkit::cli
