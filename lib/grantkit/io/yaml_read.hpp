#pragma once
// Typed reading of YamlNodes with a diagnostic for every refusal (file, line, column, rule id).
// Scalars are read from their text: never through yaml-cpp's as<int>/as<double> (octal `010`,
// locale-dependent decimals).
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>
#include <grantkit/io/yaml_doc.hpp>

namespace grantkit::io {

// The closest of `candidates` to `word` by edit distance, or "" when none is close enough to
// suggest ("did you mean").
std::string closest_match(std::string_view word,
                          std::initializer_list<std::string_view> candidates);

// Reads values out of a parsed document, reporting into `diags`. Every method returns nullopt (or
// false) after reporting when the value is wrong; a null or absent optional value returns nullopt
// without a report. Rule ids: yaml.type, yaml.unknown-key, yaml.missing-key, yaml.schema,
// yaml.amount, yaml.percent, yaml.date, yaml.boolean, yaml.number, yaml.range.
class YamlReader {
 public:
  explicit YamlReader(core::Diagnostics& diags) : diags_(diags) {}

  // A map whose keys are all in `allowed`; unknown keys → yaml.unknown-key with a suggestion.
  bool expect_map(const YamlNode& n, std::string_view what,
                  std::initializer_list<std::string_view> allowed);
  bool expect_sequence(const YamlNode& n, std::string_view what);
  // The file's first key must be `schema: grantkit/<kind>/1`.
  bool expect_schema(const YamlNode& root, std::string_view kind);
  // A required key: reports yaml.missing-key at the map when absent.
  const YamlNode* require(const YamlNode& map, std::string_view key, std::string_view what);

  // Text: a scalar (plain or quoted). `null`/`~`/empty are refused where text is required.
  std::optional<std::string> text(const YamlNode* n, std::string_view what, bool required = false);
  // An id: text without spaces.
  std::optional<std::string> id(const YamlNode* n, std::string_view what, bool required = true);
  // An amount ≥ 0 (core::parse_input_amount): every amount a grantkit YAML file holds (budgets, aid
  // maximum, salaries, co-financing, aid claimed) is a sum of money, never a debt; a negative one
  // is yaml.range. At most 100 000 000 000 kr, the ledger row's limit, so that no sum or product of
  // a project's amounts can leave int64 öre; above it yaml.amount at the value's line.
  std::optional<core::Money> money(const YamlNode* n, std::string_view what);
  // An amount that may be negative (a payment request's reported correction, a credit row of its
  // transaction list), within the same limit.
  std::optional<core::Money> signed_money(const YamlNode* n, std::string_view what);
  // A percentage 0–100 %: every percentage a grantkit YAML file holds is a share of something
  // (aid rate, share of full time, flat rate, deviation threshold, index); one outside is
  // yaml.range (an aid rate of 101 % would claim more than the costs).
  std::optional<core::Percent> percent(const YamlNode* n, std::string_view what);
  std::optional<core::Date> date(const YamlNode* n, std::string_view what, bool required = false);
  // `{from: DATE, to: DATE}` with from <= to.
  std::optional<core::Period> period(const YamlNode* n, std::string_view what,
                                     bool required = false);
  // Only `true` or `false` (never yes/no/on/off).
  std::optional<bool> boolean(const YamlNode* n, std::string_view what);
  // A plain non-negative integer written in decimal without leading zeros.
  std::optional<std::int64_t> integer(const YamlNode* n, std::string_view what);

  core::Diagnostics& diags() { return diags_; }

 private:
  void type_error(const YamlNode& n, std::string_view what, std::string_view expected);
  core::Diagnostics& diags_;
};

}  // namespace grantkit::io
