#include <grantkit/core/percent.hpp>

#include <fmt/format.h>

#include <grantkit/core/i18n.hpp>
#include <grantkit/core/utf8.hpp>

namespace grantkit::core {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

Result<Percent> parse_percent(std::string_view text) {
  auto fail = [&](std::string_view why) {
    return Result<Percent>::failure(
        fmt::format(fmt::runtime(_("'{}' is not a percentage: {}")), text, why));
  };
  std::string_view s = trim(text);
  bool percent_form = false;
  if (!s.empty() && s.back() == '%') {
    percent_form = true;
    s = trim(s.substr(0, s.size() - 1));
  }
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  if (s.empty()) return fail("no digits");
  std::int64_t whole = 0, frac = 0;
  int frac_digits = 0;
  bool in_frac = false;
  int int_digits = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (in_frac) {
        frac = frac * 10 + (c - '0');
        ++frac_digits;
      } else {
        if (++int_digits > 9) return fail("too large");
        whole = whole * 10 + (c - '0');
      }
    } else if ((c == '.' || c == ',') && !in_frac && int_digits > 0) {
      in_frac = true;
    } else {
      return fail(
          fmt::format(fmt::runtime(_("unexpected character {}")), describe_character(s, i)));
    }
  }
  if (in_frac && frac_digits == 0) return fail("no digits after the decimal mark");
  if (int_digits > 1 && s.front() == '0') return fail("a leading zero");
  // Scale to millionths: percent form has 4 decimals of resolution, fraction form 6.
  int max_digits = percent_form ? 4 : 6;
  if (frac_digits > max_digits) {
    return fail(
        fmt::format(fmt::runtime(_("more than {} decimals cannot be kept exactly")), max_digits));
  }
  for (int i = frac_digits; i < max_digits; ++i) frac *= 10;
  std::int64_t scale = percent_form ? 10'000 : 1'000'000;
  std::int64_t v = whole * scale + frac;
  if (!percent_form && v > Percent::kWhole) {
    return fail("a bare number above 1 is ambiguous; write it with a percent sign, e.g. 50%");
  }
  return Percent::from_millionths(negative ? -v : v);
}

std::string format_percent_plain(Percent p) {
  std::int64_t v = p.millionths();
  bool neg = v < 0;
  std::uint64_t a = neg ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::string out = fmt::format("{}{}", neg ? "-" : "", a / 10'000);
  std::uint64_t frac = a % 10'000;
  if (frac != 0) {
    std::string f = fmt::format("{:04}", frac);
    while (f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

std::string format_percent_human(Percent p, int decimals, char mark) {
  std::int64_t v = p.millionths();
  bool neg = v < 0;
  std::uint64_t a = neg ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::string out = fmt::format("{}{}", neg ? "-" : "", a / 10'000);
  std::uint64_t frac = a % 10'000;
  if (decimals > 0) {
    std::string f =
        fmt::format("{:04}", frac).substr(0, static_cast<std::size_t>(std::min(decimals, 4)));
    while (!f.empty() && f.back() == '0') f.pop_back();
    if (!f.empty()) out += mark + f;
  }
  return out + " %";
}

}  // namespace grantkit::core
