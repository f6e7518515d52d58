// `grantkit staffing`: the staffing plan against the full-time definition, and in-kind value.
#include <grantkit/reports/staffing.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

void set_staffing_command(CLI::App& app, std::function<int()>& run) {
  auto opts = std::make_shared<CommonOptions>();
  auto* sub = app.add_subcommand("staffing", "The staffing plan against the full-time definition");
  add_common_options(sub, *opts);
  sub->callback([opts, &run] {
    run = [opts] {
      if (!opts->period.empty()) {
        throw UsageError(
            "staffing covers the whole staffing plan; --period does not apply (see `grantkit "
            "time`)");
      }
      if (!opts->by.empty() || opts->monthly || opts->quarterly) {
        throw UsageError(
            "staffing has one row per staffing entry; --by, --monthly and --quarterly do not "
            "apply");
      }
      Loaded l = load(*opts, false);
      if (!l.project) return report_diagnostics(l.diagnostics, *opts);
      reports::StaffingOptions so;
      so.window = window(*opts, *l.project);
      reports::Document doc = reports::staffing_report(*l.project, so);
      core::Diagnostics all = l.diagnostics;
      all.append(doc.diagnostics);
      doc.diagnostics = all;
      return finish(std::move(doc), *opts);
    };
  });
}

}  // namespace grantkit::cli
