// `grantkit staffing`: the staffing plan against the full-time definition, and in-kind value.
// It covers the whole staffing plan: it takes no --period (see `grantkit time`).
#include <grantkit/check/rules.hpp>
#include <grantkit/reports/staffing.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

int run_staffing(CommonOptions& o) {
  Loaded l = load(o, false);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  reports::StaffingOptions so;
  so.window = l.window;
  so.entry_flags = check::staff_rule_flags(*l.project);
  reports::Document doc = reports::staffing_report(*l.project, so);
  core::Diagnostics all = l.diagnostics;
  all.append_unique(doc.diagnostics);
  acknowledge(l, all);
  doc.diagnostics = all;
  reports::name_activities(doc, activity_names(*l.project));
  return finish(std::move(doc), o);
}

}  // namespace grantkit::cli
