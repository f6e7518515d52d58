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

// iconv from `from` to UTF-8; an error names the first byte that cannot be converted.
core::Result<std::string> iconv_to_utf8(std::string_view bytes, const char* from) {
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
    return core::Result<std::string>::failure(
        fmt::format("byte {} cannot be read as {} ({})", offset, from, err == EILSEQ ? "invalid" : "incomplete"));
  }
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

core::Result<std::string> to_utf8(std::string_view bytes, std::string_view encoding) {
  if (bytes.substr(0, 2) == "\xFF\xFE") return iconv_to_utf8(bytes.substr(2), "UTF-16LE");
  if (bytes.substr(0, 2) == "\xFE\xFF") return iconv_to_utf8(bytes.substr(2), "UTF-16BE");
  if (encoding == "utf-8" || encoding == "utf8" || encoding.empty()) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (auto bad = invalid_utf8(bytes); bad != std::string_view::npos) {
      return core::Result<std::string>::failure(fmt::format(
          "byte {} is not UTF-8; if the file comes from Excel or an older system, declare "
          "encoding: windows-1252",
          bad));
    }
    return std::string(bytes);
  }
  if (encoding == "windows-1252" || encoding == "cp1252") return iconv_to_utf8(bytes, "WINDOWS-1252");
  if (encoding == "cp437" || encoding == "pc8") return iconv_to_utf8(bytes, "CP437");
  if (encoding == "utf-16le") return iconv_to_utf8(bytes, "UTF-16LE");
  return core::Result<std::string>::failure(
      fmt::format("unknown encoding '{}' (utf-8, windows-1252, cp437, utf-16le)", encoding));
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
  record.fields.clear();
  // Skip blank lines.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  if (pos_ >= text_.size()) return false;
  record.line = line_;
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the current field began with a quote
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (quoted) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
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
        field += '\n';
        ++pos_;
        continue;
      }
      field += c;
      ++pos_;
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
      ++pos_;
      continue;
    }
    if (c == delim_) {
      record.fields.push_back(std::move(field));
      field.clear();
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
    field += c;
    ++pos_;
  }
  if (quoted) {
    error_ = "a quoted field is not closed before the end of the file";
    error_line_ = record.line;
    return false;
  }
  record.fields.push_back(std::move(field));
  return true;
}

}  // namespace grantkit::io
