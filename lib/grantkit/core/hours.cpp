#include <grantkit/core/hours.hpp>

#include <fmt/format.h>

#include <grantkit/core/i18n.hpp>
#include <grantkit/core/utf8.hpp>

namespace grantkit::core {

namespace {

constexpr std::int64_t kMaxHours = 1'000'000;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of a run of at most 9 digits.
std::int64_t digits_value(std::string_view digits) {
  std::int64_t v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Result<std::int64_t> parse_hours_seconds(std::string_view text) {
  auto fail = [&](std::string_view why) {
    return Result<std::int64_t>::failure(
        fmt::format(fmt::runtime(_("'{}' is not hours: {}")), text, why));
  };
  std::string_view s = trim(text);
  if (s.empty()) return fail("it is empty");
  if (s.front() == '-' || s.substr(0, 3) == "\xE2\x88\x92") return fail("hours cannot be negative");
  if (s.front() == '+') return fail("write the hours without a sign");
  if (!is_digit(s.front())) return fail("it must start with a digit");

  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  std::string_view whole = s.substr(0, i);
  if (whole.size() > 7 || digits_value(whole) > kMaxHours) return fail("more than 1 000 000 hours");
  std::int64_t hours = digits_value(whole);
  bool leading_zero = whole.size() > 1 && whole.front() == '0';

  if (i == s.size()) {
    if (leading_zero)
      return fail("a leading zero; write the number without it (is 010 meant as 10?)");
    return hours * kSecondsPerHour;
  }
  char mark = s[i];
  std::string_view rest = s.substr(i + 1);
  if (mark == ':') {
    if (whole.size() > 2 && leading_zero) return fail("a leading zero in the hours");
    if (rest.size() != 2 || !is_digit(rest[0]) || !is_digit(rest[1])) {
      return fail("the minutes after ':' must be two digits (7:05, not 7:5)");
    }
    std::int64_t minutes = digits_value(rest);
    if (minutes > 59) return fail("the minutes after ':' must be 00–59");
    return hours * kSecondsPerHour + minutes * kSecondsPerMinute;
  }
  if (mark == '.' || mark == ',') {
    if (leading_zero)
      return fail("a leading zero; write the number without it (is 07.5 meant as 7.5?)");
    if (rest.empty()) return fail("no digits after the decimal mark");
    for (std::size_t k = 0; k < rest.size(); ++k) {
      char c = rest[k];
      if (c == '.' || c == ',' || c == ':') return fail("more than one mark");
      if (c == 'e' || c == 'E') return fail("exponents are not hours; write the digits out");
      if (!is_digit(c)) {
        return fail(
            fmt::format(fmt::runtime(_("unexpected character {}")), describe_character(rest, k)));
      }
    }
    if (rest.size() > 9) return fail("too many decimals");
    std::int64_t scale = 1;
    for (std::size_t k = 0; k < rest.size(); ++k) scale *= 10;
    std::int64_t fraction = digits_value(rest);  // fraction / scale hours
    if (fraction * kSecondsPerHour % scale != 0) {
      return fail("finer than a second; hours are counted in whole seconds (0.01 h is 36 s)");
    }
    return hours * kSecondsPerHour + fraction * kSecondsPerHour / scale;
  }
  if (mark == 'e' || mark == 'E') return fail("exponents are not hours; write the digits out");
  if (mark == ' ' || mark == '\t')
    return fail("a space inside the number (write the hours only, no unit)");
  return fail(fmt::format(fmt::runtime(_("unexpected character {}")), describe_character(s, i)));
}

}  // namespace grantkit::core
