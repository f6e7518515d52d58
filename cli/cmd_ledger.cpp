// `grantkit ledger`: what the ledger import read — rows, vouchers, period, sums per account,
// mapped and unmapped accounts, excluded rows by rule — to trust an import before reporting.
#include <grantkit/reports/ledger.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

int run_ledger(CommonOptions& o) {
  Loaded l = load(o, Ledger::all);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  reports::LedgerOptions lo;
  if (!o.as_of.empty()) {
    auto d = core::parse_iso_date(o.as_of);
    if (!d) throw UsageError("--as-of: " + d.error());
    lo.as_of = *d;
  }
  reports::Document doc = reports::ledger_report(*l.project, l.ledger_files, l.outcome, lo);
  release_rows(l);  // the document holds what it shows of the rows
  core::Diagnostics all = l.diagnostics;
  all.append_unique(doc.diagnostics);
  acknowledge(l, all);
  doc.diagnostics = all;
  reports::name_activities(doc, activity_names(*l.project));
  return finish(std::move(doc), o);
}

}  // namespace grantkit::cli
