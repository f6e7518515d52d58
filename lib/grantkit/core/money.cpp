#include <grantkit/core/money.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include <grantkit/core/i18n.hpp>
#include <grantkit/core/utf8.hpp>

namespace grantkit::core {

namespace {

[[noreturn]] void overflow() {
  throw std::overflow_error("amount out of range");
}

// A space that may group thousands: ' ', U+00A0 (no-break space), U+202F (narrow no-break space).
// Returns the byte length of the space at s[i], or 0.
std::size_t group_space_at(std::string_view s, std::size_t i) {
  if (s[i] == ' ') return 1;
  if (s[i] != '\xC2' && s[i] != '\xE2') return 0;  // neither space below starts here
  if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (s.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;
  return 0;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

Money Money::from_kronor(std::int64_t kr) {
  std::int64_t ore = 0;
  if (__builtin_mul_overflow(kr, 100, &ore)) overflow();
  return Money(ore);
}
Money Money::operator+(Money other) const {
  std::int64_t r = 0;
  if (__builtin_add_overflow(ore_, other.ore_, &r)) overflow();
  return Money(r);
}
Money Money::operator-(Money other) const {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(ore_, other.ore_, &r)) overflow();
  return Money(r);
}
Money Money::operator-() const {
  return Money() - *this;
}

namespace {
// The form nearly every ledger row has: an optional minus, 1–15 digits without a leading zero
// (a lone 0 is fine), and optionally the decimal mark with one or two digits. Read here in one
// pass; nothing when the text has any other form, which parse_money reads (and judges) in full.
// The decimal mark is the source's, or the mark present when the source names none, and never
// the source's thousands separator: the same rules as the full reading.
std::optional<Money> parse_plain_amount(std::string_view s, MoneyStyle style) {
  bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  std::size_t i = 0;
  std::int64_t kronor = 0;
  while (i < s.size() && i < 16 && s[i] >= '0' && s[i] <= '9')
    kronor = kronor * 10 + (s[i++] - '0');
  if (i == 0 || i > 15 || (s[0] == '0' && i > 1)) return std::nullopt;
  std::int64_t ore = 0;
  if (i < s.size()) {
    char mark = s[i];
    if ((mark != '.' && mark != ',') || (style.decimal != 0 && mark != style.decimal) ||
        mark == style.thousands)
      return std::nullopt;
    std::size_t decimals = s.size() - i - 1;
    if (decimals < 1 || decimals > 2) return std::nullopt;
    for (std::size_t k = i + 1; k < s.size(); ++k) {
      if (s[k] < '0' || s[k] > '9') return std::nullopt;
      ore = ore * 10 + (s[k] - '0');
    }
    if (decimals == 1) ore *= 10;
  }
  std::int64_t total = kronor * 100 + ore;
  return Money::from_ore(negative ? -total : total);
}
}  // namespace

Result<Money> parse_money(std::string_view text, MoneyStyle style) {
  if (auto plain = parse_plain_amount(text, style)) return *plain;
  auto fail = [&](std::string_view why) {
    return Result<Money>::failure(
        fmt::format(fmt::runtime(_("'{}' is not an amount: {}")), text, why));
  };
  std::string_view s = trim(text);
  // Optional currency suffix (looked for only when the text does not end in a digit).
  for (std::string_view suffix : {"kr", "SEK", ":-"}) {
    if (s.empty() || (s.back() >= '0' && s.back() <= '9')) break;
    if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix) {
      s = trim(s.substr(0, s.size() - suffix.size()));
      break;
    }
  }
  if (s.empty()) return fail("it is empty");
  bool negative = false;
  if (s.front() == '-' || s.front() == '+') {
    negative = s.front() == '-';
    s.remove_prefix(1);
  } else if (s.substr(0, 3) == "\xE2\x88\x92") {  // U+2212 minus sign
    negative = true;
    s.remove_prefix(3);
  }
  if (s.empty() || s.front() < '0' || s.front() > '9') return fail("it must start with a digit");

  // Split into digit groups separated by group marks, and find the one decimal mark.
  char decimal = style.decimal;
  const bool dot = s.find('.') != std::string_view::npos;
  const bool comma = s.find(',') != std::string_view::npos;
  if (decimal == 0) {
    if (dot && comma)
      return fail("both '.' and ',' appear; write one decimal mark and group with spaces");
    decimal = comma ? ',' : '.';
  } else if (dot && comma && style.thousands == 0) {
    // `1.234,50` where the source says only that '.' is the decimal mark: refused, never 1.234 kr
    // or a silent ×1000.
    return fail(fmt::format(
        fmt::runtime(
            _("both '.' and ',' appear, and the source declares '{}' as its decimal mark and "
              "no thousands "
              "separator; if the export groups thousands with '{}', say so in the source "
              "(decimal: \"{}\", "
              "thousands: \"{}\")")),
        decimal, decimal == '.' ? ',' : '.', decimal == '.' ? ',' : '.', decimal));
  }
  std::int64_t kronor = 0;
  std::int64_t ore = 0;
  int groups = 0;
  std::size_t first_group_len = 0;
  std::size_t group_len = 0;
  bool grouped = false;
  bool in_decimals = false;
  int decimals = 0;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      int d = c - '0';
      if (in_decimals) {
        if (++decimals > 2) {
          if (style.decimal == 0) return fail("more than two decimals (öre are the smallest unit)");
          return fail(fmt::format(
              fmt::runtime(
                  _("more than two decimals (öre are the smallest unit); if '{0}' groups thousands "
                    "in "
                    "this export, its source must say so (decimal: \"{1}\", thousands: \"{0}\")")),
              decimal, decimal == '.' ? ',' : '.'));
        }
        ore = ore * 10 + d;
      } else {
        if (__builtin_mul_overflow(kronor, 10, &kronor) ||
            __builtin_add_overflow(kronor, d, &kronor)) {
          return fail("it is too large");
        }
        ++group_len;
      }
      ++i;
      continue;
    }
    std::size_t space = group_space_at(s, i);
    bool group_mark = space > 0 || (style.thousands != 0 && c == style.thousands);
    if (group_mark && !in_decimals) {
      if (groups == 0)
        first_group_len = group_len;
      else if (group_len != 3)
        return fail("digits must be grouped by three");
      if (group_len == 0) return fail("a group separator stands in the wrong place");
      ++groups;
      grouped = true;
      group_len = 0;
      i += space > 0 ? space : 1;
      continue;
    }
    if (c == decimal && !in_decimals) {
      in_decimals = true;
      ++i;
      if (i == s.size()) return fail("no digits after the decimal mark");
      continue;
    }
    if (c == '.' || c == ',') {
      return fail(in_decimals
                      ? "more than one decimal mark"
                      : "this mark is not the source's decimal mark or thousands separator");
    }
    if (c == 'e' || c == 'E') return fail("exponents are not amounts; write the digits out");
    if (c == '_') return fail("'_' is not a digit separator here; group with spaces");
    if (c == 'x' || c == 'X') return fail("hexadecimal is not an amount");
    return fail(fmt::format(fmt::runtime(_("unexpected character {}")), describe_character(s, i)));
  }
  if (grouped) {
    if (group_len != 3) return fail("digits must be grouped by three");
    if (first_group_len > 3) return fail("digits must be grouped by three");
  }
  std::size_t integer_digits = grouped ? first_group_len : group_len;
  if (s.front() == '0' && integer_digits > 1) {
    return fail("a leading zero; write the number without it (is 010 meant as 10?)");
  }
  if (decimals == 1) ore *= 10;
  std::int64_t total = 0;
  if (__builtin_mul_overflow(kronor, 100, &total) || __builtin_add_overflow(total, ore, &total)) {
    return fail("it is too large");
  }
  return Money::from_ore(negative ? -total : total);
}

Result<Money> parse_ledger_amount(std::string_view text, MoneyStyle style) {
  auto m = parse_money(text, style);
  if (m && !within_amount_limit(*m)) {
    return Result<Money>::failure(fmt::format(
        fmt::runtime(
            _("'{}' is larger than a ledger row can be (at most 100 000 000 000 kr either way)")),
        text));
  }
  return m;
}

Result<Money> parse_input_amount(std::string_view text, MoneyStyle style) {
  auto m = parse_money(text, style);
  if (!m || within_amount_limit(*m)) return m;
  return Result<Money>::failure(fmt::format(
      fmt::runtime(
          _("'{}' is larger than grantkit counts (at most 100 000 000 000 kr either way, as "
            "a ledger row)")),
      text));
}

std::string format_money_plain(Money m) {
  std::int64_t v = m.ore();
  bool neg = v < 0;
  // Work in unsigned to handle INT64_MIN.
  std::uint64_t a = neg ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  if (a % 100 == 0) return fmt::format("{}{}", neg ? "-" : "", a / 100);
  return fmt::format("{}{}.{:02}", neg ? "-" : "", a / 100, a % 100);
}

std::string format_money_fixed(Money m, char decimal) {
  std::int64_t v = m.ore();
  bool neg = v < 0;
  std::uint64_t a = neg ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  return fmt::format("{}{}{}{:02}", neg ? "-" : "", a / 100, decimal, a % 100);
}

std::string format_money_human(Money m, bool decimals, std::string_view group, char decimal) {
  std::int64_t v = m.ore();
  bool neg = v < 0;
  std::uint64_t a = neg ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::uint64_t kr = a / 100, ore = a % 100;
  if (!decimals && ore >= 50) ++kr;  // display rounding only: half away from zero
  std::string digits = fmt::format("{}", kr);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += group;
    out += digits[i];
  }
  if (decimals) out += fmt::format("{}{:02}", decimal, ore);
    // GCC 12 at -O3 reports a false -Wrestrict inside std::string::insert here (GCC bug 105329):
    // silenced for this line only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
  if (neg && (kr != 0 || (decimals && ore != 0))) out.insert(0, "-");
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  return out;
}

namespace {
__extension__ typedef __int128 Wide;  // exact intermediate products of öre × millionths
// floor(a / b) for b > 0 in 128 bits.
Wide floor_div(Wide a, Wide b) {
  Wide q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}
Money checked(Wide v) {
  if (v > INT64_MAX || v < INT64_MIN) overflow();
  return Money::from_ore(static_cast<std::int64_t>(v));
}
}  // namespace

Money apply_percent_floor(Money base, Percent p) {
  return checked(floor_div(static_cast<Wide>(base.ore()) * p.millionths(), Percent::kWhole));
}

Money prorate_floor(Money base, std::int64_t num, std::int64_t den) {
  if (den <= 0) throw std::invalid_argument("prorate_floor: denominator must be positive");
  return checked(floor_div(static_cast<Wide>(base.ore()) * num, den));
}

Percent ratio_percent(Money part, Money whole) {
  if (whole.is_zero()) throw std::invalid_argument("ratio_percent: whole is zero");
  Wide num = static_cast<Wide>(part.ore()) * Percent::kWhole;
  Wide den = whole.ore();
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Wide q = floor_div(num, den);
  if (q > INT64_MAX || q < INT64_MIN) overflow();
  return Percent::from_millionths(static_cast<std::int64_t>(q));
}

std::vector<Money> distribute(Money total, const std::vector<Money>& weights) {
  std::vector<Money> parts(weights.size());
  if (weights.empty()) return parts;
  Wide sum = 0;
  for (Money w : weights) sum += w.ore();
  if (sum <= 0) {
    parts[0] = total;
    return parts;
  }
  std::vector<std::pair<Wide, std::size_t>> remainders;
  Wide given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    Wide num = static_cast<Wide>(total.ore()) * weights[i].ore();
    Wide q = floor_div(num, sum);
    parts[i] = checked(q);
    given += q;
    remainders.emplace_back(num - q * sum, i);
  }
  Wide left = static_cast<Wide>(total.ore()) - given;  // 0 <= left < number of cells
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; k < remainders.size() && left > 0; ++k, --left) {
    parts[remainders[k].second] += Money::from_ore(1);
  }
  return parts;
}

}  // namespace grantkit::core
