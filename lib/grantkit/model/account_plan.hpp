#pragma once
// Account plans (kontoplaner): ranges of account numbers → what the account holds and its cost
// category (FORMATS.md "Ledger"). The shipped plans are data/accounts/bas.yaml (BAS-kontoplanen,
// companies and associations) and data/accounts/kommun-bas.yaml (Kommun-Bas, municipalities and
// regions); a ledger source may add its own `account_map`, which wins over the plan.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <grantkit/core/diagnostic.hpp>

namespace grantkit::model {

// What an account holds, as far as a project's outcome is concerned.
enum class AccountKind {
  unknown,    // no plan, or in no range of it
  cost,       // a cost (kostnad), counted in its category
  income,     // revenue (intäkt), category intakter
  financial,  // interest, bank fees, exchange differences: never eligible (DOMAIN.md "Eligibility")
  vat,  // VAT (ingående moms): eligible only where the decision says so (decision.vat_eligible)
  balance,  // balance sheet (BAS kontoklass 1–2): not a cost
  other,    // appropriations, tax, internal and statistics accounts: not a cost of the project
};

// `cost`, `income`, … as written in account plans and shown in reports.
std::string_view account_kind_name(AccountKind kind);
// The kind named `name`, or nothing when it is not one of them.
std::optional<AccountKind> parse_account_kind(std::string_view name);
// Whether rows on an account of this kind are project outcome at all (cost, income, financial,
// VAT, or unknown — an unknown account is reported, not hidden).
bool is_outcome_kind(AccountKind kind);

// The leading digits of an account number (`7010`, `50201`, `1930-1` → `1930`); empty when it
// does not start with a digit.
std::string_view account_digits(std::string_view account);

// A range of accounts. `from` and `to` are digit strings of the same length n; an account matches
// when its first n digits (right-padded with 0 when it has fewer) lie between them, both included:
// `5020`–`5029` covers 5021, the sub-account 50201 and the group account 502.
struct AccountRange {
  std::string from;
  std::string to;
  AccountKind kind = AccountKind::cost;
  std::string category;  // a programme category id or `financing`; empty: none (kind decides)
  std::string source;    // where the mapping comes from (BAS kontogrupp, the project's own choice)
  core::SourcePlace place;

  bool contains(std::string_view account) const;
  // How many n-digit keys the range covers (to − from + 1): narrower ranges are more specific.
  std::int64_t width() const;
};

// Orders ranges most specific first: longer bounds first, then narrower, then file order. The
// first range that contains an account is the one that applies.
void sort_by_specificity(std::vector<AccountRange>& ranges);
// The first range of `ranges` (sorted by sort_by_specificity) containing `account`, or nullptr.
const AccountRange* find_range(const std::vector<AccountRange>& ranges, std::string_view account);

// A whole account plan (`schema: grantkit/accounts/1`).
struct AccountPlan {
  std::string id;
  std::string name;
  std::string source;
  std::vector<AccountRange> ranges;  // most specific first

  const AccountRange* find(std::string_view account) const { return find_range(ranges, account); }
};

}  // namespace grantkit::model
