// `grantkit ledger`: what the ledger import read — rows, vouchers, period, sums per account,
// mapped and unmapped accounts, excluded rows by rule — to trust an import before reporting.
#include <grantkit/check/rules.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/reports/ledger.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

int run_ledger(CommonOptions& o) {
  Loaded l = load(o, false);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  reports::LedgerOptions lo;
  if (!o.as_of.empty()) {
    auto d = core::parse_iso_date(o.as_of);
    if (!d) throw UsageError("--as-of: " + d.error());
    lo.as_of = *d;
  }
  io::LedgerLoad read = io::read_ledger(*l.project, io::default_data_dir(), l.diagnostics);
  model::Outcome outcome = check::classify_outcome(*l.project, std::move(read.rows), l.diagnostics);
  for (auto& e : read.unreadable) outcome.excluded.push_back(std::move(e));
  outcome.add_not_kept(read.unreadable_not_kept);
  reports::Document doc = reports::ledger_report(*l.project, read.files, outcome, lo);
  core::Diagnostics all = l.diagnostics;
  all.append_unique(doc.diagnostics);
  doc.diagnostics = all;
  return finish(std::move(doc), o);
}

}  // namespace grantkit::cli
