#include <algorithm>

#include <grantkit/render/flat.hpp>

namespace grantkit::render {

using reports::Cell;

std::vector<FlatColumn> flatten_columns(const reports::Table& t) {
  std::vector<FlatColumn> out;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const auto& col = t.columns[i];
    bool is_entries = false;
    std::vector<std::string> labels;
    auto scan = [&](const std::vector<Cell>& row) {
      if (i >= row.size() || row[i].kind != Cell::Kind::entries) return;
      is_entries = true;
      for (const auto& [label, value] : row[i].entries) {
        if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
      }
    };
    for (const auto& row : t.rows) scan(row);
    if (t.total) scan(*t.total);
    if (!is_entries) {
      bool numeric = false;
      for (const auto& row : t.rows) {
        if (i < row.size()) {
          auto k = row[i].kind;
          numeric = numeric || k == Cell::Kind::money || k == Cell::Kind::percent ||
                    k == Cell::Kind::minutes || k == Cell::Kind::integer;
        }
      }
      out.push_back({i, "", col.key, col.sv, col.en, numeric});
      continue;
    }
    for (const auto& label : labels) {
      out.push_back({i, label, col.key + "." + label, label, label, true});
    }
  }
  return out;
}

Cell flat_cell(const std::vector<Cell>& row, const FlatColumn& col) {
  if (col.source >= row.size()) return Cell::none();
  const Cell& c = row[col.source];
  if (col.entry.empty()) return c;
  for (const auto& [label, value] : c.entries) {
    if (label == col.entry) return value;
  }
  return Cell::none();
}

}  // namespace grantkit::render
