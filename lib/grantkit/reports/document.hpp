#pragma once
// Report data: what every report computes and every renderer draws. Figures are computed once,
// here, as typed cells; renderers only format them (ARCHITECTURE.md "render").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>

namespace grantkit::reports {

struct CellEntry;

// One value of a report. Money in öre, percent exact, hours as whole seconds (core/hours.hpp).
struct Cell {
  enum class Kind { empty, text, money, percent, seconds, integer, date, list, entries };
  Kind kind = Kind::empty;
  std::string text;                // text; date as ISO
  std::int64_t number = 0;         // money (öre), percent (millionths), seconds, integer
  std::vector<std::string> list;   // list: e.g. the flags (rule ids) of a row
  std::vector<CellEntry> entries;  // entries: a labelled series (months, activities)
  std::string display_sv;  // text cells: what human formats show instead of `text` (e.g. a label)
  std::string display_en;

  static Cell none();
  static Cell of_text(std::string t);
  // A code (e.g. a category id) that human formats show by its Swedish or English label.
  static Cell of_code(std::string code, std::string sv, std::string en);
  static Cell of_money(core::Money m);
  static Cell of_money(const std::optional<core::Money>& m);  // empty when unknown
  static Cell of_percent(core::Percent p);
  static Cell of_percent(const std::optional<core::Percent>& p);
  static Cell of_seconds(std::int64_t seconds);  // hours, as whole seconds
  static Cell of_integer(std::int64_t n);
  static Cell of_date(core::Date d);
  static Cell of_list(std::vector<std::string> items);
  static Cell of_entries(std::vector<std::pair<std::string, Cell>> items);

  bool is_empty() const { return kind == Kind::empty; }
  core::Money money() const { return core::Money::from_ore(number); }
};

// One labelled value of an `entries` cell: a month and its outcome, an activity and its hours.
// (A struct rather than std::pair: a pair of an incomplete Cell does not compile with clang.)
struct CellEntry {
  std::string label;
  Cell value;
};

inline Cell Cell::none() {
  return Cell{};
}

// A column: its JSON/CSV key (snake_case English), its labels, and for `entries` cells how JSON
// names each entry: as an object {label: value} (as_object) or a list of {entry_key: label,
// value_key: value} (e.g. months: [{month, outcome}]).
struct Column {
  Column(std::string k, std::string label_sv, std::string label_en)
      : key(std::move(k)), sv(std::move(label_sv)), en(std::move(label_en)) {}
  // An `entries` column rendered in JSON as a list of {entry_key: label, value_key: value}.
  static Column series(std::string k, std::string label_sv, std::string label_en, std::string entry,
                       std::string value) {
    Column c(std::move(k), std::move(label_sv), std::move(label_en));
    c.entry_key = std::move(entry);
    c.value_key = std::move(value);
    return c;
  }
  // An `entries` column rendered in JSON as an object {label: value}.
  static Column object(std::string k, std::string label_sv, std::string label_en) {
    Column c(std::move(k), std::move(label_sv), std::move(label_en));
    c.as_object = true;
    return c;
  }
  // A percent column that the terminal table also draws as a bar (`████░░`, 10 cells = 100 %).
  Column with_bar() && {
    bar = true;
    return std::move(*this);
  }
  // How the totals row's cell of this column follows from other cells of the totals row, for
  // formats that calculate (XLSX): an arithmetic formula over column keys in braces, e.g.
  // `({budget}-{remaining})/{budget}` for a percent that is not a sum of its column. Without it a
  // total is a SUM over its rows where it equals that sum, else a value.
  Column with_total_formula(std::string formula) && {
    total_formula = std::move(formula);
    return std::move(*this);
  }
  std::string key;
  std::string sv;
  std::string en;
  bool as_object = false;
  bool bar = false;
  std::string total_formula;
  std::string entry_key;
  std::string value_key;
};

// A table of rows under one key of the JSON document (`rows`, `costs`, `financing`, …).
struct Table {
  std::string key;
  std::string title_sv;
  std::string title_en;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::optional<std::vector<Cell>> total;  // the totals row: sums of the rounded rows
  // The key of a document value (Document::values) that this table shows to readers, label by
  // label (the claim's aid to claim). JSON writes the value itself and leaves such a table out;
  // the table, Markdown, HTML and XLSX show it like any other table.
  std::string presents;
  // What human formats show as the header of an `entries` column's entry instead of its label
  // (an activity's code → "A3.1 Utformning av analysmodell"); JSON and CSV keep the label.
  std::vector<std::pair<std::string, std::string>> entry_labels;
};

// A whole report: header fields of the JSON contract, its tables, extra named values (e.g. `aid`)
// and the diagnostics gathered while loading and computing.
struct Document {
  std::string report;  // `budget` → schema grantkit/budget/1
  std::string title_sv;
  std::string title_en;
  std::string project_id;
  std::string project_name;
  std::string currency = "SEK";
  core::Date as_of;
  core::Period period;
  std::vector<Table> tables;
  std::vector<std::pair<std::string, Cell>> values;  // scalar sections, e.g. {"aid", …}
  core::Diagnostics diagnostics;
  // For a payment request's page (human formats; not in JSON): the decision's ärende-id and the
  // request's number (reports::request_number). Empty when not known.
  std::string case_id;
  std::string request_number;
};

// Several reports in one document (`grantkit report`): `header` carries the title, project,
// window and every diagnostic once (its tables are not drawn); `sections` are whole reports in
// order, each under its key (the JSON section name).
struct Bundle {
  Document header;
  std::vector<std::pair<std::string, Document>> sections;
};

// A table that shows a document value of `entries` to readers (Table::presents = `key`): one row
// per entry, its label from `labels` (entry key → Swedish and English label, in that order) and
// its value.
Table value_table(
    const std::string& key, const Cell& value, std::string title_sv, std::string title_en,
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>>& labels);

// A bundle of one report (single reports in HTML and XLSX): the header is `doc` without tables.
Bundle bundle_of(Document doc);

// Activity names beside their codes, for human formats only: every text cell under a column keyed
// `activity` that holds a code of `activities` (id → name) is shown as "A3.1 Utformning av …",
// and the entries of an `activities` column are headed so; JSON and CSV keep the code. A cell
// that already has its own label (the row without an activity) is left as it is.
void name_activities(Document& doc,
                     const std::vector<std::pair<std::string, std::string>>& activities);
void name_activities(Bundle& bundle,
                     const std::vector<std::pair<std::string, std::string>>& activities);

// The column of `table` whose key is `key`, or -1 when there is none.
int column_index(const Table& table, std::string_view key);

}  // namespace grantkit::reports
