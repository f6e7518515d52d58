// Hours in time reports, read straight into whole minutes (DOMAIN.md "Money and time, exactly").
#include <doctest/doctest.h>

#include <grantkit/core/hours.hpp>

using grantkit::core::parse_hours_minutes;

namespace {

std::int64_t minutes(std::string_view text) {
  auto r = parse_hours_minutes(text);
  REQUIRE_MESSAGE(r.ok(), r.error());
  return *r;
}

bool refused(std::string_view text) {
  return !parse_hours_minutes(text).ok();
}

}  // namespace

TEST_CASE("core::parse_hours_minutes") {
  SUBCASE("whole and decimal hours, either mark") {
    CHECK(minutes("8") == 480);
    CHECK(minutes("0") == 0);
    CHECK(minutes("7.5") == 450);
    CHECK(minutes("7,5") == 450);
    CHECK(minutes("71.75") == 4305);
    CHECK(minutes("0.25") == 15);
    CHECK(minutes("164") == 9840);
    CHECK(minutes(" 7.5 ") == 450);  // surrounding spaces are not part of the number
  }
  SUBCASE("hours:minutes") {
    CHECK(minutes("7:30") == 450);
    CHECK(minutes("0:45") == 45);
    CHECK(minutes("28:45") == 1725);
    CHECK(minutes("08:30") == 510);  // a clock-style zero-padded hour is unambiguous
    CHECK(minutes("143:20") == 8600);
  }
  SUBCASE("two decimals are read to the nearest minute (a hundredth of an hour is 36 s)") {
    CHECK(minutes("7.33") == 440);  // 7 h 19.8 min → 7 h 20 min
    CHECK(minutes("0.01") == 1);    // 0.6 min
    CHECK(minutes("0.99") == 59);   // 59.4 min
    CHECK(minutes("1.1") == 66);
  }
  SUBCASE("more decimals only when they are whole minutes") {
    CHECK(minutes("7.500") == 450);
    CHECK(minutes("0.050") == 3);
    CHECK(refused("0.125"));  // 7.5 minutes
    CHECK(refused("7.333"));
    CHECK(refused("1.0001"));
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
    CHECK(parse_hours_minutes("-1").error().find("negative") != std::string::npos);
    CHECK(parse_hours_minutes("010").error().find("leading zero") != std::string::npos);
    CHECK(parse_hours_minutes("0.125").error().find("whole minutes") != std::string::npos);
  }
}
