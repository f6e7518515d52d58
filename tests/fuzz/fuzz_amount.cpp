// Fuzz target: amount and percentage parsing. Whatever parses must format and parse back to the
// same öre, and never overflow silently.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace grantkit::core;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (MoneyStyle style : {MoneyStyle{}, MoneyStyle{'.', 0}, MoneyStyle{',', 0}, MoneyStyle{',', '.'},
                           MoneyStyle{'.', ','}}) {
    auto m = parse_money(text, style);
    if (!m) continue;
    auto back = parse_money(format_money_plain(*m), MoneyStyle{'.', 0});
    if (!back || *back != *m) std::abort();
    (void)format_money_human(*m, true);
    (void)format_money_fixed(*m, ',');
  }
  if (auto p = parse_percent(text)) {
    auto back = parse_percent(format_percent_plain(*p) + "%");
    if (!back || *back != *p) std::abort();
    (void)apply_percent_floor(Money::from_ore(123456789), *p);
  }
  return 0;
}
