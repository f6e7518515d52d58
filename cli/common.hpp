#pragma once
// Options every subcommand shares (CLI.md), and the steps every subcommand ends with.
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/time_entry.hpp>
#include <grantkit/model/transaction.hpp>
#include <grantkit/render/render.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::cli {

// Exit codes of CLI.md.
enum ExitCode { kDone = 0, kDataErrors = 1, kUnreadable = 2, kInternal = 3 };

struct CommonOptions {
  std::string dir = ".";
  std::string as_of;
  std::string period;
  std::string by;
  bool monthly = false;
  bool quarterly = false;
  std::string format;
  std::string output;
  std::string lang = "sv";
  std::string csv_dialect = "rfc4180";
  bool strict = false;
  bool quiet = false;
  bool verbose = false;
};

// A usage error found after CLI11's own parsing (a bad --period, say): exit 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void add_common_options(CLI::App* app, CommonOptions& o);

// The project folder loaded, with its outcome classified and every diagnostic gathered.
struct Loaded {
  std::optional<model::Project> project;
  model::Outcome outcome;
  core::Diagnostics diagnostics;
  // The time reports, once read: load() reads them when the programme counts staff costs from
  // hours (a unit cost, erdf-2021-2027), and copies them into outcome.staff_time.
  std::optional<std::vector<model::TimeEntry>> time;
  bool time_complete = true;
};

// How much of the ledger a command needs: none; the sums only (the ledger streams through in
// constant memory: budget, cofinancing, validate); the sums and the rows of --period kept whole
// (claim, report: their transaction lists); or every row kept whole.
enum class Ledger { skip, sums, period, all };
// Loads project.yaml, staff.yaml, the programme and, as `ledger` says, the ledger sources.
Loaded load(const CommonOptions& o, Ledger ledger);
// load(o, Ledger::all) with the ledger, load(o, Ledger::skip) without.
Loaded load(const CommonOptions& o, bool with_ledger);
// The reporting window from --as-of and --period (UsageError when malformed).
reports::ReportWindow window(const CommonOptions& o, const model::Project& project);

// The project's time reports (io::load_time); `complete` is false when one of them could not be
// read (an unreadable diagnostic was added), so that no month is judged missing for want of it.
std::vector<model::TimeEntry> load_time(const model::Project& project, core::Diagnostics& diags, bool& complete);
// The project's time reports, read once: those load() read, else load_time() now.
const std::vector<model::TimeEntry>& time_reports(Loaded& loaded, bool& complete);
// Prints diagnostics to stderr (at most 50 per rule unless --verbose; info only with --verbose;
// only errors with --quiet) and returns the exit code they imply.
int report_diagnostics(const core::Diagnostics& diags, const CommonOptions& o);
// Renders `doc` in the chosen format to stdout or -o (atomically), then reports the diagnostics.
// xlsx and html show the report as a one-section bundle; xlsx refuses a terminal (binary).
int finish(reports::Document doc, const CommonOptions& o);
// Renders a bundle (`grantkit report`) as md (the default), html, xlsx, json or table; csv is a
// usage error (one table per file). Output and diagnostics as for finish(Document).
int finish(reports::Bundle bundle, const CommonOptions& o);

}  // namespace grantkit::cli
