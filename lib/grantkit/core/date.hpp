#pragma once
// Strict ISO dates and closed periods on Boost.Date_Time.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <grantkit/core/result.hpp>

namespace grantkit::core {

using Date = boost::gregorian::date;

// Parses exactly `YYYY-MM-DD` (ten characters, a real calendar date, years 1900–2199). Boost's own
// from_string also takes `2024/1/5` and `2024-Jan-05`; this one does not.
Result<Date> parse_iso_date(std::string_view text);
// Parses exactly `YYYYMMDD` (SIE dates and some CSV exports), same range and strictness.
Result<Date> parse_compact_date(std::string_view text);
// `2022-03-01`.
std::string format_iso(Date d);  // "not-a-date" for a date that was never set (never throws)

// A month of a year, e.g. 2022-03.
struct Month {
  int year = 0;
  int month = 0;  // 1..12
  auto operator<=>(const Month&) const = default;
  Date first_day() const;
  Date last_day() const;
  Month next() const;
  std::string iso() const;  // `2022-03`
  static Month of(Date d);
};

// A closed period: both `from` and `to` count. Boost's date_period excludes its end; the one
// conversion is `to_boost()`.
struct Period {
  Date from;
  Date to;
  bool operator==(const Period&) const = default;
  bool contains(Date d) const { return from <= d && d <= to; }
  bool contains(const Period& p) const { return from <= p.from && p.to <= to; }
  bool overlaps(const Period& p) const { return from <= p.to && p.from <= to; }
  // Number of days, both ends included (a one-day period has 1). Requires from <= to.
  std::int64_t days() const { return (to - from).days() + 1; }
  boost::gregorian::date_period to_boost() const { return {from, to + boost::gregorian::days(1)}; }
  std::string iso() const;  // `2021-06-01..2023-03-31`
};

// The intersection of two periods, or nothing when they do not overlap.
std::optional<Period> intersect(const Period& a, const Period& b);
// Every month touching the period, in order.
std::vector<Month> months_of(const Period& p);
// Calendar quarters (Q1 = Jan–Mar) touching the period, as their full periods.
std::vector<Period> quarters_of(const Period& p);

// Parses a period expression (CLI.md `--period`): `2022-03`, `2022-Q1`, `2022-H1`, `2022`,
// `2022-01-01..2022-06-30`. Errors name what was expected.
Result<Period> parse_period_expression(std::string_view text);

}  // namespace grantkit::core
