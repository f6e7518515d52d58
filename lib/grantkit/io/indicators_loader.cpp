#include <grantkit/io/indicators_loader.hpp>

#include <filesystem>
#include <map>
#include <utility>

#include <fmt/format.h>

#include <grantkit/core/i18n.hpp>
#include <grantkit/io/yaml_doc.hpp>
#include <grantkit/io/yaml_read.hpp>

namespace grantkit::io {

std::vector<model::IndicatorValue> load_indicator_values(const model::Project& project,
                                                         core::Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::vector<model::IndicatorValue> out;
  fs::path file = fs::path(project.dir) / "indicators.yaml";
  std::error_code ec;
  if (!fs::exists(file, ec)) return out;
  auto root = load_yaml_file(file.string(), diags);
  if (!root) return out;
  YamlReader r(diags);
  if (!r.expect_schema(*root, "indicators") ||
      !r.expect_map(*root, "indicators.yaml", {"schema", "rows"})) {
    return out;
  }
  const YamlNode* rows = r.require(*root, "rows", "indicators.yaml");
  if (!rows || rows->is_null() || !r.expect_sequence(*rows, "rows")) return out;
  std::map<std::pair<std::string, core::Date>, core::SourcePlace> seen;
  for (const auto& row : rows->items) {
    if (!r.expect_map(row, "an indicator value", {"indicator", "date", "value", "comment"}))
      continue;
    const YamlNode* id_node = r.require(row, "indicator", "an indicator value");
    auto id = r.id(id_node, "indicator");
    auto date = r.date(r.require(row, "date", "an indicator value"), "date", true);
    const YamlNode* value_node = r.require(row, "value", "an indicator value");
    auto value = r.integer(value_node, "value");
    if (value_node && value_node->is_null()) {
      diags.error("yaml.type",
                  _("value must be a whole number: a row without a value reports nothing"),
                  value_node->place);
    }
    auto comment = r.text(row.find("comment"), "comment");
    if (!id || !date || !value) continue;
    bool known = false;
    for (const auto& ind : project.indicators) known = known || ind.id == *id;
    if (!known) {
      std::string ids;
      for (const auto& ind : project.indicators) ids += (ids.empty() ? "" : ", ") + ind.id;
      diags.error(
          "ref.unknown",
          fmt::format(fmt::runtime(_("indicator '{}' is not in project.yaml's indicators ({})")),
                      *id, ids.empty() ? "none" : ids),
          id_node->place);
      continue;
    }
    auto [it, added] = seen.emplace(std::pair{*id, *date}, row.place);
    if (!added) {
      diags.error(
          "indicator.duplicate-date",
          fmt::format(
              fmt::runtime(_("{} is reported twice on {} (first at line {}): which value holds?")),
              *id, core::format_iso(*date), it->second.line),
          row.place);
      continue;
    }
    model::IndicatorValue v;
    v.indicator = *id;
    v.date = *date;
    v.value = *value;
    if (comment) v.comment = *comment;
    v.place = row.place;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace grantkit::io
