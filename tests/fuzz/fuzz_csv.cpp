// Fuzz target: the CSV reader over every encoding and delimiter.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <grantkit/io/csv.hpp>
#include <grantkit/io/text_stream.hpp>

namespace {
// The records a reader gives, with their lines, and its error.
std::vector<std::string> all_records(grantkit::io::CsvReader& reader) {
  std::vector<std::string> out;
  grantkit::io::CsvRecord rec;
  while (reader.next(rec)) {
    out.push_back(std::to_string(rec.line));
    for (auto f : rec.fields) out.emplace_back(f);
    out.emplace_back("\x1E");
  }
  out.push_back(reader.error() + ":" + std::to_string(reader.error_line()) + ":" +
                std::to_string(reader.error_column()));
  return out;
}
}  // namespace

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
    if (!reader.error().empty() && (reader.error_line() < last_line || reader.error_column() < 1))
      __builtin_trap();
    // Read from a file in blocks of 3 bytes, the UTF-8 text gives the very same records.
    if (std::string_view(encoding) == "utf-8" && !utf16) {
      int fd = memfd_create("fuzz-csv", 0);
      if (fd < 0) continue;
      if (::write(fd, text->data(), text->size()) == static_cast<ssize_t>(text->size())) {
        CsvReader whole(*text, delim);
        TextStream stream("/proc/self/fd/" + std::to_string(fd), "utf-8", 3);
        CsvReader streamed(stream, delim);
        if (all_records(whole) != all_records(streamed)) __builtin_trap();
      }
      ::close(fd);
    }
  }
  return 0;
}
