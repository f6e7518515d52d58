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
#include <grantkit/reports/position.hpp>
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
  std::string table;  // --table: the table CSV (and the terminal table, Markdown) prints
  std::string format;
  std::string output;
  std::string lang = "sv";
  std::string csv_dialect = "rfc4180";
  bool strict = false;
  bool quiet = false;
  bool verbose = false;
  bool record = false;  // claim --record: append the request to claims.yaml
};

// A usage error found after CLI11's own parsing (a bad --period, say): exit 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The options a command takes (docs/cli.md: a command accepts only the options it implements): a
// command's entry in the command table (commands.cpp) names them, and only those are registered,
// so that any other is a usage error (exit 2) and --help lists exactly what the command takes.
enum Option : unsigned {
  kAsOf = 1u << 0,
  kPeriod = 1u << 1,
  kBy = 1u << 2,
  kMonthly = 1u << 3,
  kFormat = 1u << 4,
  kOutput = 1u << 5,
  kLang = 1u << 6,
  kCsvDialect = 1u << 7,
  kStrict = 1u << 8,
  kQuiet = 1u << 9,
  kVerbose = 1u << 10,
  kTable = 1u << 11,
  kRecord = 1u << 12,
};

struct OptionSpec {
  unsigned options = 0;              // Option bits
  std::vector<std::string> formats;  // the -f values taken
  std::vector<std::string> by;       // the --by values taken, the default first
  std::vector<std::string> tables;   // the --table names, the default first
  bool period_required = false;      // --period must be given (claim)
  std::string period_help;           // what --period means here, when it is not the usual
  std::string by_help;               // what --by means here, when the default is no grouping
};

// Registers PROJECT_DIR and the options of `spec` on `app`, storing into `o`. Values outside
// `spec`'s lists are usage errors with the list.
void add_common_options(CLI::App* app, CommonOptions& o, const OptionSpec& spec);

// The document reduced to the table --table names (o.table), for the formats that print one
// table: csv, and the terminal table and Markdown. The names are the document's table keys;
// an unknown name is a UsageError that lists them. With no --table, `doc` is returned whole
// (CSV prints its first table).
reports::Document choose_table(reports::Document doc, const CommonOptions& o);

// The name --table gives a table of a bundle's section (`grantkit report -f csv`): the section's
// key for its main table (key `rows`, or the section's own key), else `SECTION.TABLE`
// (`claim.transactions`).
std::string bundle_table_name(const std::string& section, const reports::Table& table);
// The table `grantkit report -f csv` prints without --table.
inline constexpr std::string_view kReportDefaultTable = "budget_activity";

// Text output: to stdout, or to -o atomically. Returns `code`, or exit 2 when -o cannot be
// written ([io.write]).
int deliver_text(const std::string& text, const CommonOptions& o, int code);

// The project folder loaded, with its outcome classified and every diagnostic gathered.
struct Loaded {
  // The project as it stands on the reporting date (model::Project::on(window.as_of)): every
  // change decision dated by then applied, so that every command sees the decision in force.
  std::optional<model::Project> project;
  reports::ReportWindow window;  // --as-of and --period (window())
  model::Outcome outcome;
  core::Diagnostics diagnostics;
  // The time reports, once read: load() reads them when the programme counts staff costs from
  // hours (a unit cost, erdf-2021-2027), and copies them into outcome.staff_time.
  std::optional<std::vector<model::TimeEntry>> time;
  bool time_complete = true;
  // What each ledger file gave (`grantkit ledger`): counts, dates and sums per account.
  std::vector<model::LedgerFileSummary> ledger_files;
};

// How much of the ledger a command needs: none; the sums only (the ledger streams through in
// constant memory: budget, cofinancing, validate); the sums and the rows of --period kept whole
// (claim, report: their transaction lists); or every row kept whole.
// `request`: as `period`, and the rows from the project's start kept too, so that a payment request
// can name the late costs of earlier periods (claim, report, paperwork, validate --period).
enum class Ledger { skip, sums, period, request, all };
// Loads project.yaml, staff.yaml, the programme and, as `ledger` says, the ledger sources: the
// one place where ledger rows become the classified outcome (io::read_ledger streams them into
// check::OutcomeBuilder).
Loaded load(const CommonOptions& o, Ledger ledger);
// The position of the loaded project (reports::Position): the one set of books every report of
// the run is a view of. `l` must outlive it.
reports::Position position(const Loaded& l);
// load(o, Ledger::all) with the ledger, load(o, Ledger::skip) without.
Loaded load(const CommonOptions& o, bool with_ledger);
// The reporting window from --as-of and --period (UsageError when malformed).
reports::ReportWindow window(const CommonOptions& o, const model::Project& project);

// The project's time reports (io::load_time); `complete` is false when one of them could not be
// read (an unreadable diagnostic was added), so that no month is judged missing for want of it.
std::vector<model::TimeEntry> load_time(const model::Project& project, core::Diagnostics& diags,
                                        bool& complete);
// The project's time reports, read once: those load() read, else load_time() now.
const std::vector<model::TimeEntry>& time_reports(Loaded& loaded, bool& complete);
// Frees what the load kept row by row (the outcome's ledger rows and sums, the time reports) once
// a report's document holds what it shows of them, so that a large input is not held twice, as
// rows and as the document's cells, while the document is rendered. `l.project` and
// `l.diagnostics` stay.
void release_rows(Loaded& l);
// Applies project.yaml's `accept:` to the run's findings (core::apply_accepts) as of the window's
// --as-of: once, to every finding the command states, just before they are printed; only
// `validate`, which states every finding of every report, judges an accept that matches nothing
// (`judge_unused`: accept.unused).
void acknowledge(const Loaded& loaded, core::Diagnostics& diags, bool judge_unused = false);
// Prints diagnostics to stderr (at most 50 per rule unless --verbose; info only with --verbose;
// only errors with --quiet) and returns the exit code they imply.
int report_diagnostics(const core::Diagnostics& diags, const CommonOptions& o);
// The plan's activities as (code, name) in plan order, for reports::name_activities.
std::vector<std::pair<std::string, std::string>> activity_names(const model::Project& project);
// Renders `doc` in the chosen format to stdout or -o (atomically), then reports the diagnostics.
// xlsx and html show the report as a one-section bundle; xlsx refuses a terminal (binary).
int finish(reports::Document doc, const CommonOptions& o);
// Renders a bundle (`grantkit report`) as md (the default), html, xlsx, json or table; csv is a
// usage error (one table per file). Output and diagnostics as for finish(Document).
int finish(reports::Bundle bundle, const CommonOptions& o);

}  // namespace grantkit::cli
