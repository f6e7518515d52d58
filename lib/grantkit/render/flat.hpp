#pragma once
// A table flattened for line formats (CSV, terminal, Markdown): `entries` columns (months,
// activities) become one column per distinct label, in first-seen order.
#include <string>
#include <vector>

#include <grantkit/render/render.hpp>
#include <grantkit/reports/document.hpp>

namespace grantkit::render {

struct FlatColumn {
  std::size_t source = 0;  // index into Table::columns
  std::string entry;       // the entry label for an expanded `entries` column, else empty
  std::string key;         // CSV header: `key` or `key.entry`
  std::string label_sv;
  std::string label_en;
  bool numeric = false;  // right-aligned in human formats
  bool bar = false;      // Column::bar: the terminal table adds a bar to the percent
};

std::vector<FlatColumn> flatten_columns(const reports::Table& t);
// The cell under a flat column in `row` (an empty cell when absent).
reports::Cell flat_cell(const std::vector<reports::Cell>& row, const FlatColumn& col);

// A cell as people read it (table, Markdown, HTML): a code's label, Swedish or English number
// style (`2 945 000`, `62,5 %`), hours with at most two decimals. Money without öre when `whole`.
std::string human_cell(const reports::Cell& c, Lang lang, bool whole);
// Whether every money cell of a flat column is whole kronor (then shown without öre).
bool whole_kronor(const reports::Table& t, const FlatColumn& col);
// A row flag (a rule id such as `budget.over`, or `owner`) as people read it: `över budget` /
// `over budget`. An id without a label is shown as it is. Machine formats (JSON, CSV) keep the id.
std::string flag_label(std::string_view id, Lang lang);
// A bar of 10 cells for a percent in millionths: `██████░░░░` (62.5 % → 6 filled, rounded half
// up; clipped to 0–100 %).
std::string percent_bar(std::int64_t millionths);

// Whether `col` is a table's activity column (key `activity`), whose empty cell in a row is the
// row without an activity: human formats show it as no_activity_label, "(ingen aktivitet)".
bool no_activity(const reports::Table& t, const FlatColumn& col);
std::string no_activity_label(Lang lang);

// A table as display strings: flat columns, header labels, rows and the totals row.
struct Grid {
  std::vector<FlatColumn> cols;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::optional<std::vector<std::string>> total;
};
// `bars`: percent cells of bar columns get their bar appended (terminal table only).
Grid make_grid(const reports::Table& t, Lang lang, bool bars);

}  // namespace grantkit::render
