#pragma once
// A table flattened for line formats (CSV, terminal, Markdown): `entries` columns (months,
// activities) become one column per distinct label, in first-seen order.
#include <string>
#include <vector>

#include <grantkit/reports/document.hpp>

namespace grantkit::render {

struct FlatColumn {
  std::size_t source = 0;  // index into Table::columns
  std::string entry;       // the entry label for an expanded `entries` column, else empty
  std::string key;         // CSV header: `key` or `key.entry`
  std::string label_sv;
  std::string label_en;
  bool numeric = false;    // right-aligned in human formats
};

std::vector<FlatColumn> flatten_columns(const reports::Table& t);
// The cell under a flat column in `row` (an empty cell when absent).
reports::Cell flat_cell(const std::vector<reports::Cell>& row, const FlatColumn& col);

}  // namespace grantkit::render
