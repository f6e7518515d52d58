#pragma once
// Renderers: one per format, working on report data (reports::Document); none recomputes a figure.
#include <string>

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
// decimals at most (minutes / 60, rounded half up).
std::string render_json(const reports::Document& doc);
// CSV: the document's first table (rows), one line a row, keys as header; formula-like text cells
// are prefixed with ' (CSV injection). rfc4180: comma and dot decimal; excel_sv: semicolon,
// decimal comma and a UTF-8 BOM.
std::string render_csv(const reports::Document& doc, CsvDialect dialect);
// A terminal table (Swedish or English labels and number style), right-aligned numbers, totals.
std::string render_table(const reports::Document& doc, Lang lang);
// Markdown tables ready to paste into a status report.
std::string render_markdown(const reports::Document& doc, Lang lang);
// Text formats by options; xlsx and html are written by their own functions.
std::string render_text(const reports::Document& doc, const RenderOptions& options);

// Hours from minutes as text with at most two decimals, rounded half up: 4504 → "75.07".
std::string format_hours_plain(std::int64_t minutes);
// A text cell made safe for spreadsheets: prefixed with ' when it starts with = + - @ tab or CR.
std::string spreadsheet_safe(const std::string& text);

}  // namespace grantkit::render
