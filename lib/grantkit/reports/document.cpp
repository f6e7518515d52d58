#include <algorithm>

#include <grantkit/reports/document.hpp>

namespace grantkit::reports {

Cell Cell::of_text(std::string t) {
  Cell c;
  c.kind = Kind::text;
  c.text = std::move(t);
  return c;
}
Cell Cell::of_code(std::string code, std::string sv, std::string en) {
  Cell c = of_text(std::move(code));
  c.display_sv = std::move(sv);
  c.display_en = std::move(en);
  return c;
}
Cell Cell::of_money(core::Money m) {
  Cell c;
  c.kind = Kind::money;
  c.number = m.ore();
  return c;
}
Cell Cell::of_money(const std::optional<core::Money>& m) {
  return m ? of_money(*m) : none();
}
Cell Cell::of_percent(core::Percent p) {
  Cell c;
  c.kind = Kind::percent;
  c.number = p.millionths();
  return c;
}
Cell Cell::of_percent(const std::optional<core::Percent>& p) {
  return p ? of_percent(*p) : none();
}
Cell Cell::of_seconds(std::int64_t seconds) {
  Cell c;
  c.kind = Kind::seconds;
  c.number = seconds;
  return c;
}
Cell Cell::of_integer(std::int64_t n) {
  Cell c;
  c.kind = Kind::integer;
  c.number = n;
  return c;
}
Cell Cell::of_date(core::Date d) {
  Cell c;
  c.kind = Kind::date;
  c.text = core::format_iso(d);
  return c;
}
Cell Cell::of_list(std::vector<std::string> items) {
  Cell c;
  c.kind = Kind::list;
  c.list = std::move(items);
  return c;
}
Cell Cell::of_entries(std::vector<std::pair<std::string, Cell>> items) {
  Cell c;
  c.kind = Kind::entries;
  for (auto& [label, value] : items)
    c.entries.push_back(CellEntry{std::move(label), std::move(value)});
  return c;
}

void name_activities(Document& doc,
                     const std::vector<std::pair<std::string, std::string>>& activities) {
  auto label = [&](const std::string& id) -> std::string {
    for (const auto& [code, name] : activities) {
      if (code == id) return name.empty() ? code : code + " " + name;
    }
    return {};
  };
  for (Table& t : doc.tables) {
    int col = column_index(t, "activity");
    if (col >= 0) {
      auto name_cell = [&](std::vector<Cell>& row) {
        if (static_cast<std::size_t>(col) >= row.size()) return;
        Cell& c = row[static_cast<std::size_t>(col)];
        if (c.kind != Cell::Kind::text || !c.display_sv.empty() || !c.display_en.empty()) return;
        std::string shown = label(c.text);
        if (shown.empty()) return;
        c.display_sv = shown;
        c.display_en = shown;
      };
      for (auto& row : t.rows) name_cell(row);
    }
    int entries = column_index(t, "activities");
    if (entries >= 0) {
      for (const auto& row : t.rows) {
        if (static_cast<std::size_t>(entries) >= row.size()) continue;
        for (const auto& e : row[static_cast<std::size_t>(entries)].entries) {
          bool known = std::any_of(t.entry_labels.begin(), t.entry_labels.end(),
                                   [&](const auto& l) { return l.first == e.label; });
          std::string shown = label(e.label);
          if (!known && !shown.empty()) t.entry_labels.emplace_back(e.label, shown);
        }
      }
    }
  }
}

void name_activities(Bundle& bundle,
                     const std::vector<std::pair<std::string, std::string>>& activities) {
  for (auto& [key, doc] : bundle.sections) name_activities(doc, activities);
}

Bundle bundle_of(Document doc) {
  Bundle b;
  // The header is the document without its tables and values: those are moved aside while it is
  // copied, so that a claim of a million transactions is not held twice.
  std::vector<Table> tables = std::move(doc.tables);
  std::vector<std::pair<std::string, Cell>> values = std::move(doc.values);
  doc.tables.clear();
  doc.values.clear();
  b.header = doc;
  doc.tables = std::move(tables);
  doc.values = std::move(values);
  std::string key = doc.report;
  b.sections.emplace_back(std::move(key), std::move(doc));
  return b;
}

Table value_table(
    const std::string& key, const Cell& value, std::string title_sv, std::string title_en,
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>>& labels) {
  Table t;
  t.key = key;
  t.presents = key;
  t.title_sv = std::move(title_sv);
  t.title_en = std::move(title_en);
  t.columns = {Column("item", "Post", "Item"), Column("value", "Värde", "Value")};
  for (const auto& e : value.entries) {
    std::string sv = e.label, en = e.label;
    for (const auto& [k, l] : labels) {
      if (k == e.label) {
        sv = l.first;
        en = l.second;
      }
    }
    t.rows.push_back({Cell::of_code(e.label, sv, en), e.value});
  }
  return t;
}

int column_index(const Table& table, std::string_view key) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace grantkit::reports
