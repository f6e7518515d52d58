#include <grantkit/core/date.hpp>
#include <grantkit/core/i18n.hpp>

#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

namespace grantkit::core {
namespace gd = boost::gregorian;

namespace {

// Reads exactly `n` ASCII digits at `s[pos]`; -1 when any is not a digit.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

Result<Date> make_date(int y, int m, int d, std::string_view text) {
  if (y < 1900 || y > 2199) {
    return Result<Date>::failure(
        fmt::format(fmt::runtime(_("year {} of date '{}' is outside 1900–2199")), y, text));
  }
  if (m < 1 || m > 12) {
    return Result<Date>::failure(fmt::format(fmt::runtime(_("'{}' has no month {}")), text, m));
  }
  int last = gd::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                      static_cast<unsigned short>(m));
  if (d < 1 || d > last) {
    return Result<Date>::failure(
        fmt::format(fmt::runtime(_("'{}' is not a date: {}-{:02} has {} days")), text, y, m, last));
  }
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

}  // namespace

Result<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return Result<Date>::failure(
        fmt::format(fmt::runtime(_("'{}' is not a date in the form YYYY-MM-DD")), text));
  }
  int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) {
    return Result<Date>::failure(
        fmt::format(fmt::runtime(_("'{}' is not a date in the form YYYY-MM-DD")), text));
  }
  return make_date(y, m, d, text);
}

Result<Date> parse_compact_date(std::string_view text) {
  int y = text.size() == 8 ? digits(text, 0, 4) : -1;
  int m = y >= 0 ? digits(text, 4, 2) : -1;
  int d = m >= 0 ? digits(text, 6, 2) : -1;
  if (d < 0) {
    return Result<Date>::failure(
        fmt::format(fmt::runtime(_("'{}' is not a date in the form YYYYMMDD")), text));
  }
  return make_date(y, m, d, text);
}

std::string format_iso(Date d) {
  if (d.is_special()) return "not-a-date";
  auto ymd = d.year_month_day();
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                     static_cast<int>(ymd.day));
}

Date Month::first_day() const {
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), 1);
}
Date Month::last_day() const {
  return first_day().end_of_month();
}
Month Month::next() const {
  return month == 12 ? Month{year + 1, 1} : Month{year, month + 1};
}
std::string Month::iso() const {
  return fmt::format("{:04}-{:02}", year, month);
}
Month Month::of(Date d) {
  auto ymd = d.year_month_day();
  return Month{static_cast<int>(ymd.year), static_cast<int>(ymd.month)};
}

std::string Period::iso() const {
  return format_iso(from) + ".." + format_iso(to);
}

std::optional<Period> intersect(const Period& a, const Period& b) {
  Date from = std::max(a.from, b.from);
  Date to = std::min(a.to, b.to);
  if (to < from) return std::nullopt;
  return Period{from, to};
}

std::vector<Month> months_of(const Period& p) {
  std::vector<Month> out;
  for (Month m = Month::of(p.from), last = Month::of(p.to); m <= last; m = m.next()) {
    out.push_back(m);
  }
  return out;
}

std::vector<Period> quarters_of(const Period& p) {
  std::vector<Period> out;
  Month m = Month::of(p.from);
  m.month = (m.month - 1) / 3 * 3 + 1;
  for (; m.first_day() <= p.to; m = m.next().next().next()) {
    Month last{m.year, m.month + 2};
    out.push_back(Period{m.first_day(), last.last_day()});
  }
  return out;
}

Result<Period> parse_period_expression(std::string_view text) {
  auto fail = [&] {
    return Result<Period>::failure(
        fmt::format(fmt::runtime(_("'{}' is not a period: write 2022-03, 2022-Q1, 2022-H1, 2022 or "
                                   "2022-01-01..2022-06-30")),
                    text));
  };
  if (auto dots = text.find(".."); dots != std::string_view::npos) {
    auto from = parse_iso_date(text.substr(0, dots));
    if (!from) return Result<Period>::failure(from.error());
    auto to = parse_iso_date(text.substr(dots + 2));
    if (!to) return Result<Period>::failure(to.error());
    if (*to < *from) {
      return Result<Period>::failure(
          fmt::format(fmt::runtime(_("period '{}' ends before it starts")), text));
    }
    return Period{*from, *to};
  }
  if (text.size() < 4) return fail();
  int y = digits(text, 0, 4);
  if (y < 1900 || y > 2199) return fail();
  auto year_month = [&](int first, int last) {
    Month a{y, first}, b{y, last};
    return Result<Period>(Period{a.first_day(), b.last_day()});
  };
  if (text.size() == 4) return year_month(1, 12);
  if (text[4] != '-') return fail();
  std::string_view rest = text.substr(5);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q') && rest[1] >= '1' && rest[1] <= '4') {
    int q = rest[1] - '0';
    return year_month(3 * q - 2, 3 * q);
  }
  if (rest.size() == 2 && (rest[0] == 'H' || rest[0] == 'h') &&
      (rest[1] == '1' || rest[1] == '2')) {
    return rest[1] == '1' ? year_month(1, 6) : year_month(7, 12);
  }
  if (rest.size() == 2) {
    int m = digits(rest, 0, 2);
    if (m >= 1 && m <= 12) return year_month(m, m);
  }
  return fail();
}

}  // namespace grantkit::core
