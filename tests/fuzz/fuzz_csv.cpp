// Fuzz target: the CSV reader over every encoding and delimiter.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <grantkit/io/csv.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace grantkit::io;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const char* encoding : {"utf-8", "windows-1252", "cp437"}) {
    auto text = to_utf8(bytes, encoding);
    if (!text) continue;
    char delim = detect_delimiter(*text);
    CsvReader reader(*text, delim);
    CsvRecord rec;
    int last_line = 0;
    while (reader.next(rec)) {
      if (rec.line < last_line) __builtin_trap();  // lines only move forward
      last_line = rec.line;
    }
  }
  return 0;
}
