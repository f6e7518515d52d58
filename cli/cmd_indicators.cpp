// `grantkit indicators`: result indicators against their targets and the time elapsed.
#include <grantkit/io/indicators_loader.hpp>
#include <grantkit/reports/indicators.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

int run_indicators(CommonOptions& o) {
  Loaded l = load(o, false);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  auto values = io::load_indicator_values(*l.project, l.diagnostics);
  reports::Document doc = reports::indicators_report(*l.project, values, l.window);
  core::Diagnostics all = l.diagnostics;
  all.append_unique(doc.diagnostics);
  acknowledge(l, all);
  doc.diagnostics = all;
  reports::name_activities(doc, activity_names(*l.project));
  return finish(std::move(doc), o);
}

}  // namespace grantkit::cli
