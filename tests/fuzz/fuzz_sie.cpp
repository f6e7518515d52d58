// Fuzz target: the SIE 4 reader on any bytes, collecting and streaming; its invariants.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <grantkit/io/sie.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace grantkit;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  core::Diagnostics diags;
  io::SieFile f = io::read_sie(bytes, "fuzz.se", diags);
  std::size_t rows = 0;
  for (const auto& v : f.collected) {
    rows += v.rows.size();
    for (const auto& r : v.rows) {
      if (!r.date || r.line <= 0) __builtin_trap();  // a row that counts has a date and a place
      f.object_for(r, 6);
    }
  }
  if (rows != f.rows || f.collected.size() != f.vouchers) __builtin_trap();
  core::Diagnostics again;
  std::size_t streamed = 0;
  io::read_sie(bytes, "fuzz.se", again,
               [&](io::SieVoucher&& v, const io::SieFile&) { streamed += v.rows.size(); });
  if (streamed != rows || again.items().size() != diags.items().size()) __builtin_trap();
  return 0;
}
