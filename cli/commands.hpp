#pragma once
// The table of subcommands (ninja's table of tools; one file per command, as in micromamba): name,
// description, the options each takes and the function that runs it. main() builds the command
// line and its --help from this table, so that a command takes only the options it implements.
#include <functional>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"

namespace grantkit::cli {

// Registers a subcommand with options of its own on `app`; `run` is set to the function main
// calls once parsing succeeded (paperwork, init).
using Register = void (*)(CLI::App& app, std::function<int()>& run);
// Runs a command of the common options (CommonOptions as parsed by its OptionSpec); returns the
// exit code.
using Run = int (*)(CommonOptions& options);

struct Command {
  std::string_view name;
  std::string_view description;
  OptionSpec spec;         // the options of a `run` command
  Run run = nullptr;       // set for commands of the common options
  Register add = nullptr;  // set for commands with options of their own
};

int run_validate(CommonOptions& o);
int run_budget(CommonOptions& o);
int run_staffing(CommonOptions& o);
int run_time(CommonOptions& o);
int run_cofinancing(CommonOptions& o);
int run_claim(CommonOptions& o);
int run_ledger(CommonOptions& o);
int run_report(CommonOptions& o);
int run_indicators(CommonOptions& o);
void set_paperwork_command(CLI::App& app, std::function<int()>& run);
void set_init_command(CLI::App& app, std::function<int()>& run);

const std::vector<Command>& commands();
// Adds every command of the table to `app`; `run` is set to the chosen command's function.
void add_commands(CLI::App& app, std::function<int()>& run);

}  // namespace grantkit::cli
