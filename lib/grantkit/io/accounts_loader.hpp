#pragma once
// Loads account plans (`schema: grantkit/accounts/1`, data/accounts/*.yaml) and a ledger source's
// own `account_map`, both as account ranges → kind and cost category.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/result.hpp>
#include <grantkit/io/yaml_read.hpp>
#include <grantkit/model/account_plan.hpp>

namespace grantkit::io {

// Parses an account key: one account `5540` or a range `7110-7129` (an en dash is accepted too);
// the bounds are digit strings of equal length (at most 9 digits) with from <= to.
core::Result<std::pair<std::string, std::string>> parse_account_key(std::string_view text);

// Loads one plan file:
//   schema: grantkit/accounts/1
//   id: bas
//   name: "…"
//   source: "…"
//   ranges:
//     - {accounts: "7500-7599", kind: cost, category: schablonkostnader, source: "BAS 75 …"}
// `kind` is cost (default), income, financial, vat, balance or other; `source` is required on
// every range. Ranges of the same length must be disjoint or nested (the narrower one wins):
// `accounts.overlap` otherwise; a bad key is `accounts.range`; structure faults are yaml.*.
// Returns nothing when the file cannot be read or is not a plan.
std::optional<model::AccountPlan> load_account_plan(const std::string& path,
                                                    core::Diagnostics& diags);

// Loads the plan `id` from `data_dir/accounts/<id>.yaml`; an unknown id is `ref.unknown` at
// `where` (the source that names it).
std::optional<model::AccountPlan> load_account_plan_id(const std::string& data_dir,
                                                       const std::string& id,
                                                       const core::SourcePlace& where,
                                                       core::Diagnostics& diags);

// Reads a source's `account_map: {"5540": ovriga_kostnader, "7110-7129": resor_och_logi,
// "3530": financing, "8410": financial}`: each key an account or range (parse_account_key), each
// value a category id, `financing`, or a kind (`financial`, `vat`, `balance`, `other`, `not_cost`
// = other). Sorted most specific first; overlapping keys of one length that do not nest are
// `accounts.overlap`.
std::vector<model::AccountRange> read_account_map(YamlReader& r, const YamlNode& map);

}  // namespace grantkit::io
