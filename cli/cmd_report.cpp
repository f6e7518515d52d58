// `grantkit report`: the monthly report, every section for one period in one document.
#include <grantkit/io/time_loader.hpp>
#include <grantkit/reports/monthly_report.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

void set_report_command(CLI::App& app, std::function<int()>& run) {
  auto opts = std::make_shared<CommonOptions>();
  auto* sub = app.add_subcommand(
      "report",
      "The monthly report: every section for one period in one document (md, html, xlsx, json)");
  add_common_options(sub, *opts);
  sub->callback([opts, &run] {
    run = [opts] {
      if (!opts->by.empty() || opts->monthly || opts->quarterly) {
        throw UsageError("report has fixed sections: --by, --monthly and --quarterly do not apply");
      }
      Loaded l = load(*opts, Ledger::period);
      if (!l.project) return report_diagnostics(l.diagnostics, *opts);
      reports::MonthlyReportOptions mo;
      mo.window = window(*opts, *l.project);
      mo.time = &time_reports(l, mo.time_complete);
      reports::Bundle bundle = reports::monthly_report(*l.project, l.outcome, mo, l.diagnostics);
      return finish(std::move(bundle), *opts);
    };
  });
}

}  // namespace grantkit::cli
