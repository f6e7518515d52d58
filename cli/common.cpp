#include "common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include <grantkit/check/rules.hpp>
#include <grantkit/core/file.hpp>
#include <grantkit/core/i18n.hpp>
#include <grantkit/core/utf8.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/io/time_loader.hpp>
#include <grantkit/reports/eligible.hpp>

namespace grantkit::cli {

namespace {

std::string joined(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += i;
  }
  return out;
}

}  // namespace

void add_common_options(CLI::App* app, CommonOptions& o, const OptionSpec& spec) {
  auto has = [&](Option bit) { return (spec.options & bit) != 0; };
  app->add_option("PROJECT_DIR", o.dir, "the project folder (default: the current folder)");
  if (has(kAsOf))
    app->add_option("--as-of", o.as_of,
                    "the reporting date YYYY-MM-DD: nothing dated after it counts");
  if (has(kPeriod)) {
    auto* p = app->add_option("-p,--period", o.period,
                              spec.period_help.empty()
                                  ? "2022-03, 2022-Q1, 2022-H1, 2022 or 2022-01-01..2022-06-30 "
                                    "(default: the month of --as-of)"
                                  : spec.period_help);
    if (spec.period_required) p->required();
  }
  if (has(kBy)) {
    app->add_option("--by", o.by,
                    spec.by_help.empty() ? "grouping: " + joined(spec.by, " | ") +
                                               " (default: " + spec.by.front() + ")"
                                         : spec.by_help)
        ->check(CLI::IsMember(spec.by));
  }
  if (has(kMonthly)) app->add_flag("--monthly", o.monthly, "one column per month of the period");
  if (has(kFormat)) {
    bool piped_csv =
        spec.formats.front() == "table" &&
        std::find(spec.formats.begin(), spec.formats.end(), "csv") != spec.formats.end();
    app->add_option(
           "-f,--format", o.format,
           joined(spec.formats, " | ") + (piped_csv ? " (default: table on a terminal, csv when "
                                                      "piped; with -o the file's extension)"
                                                    : " (default: " + spec.formats.front() +
                                                          "; with -o the file's extension)"))
        ->check(CLI::IsMember(spec.formats));
  }
  if (has(kOutput))
    app->add_option("-o,--output", o.output, "write to FILE atomically instead of standard output");
  if (has(kLang))
    app->add_option("--lang", o.lang, "sv or en (labels and number style)")
        ->check(CLI::IsMember({"sv", "en"}));
  if (has(kCsvDialect)) {
    app->add_option("--csv-dialect", o.csv_dialect,
                    "rfc4180 or excel-sv (semicolon, decimal comma, BOM)")
        ->check(CLI::IsMember({"rfc4180", "excel-sv"}));
  }
  if (has(kTable)) {
    // The names are checked against the document itself (choose_table), so that the message
    // lists the tables there are.
    app->add_option("--table", o.table,
                    "the table CSV prints: " + joined(spec.tables, " | ") +
                        " (default: " + spec.tables.front() + "); JSON keeps every table");
  }
  if (has(kRecord)) {
    app->add_flag("--record", o.record,
                  "append this request to claims.yaml as submitted (refused for a period already "
                  "recorded, or when the request has errors)");
  }
  if (has(kStrict)) app->add_flag("--strict", o.strict, "warnings count as errors");
  if (has(kQuiet)) app->add_flag("-q,--quiet", o.quiet, "print only errors");
  if (has(kVerbose))
    app->add_flag("-v,--verbose", o.verbose, "print every finding, also information");
}

std::string bundle_table_name(const std::string& section, const reports::Table& table) {
  if (table.key == "rows" || table.key == section) return section;
  return section + "." + table.key;
}

reports::Document choose_table(reports::Document doc, const CommonOptions& o) {
  if (o.table.empty()) return doc;
  std::vector<std::string> names;
  for (auto& t : doc.tables) {
    if (t.key == o.table) {
      reports::Table chosen = std::move(t);
      doc.tables.clear();
      doc.tables.push_back(std::move(chosen));
      return doc;
    }
    names.push_back(t.key);
  }
  throw UsageError(
      fmt::format(fmt::runtime(_("--table: no table '{}' in this report; the tables are: {}")),
                  o.table, joined(names)));
}

Loaded load(const CommonOptions& o, bool with_ledger) {
  return load(o, with_ledger ? Ledger::all : Ledger::skip);
}

namespace {

// Refuses an output (-o, or paperwork's folder) that is, or holds, a file this run reads: nothing
// is computed or written (io.output-is-input, exit 2). Before the project is loaded with its own
// files, once it is with every source (`project`).
bool output_is_input(const CommonOptions& o, const model::Project* project,
                     core::Diagnostics& diags) {
  if (o.output.empty() || o.output == "-") return false;
  std::vector<std::string> inputs;
  if (project) {
    inputs = io::input_files(*project, io::default_data_dir());
  } else {
    for (const char* name : {"project.yaml", "staff.yaml", "claims.yaml", "indicators.yaml"}) {
      inputs.push_back((std::filesystem::path(o.dir) / name).string());
    }
  }
  std::string hit = core::output_overlapping_input(o.output, inputs);
  if (hit.empty()) return false;
  bool same = core::path_kind(o.output) != core::PathKind::directory;
  diags.unreadable(
      "io.output-is-input",
      same ? fmt::format(
                 fmt::runtime(
                     _("the output is {}, which this run reads; nothing was computed or written: "
                       "choose another output")),
                 hit)
           : fmt::format(
                 fmt::runtime(
                     _("the output folder holds {}, which this run reads; nothing was computed or "
                       "written: choose another folder")),
                 hit),
      {o.output, 0, 0});
  return true;
}

}  // namespace

Loaded load(const CommonOptions& o, Ledger ledger) {
  Loaded l;
  if (output_is_input(o, nullptr, l.diagnostics)) return l;
  l.project = io::load_project(o.dir, io::default_data_dir(), l.diagnostics);
  if (l.project && output_is_input(o, &*l.project, l.diagnostics)) l.project.reset();
  if (l.project) {
    // DOMAIN.md "change decisions": reports as of a date use the decision in force on that date.
    // The window is taken again on the project as it then stands (a change decision may move the
    // eligible period, which bounds --as-of).
    try {
      l.window = window(o, *l.project);
      l.project = l.project->on(l.window.as_of);
      l.window = window(o, *l.project);
    } catch (const UsageError&) {
      // Without --as-of and --period the window fails only on a project period that could not be
      // read, which loading has reported; the commands that need a window say so themselves.
      if (!o.as_of.empty() || !o.period.empty()) throw;
    }
  }
  // The project's consistency with itself and its decision is stated by every command, so that
  // no report is read without the faults of the data it was computed from (and `validate`
  // prints no finding that a report would not).
  if (l.project) check::check_project(*l.project, l.diagnostics);
  if (!l.project || ledger == Ledger::skip) return l;
  std::optional<core::Period> detail;
  // The payment request's commands (claim, report, paperwork) leave out costs not paid by --as-of.
  std::optional<core::Date> paid_by;
  if (ledger == Ledger::period || ledger == Ledger::request) {
    detail = l.window.period;
    paid_by = l.window.as_of;
  }
  if (ledger == Ledger::request && l.project->project_period().from < l.window.period.from)
    detail = core::Period{l.project->project_period().from, l.window.period.to};
  check::OutcomeBuilder builder(*l.project, l.diagnostics, ledger == Ledger::all, detail, paid_by);
  // Findings that sum up eligible costs count what the reports' "to date" counts.
  if (l.window.to_date)
    builder.count_through(l.window.to_date->to);
  else if (!l.window.as_of.is_special())
    builder.count_through(l.project->project_period().from - boost::gregorian::days(1));
  try {
    io::LedgerLoad read = io::read_ledger(*l.project, io::default_data_dir(), l.diagnostics,
                                          [&](const model::TransactionView& t) { builder.add(t); });
    l.outcome = builder.finish();
    l.ledger_files = std::move(read.files);
    for (auto& e : read.unreadable) l.outcome.add_exclusion(std::move(e));
    l.outcome.add_not_kept(read.unreadable_not_kept);
  } catch (const std::overflow_error&) {
    // Each row is at most 100 000 000 000 kr (core::parse_ledger_amount); only a ledger of some
    // 900 000 such rows gets here. Nothing of it is counted.
    l.diagnostics.unreadable(
        "ledger.amount",
        _("the ledger's amounts add up beyond what grantkit counts (±92 233 720 368 547 758 kr); "
          "nothing of the ledger is counted"));
    l.outcome = model::Outcome{};
  }
  if (l.project->programme.staff_unit_cost) {
    l.time = load_time(*l.project, l.diagnostics, l.time_complete);
    l.outcome.staff_time = *l.time;
    reports::uncounted_time(*l.project, *l.time, l.diagnostics);
  }
  return l;
}

reports::Position position(const Loaded& l) {
  return reports::Position(*l.project, l.outcome, l.window);
}

void release_rows(Loaded& l) {
  l.outcome = model::Outcome{};
  l.time.reset();
  l.ledger_files = {};
}

const std::vector<model::TimeEntry>& time_reports(Loaded& l, bool& complete) {
  if (!l.time) l.time = load_time(*l.project, l.diagnostics, l.time_complete);
  complete = l.time_complete;
  return *l.time;
}

std::vector<model::TimeEntry> load_time(const model::Project& project, core::Diagnostics& diags,
                                        bool& complete) {
  auto unreadable = [&] {
    return std::count_if(diags.items().begin(), diags.items().end(),
                         [](const core::Diagnostic& d) { return d.unreadable; });
  };
  auto before = unreadable();
  std::vector<model::TimeEntry> entries = io::load_time(project, diags);
  complete = unreadable() == before;
  return entries;
}

reports::ReportWindow window(const CommonOptions& o, const model::Project& project) {
  std::optional<core::Date> as_of;
  if (!o.as_of.empty()) {
    auto d = core::parse_iso_date(o.as_of);
    if (!d) throw UsageError("--as-of: " + d.error());
    as_of = *d;
  }
  std::optional<core::Period> period;
  if (!o.period.empty()) {
    auto p = core::parse_period_expression(o.period);
    if (!p) throw UsageError("--period: " + p.error());
    period = *p;
  }
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  core::Date today(static_cast<unsigned short>(local.tm_year + 1900),
                   static_cast<unsigned short>(local.tm_mon + 1),
                   static_cast<unsigned short>(local.tm_mday));
  auto w = reports::make_window(project, as_of, period, today);
  if (!w) throw UsageError(w.error());
  return *w;
}

void acknowledge(const Loaded& l, core::Diagnostics& diags, bool judge_unused) {
  if (!l.project) return;
  core::apply_accepts(l.project->accept, l.project->dir, l.window.as_of, judge_unused, diags);
}

int report_diagnostics(const core::Diagnostics& diags, const CommonOptions& o) {
  std::map<std::string, std::size_t> shown;
  std::map<std::string, std::size_t> hidden;
  for (const auto& d : diags.items()) {
    if (d.severity == core::Severity::info && !o.verbose) continue;
    if (d.severity != core::Severity::error && o.quiet) continue;
    if (!o.verbose && shown[d.rule] >= 50) {
      hidden[d.rule] += d.more > 0 ? d.more : 1;  // a summary stands for `more` findings
      continue;
    }
    ++shown[d.rule];
    std::cerr << core::format_diagnostic(d) << '\n';
  }
  for (const auto& [rule, n] : hidden) {
    std::cerr << fmt::format(
        fmt::runtime(_("note: {} more findings of [{}] not shown (use --verbose)\n")), n, rule);
  }
  if (diags.has_unreadable()) return kUnreadable;
  if (diags.has_errors()) return kDataErrors;
  if (o.strict && diags.has_warnings()) return kDataErrors;
  return kDone;
}

namespace {

// The format asked for by -f, else by -o's extension, else `fallback` (or table on a terminal
// and csv when piped, when `fallback` is empty).
render::Format pick_format(const CommonOptions& o, std::string_view fallback = {}) {
  std::string f = o.format;
  if (f.empty() && !o.output.empty()) {
    auto dot = o.output.rfind('.');
    std::string ext = dot == std::string::npos ? "" : o.output.substr(dot + 1);
    if (ext == "json" || ext == "csv" || ext == "md" || ext == "xlsx" || ext == "html") f = ext;
  }
  if (f.empty()) f = fallback;
  if (f.empty()) f = o.output.empty() && ::isatty(STDOUT_FILENO) ? "table" : "csv";
  if (f == "json") return render::Format::json;
  if (f == "csv") return render::Format::csv;
  if (f == "md") return render::Format::md;
  if (f == "xlsx") return render::Format::xlsx;
  if (f == "html") return render::Format::html;
  return render::Format::table;
}

render::RenderOptions render_options(const CommonOptions& o, std::string_view fallback = {}) {
  render::RenderOptions ro;
  ro.format = pick_format(o, fallback);
  ro.lang = o.lang == "en" ? render::Lang::en : render::Lang::sv;
  ro.csv_dialect =
      o.csv_dialect == "excel-sv" ? render::CsvDialect::excel_sv : render::CsvDialect::rfc4180;
  return ro;
}

bool to_stdout(const CommonOptions& o) {
  return o.output.empty() || o.output == "-";
}

int write_failed(const CommonOptions& o, const std::string& why) {
  std::cerr << fmt::format("{}: error: {} [io.write]\n", o.output.empty() ? "-" : o.output, why);
  return kUnreadable;
}

// XLSX: libxlsxwriter writes a file by name. With -o, into a temporary file beside the target
// that is renamed over it once complete; to a pipe, through a temporary file that is then copied.
int deliver_xlsx(const reports::Bundle& bundle, render::Lang lang, const CommonOptions& o,
                 int code) {
  auto write = [&](const std::string& temp) { return render::write_xlsx(bundle, lang, temp); };
  if (!to_stdout(o)) {
    if (auto w = core::replace_file_atomically(o.output, write); !w)
      return write_failed(o, w.error());
    return code;
  }
  const char* tmpdir = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/grantkit-XXXXXX.xlsx";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemps(name.data(), 5);
  if (fd < 0)
    return write_failed(o, fmt::format(fmt::runtime(_("cannot create a temporary file: {}")),
                                       std::strerror(errno)));
  ::close(fd);
  std::string temp(name.data());
  core::ScopedTemporaryFile cleaned_on_signal(temp);  // SIGINT/SIGTERM: removed, exit 130/143
  auto w = write(temp);
  std::ifstream in(temp, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ::unlink(temp.c_str());
  if (!w) return write_failed(o, w.error());
  std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  std::cout.flush();
  return code;
}

void refuse_binary_to_terminal(const render::RenderOptions& ro, const CommonOptions& o) {
  if (ro.format == render::Format::xlsx && to_stdout(o) && ::isatty(STDOUT_FILENO)) {
    throw UsageError("xlsx is a binary file format: write it with -o FILE.xlsx");
  }
}

}  // namespace

// Text output: to stdout, or to -o atomically (temporary file in the same folder, then rename).
// Whatever a report quotes, the output is UTF-8: a byte that is not (a folder name in Latin-1)
// is written as the text \xNN (core::utf8_or_escaped); valid text passes unchanged.
int deliver_text(const std::string& rendered, const CommonOptions& o, int code) {
  std::string escaped;
  if (!core::is_valid_utf8(rendered)) escaped = core::utf8_or_escaped(rendered);
  const std::string& text = escaped.empty() ? rendered : escaped;
  if (to_stdout(o)) {
    std::cout << text;
    std::cout.flush();
  } else if (auto w = core::write_file_atomically(o.output, text); !w) {
    return write_failed(o, w.error());
  }
  return code;
}

std::vector<std::pair<std::string, std::string>> activity_names(const model::Project& project) {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(project.activities.size());
  for (const auto& a : project.activities) out.emplace_back(a.id, a.name);
  return out;
}

int finish(reports::Document doc, const CommonOptions& o) {
  render::RenderOptions ro = render_options(o);
  refuse_binary_to_terminal(ro, o);
  if (!o.table.empty()) {
    if (ro.format != render::Format::csv && ro.format != render::Format::table &&
        ro.format != render::Format::md)
      throw UsageError(
          "--table chooses the table of csv, table or md output; json, xlsx and html keep every "
          "table");
    doc = choose_table(std::move(doc), o);
  }
  // The table and Markdown list findings themselves; stderr carries them for every format.
  core::Diagnostics shown = doc.diagnostics;
  if (ro.format == render::Format::xlsx || ro.format == render::Format::html) {
    reports::Bundle bundle = reports::bundle_of(std::move(doc));
    int code = report_diagnostics(shown, o);
    if (ro.format == render::Format::xlsx) return deliver_xlsx(bundle, ro.lang, o, code);
    return deliver_text(render::render_html(bundle, ro.lang), o, code);
  }
  if (ro.format == render::Format::table) doc.diagnostics = {};
  std::string text = render::render_text(doc, ro);
  int code = report_diagnostics(shown, o);
  return deliver_text(text, o, code);
}

int finish(reports::Bundle bundle, const CommonOptions& o) {
  render::RenderOptions ro = render_options(o, "md");
  refuse_binary_to_terminal(ro, o);
  if (!o.table.empty() && ro.format != render::Format::csv)
    throw UsageError(
        "--table chooses the table of csv output; md, table, json, xlsx and html keep every table");
  if (ro.format == render::Format::csv) {
    std::string want = o.table.empty() ? std::string(kReportDefaultTable) : o.table;
    std::vector<std::string> names;
    for (auto& [key, doc] : bundle.sections) {
      for (auto& t : doc.tables) {
        std::string name = bundle_table_name(key, t);
        if (name != want) {
          names.push_back(name);
          continue;
        }
        reports::Document one = std::move(doc);
        reports::Table chosen = std::move(t);
        one.tables.clear();
        one.tables.push_back(std::move(chosen));
        int code = report_diagnostics(bundle.header.diagnostics, o);
        return deliver_text(render::render_csv(one, ro.csv_dialect), o, code);
      }
    }
    throw UsageError(
        fmt::format(fmt::runtime(_("--table: no table '{}' in this report; the tables are: {}")),
                    want, joined(names)));
  }
  core::Diagnostics shown = bundle.header.diagnostics;
  int code = report_diagnostics(shown, o);
  switch (ro.format) {
    case render::Format::xlsx:
      return deliver_xlsx(bundle, ro.lang, o, code);
    case render::Format::html:
      return deliver_text(render::render_html(bundle, ro.lang), o, code);
    case render::Format::json:
      return deliver_text(render::render_json(bundle), o, code);
    case render::Format::table: {
      bundle.header.diagnostics = {};
      return deliver_text(render::render_table(bundle, ro.lang), o, code);
    }
    case render::Format::md:
    case render::Format::csv:
      break;
  }
  return deliver_text(render::render_markdown(bundle, ro.lang), o, code);
}

}  // namespace grantkit::cli
