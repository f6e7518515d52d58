// `grantkit indicators`: result indicators against their targets and the time elapsed.
#include <grantkit/io/indicators_loader.hpp>
#include <grantkit/reports/indicators.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

void set_indicators_command(CLI::App& app, std::function<int()>& run) {
  auto opts = std::make_shared<CommonOptions>();
  auto* sub = app.add_subcommand(
      "indicators", "Result indicators: cumulative values against targets and time elapsed");
  add_common_options(sub, *opts);
  sub->callback([opts, &run] {
    run = [opts] {
      if (!opts->by.empty()) throw UsageError("indicators has no --by: one row per indicator");
      if (opts->monthly || opts->quarterly)
        throw UsageError("indicators are cumulative: --monthly and --quarterly do not apply");
      Loaded l = load(*opts, false);
      if (!l.project) return report_diagnostics(l.diagnostics, *opts);
      auto values = io::load_indicator_values(*l.project, l.diagnostics);
      reports::Document doc =
          reports::indicators_report(*l.project, values, window(*opts, *l.project));
      core::Diagnostics all = l.diagnostics;
      all.append(doc.diagnostics);
      doc.diagnostics = all;
      return finish(std::move(doc), *opts);
    };
  });
}

}  // namespace grantkit::cli
