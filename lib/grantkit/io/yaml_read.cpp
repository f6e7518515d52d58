#include <grantkit/core/i18n.hpp>
#include <grantkit/io/yaml_read.hpp>

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace grantkit::io {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string_view kind_name(const YamlNode& n) {
  switch (n.kind) {
    case YamlNode::Kind::null:
      return "nothing (null)";
    case YamlNode::Kind::scalar:
      return "a single value";
    case YamlNode::Kind::sequence:
      return "a list";
    case YamlNode::Kind::map:
      return "a map";
  }
  return "?";
}

}  // namespace

std::string closest_match(std::string_view word,
                          std::initializer_list<std::string_view> candidates) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (auto c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = std::string(c);
    }
  }
  return best;
}

void YamlReader::type_error(const YamlNode& n, std::string_view what, std::string_view expected) {
  diags_.error("yaml.type",
               fmt::format(fmt::runtime(_("{} must be {}, not {}")), what, expected, kind_name(n)),
               n.place);
}

bool YamlReader::expect_map(const YamlNode& n, std::string_view what,
                            std::initializer_list<std::string_view> allowed) {
  if (!n.is_map()) {
    type_error(n, what, "a map");
    return false;
  }
  for (const auto& [k, v] : n.entries) {
    if (std::find(allowed.begin(), allowed.end(), k.text) != allowed.end()) continue;
    std::string hint = closest_match(k.text, allowed);
    std::string allowed_list;
    for (auto a : allowed) allowed_list += (allowed_list.empty() ? "" : ", ") + std::string(a);
    diags_.error("yaml.unknown-key",
                 hint.empty()
                     ? fmt::format(fmt::runtime(_("unknown key '{}' in {} (known: {})")), k.text,
                                   what, allowed_list)
                     : fmt::format(fmt::runtime(_("unknown key '{}' in {}; did you mean '{}'?")),
                                   k.text, what, hint),
                 k.place);
  }
  return true;
}

bool YamlReader::expect_sequence(const YamlNode& n, std::string_view what) {
  if (!n.is_sequence()) {
    type_error(n, what, "a list");
    return false;
  }
  return true;
}

bool YamlReader::expect_schema(const YamlNode& root, std::string_view kind) {
  std::string wanted = fmt::format("grantkit/{}/1", kind);
  if (!root.is_map() || root.entries.empty()) {
    diags_.error(
        "yaml.schema",
        fmt::format(fmt::runtime(_("the file must be a map starting with 'schema: {}'")), wanted),
        root.place);
    return false;
  }
  const auto& [k, v] = root.entries.front();
  if (k.text != "schema") {
    diags_.error("yaml.schema",
                 fmt::format(fmt::runtime(_("the first key must be 'schema: {}'")), wanted),
                 k.place);
    return false;
  }
  if (!v.is_scalar() || v.text != wanted) {
    diags_.error("yaml.schema",
                 fmt::format(fmt::runtime(_("schema '{}' is not what this file must hold ('{}')")),
                             v.text, wanted),
                 v.place);
    return false;
  }
  return true;
}

const YamlNode* YamlReader::require(const YamlNode& map, std::string_view key,
                                    std::string_view what) {
  const YamlNode* n = map.find(key);
  if (!n) diags_.error("yaml.missing-key", fmt::format("{} needs '{}'", what, key), map.place);
  return n;
}

std::optional<std::string> YamlReader::text(const YamlNode* n, std::string_view what,
                                            bool required) {
  if (!n) return std::nullopt;
  if (n->is_null()) {
    if (required) {
      diags_.error(
          "yaml.type",
          fmt::format(
              fmt::runtime(_("{} must be text, not null ('~', 'null' or nothing); quote it if "
                             "'null' is meant")),
              what),
          n->place);
    }
    return std::nullopt;
  }
  if (!n->is_scalar()) {
    type_error(*n, what, "text");
    return std::nullopt;
  }
  return n->text;
}

std::optional<std::string> YamlReader::id(const YamlNode* n, std::string_view what, bool required) {
  auto t = text(n, what, required);
  if (!t) return t;
  if (t->empty() || t->find_first_of(" \t") != std::string::npos) {
    diags_.error(
        "yaml.type",
        fmt::format(fmt::runtime(_("{} must be an id without spaces, not '{}'")), what, *t),
        n->place);
    return std::nullopt;
  }
  return t;
}

std::optional<core::Money> YamlReader::money(const YamlNode* n, std::string_view what) {
  auto m = signed_money(n, what);
  if (m && m->ore() < 0) {
    diags_.error(
        "yaml.range",
        fmt::format(fmt::runtime(_("{}: {} is negative; an amount here must be 0 or more")), what,
                    core::format_kr(*m, true)),
        n->place);
    return std::nullopt;
  }
  return m;
}

std::optional<core::Money> YamlReader::signed_money(const YamlNode* n, std::string_view what) {
  if (!n || n->is_null()) return std::nullopt;
  if (!n->is_scalar()) {
    type_error(*n, what, "an amount");
    return std::nullopt;
  }
  auto m = core::parse_input_amount(n->text);
  if (!m) {
    diags_.error("yaml.amount", fmt::format("{}: {}", what, m.error()), n->place);
    return std::nullopt;
  }
  return *m;
}

std::optional<core::Percent> YamlReader::percent(const YamlNode* n, std::string_view what) {
  if (!n || n->is_null()) return std::nullopt;
  if (!n->is_scalar()) {
    type_error(*n, what, "a percentage");
    return std::nullopt;
  }
  auto p = core::parse_percent(n->text);
  if (!p) {
    diags_.error("yaml.percent", fmt::format("{}: {}", what, p.error()), n->place);
    return std::nullopt;
  }
  if (p->millionths() < 0 || p->millionths() > core::Percent::kWhole) {
    diags_.error(
        "yaml.range",
        fmt::format(fmt::runtime(_("{}: {} is outside 0–100 %")), what, core::message_percent(*p)),
        n->place);
    return std::nullopt;
  }
  return *p;
}

std::optional<core::Date> YamlReader::date(const YamlNode* n, std::string_view what,
                                           bool required) {
  if (!n || n->is_null()) {
    if (required && n)
      diags_.error("yaml.date", fmt::format(fmt::runtime(_("{} needs a date")), what), n->place);
    return std::nullopt;
  }
  if (!n->is_scalar()) {
    type_error(*n, what, "a date");
    return std::nullopt;
  }
  auto d = core::parse_iso_date(n->text);
  if (!d) {
    diags_.error("yaml.date", fmt::format("{}: {}", what, d.error()), n->place);
    return std::nullopt;
  }
  return *d;
}

std::optional<core::Period> YamlReader::period(const YamlNode* n, std::string_view what,
                                               bool required) {
  if (!n || n->is_null()) {
    if (required && n)
      diags_.error("yaml.type", fmt::format(fmt::runtime(_("{} needs {{from, to}}")), what),
                   n->place);
    return std::nullopt;
  }
  if (!expect_map(*n, what, {"from", "to"})) return std::nullopt;
  auto from = date(require(*n, "from", what), fmt::format("{}.from", what), true);
  auto to = date(require(*n, "to", what), fmt::format("{}.to", what), true);
  if (!from || !to) return std::nullopt;
  if (*to < *from) {
    diags_.error("yaml.date",
                 fmt::format(fmt::runtime(_("{} ends ({}) before it starts ({})")), what,
                             core::format_iso(*to), core::format_iso(*from)),
                 n->place);
    return std::nullopt;
  }
  return core::Period{*from, *to};
}

std::optional<bool> YamlReader::boolean(const YamlNode* n, std::string_view what) {
  if (!n || n->is_null()) return std::nullopt;
  if (n->is_scalar() && !n->quoted && (n->text == "true" || n->text == "false"))
    return n->text == "true";
  diags_.error(
      "yaml.boolean",
      fmt::format(
          fmt::runtime(_("{} must be true or false, not '{}' (yes/no/on/off are not accepted)")),
          what, n->text),
      n->place);
  return std::nullopt;
}

std::optional<std::int64_t> YamlReader::integer(const YamlNode* n, std::string_view what) {
  if (!n || n->is_null()) return std::nullopt;
  if (!n->is_scalar()) {
    type_error(*n, what, "a whole number");
    return std::nullopt;
  }
  const std::string& t = n->text;
  bool ok = !t.empty() && t.size() <= 15 &&
            std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
            !(t.size() > 1 && t[0] == '0');
  if (!ok) {
    diags_.error(
        "yaml.number",
        fmt::format(
            fmt::runtime(_("{} must be a whole number written in decimal digits, not '{}'")), what,
            t),
        n->place);
    return std::nullopt;
  }
  return std::stoll(t);
}

}  // namespace grantkit::io
