#include <doctest/doctest.h>

#include <grantkit/core/percent.hpp>

using grantkit::core::parse_percent;
using grantkit::core::Percent;

TEST_CASE("core::parse_percent") {
  CHECK(parse_percent("45.24%")->millionths() == 452400);
  CHECK(parse_percent("45,24 %")->millionths() == 452400);
  CHECK(parse_percent("0.4524")->millionths() == 452400);
  CHECK(parse_percent("50 %")->millionths() == 500000);
  CHECK(parse_percent("100%")->millionths() == 1000000);
  CHECK(parse_percent("1")->millionths() == 1000000);
  CHECK(parse_percent("0")->millionths() == 0);
  CHECK(parse_percent("12.3456%")->millionths() == 123456);
  CHECK_FALSE(parse_percent("50").ok());  // ambiguous: 50 % or 5000 %?
  CHECK_FALSE(parse_percent("12.34567%").ok());
  CHECK_FALSE(parse_percent("0.1234567").ok());
  CHECK_FALSE(parse_percent("%").ok());
  CHECK_FALSE(parse_percent("05%").ok());
  CHECK_FALSE(parse_percent("fifty").ok());
  CHECK_FALSE(parse_percent("1e2%").ok());
}

TEST_CASE("core::format_percent_plain") {
  CHECK(format_percent_plain(Percent::from_millionths(625000)) == "62.5");
  CHECK(format_percent_plain(Percent::from_millionths(452400)) == "45.24");
  CHECK(format_percent_plain(Percent::from_points(100)) == "100");
  CHECK(format_percent_plain(Percent::from_millionths(-5000)) == "-0.5");
}

TEST_CASE("core::format_percent_human") {
  CHECK(format_percent_human(Percent::from_millionths(625000)) == "62,5 %");
  CHECK(format_percent_human(Percent::from_millionths(333333)) == "33,3 %");
  CHECK(format_percent_human(Percent::from_points(50), 1, '.') == "50 %");
}
