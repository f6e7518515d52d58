#pragma once
// Time reports (tidrapporter): hours per person, month and activity, as read from the sources.
#include <cstdint>
#include <optional>
#include <string>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/shared_text.hpp>

namespace grantkit::model {

// One time-report row (FORMATS.md "Time reports"): `person` is a staff id (role pseudonym),
// `activity` an activity id, `seconds` the hours reported as whole seconds (never negative;
// core/hours.hpp). A row gives a `month` or a `date`; with a date, `month` is the date's month. One
// compact record per row: the ids and the file name are core::SharedText, held once by the loader
// for all the rows that repeat them (a time report of 10 M rows names a few persons, activities and
// files), and read as text wherever text is wanted.
struct TimeEntry {
  core::SharedText person;
  core::SharedText activity;
  core::Month month;
  std::optional<core::Date> date;
  std::int64_t seconds = 0;
  core::SharedPlace place;           // the row (a CSV row: its person field)
  core::SharedPlace activity_place;  // its activity; empty when not known

  // The days the row speaks for: its date, or its whole month.
  core::Period span() const {
    if (date) return {*date, *date};
    return {month.first_day(), month.last_day()};
  }
};

}  // namespace grantkit::model
