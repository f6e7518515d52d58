// UTF-8 that every output can carry, and characters named whole in messages (core/utf8.hpp).
#include <doctest/doctest.h>

#include <grantkit/core/date.hpp>
#include <grantkit/core/hours.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>
#include <grantkit/core/utf8.hpp>

using namespace grantkit;

TEST_CASE("core::utf8_or_escaped: valid text unchanged, every other byte as \\xNN") {
  CHECK(core::utf8_or_escaped("Malmö €") == "Malmö €");
  CHECK(core::utf8_or_escaped("proj-\xE9") == "proj-\\xE9");
  CHECK(core::utf8_or_escaped("12\xE2\x82") == "12\\xE2\\x82");                // a cut '€'
  CHECK(core::utf8_or_escaped("\xC0\xAF") == "\\xC0\\xAF");                    // overlong '/'
  CHECK(core::utf8_or_escaped("\xED\xA0\x80") == "\\xED\\xA0\\x80");           // a surrogate
  CHECK(core::utf8_or_escaped("\xF4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");  // above U+10FFFF
  CHECK(core::is_valid_utf8("\xF0\x9F\x98\x80"));
  CHECK_FALSE(core::is_valid_utf8("\xFF"));
  CHECK(core::is_valid_utf8(core::utf8_or_escaped("a\x80\x81z")));
}

TEST_CASE("core::describe_character names whole characters, never a lone byte") {
  CHECK(core::describe_character("12€", 2) == "'€' (U+20AC)");
  CHECK(core::describe_character("x", 0) == "'x'");
  CHECK(core::describe_character("\x1b", 0) == "U+001B (a control character)");
  CHECK(core::describe_character("\xE2\x80\xAE", 0) ==
        "U+202E (an invisible or control character)");
  CHECK(core::describe_character("\xE9", 0) == "the byte \\xE9 (not UTF-8)");
}

TEST_CASE("messages of the amount, percent and hours readers quote the whole character") {
  auto amount = core::parse_money("12€");
  REQUIRE_FALSE(amount.ok());
  CHECK(amount.error().find("'€' (U+20AC)") != std::string::npos);
  CHECK(core::is_valid_utf8(amount.error()));
  auto half = core::parse_money("5½");
  REQUIRE_FALSE(half.ok());
  CHECK(half.error().find("'½' (U+00BD)") != std::string::npos);
  auto minus = core::parse_percent(
      "\xE2\x88\x92"
      "5%");
  REQUIRE_FALSE(minus.ok());
  CHECK(minus.error().find("'−' (U+2212)") != std::string::npos);
  CHECK(core::is_valid_utf8(minus.error()));
  auto hours = core::parse_hours_seconds("1,5\xC2\xBD");
  REQUIRE_FALSE(hours.ok());
  CHECK(hours.error().find("'½' (U+00BD)") != std::string::npos);
}

TEST_CASE("a date of the right shape names its real fault") {
  auto late = core::parse_iso_date("2200-01-01");
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().find("outside 1900–2199") != std::string::npos);
  auto compact = core::parse_compact_date("22000101");
  REQUIRE_FALSE(compact.ok());
  CHECK(compact.error().find("outside 1900–2199") != std::string::npos);
}
