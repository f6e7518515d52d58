// `grantkit time`: planned versus reported hours per person and month, from the time reports.
#include <grantkit/io/time_loader.hpp>
#include <grantkit/reports/time.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

int run_time(CommonOptions& o) {
  Loaded l = load(o, false);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  reports::TimeOptions to;
  to.window = l.window;
  to.by_person = o.by == "person";
  to.monthly = o.monthly;
  const std::vector<model::TimeEntry>& entries = time_reports(l, to.complete);
  reports::Document doc = reports::time_report(*l.project, entries, to);
  release_rows(l);  // the document holds what it shows of the rows
  core::Diagnostics all = l.diagnostics;
  all.append_unique(doc.diagnostics);
  acknowledge(l, all);
  doc.diagnostics = all;
  reports::name_activities(doc, activity_names(*l.project));
  return finish(std::move(doc), o);
}

}  // namespace grantkit::cli
