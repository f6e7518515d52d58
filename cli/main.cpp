// grantkit: budget, co-financing and time reporting for Tillväxtverket/ERDF projects.
// main() only dispatches and turns every error into a message and an exit code.
#include <iostream>
#include <stdexcept>

#include <fmt/format.h>

#include <grantkit/core/file.hpp>
#include <grantkit/core/i18n.hpp>

#include "commands.hpp"
#include "common.hpp"

int main(int argc, char** argv) {
  using namespace grantkit::cli;
  // SIGINT/SIGTERM while an output is written: its temporary file or folder is removed, exit
  // 130/143.
  grantkit::core::install_stop_signal_cleanup();
  CLI::App app{
      "grantkit — budget, co-financing and time reports for projects funded through "
      "Tillväxtverket (ERUF)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "grantkit 0.1.0");
  std::function<int()> run;
  add_commands(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << fmt::format("grantkit: error: {} [cli.usage]\n", e.what());
    return kUnreadable;
  }
  // One language per run: --lang (default sv) chooses the language of every finding, on
  // standard error and in the document.
  std::string lang = "sv";
  for (const CLI::App* sub : app.get_subcommands()) {
    if (const CLI::Option* opt = sub->get_option_no_throw("--lang"); opt && opt->count() > 0)
      lang = opt->as<std::string>();
  }
  grantkit::core::set_language(lang == "en" ? grantkit::core::Language::en
                                            : grantkit::core::Language::sv);
  try {
    return run ? run() : kUnreadable;
  } catch (const UsageError& e) {
    std::cerr << fmt::format("grantkit: error: {} [cli.usage]\n", e.what());
    return kUnreadable;
  } catch (const std::overflow_error& e) {
    // Every amount read is within ±100 000 000 000 kr, so that sums stay in range; this is the net
    // under that promise, should a sum of very many of them still leave int64 öre: the input is
    // beyond what grantkit counts (exit 2), not a crash.
    std::cerr << fmt::format(
        "grantkit: error: the input's amounts add up beyond what grantkit counts "
        "(±92 233 720 368 547 758 kr); nothing was written [amount.range]\n");
    return kUnreadable;
  } catch (const std::exception& e) {
    std::cerr << fmt::format(
        "grantkit: internal error: {} — this is a bug in grantkit; please report it "
        "with the command and input [internal]\n",
        e.what());
    return kInternal;
  }
}
