#pragma once
// Exact percentages: an integer count of millionths (1 % = 10 000 units, 100 % = 1 000 000).
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include <grantkit/core/result.hpp>

namespace grantkit::core {

// Percent: exact, in millionths of the whole (hundredths of a basis point). 45.24 % = 452 400.
class Percent {
 public:
  static constexpr std::int64_t kWhole = 1'000'000;  // 100 %
  constexpr Percent() = default;
  static constexpr Percent from_millionths(std::int64_t v) { return Percent(v); }
  // Whole percent points: from_points(50) is 50 %.
  static constexpr Percent from_points(std::int64_t points) { return Percent(points * 10'000); }
  constexpr std::int64_t millionths() const { return v_; }
  constexpr auto operator<=>(const Percent&) const = default;
  constexpr Percent operator+(Percent o) const { return Percent(v_ + o.v_); }
  constexpr Percent operator-(Percent o) const { return Percent(v_ - o.v_); }

 private:
  constexpr explicit Percent(std::int64_t v) : v_(v) {}
  std::int64_t v_ = 0;
};

// Parses `45.24%`, `45,24 %`, `50%` (percent form, at most 4 decimals) or `0.4524` (a fraction
// without a sign, at most 6 decimals, not above 1). A bare number above 1 is refused: write `50%`.
Result<Percent> parse_percent(std::string_view text);
// `62.5`, `45.24`, `100`: the percent value with at most 4 decimals and no trailing zeros (JSON).
std::string format_percent_plain(Percent p);
// Human style: `62,5 %` (Swedish) with at most `decimals` decimals (rounded down); `mark` is ','
// or '.'.
std::string format_percent_human(Percent p, int decimals = 1, char mark = ',');

}  // namespace grantkit::core
