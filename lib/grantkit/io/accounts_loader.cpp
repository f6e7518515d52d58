#include <grantkit/core/i18n.hpp>
#include <grantkit/io/accounts_loader.hpp>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

namespace grantkit::io {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Ranges of one bound length must nest or be disjoint: otherwise which one applies would depend on
// their order. Reports `accounts.overlap` at the later range of a pair (in file order). In
// O(n log n): per bound length, the ranges sorted by start (the wider first) are swept with the
// stack of ranges that enclose the current start; a range that starts inside the innermost one
// must also end inside it. (A map of 100 000 accounts took a minute with a pairwise scan.)
void check_overlaps(const std::vector<model::AccountRange>& ranges, core::Diagnostics& diags) {
  std::vector<std::size_t> order(ranges.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const auto& a = ranges[x];
    const auto& b = ranges[y];
    if (a.from.size() != b.from.size()) return a.from.size() < b.from.size();
    if (a.from != b.from) return a.from < b.from;
    return a.to > b.to;
  });
  std::vector<std::size_t> open;  // indexes into ranges, each inside the one below it
  std::size_t length = 0;
  for (std::size_t i : order) {
    const auto& b = ranges[i];
    if (b.from.size() != length) {
      open.clear();
      length = b.from.size();
    }
    while (!open.empty() && ranges[open.back()].to < b.from) open.pop_back();
    if (!open.empty()) {
      std::size_t k = open.back();
      const auto& a = ranges[k];
      bool same = a.from == b.from && a.to == b.to;
      if (same || b.to > a.to) {
        const auto& later = k < i ? b : a;
        const auto& earlier = k < i ? a : b;
        diags.error(
            "accounts.overlap",
            fmt::format(
                fmt::runtime(
                    _("accounts {}–{} overlap {}–{} (line {}); ranges must be disjoint or one "
                      "inside the other")),
                later.from, later.to, earlier.from, earlier.to, earlier.place.line),
            later.place);
        continue;  // not nested: left off the stack, so that it is reported once
      }
    }
    open.push_back(i);
  }
}

}  // namespace

core::Result<std::pair<std::string, std::string>> parse_account_key(std::string_view text) {
  using R = core::Result<std::pair<std::string, std::string>>;
  std::string_view s = trim(text);
  std::string_view from = s, to = s;
  if (auto dash = s.find('-'); dash != std::string_view::npos) {
    from = trim(s.substr(0, dash));
    to = trim(s.substr(dash + 1));
  } else if (auto en = s.find("\xE2\x80\x93"); en != std::string_view::npos) {  // en dash
    from = trim(s.substr(0, en));
    to = trim(s.substr(en + 3));
  }
  if (!all_digits(from) || !all_digits(to)) {
    return R::failure(fmt::format(
        fmt::runtime(_("'{}' is not an account or a range of accounts (5540, 7110-7129)")), text));
  }
  if (from.size() != to.size()) {
    return R::failure(fmt::format(
        fmt::runtime(
            _("the range '{}' has bounds of different lengths; write both with as many digits")),
        text));
  }
  if (from.size() > 9)
    return R::failure(
        fmt::format(fmt::runtime(_("'{}': an account has at most 9 digits here")), text));
  if (to < from)
    return R::failure(fmt::format(fmt::runtime(_("the range '{}' ends before it starts")), text));
  return std::pair{std::string(from), std::string(to)};
}

std::optional<model::AccountPlan> load_account_plan(const std::string& path,
                                                    core::Diagnostics& diags) {
  auto root = load_yaml_file(path, diags);
  if (!root) return std::nullopt;
  YamlReader r(diags);
  if (!r.expect_schema(*root, "accounts")) return std::nullopt;
  if (!r.expect_map(*root, "account plan", {"schema", "id", "name", "source", "ranges"}))
    return std::nullopt;
  model::AccountPlan plan;
  if (auto t = r.id(r.require(*root, "id", "account plan"), "account plan id")) plan.id = *t;
  if (auto t = r.text(root->find("name"), "account plan name")) plan.name = *t;
  if (auto t = r.text(r.require(*root, "source", "account plan"), "account plan source", true))
    plan.source = *t;
  const YamlNode* ranges = r.require(*root, "ranges", "account plan");
  if (!ranges || !r.expect_sequence(*ranges, "ranges")) return plan;
  for (const auto& n : ranges->items) {
    if (!r.expect_map(n, "an account range", {"accounts", "kind", "category", "source"})) continue;
    model::AccountRange range;
    range.place = n.place;
    const YamlNode* key = r.require(n, "accounts", "an account range");
    auto text = r.text(key, "accounts", true);
    if (!text) continue;
    auto bounds = parse_account_key(*text);
    if (!bounds) {
      diags.error("accounts.range", bounds.error(), key->place);
      continue;
    }
    range.from = bounds->first;
    range.to = bounds->second;
    if (auto k = r.text(n.find("kind"), "kind")) {
      auto kind = model::parse_account_kind(*k);
      if (!kind || *kind == model::AccountKind::unknown) {
        diags.error(
            "yaml.type",
            fmt::format(
                fmt::runtime(
                    _("kind must be cost, income, financial, vat, balance or other, not '{}'")),
                *k),
            n.find("kind")->place);
        continue;
      }
      range.kind = *kind;
    }
    if (auto c = r.id(n.find("category"), "category", false)) range.category = *c;
    if (auto s =
            r.text(r.require(n, "source", fmt::format(fmt::runtime(_("account range {}")), *text)),
                   "source", true)) {
      range.source = *s;
    }
    plan.ranges.push_back(std::move(range));
  }
  check_overlaps(plan.ranges, diags);
  model::sort_by_specificity(plan.ranges);
  return plan;
}

std::optional<model::AccountPlan> load_account_plan_id(const std::string& data_dir,
                                                       const std::string& id,
                                                       const core::SourcePlace& where,
                                                       core::Diagnostics& diags) {
  namespace fs = std::filesystem;
  fs::path path = fs::path(data_dir) / "accounts" / (id + ".yaml");
  if (id.empty() || id.find('/') != std::string::npos || !fs::exists(path)) {
    std::string known;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(data_dir) / "accounts", ec)) {
      if (e.path().extension() == ".yaml")
        known += (known.empty() ? "" : ", ") + e.path().stem().string();
    }
    diags.error("ref.unknown",
                fmt::format(fmt::runtime(_("account plan '{}' does not exist{}")), id,
                            known.empty() ? "" : " (known: " + known + ")"),
                where);
    return std::nullopt;
  }
  return load_account_plan(path.string(), diags);
}

std::vector<model::AccountRange> read_account_map(YamlReader& r, const YamlNode& map) {
  std::vector<model::AccountRange> out;
  if (map.is_null()) return out;
  if (!map.is_map()) {
    r.expect_map(map, "account_map", {});
    return out;
  }
  out.reserve(map.entries.size());  // one range a key: no slack, no copy while growing
  for (const auto& [k, v] : map.entries) {
    auto bounds = parse_account_key(k.text);
    if (!bounds) {
      r.diags().error("accounts.range", bounds.error(), k.place);
      continue;
    }
    auto value = r.id(&v, fmt::format("account_map.{}", k.text));
    if (!value) continue;
    model::AccountRange range;
    range.from = bounds->first;
    range.to = bounds->second;
    range.place = k.place;
    range.source = "account_map";
    if (*value == "not_cost") {
      range.kind = model::AccountKind::other;
    } else if (auto kind = model::parse_account_kind(*value);
               kind && *kind != model::AccountKind::cost && *kind != model::AccountKind::income &&
               *kind != model::AccountKind::unknown) {
      range.kind = *kind;
    } else {
      range.category = *value;
      range.kind = *value == "intakter" || *value == "financing" || *value == "aid"
                       ? model::AccountKind::income
                       : model::AccountKind::cost;
    }
    out.push_back(std::move(range));
  }
  check_overlaps(out, r.diags());
  model::sort_by_specificity(out);
  return out;
}

}  // namespace grantkit::io
