#include <doctest/doctest.h>

#include <stdexcept>

#include <grantkit/core/money.hpp>

using grantkit::core::Money;
using grantkit::core::MoneyStyle;
using grantkit::core::parse_money;
using grantkit::core::Percent;

namespace {
std::int64_t ore(std::string_view text, MoneyStyle style = {}) {
  auto r = parse_money(text, style);
  REQUIRE_MESSAGE(r.ok(), r.error());
  return r->ore();
}
bool refused(std::string_view text, MoneyStyle style = {}) {
  return !parse_money(text, style).ok();
}
}  // namespace

TEST_CASE("core::parse_money accepts the forms of DOMAIN.md") {
  CHECK(ore("2945000") == 294500000);
  CHECK(ore("2945000.50") == 294500050);
  CHECK(ore("2 945 000") == 294500000);
  CHECK(ore("2 945 000,50 kr") == 294500050);
  CHECK(ore("-1 234,5") == -123450);
  CHECK(ore("0") == 0);
  CHECK(ore("0.05") == 5);
  CHECK(ore("12,3") == 1230);
  CHECK(ore("2\xC2\xA0"
            "945\xC2\xA0"
            "000") == 294500000);  // no-break spaces
  CHECK(ore("1 234,50", {',', 0}) == 123450);
  CHECK(ore("1.234,50", {',', '.'}) == 123450);
  CHECK(ore("1,234.50", {'.', ','}) == 123450);
  CHECK(ore("-0.00") == 0);
  CHECK(ore("+15") == 1500);
}

TEST_CASE("core::parse_money refuses ambiguous or malformed text") {
  CHECK(refused("1.234,5"));            // two kinds of mark in an automatic source
  CHECK(refused("1.234,5", {'.', 0}));  // a dot-decimal source
  CHECK(refused("010"));
  CHECK(refused("12,3,4"));
  CHECK(refused("1,234"));  // automatic: comma decimal with three decimals
  CHECK(refused("1e3"));
  CHECK(refused("1_000"));
  CHECK(refused("0x1A"));
  CHECK(refused(""));
  CHECK(refused("kr"));
  CHECK(refused("12 34"));
  CHECK(refused("1234 567"));
  CHECK(refused("1."));
  CHECK(refused("abc"));
  CHECK(refused("1.001", {'.', 0}));
}

TEST_CASE("core::parse_money reads the plain form of ledger rows by the same rules as the rest") {
  // The forms nearly every row has (read in one pass) and their near neighbours (read in full).
  CHECK(ore("2670.49") == 267049);
  CHECK(ore("-1425.3") == -142530);
  CHECK(ore("7,05") == 705);
  CHECK(ore("0") == 0);
  CHECK(ore("-0") == 0);
  CHECK(ore("0.5") == 50);
  CHECK(ore("999999999999999.99") == 99999999999999999);    // 15 digits of kronor
  CHECK(ore("9999999999999999.99") == 999999999999999999);  // 16: the full reading
  CHECK(refused("05.00"));                                  // a leading zero
  CHECK(refused("-"));
  CHECK(refused("12."));
  CHECK(refused("12.345"));  // three decimals
  CHECK(refused("12.3x"));
  CHECK(refused("12,50", {'.', 0}));  // not the source's decimal mark
  CHECK(refused("1.234", {',', '.'}) == false);
  CHECK(ore("1.234", {',', '.'}) ==
        123400);  // the source's thousands separator, not a decimal mark
  CHECK(ore("1,25", {',', 0}) == 125);
  CHECK(ore(" 12.50") == 1250);
}

TEST_CASE("core::parse_ledger_amount refuses a row above 100 000 000 000 kr") {
  using grantkit::core::parse_ledger_amount;
  CHECK(parse_ledger_amount("100000000000")->ore() == 10'000'000'000'000);
  CHECK(parse_ledger_amount("-100000000000.00")->ore() == -10'000'000'000'000);
  CHECK_FALSE(parse_ledger_amount("100000000000.01").ok());
  CHECK_FALSE(parse_ledger_amount("-92233720368547758.07").ok());
  CHECK(parse_ledger_amount("92233720368547758.07").error().find("larger than a ledger row") !=
        std::string::npos);
  CHECK_FALSE(parse_ledger_amount("12,50", {'.', 0}).ok());  // parse_money's own faults stay
}

TEST_CASE("core::parse_money refuses overflow instead of wrapping") {
  CHECK(ore("92233720368547758.07") == INT64_MAX);
  CHECK(refused("92233720368547758.08"));
  CHECK(refused("99999999999999999999"));
  CHECK_THROWS_AS(Money::from_ore(INT64_MAX) + Money::from_ore(1), std::overflow_error);
  CHECK_THROWS_AS(Money::from_kronor(INT64_MAX / 10), std::overflow_error);
}

TEST_CASE("core::format_money_plain") {
  CHECK(format_money_plain(Money::from_ore(294500000)) == "2945000");
  CHECK(format_money_plain(Money::from_ore(294500050)) == "2945000.50");
  CHECK(format_money_plain(Money::from_ore(-5)) == "-0.05");
  CHECK(format_money_plain(Money::from_ore(INT64_MIN)) == "-92233720368547758.08");
}

TEST_CASE("core::format_money_human") {
  CHECK(format_money_human(Money::from_ore(294500000), false) == "2 945 000");
  CHECK(format_money_human(Money::from_ore(294500050), true) == "2 945 000,50");
  CHECK(format_money_human(Money::from_ore(-123450), false) == "-1 235");
  CHECK(format_money_human(Money::from_ore(99), false) == "1");
  CHECK(format_money_human(Money::from_ore(12345678), true, ",", '.') == "123,456.78");
  CHECK(format_money_fixed(Money::from_ore(-123450), ',') == "-1234,50");
}

TEST_CASE("core::apply_percent_floor rounds down on the aggregate") {
  auto p = *grantkit::core::parse_percent("45.24%");
  CHECK(apply_percent_floor(Money::from_kronor(100000), p) == Money::from_kronor(45240));
  auto fifteen = *grantkit::core::parse_percent("15%");
  CHECK(apply_percent_floor(Money::from_ore(14524000), fifteen) == Money::from_ore(2178600));
  // 0.01 kr × 45.24 % = 0.4524 öre → 0 öre (down)
  CHECK(apply_percent_floor(Money::from_ore(1), p).ore() == 0);
  CHECK(apply_percent_floor(Money::from_ore(-1), p).ore() == -1);
  CHECK(prorate_floor(Money::from_kronor(210000), 1, 3).ore() == 7000000);
  CHECK(prorate_floor(Money::from_ore(100), 1, 3).ore() == 33);
  CHECK(ratio_percent(Money::from_kronor(5), Money::from_kronor(8)) ==
        Percent::from_millionths(625000));
}

TEST_CASE("core::distribute adds up exactly") {
  using grantkit::core::distribute;
  auto parts = distribute(Money::from_ore(100),
                          {Money::from_ore(1), Money::from_ore(1), Money::from_ore(1)});
  CHECK(parts == std::vector<Money>{Money::from_ore(34), Money::from_ore(33), Money::from_ore(33)});
  // 21 786,00 kr over bases 100 000 and 45 240: 15 000,00 and 6 786,00.
  parts = distribute(Money::from_kronor(21786),
                     {Money::from_kronor(100000), Money::from_kronor(45240)});
  CHECK(parts[0] == Money::from_kronor(15000));
  CHECK(parts[1] == Money::from_kronor(6786));
  parts = distribute(Money::from_ore(10),
                     {Money::from_ore(3), Money::from_ore(-1), Money::from_ore(2)});
  CHECK(parts[0].ore() + parts[1].ore() + parts[2].ore() == 10);
  CHECK(distribute(Money::from_ore(7), {Money::from_ore(0)}) ==
        std::vector<Money>{Money::from_ore(7)});
  CHECK(distribute(Money::from_ore(7), {}).empty());
}

TEST_CASE("core::parse_money says what to declare when a source's marks do not fit") {
  // A dot-decimal source with `1.234,50`: both marks, no thousands declared — never 1,234 kr.
  auto both = parse_money("1.234,50", {'.', 0});
  REQUIRE_FALSE(both.ok());
  CHECK(both.error().find("both '.' and ','") != std::string::npos);
  CHECK(both.error().find("thousands: \".\"") != std::string::npos);  // decimal ',', thousands '.'
  // Three decimals in a source: maybe a thousands mark the source does not declare.
  auto three = parse_money("1.234", {'.', 0});
  REQUIRE_FALSE(three.ok());
  CHECK(three.error().find("decimal: \",\", thousands: \".\"") != std::string::npos);
  auto comma = parse_money("1,234", {',', 0});
  REQUIRE_FALSE(comma.ok());
  CHECK(comma.error().find("decimal: \".\", thousands: \",\"") != std::string::npos);
  // Declared, the same texts read exactly.
  CHECK(ore("1.234,50", {',', '.'}) == 123450);
  CHECK(ore("1,234.50", {'.', ','}) == 123450);
  // YAML amounts (no source): the plain message.
  CHECK(parse_money("1.234").error().find("thousands") == std::string::npos);
}
