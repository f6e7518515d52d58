#pragma once
// RFC 4180 CSV records from UTF-8 text, and the encodings Swedish exports come in.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <grantkit/core/result.hpp>

namespace grantkit::io {

// Where in a file's bytes something is: 1-based line (LF, CRLF or CR end a line) and column (in
// characters, counting UTF-8 sequences and single bytes of other encodings as one); 0 when unknown.
struct TextPosition {
  int line = 0;
  int column = 0;
};

// Converts a file's bytes to UTF-8. `encoding`: utf-8 (a BOM is dropped; invalid UTF-8 is an error
// naming the byte), windows-1252 / cp1252, cp437 / pc8, utf-16le (iconv). A UTF-16 BOM is honoured
// whatever the source says. On failure `where` (when given) gets the line and column of the first
// byte that cannot be read (left 0 for UTF-16, whose lines are not bytes).
core::Result<std::string> to_utf8(std::string_view bytes, std::string_view encoding,
                                  TextPosition* where = nullptr);

// A CSV cell without surrounding spaces and tabs (cells are compared and parsed trimmed).
std::string trim_cell(std::string_view cell);
// ASCII lower case, for matching header names case-insensitively (Swedish letters pass unchanged).
std::string ascii_lower(std::string_view text);

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
  // Set after next() returned false on malformed input: the message, and the line and field number
  // (1-based) where the unclosed quote opened.
  const std::string& error() const { return error_; }
  int error_line() const { return error_line_; }
  int error_column() const { return error_column_; }

 private:
  std::string_view text_;
  char delim_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::string error_;
  int error_line_ = 0;
  int error_column_ = 0;
};

}  // namespace grantkit::io
