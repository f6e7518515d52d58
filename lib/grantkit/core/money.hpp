#pragma once
// Money as an exact integer number of öre (1 kr = 100 öre). No floating point anywhere.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <grantkit/core/percent.hpp>
#include <grantkit/core/result.hpp>

namespace grantkit::core {

// Money: a signed amount in öre (int64). Arithmetic throws std::overflow_error instead of wrapping.
class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_ore(std::int64_t ore) { return Money(ore); }
  // Whole kronor → Money; throws std::overflow_error when kr × 100 does not fit.
  static Money from_kronor(std::int64_t kr);
  constexpr std::int64_t ore() const { return ore_; }
  constexpr bool is_zero() const { return ore_ == 0; }

  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money operator-() const;
  Money& operator+=(Money other) { return *this = *this + other; }
  Money& operator-=(Money other) { return *this = *this - other; }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t ore) : ore_(ore) {}
  std::int64_t ore_ = 0;
};

// How amount text is written in a source. YAML and the CLI use `automatic`: either `.` or `,` may
// be the decimal mark (only one kind may appear) and groups of three are separated by spaces.
struct MoneyStyle {
  char decimal = 0;    // '.' or ','; 0 = automatic (the one mark present is the decimal mark)
  char thousands = 0;  // '.', ',' or 0; spaces (also U+00A0, U+202F) always group
};

// Parses amount text straight into öre: `2945000`, `2945000.50`, `2 945 000`, `2 945 000,50 kr`,
// `-1 234,5`. Refuses (with a message saying what is meant) leading zeros (`010`), exponents, `_`,
// hex, more than two decimals, misplaced group separators, mixed marks (`1.234,5` unless the style
// says `.` groups), and overflow of int64 öre.
Result<Money> parse_money(std::string_view text, MoneyStyle style = {});

// The largest amount grantkit reads from any input, either way: 100 000 000 000 kr (10^13 öre). Far
// above any real budget, salary or voucher row, and so far below int64 öre (±92 233 720 368 547 758
// kr) that sums of 900 000 such amounts, and every product the reports form with them (a salary ×
// 12 months, a budget × a day count, an amount × a percentage), stay exact.
inline constexpr std::int64_t kAmountLimitOre = 10'000'000'000'000;
// Whether `m` is within ±kAmountLimitOre.
constexpr bool within_amount_limit(Money m) {
  return m.ore() <= kAmountLimitOre && m.ore() >= -kAmountLimitOre;
}
// An amount from an input file (a ledger row, a YAML budget, financing, aid or salary):
// parse_money, and at most kAmountLimitOre either way; above it the text is refused with a message.
Result<Money> parse_input_amount(std::string_view text, MoneyStyle style = {});
// A ledger row's amount: parse_money, and at most 100 000 000 000 kr either way (10^13 öre), far
// above any real voucher row, so that a whole ledger's sums stay within int64 öre (it would take
// 900 000 rows at the limit to leave it). An amount above it is refused with a message.
Result<Money> parse_ledger_amount(std::string_view text, MoneyStyle style = {});

// `2945000`, `2945000.5` → `2945000`, `2945000.50`: kronor with two decimals, or none when whole.
// The JSON/CSV contract format (dot decimal, no grouping).
std::string format_money_plain(Money m);
// Always two decimals, with `decimal` as the mark and no grouping: `2945000,50` (excel-sv CSV).
std::string format_money_fixed(Money m, char decimal);
// Swedish human style: `2 945 000` (whole kronor, rounded half away from zero for display only) or,
// with `decimals`, `2 945 000,50`. `group` separates thousands (a space by default).
std::string format_money_human(Money m, bool decimals, std::string_view group = " ",
                               char decimal = ',');
// An amount in a message, in the number style of the message language (core/i18n.hpp), kronor and
// öre in full: `2 945 000 kr`, or `17 704,10 kr` when it has öre (Swedish, and the library's
// default); `2,945,000 kr`, `17,704.10 kr` (English). Always two decimals with `always_decimals`.
std::string format_kr(Money m, bool always_decimals = false);

// base × p, rounded down (towards −∞) to whole öre; exact (128-bit intermediate).
// DOMAIN.md "Rounding": computed amounts are rounded down, on the aggregate they belong to.
Money apply_percent_floor(Money base, Percent p);
// base × num / den, rounded down to whole öre; den > 0. Used for pro-rating (e.g. by days).
Money prorate_floor(Money base, std::int64_t num, std::int64_t den);
// part / whole as a Percent, rounded down to the Percent's resolution; whole must be non-zero.
Percent ratio_percent(Money part, Money whole);

// Splits `total` over cells in proportion to `weights` so that the parts add up to `total` exactly:
// each part rounded down, the öre left over given one each to the cells with the largest
// remainders (largest-remainder method; ties to the earlier cell). The sum of weights must be
// positive; otherwise the whole total goes to the first cell. Used to attribute a flat rate
// computed on an aggregate to the activities and months it was computed on (DOMAIN.md "Rounding").
std::vector<Money> distribute(Money total, const std::vector<Money>& weights);

}  // namespace grantkit::core
