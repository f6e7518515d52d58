#include <grantkit/model/account_plan.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace grantkit::model {

namespace {

constexpr std::array<std::pair<AccountKind, std::string_view>, 7> kKinds = {{
    {AccountKind::unknown, "unknown"},
    {AccountKind::cost, "cost"},
    {AccountKind::income, "income"},
    {AccountKind::financial, "financial"},
    {AccountKind::vat, "vat"},
    {AccountKind::balance, "balance"},
    {AccountKind::other, "other"},
}};

// The n-digit key of an account: its first n digits, right-padded with '0'.
std::string key_of(std::string_view digits, std::size_t n) {
  std::string key(digits.substr(0, n));
  key.resize(n, '0');
  return key;
}

std::int64_t number_of(std::string_view digits) {
  std::int64_t v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::string_view account_kind_name(AccountKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<AccountKind> parse_account_kind(std::string_view name) {
  for (const auto& [k, n] : kKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

bool is_outcome_kind(AccountKind kind) {
  return kind != AccountKind::balance && kind != AccountKind::other;
}

std::string_view account_digits(std::string_view account) {
  std::size_t n = 0;
  while (n < account.size() && account[n] >= '0' && account[n] <= '9') ++n;
  return account.substr(0, n);
}

bool AccountRange::contains(std::string_view account) const {
  std::string_view digits = account_digits(account);
  if (digits.empty() || from.empty()) return false;
  std::string key = key_of(digits, from.size());
  return from <= key && key <= to;
}

std::int64_t AccountRange::width() const {
  // Bounds are at most 9 digits (the loader checks), so the difference fits easily.
  return number_of(to) - number_of(from) + 1;
}

void sort_by_specificity(std::vector<AccountRange>& ranges) {
  std::stable_sort(ranges.begin(), ranges.end(), [](const AccountRange& a, const AccountRange& b) {
    if (a.from.size() != b.from.size()) return a.from.size() > b.from.size();
    return a.width() < b.width();
  });
}

const AccountRange* find_range(const std::vector<AccountRange>& ranges, std::string_view account) {
  for (const auto& r : ranges) {
    if (r.contains(account)) return &r;
  }
  return nullptr;
}

}  // namespace grantkit::model
