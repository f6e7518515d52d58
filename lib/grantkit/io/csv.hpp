#pragma once
// RFC 4180 CSV records from UTF-8 text, and the encodings Swedish exports come in.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <grantkit/core/result.hpp>

namespace grantkit::io {

// Converts a file's bytes to UTF-8. `encoding`: utf-8 (a BOM is dropped; invalid UTF-8 is an error
// naming the byte offset), windows-1252 / cp1252, cp437 / pc8, utf-16le (iconv). A UTF-16 BOM is
// honoured whatever the source says.
core::Result<std::string> to_utf8(std::string_view bytes, std::string_view encoding);

// The delimiter most frequent outside quotes in the first line: ',', ';' or tab (',' on a tie).
char detect_delimiter(std::string_view text);

// One record: its fields and the 1-based line on which it starts.
struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;
};

// Reads records one at a time from UTF-8 text: quoted fields with "" escapes and embedded line
// breaks, LF, CRLF or CR line ends, blank lines skipped. An unterminated quote is an error.
class CsvReader {
 public:
  CsvReader(std::string_view text, char delimiter) : text_(text), delim_(delimiter) {}
  // False at the end of input or on error (see error()).
  bool next(CsvRecord& record);
  // Set after next() returned false on malformed input: the message and its line.
  const std::string& error() const { return error_; }
  int error_line() const { return error_line_; }

 private:
  std::string_view text_;
  char delim_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::string error_;
  int error_line_ = 0;
};

}  // namespace grantkit::io
