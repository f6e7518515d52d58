#include <grantkit/io/csv.hpp>

#include <cerrno>
#include <iconv.h>

#include <fmt/format.h>

namespace grantkit::io {

namespace {

std::size_t invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// The line and column of byte `offset` of `bytes`. `utf8`: a UTF-8 sequence is one character
// (continuation bytes are not counted); else every byte is one.
TextPosition position_of(std::string_view bytes, std::size_t offset, bool utf8) {
  TextPosition p{1, 1};
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n' || (c == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++p.line;
      p.column = 1;
    } else if (c != '\r' && !(utf8 && (c & 0xC0) == 0x80)) {
      ++p.column;
    }
  }
  return p;
}

// iconv from `from` to UTF-8; an error names the first byte that cannot be converted and puts its
// offset in `bad_offset`.
core::Result<std::string> iconv_to_utf8(std::string_view bytes, const char* from,
                                        std::size_t* bad_offset = nullptr) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return core::Result<std::string>::failure(fmt::format("the encoding {} is not available", from));
  }
  std::string out(bytes.size() * 4 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  int err = errno;
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) {
    auto offset = static_cast<std::size_t>(in_ptr - bytes.data());
    if (bad_offset) *bad_offset = offset;
    if (offset < bytes.size()) {
      return core::Result<std::string>::failure(
          fmt::format("the byte {:02X} cannot be read as {} ({}); is the source's encoding right?",
                      static_cast<unsigned char>(bytes[offset]), from,
                      err == EILSEQ ? "invalid" : "incomplete"));
    }
    return core::Result<std::string>::failure(fmt::format("the file ends inside a {} character", from));
  }
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

core::Result<std::string> to_utf8(std::string_view bytes, std::string_view encoding,
                                  TextPosition* where) {
  if (bytes.substr(0, 2) == "\xFF\xFE") return iconv_to_utf8(bytes.substr(2), "UTF-16LE");
  if (bytes.substr(0, 2) == "\xFE\xFF") return iconv_to_utf8(bytes.substr(2), "UTF-16BE");
  if (encoding == "utf-8" || encoding == "utf8" || encoding.empty()) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (auto bad = invalid_utf8(bytes); bad != std::string_view::npos) {
      if (where) *where = position_of(bytes, bad, true);
      return core::Result<std::string>::failure(fmt::format(
          "the byte {:02X} is not UTF-8; if the file comes from Excel or an older system, declare "
          "encoding: windows-1252 in its source",
          static_cast<unsigned char>(bytes[bad])));
    }
    return std::string(bytes);
  }
  auto single_byte = [&](const char* from) {
    std::size_t bad = std::string_view::npos;
    auto r = iconv_to_utf8(bytes, from, &bad);
    if (!r && where && bad != std::string_view::npos) *where = position_of(bytes, bad, false);
    return r;
  };
  if (encoding == "windows-1252" || encoding == "cp1252") return single_byte("WINDOWS-1252");
  if (encoding == "cp437" || encoding == "pc8") return single_byte("CP437");
  if (encoding == "utf-16le") return iconv_to_utf8(bytes, "UTF-16LE");
  return core::Result<std::string>::failure(
      fmt::format("unknown encoding '{}' (utf-8, windows-1252, cp437, utf-16le)", encoding));
}

std::string trim_cell(std::string_view cell) {
  auto b = cell.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  auto e = cell.find_last_not_of(" \t");
  return std::string(cell.substr(b, e - b + 1));
}

std::string ascii_lower(std::string_view text) {
  std::string s(text);
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

char detect_delimiter(std::string_view text) {
  std::size_t comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    comma += c == ',';
    semi += c == ';';
    tab += c == '\t';
  }
  if (semi > comma && semi >= tab) return ';';
  if (tab > comma && tab > semi) return '\t';
  return ',';
}

bool CsvReader::next(CsvRecord& record) {
  // Skip blank lines.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  if (pos_ >= text_.size()) return false;
  record.line = line_;
  // Fields are built in place in the record's strings, which keep their capacity from row to row.
  std::size_t n = 0;
  auto open_field = [&]() -> std::string& {
    if (n == record.fields.size()) record.fields.emplace_back();
    std::string& f = record.fields[n];
    f.clear();
    return f;
  };
  std::string* field = &open_field();
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the current field began with a quote
  int quote_line = 0;        // where the last quoted field opened: its line and field number
  int quote_field = 0;
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (quoted) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          *field += '"';
          pos_ += 2;
          continue;
        }
        quoted = false;
        ++pos_;
        continue;
      }
      if (c == '\n') ++line_;
      if (c == '\r') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
          ++pos_;
        }
        ++line_;
        *field += '\n';
        ++pos_;
        continue;
      }
      *field += c;
      ++pos_;
      continue;
    }
    if (c == '"' && field->empty() && !was_quoted) {
      quoted = was_quoted = true;
      quote_line = line_;
      quote_field = static_cast<int>(n) + 1;
      ++pos_;
      continue;
    }
    if (c == delim_) {
      ++n;
      field = &open_field();
      was_quoted = false;
      ++pos_;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      break;
    }
    // An unquoted run: copied in one piece up to the next delimiter, line end or quote.
    std::size_t stop = pos_ + 1;
    while (stop < text_.size()) {
      char d = text_[stop];
      if (d == delim_ || d == '\n' || d == '\r' || d == '"') break;
      ++stop;
    }
    field->append(text_.data() + pos_, stop - pos_);
    pos_ = stop;
  }
  if (quoted) {
    error_ =
        "the quote that opens this field is never closed: the rest of the file would be one field; "
        "close it (a quote inside a quoted field is written \"\")";
    error_line_ = quote_line;
    error_column_ = quote_field;
    return false;
  }
  record.fields.resize(n + 1);
  return true;
}

}  // namespace grantkit::io
