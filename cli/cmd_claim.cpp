// `grantkit claim --period P`: the payment request (ansökan om utbetalning) for a period.
#include <grantkit/reports/claim.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

int run_claim(CommonOptions& o) {
  Loaded l = load(o, Ledger::period);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  reports::Document doc = reports::claim_report(position(l));
  core::Diagnostics all = l.diagnostics;
  all.append_unique(doc.diagnostics);
  acknowledge(l, all);
  doc.diagnostics = all;
  return finish(std::move(doc), o);
}

}  // namespace grantkit::cli
