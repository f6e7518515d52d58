#pragma once
// RFC 4180 CSV records from UTF-8 text, and the encodings Swedish exports come in.
#include <deque>
#include <memory>
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

class TextStream;

// A CSV cell without surrounding spaces and tabs, as a view into `cell`.
inline std::string_view trim_view(std::string_view cell) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  if (cell.empty() || (!blank(cell.front()) && !blank(cell.back()))) return cell;
  std::size_t b = 0, e = cell.size();
  while (b < e && (cell[b] == ' ' || cell[b] == '\t')) ++b;
  while (e > b && (cell[e - 1] == ' ' || cell[e - 1] == '\t')) --e;
  return cell.substr(b, e - b);
}

// One record: its fields and the 1-based line on which it starts. The fields are views into the
// reader's text (or, for a quoted field with "" escapes or line breaks, into `unescaped`), valid
// until the reader's next call of next().
struct CsvRecord {
  std::vector<std::string_view> fields;
  int line = 0;
  std::deque<std::string> unescaped;  // a deque: its strings stay put while more are added
};

// Reads records one at a time from UTF-8 text, in memory or streamed from a file (TextStream):
// quoted fields with "" escapes and embedded line breaks (CR and CRLF inside a field become LF),
// LF, CRLF or CR line ends, blank lines skipped, a quote inside an unquoted field taken as it is.
// An unterminated quote is an error. A record longer than the stream's block is read whole (the
// buffer grows for it); memory otherwise stays at the block size.
class CsvReader {
 public:
  CsvReader(std::string_view text, char delimiter);
  CsvReader(TextStream& in, char delimiter);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;
  // False at the end of input or on error (see error()).
  bool next(CsvRecord& record);
  // Set after next() returned false on malformed input: the message, and the line and field number
  // (1-based) where the unclosed quote opened.
  const std::string& error() const { return error_; }
  int error_line() const { return error_line_; }
  int error_column() const { return error_column_; }

 private:
  enum class Step { record, more, none, error };
  Step parse(CsvRecord& record, bool end);
  std::unique_ptr<TextStream> owned_;
  TextStream* in_;
  char delim_;
  bool stop_[256] = {};  // the bytes that end an unquoted field: the delimiter, CR and LF
  int line_ = 1;
  std::string error_;
  int error_line_ = 0;
  int error_column_ = 0;
};

}  // namespace grantkit::io
