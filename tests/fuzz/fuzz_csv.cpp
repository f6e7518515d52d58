// Fuzz target: the CSV reader over every encoding and delimiter.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <grantkit/io/csv.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace grantkit::io;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bool utf16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  for (const char* encoding : {"utf-8", "windows-1252", "cp437"}) {
    TextPosition at;
    auto text = to_utf8(bytes, encoding, &at);
    if (!text) {
      // An encoding error names its place (UTF-16 lines are not bytes: no place there).
      if (!utf16 && (at.line < 1 || at.column < 1)) __builtin_trap();
      continue;
    }
    char delim = detect_delimiter(*text);
    CsvReader reader(*text, delim);
    CsvRecord rec;
    int last_line = 0;
    while (reader.next(rec)) {
      if (rec.line < last_line) __builtin_trap();  // lines only move forward
      last_line = rec.line;
    }
    // An unterminated quote names the line and field where it opened, not past the last record.
    if (!reader.error().empty() &&
        (reader.error_line() < last_line || reader.error_column() < 1)) __builtin_trap();
  }
  return 0;
}
