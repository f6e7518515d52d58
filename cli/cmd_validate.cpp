// `grantkit validate`: every diagnostic of the project, nothing else.
#include <grantkit/check/rules.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

void set_validate_command(CLI::App& app, std::function<int()>& run) {
  auto opts = std::make_shared<CommonOptions>();
  auto* sub = app.add_subcommand("validate", "Is the project consistent with itself and its decision?");
  add_common_options(sub, *opts);
  sub->callback([opts, &run] {
    run = [opts] {
      Loaded l = load(*opts, Ledger::sums);
      if (l.project) check::check_project(*l.project, l.diagnostics);
      return report_diagnostics(l.diagnostics, *opts);
    };
  });
}

}  // namespace grantkit::cli
