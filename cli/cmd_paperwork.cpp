// `grantkit paperwork --period P -o FOLDER`: every file a payment request needs, written into
// FOLDER atomically (a temporary sibling folder renamed into place).
#include <iostream>

#include <fmt/format.h>

#include <grantkit/core/file.hpp>
#include <grantkit/io/indicators_loader.hpp>
#include <grantkit/io/time_loader.hpp>
#include <grantkit/render/paperwork.hpp>
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/paperwork.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

namespace {

struct PaperworkOptions {
  CommonOptions common;
  bool force = false;
};

int run_paperwork(PaperworkOptions& po) {
  CommonOptions& o = po.common;
  if (o.period.empty())
    throw UsageError("paperwork needs --period, the payment request's period (e.g. 2022-H1)");
  if (o.output.empty() || o.output == "-")
    throw UsageError("paperwork writes a folder: give it with -o FOLDER");
  Loaded l = load(o, Ledger::request);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  bool complete = true;
  const std::vector<model::TimeEntry>& entries = time_reports(l, complete);
  std::vector<model::IndicatorValue> values = io::load_indicator_values(*l.project, l.diagnostics);
  reports::Position pos = position(l);
  reports::Paperwork pw = reports::paperwork(pos, entries, values);
  // The aid to claim, as `claim` computes it for the same period and as-of date.
  for (const auto& [key, value] : reports::claim_report(pos).values) {
    if (key != "aid") continue;
    for (const auto& e : value.entries) {
      if (e.label == "to_claim" && e.value.kind == reports::Cell::Kind::money)
        pw.aid_to_claim = e.value.money();
    }
  }
  core::Diagnostics all = l.diagnostics;
  all.append_unique(pw.diagnostics);
  acknowledge(l, all);
  auto dialect =
      o.csv_dialect == "rfc4180" ? render::CsvDialect::rfc4180 : render::CsvDialect::excel_sv;
  std::vector<core::FolderFile> files = render::paperwork_files(pw, dialect);
  int code = report_diagnostics(all, o);
  if (code == kUnreadable) return code;  // input that could not be read: write nothing
  std::string marker = fmt::format("grantkit paperwork\nproject: {}\nperiod: {}\nas_of: {}\n",
                                   pw.project_id, pw.period.iso(), core::format_iso(pw.as_of));
  core::FolderResult written =
      core::write_folder_atomically(o.output, files, render::kPaperworkMarker, marker, po.force);
  if (!written.ok()) {
    const char* rule = written.error == core::FolderError::io        ? "io.write"
                       : written.error == core::FolderError::foreign ? "paperwork.foreign-files"
                                                                     : "paperwork.exists";
    std::cerr << fmt::format("{}: error: {} [{}]\n", o.output, written.message, rule);
    return kUnreadable;
  }
  if (!o.quiet) {
    for (const auto& f : files) std::cout << fmt::format("{}/{}\n", o.output, f.name);
  }
  return code;
}

}  // namespace

void set_paperwork_command(CLI::App& app, std::function<int()>& run) {
  auto po = std::make_shared<PaperworkOptions>();
  po->common.csv_dialect = "excel-sv";
  auto* sub = app.add_subcommand(
      "paperwork",
      "Every file a payment request needs: Min ansökan's expense rows, staff costs, time "
      "reports, attestations, in-kind summaries");
  CommonOptions& o = po->common;
  sub->add_option("PROJECT_DIR", o.dir, "the project folder (default: the current folder)");
  sub->add_option("-p,--period", o.period,
                  "the payment request's period: 2022-H1, 2022-01-01..2022-06-30, …")
      ->required();
  sub->add_option("-o,--output", o.output, "the folder to write (written whole, atomically)")
      ->required();
  sub->add_option("--as-of", o.as_of,
                  "the reporting date YYYY-MM-DD: nothing dated after it counts");
  sub->add_option(
         "--csv-dialect", o.csv_dialect,
         "excel-sv (default: semicolon, decimal comma, UTF-8 BOM) or rfc4180 (comma, dot decimal)")
      ->check(CLI::IsMember({"rfc4180", "excel-sv"}));
  sub->add_flag("--force", po->force,
                "replace FOLDER if it holds an earlier paperwork (once the new one is complete)");
  sub->add_option("--lang", o.lang,
                  "sv or en: the language of the findings (the paperwork itself is Swedish)")
      ->check(CLI::IsMember({"sv", "en"}));
  sub->add_flag("--strict", o.strict, "warnings count as errors");
  sub->add_flag("-q,--quiet", o.quiet, "print only errors");
  sub->add_flag("-v,--verbose", o.verbose, "print every finding, also information");
  sub->callback([po, &run] { run = [po] { return run_paperwork(*po); }; });
}

}  // namespace grantkit::cli
