// `grantkit cofinancing`: the financing plan against what was received and contributed.
#include <grantkit/reports/cofinancing.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

int run_cofinancing(CommonOptions& o) {
  Loaded l = load(o, Ledger::sums);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  reports::Document doc = reports::cofinancing_report(position(l));
  core::Diagnostics all = l.diagnostics;
  all.append_unique(doc.diagnostics);
  acknowledge(l, all);
  doc.diagnostics = all;
  reports::name_activities(doc, activity_names(*l.project));
  return finish(std::move(doc), o);
}

}  // namespace grantkit::cli
