// Fuzz target: period expressions and strict dates.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <grantkit/core/date.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace grantkit::core;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto p = parse_period_expression(text)) {
    if (p->to < p->from) std::abort();
    (void)months_of(*p);
    (void)quarters_of(*p);
  }
  if (auto d = parse_iso_date(text)) {
    if (format_iso(*d) != text) std::abort();  // strict: only the canonical form parses
  }
  (void)parse_compact_date(text);
  return 0;
}
