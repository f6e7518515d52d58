#pragma once
// The table of subcommands: name, description and the function that registers it (ninja's
// table of tools; one file per command, as in micromamba).
#include <functional>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace grantkit::cli {

// Registers a subcommand on `app`; `run` is set to the function main calls once parsing succeeded.
using Register = void (*)(CLI::App& app, std::function<int()>& run);

struct Command {
  std::string_view name;
  std::string_view description;
  Register add;
};

void set_validate_command(CLI::App& app, std::function<int()>& run);
void set_budget_command(CLI::App& app, std::function<int()>& run);
void set_staffing_command(CLI::App& app, std::function<int()>& run);
void set_time_command(CLI::App& app, std::function<int()>& run);
void set_cofinancing_command(CLI::App& app, std::function<int()>& run);
void set_claim_command(CLI::App& app, std::function<int()>& run);
void set_ledger_command(CLI::App& app, std::function<int()>& run);
void set_report_command(CLI::App& app, std::function<int()>& run);
void set_indicators_command(CLI::App& app, std::function<int()>& run);
void set_paperwork_command(CLI::App& app, std::function<int()>& run);
void set_init_command(CLI::App& app, std::function<int()>& run);

const std::vector<Command>& commands();

}  // namespace grantkit::cli
