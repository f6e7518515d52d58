// `grantkit time`: planned versus reported hours per person and month, from the time reports.
#include <grantkit/io/time_loader.hpp>
#include <grantkit/reports/time.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

void set_time_command(CLI::App& app, std::function<int()>& run) {
  auto opts = std::make_shared<CommonOptions>();
  auto* sub = app.add_subcommand("time", "Planned versus reported hours per person and month");
  add_common_options(sub, *opts);
  sub->callback([opts, &run] {
    run = [opts] {
      if (!opts->by.empty() && opts->by != "person") throw UsageError("--by for time: person");
      if (opts->quarterly) throw UsageError("time reports per month; --quarterly does not apply");
      Loaded l = load(*opts, false);
      if (!l.project) return report_diagnostics(l.diagnostics, *opts);
      reports::TimeOptions to;
      to.window = window(*opts, *l.project);
      to.by_person = opts->by == "person";
      to.monthly = opts->monthly;
      const std::vector<model::TimeEntry>& entries = time_reports(l, to.complete);
      reports::Document doc = reports::time_report(*l.project, entries, to);
      core::Diagnostics all = l.diagnostics;
      all.append(doc.diagnostics);
      doc.diagnostics = all;
      return finish(std::move(doc), *opts);
    };
  });
}

}  // namespace grantkit::cli
