// The Swedish working calendar and full time (DOMAIN.md "Full time and the working calendar").
// Every expected figure below was worked out by hand from a calendar, not printed by the code.
#include <doctest/doctest.h>

#include <grantkit/core/calendar.hpp>

using grantkit::core::CalendarOptions;
using grantkit::core::Date;
using grantkit::core::FullTimeBasis;
using grantkit::core::FullTimeRule;
using grantkit::core::Period;

namespace {

Date day(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}
Period period(Date from, Date to) {
  return Period{from, to};
}

const CalendarOptions eves_on{false};

FullTimeRule annual_rule(CalendarOptions options = {}) {
  FullTimeRule rule;
  rule.basis = FullTimeBasis::annual_hours;
  rule.calendar = options;
  return rule;
}
FullTimeRule calendar_rule(CalendarOptions options = {}) {
  FullTimeRule rule;
  rule.basis = FullTimeBasis::calendar;
  rule.calendar = options;
  return rule;
}

}  // namespace

TEST_CASE("core::easter_sunday") {
  CHECK(grantkit::core::easter_sunday(2021) == day(2021, 4, 4));
  CHECK(grantkit::core::easter_sunday(2022) == day(2022, 4, 17));
  CHECK(grantkit::core::easter_sunday(2023) == day(2023, 4, 9));
  CHECK(grantkit::core::easter_sunday(2024) == day(2024, 3, 31));
  CHECK(grantkit::core::easter_sunday(2025) == day(2025, 4, 20));
  CHECK(grantkit::core::easter_sunday(2019) == day(2019, 4, 21));
  CHECK(grantkit::core::easter_sunday(2038) == day(2038, 4, 25));  // latest possible date
  CHECK(grantkit::core::easter_sunday(2000) == day(2000, 4, 23));
  CHECK(grantkit::core::easter_sunday(2008) == day(2008, 3, 23));
  CHECK(grantkit::core::easter_sunday(2011) == day(2011, 4, 24));
}

TEST_CASE("core::is_holiday") {
  using grantkit::core::is_holiday;

  SUBCASE("fixed dates") {
    CHECK(is_holiday(day(2022, 1, 1)));    // nyårsdagen (a Saturday)
    CHECK(is_holiday(day(2022, 1, 6)));    // trettondedag jul
    CHECK(is_holiday(day(2022, 5, 1)));    // första maj (a Sunday)
    CHECK(is_holiday(day(2022, 6, 6)));    // nationaldagen (a Monday)
    CHECK(is_holiday(day(2022, 12, 25)));  // juldagen
    CHECK(is_holiday(day(2022, 12, 26)));  // annandag jul
  }

  SUBCASE("Easter-relative, 2022 (påskdagen 17 April)") {
    CHECK(is_holiday(day(2022, 4, 15)));        // långfredagen
    CHECK_FALSE(is_holiday(day(2022, 4, 16)));  // påskafton is not a holiday
    CHECK(is_holiday(day(2022, 4, 17)));        // påskdagen
    CHECK(is_holiday(day(2022, 4, 18)));        // annandag påsk
    CHECK(is_holiday(day(2022, 5, 26)));        // Kristi himmelsfärdsdag, 17 Apr + 39, a Thursday
    CHECK(is_holiday(day(2022, 6, 5)));         // pingstdagen, 17 Apr + 49, a Sunday
    CHECK_FALSE(is_holiday(day(2021, 5, 24)));  // annandag pingst is no longer a holiday
    CHECK(is_holiday(day(2021, 5, 13)));        // Kristi himmelsfärdsdag 2021 (4 Apr + 39)
    CHECK(is_holiday(day(2021, 5, 23)));        // pingstdagen 2021 (4 Apr + 49)
    // Near the ends of the Easter window: påskdagen 2008 was 23 March, 2038 is 25 April.
    CHECK(is_holiday(day(2008, 3, 21)));  // långfredagen 2008
    CHECK(is_holiday(day(2038, 6, 3)));   // Kristi himmelsfärdsdag 2038 (25 Apr + 39)
    CHECK(is_holiday(day(2038, 6, 13)));  // pingstdagen 2038 (25 Apr + 49)
  }

  SUBCASE("midsommardagen and alla helgons dag fall on their Saturdays") {
    CHECK(is_holiday(day(2021, 6, 26)));   // midsommardagen 2021
    CHECK(is_holiday(day(2022, 6, 25)));   // midsommardagen 2022
    CHECK(is_holiday(day(2021, 11, 6)));   // alla helgons dag 2021
    CHECK(is_holiday(day(2022, 11, 5)));   // alla helgons dag 2022
    CHECK(is_holiday(day(2020, 6, 20)));   // first possible day: 20 June 2020 was a Saturday
    CHECK(is_holiday(day(2020, 10, 31)));  // first possible day: 31 October 2020 was a Saturday
    CHECK_FALSE(is_holiday(day(2021, 6, 19)));   // a Saturday, but before 20 June
    CHECK_FALSE(is_holiday(day(2022, 6, 18)));   // an ordinary Saturday
    CHECK_FALSE(is_holiday(day(2022, 11, 4)));   // the Friday before alla helgons dag
    CHECK_FALSE(is_holiday(day(2022, 10, 29)));  // a Saturday, but before 31 October
  }

  SUBCASE("eves depend on eves_off") {
    CHECK(is_holiday(day(2021, 6, 25)));   // midsommarafton 2021 (a Friday)
    CHECK(is_holiday(day(2022, 6, 24)));   // midsommarafton 2022
    CHECK(is_holiday(day(2020, 6, 19)));   // midsommarafton 2020, first possible day
    CHECK(is_holiday(day(2021, 12, 24)));  // julafton
    CHECK(is_holiday(day(2021, 12, 31)));  // nyårsafton
    CHECK_FALSE(is_holiday(day(2021, 6, 25), eves_on));
    CHECK_FALSE(is_holiday(day(2021, 12, 24), eves_on));
    CHECK_FALSE(is_holiday(day(2021, 12, 31), eves_on));
    CHECK_FALSE(is_holiday(day(2022, 6, 17)));  // an ordinary Friday in June
  }

  SUBCASE("weekends are not holidays by themselves") {
    CHECK_FALSE(is_holiday(day(2022, 3, 5)));  // a Saturday
    CHECK_FALSE(is_holiday(day(2022, 3, 6)));  // a Sunday
  }
}

TEST_CASE("core::is_working_day") {
  using grantkit::core::is_working_day;
  CHECK(is_working_day(day(2022, 6, 7)));         // an ordinary Tuesday
  CHECK_FALSE(is_working_day(day(2022, 6, 6)));   // nationaldagen, a Monday
  CHECK_FALSE(is_working_day(day(2022, 3, 5)));   // Saturday
  CHECK_FALSE(is_working_day(day(2022, 3, 6)));   // Sunday
  CHECK_FALSE(is_working_day(day(2022, 6, 24)));  // midsommarafton, eves off
  CHECK(is_working_day(day(2022, 6, 24), eves_on));
}

TEST_CASE("core::working_days") {
  using grantkit::core::working_days;

  SUBCASE("DOMAIN.md check figures") {
    Period p = period(day(2021, 6, 1), day(2022, 11, 30));
    CHECK(working_days(p) == 383);
    // Eves on adds midsommarafton 2021, julafton 2021, nyårsafton 2021, midsommarafton 2022 (all
    // Fridays; julafton 2022 is outside the period).
    CHECK(working_days(p, eves_on) == 387);
    // June 2021: 22 weekdays − midsommarafton (Fri 25); nationaldagen is a Sunday.
    CHECK(working_days(period(day(2021, 6, 1), day(2021, 6, 30))) == 21);
    // April 2022: 21 weekdays − långfredagen (15) − annandag påsk (18).
    CHECK(working_days(period(day(2022, 4, 1), day(2022, 4, 30))) == 19);
    // June 2022: 22 weekdays − nationaldagen (Mon 6) − midsommarafton (Fri 24).
    CHECK(working_days(period(day(2022, 6, 1), day(2022, 6, 30))) == 20);
  }

  SUBCASE("month by month, 2021-06..2022-11 (sums to 383)") {
    // 2021: Jul 22, Aug 22, Sep 22, Oct 21, Nov 22 (alla helgons dag on a Saturday),
    // Dec 23 weekdays − julafton − nyårsafton = 21.
    CHECK(working_days(period(day(2021, 7, 1), day(2021, 7, 31))) == 22);
    CHECK(working_days(period(day(2021, 11, 1), day(2021, 11, 30))) == 22);
    CHECK(working_days(period(day(2021, 12, 1), day(2021, 12, 31))) == 21);
    CHECK(working_days(period(day(2021, 12, 1), day(2021, 12, 31)), eves_on) == 23);
    // 2022: Jan 21 weekdays − trettondedag jul = 20; May 22 weekdays − Kristi himmelsfärdsdag = 21.
    CHECK(working_days(period(day(2022, 1, 1), day(2022, 1, 31))) == 20);
    CHECK(working_days(period(day(2022, 5, 1), day(2022, 5, 31))) == 21);
  }

  SUBCASE("a holiday on a weekend is not counted twice") {
    // Mon 2021-05-31..Sun 2021-06-06: five weekdays; nationaldagen is the Sunday.
    CHECK(working_days(period(day(2021, 5, 31), day(2021, 6, 6))) == 5);
    // Sat 2021-06-05..Sun 2021-06-06: nothing.
    CHECK(working_days(period(day(2021, 6, 5), day(2021, 6, 6))) == 0);
    // Mon 2021-12-20..Sun 2021-12-26: julafton is the Friday, juldagen and annandag jul the
    // weekend: 4 with eves off, 5 with eves on.
    CHECK(working_days(period(day(2021, 12, 20), day(2021, 12, 26))) == 4);
    CHECK(working_days(period(day(2021, 12, 20), day(2021, 12, 26)), eves_on) == 5);
  }

  SUBCASE("one-day periods") {
    CHECK(working_days(period(day(2022, 6, 7), day(2022, 6, 7))) == 1);  // Tuesday
    CHECK(working_days(period(day(2022, 6, 6), day(2022, 6, 6))) == 0);  // nationaldagen
    CHECK(working_days(period(day(2022, 6, 4), day(2022, 6, 4))) == 0);  // Saturday
  }
}

TEST_CASE("core::full_time_minutes") {
  using grantkit::core::full_time_minutes;
  Period check = period(day(2021, 6, 1), day(2022, 11, 30));

  SUBCASE("DOMAIN.md check figures") {
    CHECK(full_time_minutes(check, calendar_rule()) == 183840);  // 383 × 480 = 3 064 h
    CHECK(full_time_minutes(check, annual_rule()) == 154800);    // 18 months × 8 600 = 2 580 h
    // Eves on: calendar 387 × 480; the annual basis has only whole months, so it is unchanged.
    CHECK(full_time_minutes(check, calendar_rule(eves_on)) == 185760);
    CHECK(full_time_minutes(check, annual_rule(eves_on)) == 154800);
  }

  SUBCASE("annual basis, whole and partial months") {
    CHECK(full_time_minutes(period(day(2022, 4, 1), day(2022, 4, 30)), annual_rule()) == 8600);
    // 2021-06-15..30: weekdays 15–18 (4), 21–25 (5), 28–30 (3) = 12, minus midsommarafton (25) = 11
    // of June's 21: 8 600 × 11 / 21 = 94 600 / 21 = 4 504.76… → 4 504.
    Period late_june = period(day(2021, 6, 15), day(2021, 6, 30));
    CHECK(full_time_minutes(late_june, annual_rule()) == 4504);
    // Eves on: 12 of 22: 103 200 / 22 = 4 690.9… → 4 690.
    CHECK(full_time_minutes(late_june, annual_rule(eves_on)) == 4690);
    // Partial June plus the whole of July: 4 504 + 8 600.
    CHECK(full_time_minutes(period(day(2021, 6, 15), day(2021, 7, 31)), annual_rule()) == 13104);
    // Each month is rounded down on its own: 2021-06-30..2021-07-01 is 1/21 of June (409.52… →
    // 409) plus 1/22 of July (390.90… → 390) = 799, not floor(800.43) = 800.
    CHECK(full_time_minutes(period(day(2021, 6, 30), day(2021, 7, 1)), annual_rule()) == 799);
  }

  SUBCASE("one-day periods") {
    Period tuesday = period(day(2022, 6, 7), day(2022, 6, 7));
    CHECK(full_time_minutes(tuesday, calendar_rule()) == 480);
    CHECK(full_time_minutes(tuesday, annual_rule()) == 430);  // 8 600 / 20 working days of June
    Period nationaldagen = period(day(2022, 6, 6), day(2022, 6, 6));
    CHECK(full_time_minutes(nationaldagen, calendar_rule()) == 0);
    CHECK(full_time_minutes(nationaldagen, annual_rule()) == 0);
  }

  SUBCASE("calendar basis inside one month") {
    // 2022-04-11..22: ten weekdays minus långfredagen (15) and annandag påsk (18) = 8.
    Period easter_weeks = period(day(2022, 4, 11), day(2022, 4, 22));
    CHECK(full_time_minutes(easter_weeks, calendar_rule()) == 3840);  // 8 × 480
    FullTimeRule short_days = calendar_rule();
    short_days.minutes_per_day = 450;                            // 7.5 h
    CHECK(full_time_minutes(easter_weeks, short_days) == 3600);  // 8 × 450
  }

  SUBCASE("other annual hours") {
    FullTimeRule rule = annual_rule();
    rule.annual_minutes = 1700 * 60;  // 8 500 a month
    CHECK(full_time_minutes(period(day(2022, 1, 1), day(2022, 12, 31)), rule) == 102000);
  }
}
