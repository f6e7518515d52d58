#pragma once
// Renderers: one per format, working on report data (reports::Document); none recomputes a figure.
#include <optional>
#include <string>

#include <grantkit/core/result.hpp>
#include <grantkit/reports/document.hpp>

namespace grantkit::render {

enum class Format { table, csv, json, md, xlsx, html };
enum class Lang { sv, en };
enum class CsvDialect { rfc4180, excel_sv };

struct RenderOptions {
  Format format = Format::table;
  Lang lang = Lang::sv;
  CsvDialect csv_dialect = CsvDialect::rfc4180;
  bool color = false;
};

// JSON per CLI.md's output contract: {schema, project, currency, as_of, period, <tables>, <values>,
// diagnostics}. Money as kronor numbers exact from öre; percent as numbers (62.5); hours with two
// decimals at most (seconds / 3 600, rounded half up once, on the figure shown).
std::string render_json(const reports::Document& doc);
// CSV: the document's first table (rows), one line a row, keys as header; formula-like text cells
// are prefixed with ' (CSV injection). rfc4180: comma and dot decimal; excel_sv: semicolon,
// decimal comma and a UTF-8 BOM.
std::string render_csv(const reports::Document& doc, CsvDialect dialect);
// CSV meant for people rather than programs (the paperwork's indikatorer.csv): as render_csv, but
// the header is the columns' Swedish labels and flags are Swedish labels (flag_label).
std::string render_csv_swedish(const reports::Document& doc, CsvDialect dialect);
// A terminal table (Swedish or English labels and number style), right-aligned numbers, totals.
std::string render_table(const reports::Document& doc, Lang lang);
// Markdown tables ready to paste into a status report.
std::string render_markdown(const reports::Document& doc, Lang lang);
// Text formats by options; xlsx and html are written by their own functions.
std::string render_text(const reports::Document& doc, const RenderOptions& options);

// Several reports in one document (`grantkit report`). JSON: {schema: grantkit/report/2, project,
// currency, as_of, period, sections: {key: <that report's own JSON object>}, diagnostics}.
std::string render_json(const reports::Bundle& bundle);
// Markdown: the header, then each section with its tables, then every diagnostic once.
std::string render_markdown(const reports::Bundle& bundle, Lang lang);
// Terminal tables, section after section.
std::string render_table(const reports::Bundle& bundle, Lang lang);

// HTML: one self-contained page (no script, no network, no external font), printable on A4, with
// every table and inline SVG charts drawn from the sections' figures: the burn-up (a `burn_up`
// table: month, outcome_to_date, planned_to_date, budget), outcome against budget per activity or
// category (a table with budget and outcome_to_date), planned versus reported hours per person (an
// `hours_per_person` table). Every text is HTML-escaped.
std::string render_html(const reports::Bundle& bundle, Lang lang);

// XLSX (libxlsxwriter), written to `path` (the caller makes that a temporary file and renames it:
// see core::replace_file_atomically). One sheet per table, a sheet of findings and one about the
// report; each sheet opens with a title row (project, report, period, as-of) above its header,
// both frozen; numbers are numeric cells with number formats (kr, %, h); a total that is the sum
// of its rows is `=SUM(…)` over them and one that follows from other totals is their formula
// (Column::total_formula), each with grantkit's figure cached; hours that are not whole
// hundredths are `=minutes/60` or `=seconds/3600`. Sheet names are whole words within Excel's 31
// characters, unique. Written in constant_memory mode (rows streamed to disk). Fails with
// libxlsxwriter's message when the file cannot be written.
core::Result<bool> write_xlsx(const reports::Bundle& bundle, Lang lang, const std::string& path);

// What `grantkit validate` found: the project (id and name empty when it could not be read), the
// as-of date and --period when there are any, and every finding.
struct Validation {
  std::string project_id;
  std::string project_name;
  std::optional<core::Date> as_of;
  std::optional<core::Period> period;
  core::Diagnostics diagnostics;
};
// Findings by severity, and the number of distinct files the errors and warnings are in.
struct FindingCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t info = 0;
  std::size_t files = 0;
};
FindingCounts count_findings(const core::Diagnostics& diagnostics);
// validate's summary line: `3 fel, 12 varningar i 5 filer` / `3 errors, 12 warnings in 5 files`.
std::string findings_summary(const FindingCounts& counts, Lang lang);
// validate's JSON (docs/schema/validate.schema.json): {schema: grantkit/validate/1, project:
// {id, name} or null, as_of, period ({from, to} or null), diagnostics, counts: {errors, warnings,
// info, files}}.
std::string render_validation_json(const Validation& validation);

// Hours from whole seconds as text with at most two decimals, rounded half up: 270 252 → "75.07",
// 3 600 → "1", 36 → "0.01".
std::string format_hours_plain(std::int64_t seconds);
// A CSV field: quoted (RFC 4180, `"` doubled) when it holds the delimiter, a quote or a line end.
std::string csv_field(const std::string& text, char delimiter);
// Whether a spreadsheet would take `text` for a formula: it starts with = + - @ tab or CR.
bool looks_like_formula(const std::string& text);
// A text cell made safe for spreadsheets: prefixed with ' when it looks like a formula.
std::string spreadsheet_safe(const std::string& text);
// Text made safe inside HTML (element content and quoted attributes): & < > " ' escaped.
std::string html_escape(std::string_view text);

}  // namespace grantkit::render
