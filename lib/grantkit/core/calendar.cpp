#include <grantkit/core/calendar.hpp>

#include <optional>

namespace grantkit::core {
namespace gd = boost::gregorian;

namespace {

Date make_date(int year, int month, int day) {
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

bool is_weekday(Date d, gd::greg_weekday wd) {
  return d.day_of_week() == wd;
}

}  // namespace

Date easter_sunday(int year) {
  // Anonymous Gregorian computus (Meeus/Jones/Butcher).
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return make_date(year, month, day);
}

bool is_holiday(Date d, const CalendarOptions& options) {
  auto ymd = d.year_month_day();
  int year = static_cast<int>(ymd.year);
  int md = static_cast<int>(ymd.month) * 100 + static_cast<int>(ymd.day);  // 6 June → 606
  bool saturday = is_weekday(d, gd::Saturday);
  bool friday = is_weekday(d, gd::Friday);

  switch (md) {
    case 101:   // nyårsdagen
    case 106:   // trettondedag jul
    case 501:   // första maj
    case 606:   // nationaldagen
    case 1225:  // juldagen
    case 1226:  // annandag jul
      return true;
    default:
      break;
  }
  if (saturday && md >= 620 && md <= 626) return true;                      // midsommardagen
  if (saturday && (md == 1031 || (md >= 1101 && md <= 1106))) return true;  // alla helgons dag

  // Easter-relative days (all between 20 March and 13 June).
  if (md >= 320 && md <= 613) {
    auto offset = (d - easter_sunday(year)).days();
    if (offset == -2 ||  // långfredagen
        offset == 0 ||   // påskdagen
        offset == 1 ||   // annandag påsk
        offset == 39 ||  // Kristi himmelsfärdsdag
        offset == 49) {  // pingstdagen
      return true;
    }
  }

  if (options.eves_off) {
    if (friday && md >= 619 && md <= 625) return true;  // midsommarafton
    if (md == 1224 || md == 1231) return true;          // julafton, nyårsafton
  }
  return false;
}

bool is_working_day(Date d, const CalendarOptions& options) {
  return !is_weekday(d, gd::Saturday) && !is_weekday(d, gd::Sunday) && !is_holiday(d, options);
}

std::int64_t working_days(const Period& p, const CalendarOptions& options) {
  std::int64_t n = 0;
  for (Date d = p.from; d <= p.to; d += gd::days(1)) {
    if (is_working_day(d, options)) ++n;
  }
  return n;
}

std::int64_t full_time_minutes(const Period& p, const FullTimeRule& rule) {
  if (rule.basis == FullTimeBasis::calendar) {
    return working_days(p, rule.calendar) * rule.minutes_per_day;
  }
  // annual_hours: month by month, each month's share floored on its own.
  std::int64_t total = 0;
  for (const Month& m : months_of(p)) {
    Period whole{m.first_day(), m.last_day()};
    std::optional<Period> part = intersect(p, whole);
    if (!part) continue;
    if (*part == whole) {
      total += rule.annual_minutes / 12;
      continue;
    }
    std::int64_t month_days = working_days(whole, rule.calendar);
    if (month_days == 0) continue;  // cannot happen in Sweden; no division by zero
    total += rule.annual_minutes * working_days(*part, rule.calendar) / (12 * month_days);
  }
  return total;
}

}  // namespace grantkit::core
