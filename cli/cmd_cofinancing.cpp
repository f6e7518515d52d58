// `grantkit cofinancing`: the financing plan against what was received and contributed.
#include <grantkit/reports/cofinancing.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

void set_cofinancing_command(CLI::App& app, std::function<int()>& run) {
  auto opts = std::make_shared<CommonOptions>();
  auto* sub = app.add_subcommand("cofinancing", "The financing plan against cash received and in-kind time valued");
  add_common_options(sub, *opts);
  sub->callback([opts, &run] {
    run = [opts] {
      Loaded l = load(*opts, Ledger::sums);
      if (!l.project) return report_diagnostics(l.diagnostics, *opts);
      reports::Document doc = reports::cofinancing_report(*l.project, l.outcome, window(*opts, *l.project));
      core::Diagnostics all = l.diagnostics;
      all.append(doc.diagnostics);
      doc.diagnostics = all;
      return finish(std::move(doc), *opts);
    };
  });
}

}  // namespace grantkit::cli
