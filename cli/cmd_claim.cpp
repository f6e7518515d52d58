// `grantkit claim --period P`: the payment request (ansökan om utbetalning) for a period.
#include <grantkit/reports/claim.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

void set_claim_command(CLI::App& app, std::function<int()>& run) {
  auto opts = std::make_shared<CommonOptions>();
  auto* sub = app.add_subcommand("claim", "The payment request for --period: costs, financing, aid, transactions");
  add_common_options(sub, *opts);
  sub->callback([opts, &run] {
    run = [opts] {
      if (opts->period.empty()) throw UsageError("claim needs --period (e.g. 2022-H1)");
      Loaded l = load(*opts, Ledger::period);
      if (!l.project) return report_diagnostics(l.diagnostics, *opts);
      reports::Document doc = reports::claim_report(*l.project, l.outcome, window(*opts, *l.project));
      core::Diagnostics all = l.diagnostics;
      all.append(doc.diagnostics);
      doc.diagnostics = all;
      return finish(std::move(doc), *opts);
    };
  });
}

}  // namespace grantkit::cli
