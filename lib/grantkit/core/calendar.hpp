#pragma once
// The Swedish working calendar and full-time hours (DOMAIN.md "Full time and the working
// calendar").
#include <cstdint>

#include <grantkit/core/date.hpp>

namespace grantkit::core {

// Options of the working calendar. eves_off: midsommarafton, julafton and nyårsafton are days off
// (the default in DOMAIN.md).
struct CalendarOptions {
  bool eves_off = true;
};

// Easter Sunday (påskdagen) of a Gregorian year (anonymous Gregorian computus); 1900..2199.
Date easter_sunday(int year);
// True for the Swedish public holidays of DOMAIN.md (nyårsdagen, trettondedag jul, långfredagen,
// påskdagen, annandag påsk, 1 maj, Kristi himmelsfärdsdag, pingstdagen, nationaldagen,
// midsommardagen, alla helgons dag, juldagen, annandag jul) and, with eves_off, midsommarafton,
// julafton and nyårsafton. Weekends are not holidays by this function.
bool is_holiday(Date d, const CalendarOptions& options = {});
// Monday–Friday and not a holiday.
bool is_working_day(Date d, const CalendarOptions& options = {});
// Working days in a closed period (both ends count). 2021-06-01..2022-11-30: 383 (eves off).
std::int64_t working_days(const Period& p, const CalendarOptions& options = {});

// How full time is turned into hours (FORMATS.md full_time.basis; programme rule set default).
enum class FullTimeBasis {
  annual_hours,  // 1 720 h a year = 8 600 minutes a full month; partial months by working days
  calendar,      // working days × hours per day
};

// The full-time rule: basis plus its parameters, all in minutes.
struct FullTimeRule {
  FullTimeBasis basis = FullTimeBasis::annual_hours;
  std::int64_t annual_minutes = 1720 * 60;  // CPR 1303/2013 art. 68a: 1 720 h
  std::int64_t minutes_per_day = 8 * 60;    // calendar basis
  CalendarOptions calendar;
};

// Full-time minutes in a closed period under `rule`. annual_hours: each month touched contributes
// annual_minutes / 12 × (working days of the month inside p) / (working days of the month), rounded
// down to whole minutes per month; calendar: working days × minutes_per_day.
// Check figures: 2021-06-01..2022-11-30 → 154 800 min (2 580 h) annual, 183 840 min (3 064 h)
// calendar.
std::int64_t full_time_minutes(const Period& p, const FullTimeRule& rule);

}  // namespace grantkit::core
