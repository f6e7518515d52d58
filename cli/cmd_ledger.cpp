// `grantkit ledger`: what the ledger import read — rows, vouchers, period, sums per account,
// mapped and unmapped accounts, excluded rows by rule — to trust an import before reporting.
#include <grantkit/check/rules.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/reports/ledger.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

void set_ledger_command(CLI::App& app, std::function<int()>& run) {
  auto opts = std::make_shared<CommonOptions>();
  auto* sub = app.add_subcommand(
      "ledger", "What the ledger import read: rows, vouchers, accounts, excluded rows");
  add_common_options(sub, *opts);
  sub->callback([opts, &run] {
    run = [opts] {
      if (!opts->by.empty())
        throw UsageError("ledger has no --by: it lists files, accounts and excluded rows");
      Loaded l = load(*opts, false);
      if (!l.project) return report_diagnostics(l.diagnostics, *opts);
      reports::LedgerOptions lo;
      if (!opts->as_of.empty()) {
        auto d = core::parse_iso_date(opts->as_of);
        if (!d) throw UsageError("--as-of: " + d.error());
        lo.as_of = *d;
      }
      io::LedgerLoad read = io::read_ledger(*l.project, io::default_data_dir(), l.diagnostics);
      model::Outcome outcome =
          check::classify_outcome(*l.project, std::move(read.rows), l.diagnostics);
      for (auto& e : read.unreadable) outcome.excluded.push_back(std::move(e));
      outcome.add_not_kept(read.unreadable_not_kept);
      reports::Document doc = reports::ledger_report(*l.project, read.files, outcome, lo);
      core::Diagnostics all = l.diagnostics;
      all.append(doc.diagnostics);
      doc.diagnostics = all;
      return finish(std::move(doc), *opts);
    };
  });
}

}  // namespace grantkit::cli
