#include <grantkit/io/csv.hpp>

#include <grantkit/core/i18n.hpp>
#include <grantkit/io/text_stream.hpp>

#include <iconv.h>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace grantkit::io {

namespace {

std::size_t invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xE  ? 3
                      : (c >> 3) == 0x1E ? 4
                                         : 0;
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
    return core::Result<std::string>::failure(
        fmt::format(fmt::runtime(_("the encoding {} is not available")), from));
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
      return core::Result<std::string>::failure(fmt::format(
          fmt::runtime(
              _("the byte {:02X} cannot be read as {} ({}); is the source's encoding right?")),
          static_cast<unsigned char>(bytes[offset]), from,
          err == EILSEQ ? "invalid" : "incomplete"));
    }
    return core::Result<std::string>::failure(
        fmt::format(fmt::runtime(_("the file ends inside a {} character")), from));
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
      return core::Result<std::string>::failure(
          fmt::format(fmt::runtime(_("the byte {:02X} is not UTF-8; if the file comes from Excel "
                                     "or an older system, declare "
                                     "encoding: windows-1252 in its source")),
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
  return core::Result<std::string>::failure(fmt::format(
      fmt::runtime(_("unknown encoding '{}' (utf-8, windows-1252, cp437, utf-16le)")), encoding));
}

std::string trim_cell(std::string_view cell) {
  return std::string(trim_view(cell));
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

CsvReader::CsvReader(std::string_view text, char delimiter)
    : owned_(std::make_unique<TextStream>(text)), in_(owned_.get()), delim_(delimiter) {
  stop_[static_cast<unsigned char>(delim_)] = stop_['\n'] = stop_['\r'] = true;
}

CsvReader::CsvReader(TextStream& in, char delimiter) : in_(&in), delim_(delimiter) {
  stop_[static_cast<unsigned char>(delim_)] = stop_['\n'] = stop_['\r'] = true;
}

CsvReader::~CsvReader() = default;

bool CsvReader::next(CsvRecord& record) {
  for (;;) {
    switch (parse(record, in_->at_end())) {
      case Step::record:
        return true;
      case Step::none:
      case Step::error:
        return false;
      case Step::more:
        // The record runs past what is read: read on and parse it again from its start. fill()
        // is false only at the end of the input, where parse() no longer asks for more.
        in_->fill();
        break;
    }
  }
}

// Parses the record at the start of the stream's pending text. `end`: nothing follows the pending
// text. Step::more leaves the record unconsumed (and the line count as it was) when its end, or
// whether a CR or a quote at the end of the text is followed by LF or a second quote, is not read
// yet.
CsvReader::Step CsvReader::parse(CsvRecord& record, bool end) {
  std::string_view t = in_->pending();
  std::size_t pos = 0;
  int line = line_;
  // Blank lines.
  while (pos < t.size() && (t[pos] == '\n' || t[pos] == '\r')) {
    if (t[pos] == '\r') {
      if (pos + 1 >= t.size() && !end) break;
      if (pos + 1 < t.size() && t[pos + 1] == '\n') ++pos;
    }
    ++pos;
    ++line;
  }
  in_->consume(pos);
  line_ = line;
  t = in_->pending();
  pos = 0;
  if (t.empty() || (t.size() == 1 && t[0] == '\r' && !end)) return end ? Step::none : Step::more;
  record.line = line;
  std::size_t n = 0;       // fields read
  std::size_t copies = 0;  // record.unescaped strings in use
  auto add = [&](std::string_view field) {
    if (n == record.fields.size())
      record.fields.push_back(field);
    else
      record.fields[n] = field;
    ++n;
  };
  auto copy = [&]() -> std::string& {
    if (copies == record.unescaped.size()) record.unescaped.emplace_back();
    std::string& s = record.unescaped[copies++];
    s.clear();
    return s;
  };
  // The common line, split with memchr: it ends in LF (or CRLF), holds no other CR, and its
  // quoted fields (if any) hold no "" and no line break and are followed by a delimiter or the
  // line's end. Any other line is read by the loop below, from its start.
  if (const void* lf = std::memchr(t.data(), '\n', t.size())) {
    std::size_t eol = static_cast<std::size_t>(static_cast<const char*>(lf) - t.data());
    std::string_view text = t.substr(0, eol > 0 && t[eol - 1] == '\r' ? eol - 1 : eol);
    bool plain = text.find('\r') == std::string_view::npos;
    for (std::size_t from = 0; plain;) {
      if (from < text.size() && text[from] == '"') {
        std::size_t close = text.find('"', from + 1);
        if (close == std::string_view::npos ||
            (close + 1 < text.size() && text[close + 1] != delim_)) {
          plain = false;
          break;
        }
        add(text.substr(from + 1, close - from - 1));
        if (close + 1 >= text.size()) break;
        from = close + 2;
        continue;
      }
      std::size_t d = text.find(delim_, from);
      add(text.substr(from, (d == std::string_view::npos ? text.size() : d) - from));
      if (d == std::string_view::npos) break;
      from = d + 1;
    }
    if (plain) {
      record.fields.resize(n);
      in_->consume(eol + 1);
      line_ = line + 1;
      return Step::record;
    }
    n = 0;
  }
  for (;;) {
    std::string_view field;
    std::size_t stop = pos;
    if (pos < t.size() && t[pos] == '"') {
      // A quoted field: up to the quote that is not doubled.
      std::size_t q = pos + 1;
      bool escaped = false;
      std::size_t close = std::string_view::npos;
      for (;;) {
        std::size_t k = t.find('"', q);
        if (k == std::string_view::npos) break;
        if (k + 1 >= t.size() && !end) return Step::more;
        if (k + 1 < t.size() && t[k + 1] == '"') {
          escaped = true;
          q = k + 2;
          continue;
        }
        close = k;
        break;
      }
      if (close == std::string_view::npos) {
        if (!end) return Step::more;
        error_ =
            "the quote that opens this field is never closed: the rest of the file would be one "
            "field; close it (a quote inside a quoted field is written \"\")";
        error_line_ = line;
        error_column_ = static_cast<int>(n) + 1;
        return Step::error;
      }
      std::string_view inside = t.substr(pos + 1, close - pos - 1);
      // Line ends inside the quotes count as lines (for places) and stay in the field as they
      // are: a CR stays a CR, a CRLF a CRLF (RFC 4180: the field's bytes).
      for (std::size_t k = 0; k < inside.size(); ++k) {
        if (inside[k] == '\n') {
          if (k == 0 || inside[k - 1] != '\r') ++line;
        } else if (inside[k] == '\r') {
          ++line;
        }
      }
      // Text after the closing quote up to the delimiter belongs to the field, quotes and all.
      stop = close + 1;
      while (stop < t.size() && !stop_[static_cast<unsigned char>(t[stop])]) ++stop;
      if (stop >= t.size() && !end) return Step::more;
      if (!escaped && stop == close + 1) {
        field = inside;
      } else {
        std::string& s = copy();
        for (std::size_t k = 0; k < inside.size(); ++k) {
          char c = inside[k];
          if (c == '"') ++k;  // the first of a doubled quote
          s += c;
        }
        s.append(t.substr(close + 1, stop - close - 1));
        field = s;
      }
    } else {
      while (stop < t.size() && !stop_[static_cast<unsigned char>(t[stop])]) ++stop;
      if (stop >= t.size() && !end) return Step::more;
      field = t.substr(pos, stop - pos);
    }
    add(field);
    if (stop >= t.size()) {
      pos = stop;
      break;
    }
    char c = t[stop];
    if (c == delim_) {
      pos = stop + 1;
      continue;
    }
    if (c == '\r') {
      if (stop + 1 >= t.size() && !end) return Step::more;
      if (stop + 1 < t.size() && t[stop + 1] == '\n') ++stop;
    }
    pos = stop + 1;
    ++line;
    break;
  }
  record.fields.resize(n);
  in_->consume(pos);
  line_ = line;
  return Step::record;
}

}  // namespace grantkit::io
