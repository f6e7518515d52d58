// Hours in time reports, read straight into whole seconds (core/hours.hpp): two-decimal hours
// and h:mm are exact, nothing finer than a second is accepted.
#include <doctest/doctest.h>

#include <grantkit/core/hours.hpp>

using grantkit::core::parse_hours_seconds;

namespace {

std::int64_t seconds(std::string_view text) {
  auto r = parse_hours_seconds(text);
  REQUIRE_MESSAGE(r.ok(), r.error());
  return *r;
}

bool refused(std::string_view text) {
  return !parse_hours_seconds(text).ok();
}

}  // namespace

TEST_CASE("core::parse_hours_seconds") {
  SUBCASE("whole and decimal hours, either mark") {
    CHECK(seconds("8") == 8 * 3600);
    CHECK(seconds("0") == 0);
    CHECK(seconds("7.5") == 27000);
    CHECK(seconds("7,5") == 27000);
    CHECK(seconds("71.75") == 258300);
    CHECK(seconds("0.25") == 900);
    CHECK(seconds("164") == 164 * 3600);
    CHECK(seconds(" 7.5 ") == 27000);  // surrounding spaces are not part of the number
  }
  SUBCASE("hours:minutes") {
    CHECK(seconds("7:30") == 27000);
    CHECK(seconds("0:45") == 2700);
    CHECK(seconds("28:45") == 103500);
    CHECK(seconds("08:30") == 30600);  // a clock-style zero-padded hour is unambiguous
    CHECK(seconds("143:20") == 516000);
  }
  SUBCASE("two decimals are exact: a hundredth of an hour is 36 s, never rounded to a minute") {
    CHECK(seconds("7.33") == 7 * 3600 + 33 * 36);
    CHECK(seconds("0.01") == 36);
    CHECK(seconds("0.99") == 3564);
    CHECK(seconds("1.1") == 3960);
    std::int64_t sum = 0;
    for (int i = 0; i < 100; ++i) sum += seconds("0,01");
    CHECK(sum == 3600);  // 100 × 0,01 h = 1 h exactly
  }
  SUBCASE("more decimals when they are whole seconds; finer is refused") {
    CHECK(seconds("7.500") == 27000);
    CHECK(seconds("0.050") == 180);
    CHECK(seconds("0.125") == 450);  // 7 min 30 s
    CHECK(seconds("0.0025") == 9);
    CHECK(refused("0.0005"));  // 1.8 s
    CHECK(refused("0.0001"));  // 0.36 s
    CHECK(refused("7.333"));   // 7 h 19 min 58.8 s
  }
  SUBCASE("negatives, leading zeros, garbage") {
    CHECK(refused("-1"));
    CHECK(refused("-0.5"));
    CHECK(
        refused("\xE2\x88\x92"
                "1"));  // U+2212 minus sign
    CHECK(refused("+1"));
    CHECK(refused("010"));
    CHECK(refused("07.5"));
    CHECK(refused("007:30"));
    CHECK(refused(""));
    CHECK(refused("   "));
    CHECK(refused("abc"));
    CHECK(refused("7 h"));
    CHECK(refused("7h"));
    CHECK(refused("1e2"));
    CHECK(refused("7."));
    CHECK(refused(".5"));
    CHECK(refused("7.5.1"));
    CHECK(refused("7,5,1"));
    CHECK(refused("7:5"));
    CHECK(refused("7:60"));
    CHECK(refused("7:30:00"));
    CHECK(refused(":30"));
    CHECK(refused("1 000"));
    CHECK(refused("99999999"));  // more than 1 000 000 hours
  }
  SUBCASE("the message says what is wrong") {
    CHECK(parse_hours_seconds("-1").error().find("negative") != std::string::npos);
    CHECK(parse_hours_seconds("010").error().find("leading zero") != std::string::npos);
    CHECK(parse_hours_seconds("0.0001").error().find("finer than a second") != std::string::npos);
  }
}
