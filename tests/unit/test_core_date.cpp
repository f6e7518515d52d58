#include <doctest/doctest.h>

#include <grantkit/core/date.hpp>

using namespace grantkit::core;

namespace {
Date d(std::string_view s) {
  return *parse_iso_date(s);
}
}  // namespace

TEST_CASE("core::parse_iso_date is strict") {
  CHECK(parse_iso_date("2021-06-01").ok());
  CHECK(format_iso(d("2024-02-29")) == "2024-02-29");
  CHECK_FALSE(parse_iso_date("2021-02-30").ok());
  CHECK_FALSE(parse_iso_date("2023-02-29").ok());
  CHECK_FALSE(parse_iso_date("2024/1/5").ok());
  CHECK_FALSE(parse_iso_date("2024-Jan-05").ok());
  CHECK_FALSE(parse_iso_date("2024-1-5").ok());
  CHECK_FALSE(parse_iso_date("20240105").ok());
  CHECK_FALSE(parse_iso_date("2024-13-01").ok());
  CHECK_FALSE(parse_iso_date("2024-00-10").ok());
  CHECK_FALSE(parse_iso_date(" 2024-01-05").ok());
  CHECK_FALSE(parse_iso_date("1800-01-01").ok());
  CHECK(parse_iso_date("2021-02-30").error().find("28 days") != std::string::npos);
}

TEST_CASE("core::parse_compact_date") {
  CHECK(*parse_compact_date("20220315") == d("2022-03-15"));
  CHECK_FALSE(parse_compact_date("2022031").ok());
  CHECK_FALSE(parse_compact_date("20220230").ok());
}

TEST_CASE("core::Period is closed") {
  Period p{d("2021-06-01"), d("2023-03-31")};
  CHECK(p.contains(d("2021-06-01")));
  CHECK(p.contains(d("2023-03-31")));
  CHECK_FALSE(p.contains(d("2021-05-31")));
  CHECK(Period{d("2022-01-01"), d("2022-01-01")}.days() == 1);
  CHECK(Period{d("2021-06-01"), d("2022-11-30")}.days() == 548);
  // Boost's date_period is half-open: the conversion adds one day.
  CHECK(p.to_boost().contains(d("2023-03-31")));
  CHECK_FALSE(intersect(p, Period{d("2020-01-01"), d("2021-05-31")}).has_value());
  CHECK(intersect(p, Period{d("2020-01-01"), d("2021-06-01")})->days() == 1);
}

TEST_CASE("core::months_of and quarters_of") {
  auto months = months_of(Period{d("2021-11-15"), d("2022-02-01")});
  REQUIRE(months.size() == 4);
  CHECK(months.front().iso() == "2021-11");
  CHECK(months.back().iso() == "2022-02");
  CHECK(months[1].last_day() == d("2021-12-31"));
  auto q = quarters_of(Period{d("2021-06-01"), d("2021-12-31")});
  REQUIRE(q.size() == 3);
  CHECK(q[0] == Period{d("2021-04-01"), d("2021-06-30")});
  CHECK(q[2] == Period{d("2021-10-01"), d("2021-12-31")});
}

TEST_CASE("core::parse_period_expression") {
  CHECK(*parse_period_expression("2022-03") == Period{d("2022-03-01"), d("2022-03-31")});
  CHECK(*parse_period_expression("2022-Q1") == Period{d("2022-01-01"), d("2022-03-31")});
  CHECK(*parse_period_expression("2022-H2") == Period{d("2022-07-01"), d("2022-12-31")});
  CHECK(*parse_period_expression("2022") == Period{d("2022-01-01"), d("2022-12-31")});
  CHECK(*parse_period_expression("2022-01-01..2022-06-30") ==
        Period{d("2022-01-01"), d("2022-06-30")});
  CHECK_FALSE(parse_period_expression("2022-13").ok());
  CHECK_FALSE(parse_period_expression("2022-Q5").ok());
  CHECK_FALSE(parse_period_expression("2022-06-30..2022-01-01").ok());
  CHECK_FALSE(parse_period_expression("22").ok());
  CHECK_FALSE(parse_period_expression("2022-02-30..2022-03-01").ok());
}
