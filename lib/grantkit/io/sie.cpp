// SIE 4 reader. The format is specified in "SIE filformat, utgåva 4B" (SIE-gruppen, 2008-09-30);
// § numbers below refer to it.
//
// What the #KSUMMA checksum covers (§10.14), as implemented here:
// - every record after the opening `#KSUMMA` up to, not including, the closing `#KSUMMA <sum>`;
// - of each record its label as written (with the `#`) and the contents of its fields, fed one
//   after the other with nothing between them;
// - not: the spaces and tabs between fields, the quotes that open and close a field, the braces
//   around an object list or around a voucher's rows (the `{` and `}` lines), line ends, blank
//   lines; inside an object list each dimension and object counts as a field (so `{1 "456"}`
//   contributes `1456`);
// - blanks inside a quoted field are part of its content and count (`"Kassa 1"` → `Kassa 1`);
// - an escaped quote `\"` inside a field contributes only the quote; any other backslash is an
//   ordinary character and counts;
// - on the characters' values in codepage 437: for a PC8 file these are its bytes. A file that is
//   really UTF-8 (see below) is accepted when either its UTF-8 bytes or its text re-encoded to
//   CP437 give the sum: which of the two its writer used cannot be known.
// The declared sum is a decimal number; both the unsigned (0 … 4294967295) and the signed 32-bit
// form (negative numbers, as some writers print it) are accepted.
#include <grantkit/io/sie.hpp>

#include <iconv.h>

#include <array>
#include <cerrno>
#include <charconv>

#include <fmt/format.h>

namespace grantkit::io {

namespace {

constexpr std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t crc = i;
    for (int j = 0; j < 8; ++j) crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    table[i] = crc;
  }
  return table;
}
constexpr std::array<std::uint32_t, 256> kCrcTable = make_crc_table();

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Whether `s` is valid UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF), and
// whether it has any multi-byte sequence.
struct Utf8Check {
  bool valid = true;
  bool multibyte = false;
};
Utf8Check check_utf8(std::string_view s) {
  Utf8Check r;
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i < s.size() && byte(i) >= lo && byte(i) <= hi;
  };
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = byte(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    r.multibyte = true;
    std::size_t len = 0;
    if (c >= 0xC2 && c <= 0xDF && cont(i + 1))
      len = 2;
    else if (c == 0xE0 && cont(i + 1, 0xA0) && cont(i + 2))
      len = 3;
    else if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) && cont(i + 1) && cont(i + 2))
      len = 3;
    else if (c == 0xED && cont(i + 1, 0x80, 0x9F) && cont(i + 2))
      len = 3;
    else if (c == 0xF0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3))
      len = 4;
    else if (c >= 0xF1 && c <= 0xF3 && cont(i + 1) && cont(i + 2) && cont(i + 3))
      len = 4;
    else if (c == 0xF4 && cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3))
      len = 4;
    if (len == 0) {
      r.valid = false;
      return r;
    }
    i += len;
  }
  return r;
}

// Whether the file holds at least one record: a line whose first non-blank character is `#`
// followed by a letter (`#FLAGGA`, `#VER`, …). A CSV file or a spreadsheet given as SIE has none.
bool has_record(std::string_view s) {
  bool line_start = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n' || c == '\r') {
      line_start = true;
    } else if (line_start && is_space(c)) {
      continue;
    } else {
      if (line_start && c == '#' && i + 1 < s.size() &&
          ((s[i + 1] >= 'A' && s[i + 1] <= 'Z') || (s[i + 1] >= 'a' && s[i + 1] <= 'z')))
        return true;
      line_start = false;
    }
  }
  return false;
}

bool all_blank(std::string_view s) {
  for (char c : s) {
    if (!is_space(c) && c != '\n' && c != '\r') return false;
  }
  return true;
}

bool all_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Converts field text between the file's encoding and UTF-8 with iconv, opened once per file.
class Decoder {
 public:
  explicit Decoder(bool utf8) : utf8_(utf8) {}
  ~Decoder() {
    if (to_utf8_ != bad()) iconv_close(to_utf8_);
    if (to_cp437_ != bad()) iconv_close(to_cp437_);
  }
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // The UTF-8 text of raw field bytes (CP437 bytes are converted; a byte iconv refuses becomes
  // U+FFFD, which cannot happen for CP437, where every byte is a character).
  std::string text(const std::string& raw) {
    if (utf8_ || all_ascii(raw)) return raw;
    if (to_utf8_ == bad()) to_utf8_ = iconv_open("UTF-8", "CP437");
    std::string out;
    if (to_utf8_ == bad() || !convert(to_utf8_, raw, out)) return "\xEF\xBF\xBD";
    return out;
  }
  // The CP437 bytes of UTF-8 text, or nothing when a character has no CP437 form.
  std::optional<std::string> cp437(const std::string& utf8) {
    if (all_ascii(utf8)) return utf8;
    if (to_cp437_ == bad()) to_cp437_ = iconv_open("CP437", "UTF-8");
    std::string out;
    if (to_cp437_ == bad() || !convert(to_cp437_, utf8, out)) return std::nullopt;
    return out;
  }

 private:
  static iconv_t bad() { return reinterpret_cast<iconv_t>(-1); }
  static bool convert(iconv_t cd, const std::string& in, std::string& out) {
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    out.assign(in.size() * 4 + 4, '\0');
    char* in_ptr = const_cast<char*>(in.data());
    std::size_t in_left = in.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1))
      return false;
    out.resize(out.size() - out_left);
    return true;
  }
  bool utf8_;
  iconv_t to_utf8_ = bad();
  iconv_t to_cp437_ = bad();
};

// One field of a record: its content in the file's bytes (quotes removed, `\"` made `"`), or an
// object list with its items.
struct Field {
  std::string raw;
  bool list = false;
  std::vector<Field> items;
  int column = 0;  // 1-based byte column where the field starts
  bool operator==(const Field& o) const {
    return raw == o.raw && list == o.list && items == o.items;
  }
};

// Reads a quoted field starting at s[i] == '"'. Returns the index after it; `closed` tells whether
// the closing quote was found. A `\"` at the very end of the line is a backslash followed by the
// closing quote (`"C:\"`), not an escaped quote.
std::size_t read_quoted(std::string_view s, std::size_t i, std::string& out, bool& closed) {
  ++i;
  closed = false;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && s[i + 1] == '"') {
      if (i + 2 == s.size()) {
        out += '\\';
        closed = true;
        return i + 2;
      }
      out += '"';
      i += 2;
      continue;
    }
    if (c == '"') {
      closed = true;
      return i + 1;
    }
    out += c;
    ++i;
  }
  return i;
}

// Splits the fields of one record (after its label). `problem` names the first fault (an unclosed
// quote or object list, a nested list) with its column; the fields read are kept.
void split_fields(std::string_view s, std::size_t i, std::vector<Field>& out, std::string& problem,
                  int& problem_column) {
  auto note = [&](std::string what, std::size_t at) {
    if (problem.empty()) {
      problem = std::move(what);
      problem_column = static_cast<int>(at) + 1;
    }
  };
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) break;
    Field f;
    f.column = static_cast<int>(i) + 1;
    if (s[i] == '"') {
      bool closed = false;
      std::size_t start = i;
      i = read_quoted(s, i, f.raw, closed);
      if (!closed) note("a quoted field is not closed before the end of the line", start);
    } else if (s[i] == '{') {
      f.list = true;
      std::size_t start = i;
      ++i;
      bool closed = false;
      while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size()) break;
        if (s[i] == '}') {
          ++i;
          closed = true;
          break;
        }
        Field item;
        item.column = static_cast<int>(i) + 1;
        if (s[i] == '"') {
          bool q = false;
          std::size_t at = i;
          i = read_quoted(s, i, item.raw, q);
          if (!q) note("a quoted object in an object list is not closed", at);
        } else if (s[i] == '{') {
          note("an object list inside an object list", i);
          ++i;
          continue;
        } else {
          while (i < s.size() && !is_space(s[i]) && s[i] != '}' && s[i] != '"') item.raw += s[i++];
        }
        f.items.push_back(std::move(item));
      }
      if (!closed) note("an object list { … } is not closed before the end of the line", start);
    } else {
      while (i < s.size() && !is_space(s[i])) f.raw += s[i++];
    }
    out.push_back(std::move(f));
  }
}

std::optional<int> small_int(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

class Reader {
 public:
  Reader(std::string_view bytes, const std::string& file, core::Diagnostics& diags,
         const SieVoucherSink& sink)
      : bytes_(bytes), file_(file), diags_(diags), sink_(sink) {}

  SieFile run() {
    if (bytes_.substr(0, 2) == "\xFF\xFE" || bytes_.substr(0, 2) == "\xFE\xFF") {
      diags_.unreadable("sie.encoding",
                        "the file is UTF-16 text; a SIE file is PC8 (codepage 437) text (§5.8)",
                        {file_, 0, 0});
      f_.truncated = true;
      return std::move(f_);
    }
    bool bom = bytes_.substr(0, 3) == "\xEF\xBB\xBF";
    if (bom) bytes_.remove_prefix(3);
    if (all_blank(bytes_)) {
      diags_.warning("sie.empty", "the SIE file is empty: it holds no vouchers", {file_, 0, 0});
      f_.encoding = "cp437";
      return std::move(f_);
    }
    if (!has_record(bytes_)) {
      // Not a SIE file at all (a CSV or a spreadsheet given `format: sie`): refused whole rather
      // than read as a file of ignored lines with no vouchers.
      diags_.unreadable("sie.format",
                        "the file holds no SIE record (#FLAGGA, #VER, …): it is not a SIE 4 file; "
                        "check the source's format and path",
                        {file_, 0, 0});
      f_.encoding = "cp437";
      return std::move(f_);
    }
    Utf8Check u = check_utf8(bytes_);
    utf8_ = u.valid && (bom || u.multibyte);
    f_.encoding = utf8_ ? "utf-8" : "cp437";
    dec_.emplace(utf8_);

    std::size_t pos = 0;
    const std::size_t n = bytes_.size();
    int line_no = 0;
    while (pos < n) {
      std::size_t end = pos;
      while (end < n && bytes_[end] != '\n' && bytes_[end] != '\r') ++end;
      std::string_view line = bytes_.substr(pos, end - pos);
      pos = (end + 1 < n && bytes_[end] == '\r' && bytes_[end + 1] == '\n') ? end + 2 : end + 1;
      record(line, ++line_no);
    }
    finish();
    return std::move(f_);
  }

 private:
  core::SourcePlace at(int line, int column = 1) const { return {file_, line, column}; }

  std::string text(const std::string& raw) { return dec_->text(raw); }

  void checksum_add(const std::string& raw) {
    crc_.add(raw);
    if (utf8_ && alt_ok_) {
      if (auto b = dec_->cp437(raw))
        alt_crc_.add(*b);
      else
        alt_ok_ = false;
    }
  }

  void record(std::string_view raw_line, int line) {
    std::string_view s = trim(raw_line);
    if (s.empty()) return;
    if (s == "{") return open_block(line);
    if (s == "}") return close_block(line);
    if (s.front() != '#') {
      diags_.warning("sie.syntax", "the line does not start with a label (#…); it is ignored",
                     at(line));
      return;
    }
    std::size_t label_end = 0;
    while (label_end < s.size() && !is_space(s[label_end])) ++label_end;
    std::string label(s.substr(0, label_end));
    std::string upper = upper_ascii(label);
    fields_.clear();
    std::string problem;
    int problem_column = 0;
    split_fields(s, label_end, fields_, problem, problem_column);
    int offset = static_cast<int>(s.data() - raw_line.data());  // leading blanks before the label
    for (auto& f : fields_) {
      f.column += offset;
      for (auto& i : f.items) i.column += offset;
    }
    if (!problem.empty()) diags_.warning("sie.syntax", problem, at(line, problem_column + offset));

    if (crc_state_ == CrcState::on && upper != "#KSUMMA") {
      checksum_add(label);
      for (const auto& f : fields_) {
        if (f.list) {
          for (const auto& i : f.items) checksum_add(i.raw);
        } else {
          checksum_add(f.raw);
        }
      }
    }

    bool row_label = upper == "#TRANS" || upper == "#RTRANS" || upper == "#BTRANS";
    if (!row_label && upper != "#VER") {
      if (vstate_ == VState::header) end_headless_voucher();
      if (vstate_ == VState::block && rtrans_) rtrans_unpaired();
    }
    if (upper == "#KSUMMA")
      ksumma(line);
    else if (upper == "#FORMAT") {
      if (!fields_.empty()) f_.format = text(fields_[0].raw);
      format_line_ = line;
    } else if (upper == "#PROGRAM") {
      if (!fields_.empty()) f_.program = text(fields_[0].raw);
    } else if (upper == "#FNAMN") {
      if (!fields_.empty()) f_.company = text(fields_[0].raw);
    } else if (upper == "#KONTO") {
      if (fields_.size() >= 2) f_.account_names[text(fields_[0].raw)] = text(fields_[1].raw);
    } else if (upper == "#KTYP") {
      if (fields_.size() >= 2 && !fields_[1].raw.empty()) {
        f_.account_types[text(fields_[0].raw)] = upper_ascii(fields_[1].raw)[0];
      }
    } else if (upper == "#DIM" || upper == "#UNDERDIM") {
      dimension(upper == "#UNDERDIM", line);
    } else if (upper == "#OBJEKT") {
      auto d = fields_.size() >= 3 ? small_int(fields_[0].raw) : std::nullopt;
      if (!d)
        diags_.warning("sie.syntax", "#OBJEKT needs a dimension number, an object id and a name",
                       at(line));
      else
        f_.object_names[{*d, text(fields_[1].raw)}] = text(fields_[2].raw);
    } else if (upper == "#VER") {
      start_voucher(line);
    } else if (row_label) {
      row(upper, line);
    }
    // Every other label is ignored (§7.1): #FLAGGA, #GEN, #SIETYP, #RAR, #IB, #UB, #RES, …
  }

  void ksumma(int line) {
    if (fields_.empty()) {
      if (crc_state_ == CrcState::off) {
        crc_state_ = CrcState::on;
        ksumma_line_ = line;
      } else {
        diags_.warning("sie.ksumma", "a second opening #KSUMMA; the first one counts", at(line));
      }
      return;
    }
    if (crc_state_ != CrcState::on) {
      diags_.warning("sie.ksumma",
                     crc_state_ == CrcState::done
                         ? "a second closing #KSUMMA is ignored"
                         : "#KSUMMA gives a checksum, but no opening #KSUMMA marks where "
                           "the summed part starts (§10.4); it is not verified",
                     at(line));
      return;
    }
    crc_state_ = CrcState::done;
    const std::string& v = fields_[0].raw;
    std::int64_t declared = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), declared);
    if (ec != std::errc() || p != v.data() + v.size() || declared < -2147483648LL ||
        declared > 4294967295LL) {
      diags_.warning("sie.ksumma",
                     fmt::format("#KSUMMA '{}' is not a checksum (a 32-bit number)", text(v)),
                     at(line, fields_[0].column));
      f_.checksum_ok = false;
      return;
    }
    auto want = static_cast<std::uint32_t>(declared < 0 ? declared + 4294967296LL : declared);
    bool ok = crc_.value() == want || (utf8_ && alt_ok_ && alt_crc_.value() == want);
    f_.checksum_ok = ok;
    if (!ok) {
      diags_.warning(
          "sie.ksumma",
          fmt::format(
              "the checksum #KSUMMA {} does not match the file's content (computed {}): the "
              "file was changed or damaged after it was exported; the rows are read as they are",
              v, crc_.value()),
          at(line, fields_[0].column));
    }
  }

  void dimension(bool sub, int line) {
    auto d = !fields_.empty() ? small_int(fields_[0].raw) : std::nullopt;
    if (!d || fields_.size() < (sub ? 3u : 2u)) {
      diags_.warning("sie.syntax",
                     sub ? "#UNDERDIM needs a dimension number, a name and the parent dimension"
                         : "#DIM needs a dimension number and a name",
                     at(line));
      return;
    }
    SieDimension dim;
    dim.number = *d;
    dim.name = text(fields_[1].raw);
    if (sub) {
      auto parent = small_int(fields_[2].raw);
      if (!parent) {
        diags_.warning("sie.syntax", "#UNDERDIM: the parent dimension is not a number",
                       at(line, fields_[2].column));
        return;
      }
      dim.parent = *parent;
    }
    f_.dimensions[dim.number] = std::move(dim);
  }

  void start_voucher(int line) {
    if (vstate_ == VState::block) {
      diags_.error("sie.syntax",
                   fmt::format("the voucher on line {} has no closing }}", voucher_.line),
                   at(voucher_.line));
      if (rtrans_) rtrans_unpaired();
      close_voucher(false);
    } else if (vstate_ == VState::header) {
      end_headless_voucher();
    }
    voucher_ = SieVoucher{};
    voucher_.line = line;
    if (fields_.size() > 0) voucher_.series = text(fields_[0].raw);
    if (fields_.size() > 1) voucher_.number = text(fields_[1].raw);
    voucher_date_bad_ = true;
    if (fields_.size() > 2) {
      auto d = core::parse_compact_date(fields_[2].raw);
      if (d) {
        voucher_.date = *d;
        voucher_date_bad_ = false;
      } else {
        diags_.error("sie.date",
                     fmt::format("the voucher date: {}; its rows without a date of their own are "
                                 "not read",
                                 d.error()),
                     at(line, fields_[2].column));
      }
    } else {
      diags_.error("sie.date",
                   "#VER has no voucher date (verdatum); its rows without a date of their own are "
                   "not read",
                   at(line));
    }
    if (fields_.size() > 3) voucher_.text = text(fields_[3].raw);
    vstate_ = VState::header;
  }

  // A #VER not followed by `{`: a voucher without rows.
  void end_headless_voucher() {
    diags_.warning("sie.syntax",
                   "#VER is not followed by its rows in { … }; the voucher has no rows",
                   at(voucher_.line));
    close_voucher();
  }

  void open_block(int line) {
    if (vstate_ != VState::header) {
      diags_.error("sie.syntax", "a { that does not open the rows of a #VER", at(line));
      return;
    }
    vstate_ = VState::block;
  }

  void close_block(int line) {
    if (vstate_ == VState::header) end_headless_voucher();
    if (vstate_ != VState::block) {
      diags_.error("sie.syntax", "a } that closes no voucher", at(line));
      return;
    }
    if (rtrans_) rtrans_unpaired();
    close_voucher();
  }

  void rtrans_unpaired() {
    diags_.warning("sie.rtrans",
                   "#RTRANS is not followed by an identical #TRANS (§11 #RTRANS 4); the added row "
                   "counts once, "
                   "and a following #TRANS counts as a row of its own",
                   at(rtrans_line_));
    rtrans_.reset();
  }

  std::string voucher_name(const SieVoucher& v) const {
    std::string id = v.id();
    return id.empty() ? fmt::format("the voucher on line {}", v.line)
                      : fmt::format("voucher {}", id);
  }

  // `complete`: false for a voucher cut off (no closing `}`), whose balance says nothing.
  void close_voucher(bool complete = true) {
    if (complete && voucher_.unreadable.empty() && !voucher_.rows.empty()) {
      core::Money sum;
      for (const auto& r : voucher_.rows) sum += r.amount;
      if (!sum.is_zero()) {
        diags_.warning(
            "sie.unbalanced",
            fmt::format(
                "{}{} does not balance: its rows add up to {} kr (debit − credit, §11 #TRANS 4); "
                "they are read as they are",
                voucher_name(voucher_),
                voucher_.date ? " of " + core::format_iso(*voucher_.date) : std::string(),
                core::format_money_plain(sum)),
            at(voucher_.line));
      }
    }
    ++f_.vouchers;
    f_.rows += voucher_.rows.size();
    f_.removed_rows += voucher_.removed_rows;
    vstate_ = VState::none;
    if (sink_)
      sink_(std::move(voucher_), f_);
    else
      f_.collected.push_back(std::move(voucher_));
    voucher_ = SieVoucher{};
  }

  // `report`: false when the fault was reported already (a voucher date that cannot be read): the
  // row is listed as excluded without a message of its own.
  void bad_row(std::string rule, std::string message, int line, int column, std::string account,
               std::optional<core::Date> date, std::string row_text, bool report = true) {
    if (report) diags_.error(rule, message, at(line, column));
    voucher_.unreadable.push_back({std::move(rule), std::move(message), std::move(account),
                                   std::move(row_text), date, line, column});
  }

  void row(const std::string& label, int line) {
    if (vstate_ == VState::header) {
      diags_.warning("sie.syntax",
                     "the rows of a #VER must stand inside { … }; read as if they did", at(line));
      vstate_ = VState::block;
    }
    if (vstate_ != VState::block) {
      diags_.error("sie.syntax",
                   fmt::format("{} outside a voucher (#VER {{ … }}) is ignored", label), at(line));
      return;
    }
    if (label == "#BTRANS") {
      if (rtrans_) rtrans_unpaired();
      ++voucher_.removed_rows;
      return;
    }
    if (label == "#TRANS" && rtrans_) {
      bool copy = *rtrans_ == fields_;
      if (copy) {
        rtrans_.reset();
        return;  // the #TRANS copy of an #RTRANS: counted once, as the #RTRANS
      }
      rtrans_unpaired();
    } else if (rtrans_) {
      rtrans_unpaired();
    }
    if (label == "#RTRANS") {
      rtrans_ = fields_;
      rtrans_line_ = line;
    }
    read_row(label == "#RTRANS", line);
  }

  void read_row(bool added, int line) {
    std::string account =
        !fields_.empty() && !fields_[0].list ? text(fields_[0].raw) : std::string();
    std::optional<core::Date> vdate = voucher_.date;
    if (account.empty()) {
      bad_row("sie.syntax", "the row has no account number", line, 1, "", vdate, voucher_.text);
      return;
    }
    SieRow r;
    r.account = account;
    r.line = line;
    r.added = added;
    std::size_t k = 1;
    if (k < fields_.size() && fields_[k].list) {
      const Field& list = fields_[k];
      if (list.items.size() % 2 != 0) {
        bad_row("sie.objects", "the object list must hold pairs of dimension and object (§8.21)",
                line, list.column, account, vdate, voucher_.text);
        return;
      }
      for (std::size_t i = 0; i < list.items.size(); i += 2) {
        auto d = small_int(list.items[i].raw);
        if (!d) {
          bad_row("sie.objects",
                  fmt::format("'{}' in the object list is not a dimension number",
                              text(list.items[i].raw)),
                  line, list.items[i].column, account, vdate, voucher_.text);
          return;
        }
        r.objects.push_back({*d, text(list.items[i + 1].raw)});
      }
      ++k;
    }
    if (k >= fields_.size()) {
      bad_row("sie.syntax", "the row has no amount", line, 1, account, vdate, voucher_.text);
      return;
    }
    auto amount = core::parse_money(fields_[k].raw, core::MoneyStyle{'.', 0});
    if (!amount) {
      bad_row("ledger.amount", amount.error(), line, fields_[k].column, account, vdate,
              voucher_.text);
      return;
    }
    r.amount = *amount;
    ++k;
    r.date = vdate;
    if (k < fields_.size() && !fields_[k].list && !fields_[k].raw.empty()) {
      auto d = core::parse_compact_date(fields_[k].raw);
      if (!d) {
        bad_row("ledger.date", fmt::format("transdat: {}", d.error()), line, fields_[k].column,
                account, vdate, voucher_.text);
        return;
      }
      r.date = *d;
    }
    ++k;
    if (k < fields_.size()) r.text = text(fields_[k].raw);
    if (r.text.empty()) r.text = voucher_.text;
    if (!r.date) {
      if (voucher_date_bad_) {
        bad_row("sie.date",
                fmt::format("the row has no date: no transdat, and the date of its voucher (line "
                            "{}) cannot be read",
                            voucher_.line),
                line, 1, account, std::nullopt, r.text, false);
      } else {
        bad_row("ledger.date",
                "the row has no date: no transdat, and the voucher's date cannot be read", line, 1,
                account, std::nullopt, r.text);
      }
      return;
    }
    voucher_.rows.push_back(std::move(r));
  }

  void finish() {
    // A file that opens a checksum and never closes it is cut short: that is its one finding, not
    // also the voucher it breaks off in.
    const bool cut = crc_state_ == CrcState::on;
    if (vstate_ == VState::block) {
      if (!cut) {
        diags_.error("sie.syntax",
                     fmt::format("the voucher on line {} has no closing }} (is the file cut short?)",
                                 voucher_.line),
                     at(voucher_.line));
        if (rtrans_) rtrans_unpaired();
      }
      rtrans_.reset();
      close_voucher(false);
    } else if (vstate_ == VState::header) {
      if (cut)
        close_voucher(false);
      else
        end_headless_voucher();
    }
    if (cut) {
      f_.truncated = true;
      diags_.unreadable("sie.truncated",
                        "the file opens a checksum (#KSUMMA) but has no closing #KSUMMA: it is cut "
                        "short (§10.6); "
                        "export it again",
                        at(ksumma_line_));
    }
    if (utf8_) {
      diags_.info(
          "sie.encoding",
          fmt::format("the file {} but its bytes are UTF-8; read as UTF-8",
                      f_.format.empty() ? "does not say #FORMAT" : "says #FORMAT " + f_.format),
          format_line_ > 0 ? at(format_line_) : core::SourcePlace{file_, 0, 0});
    } else if (!f_.format.empty() && upper_ascii(f_.format) != "PC8") {
      diags_.warning(
          "sie.encoding",
          fmt::format(
              "#FORMAT {} is not PC8, the only character set of SIE 4 (§11 #FORMAT); read as PC8 "
              "(codepage 437)",
              f_.format),
          at(format_line_));
    }
  }

  enum class CrcState { off, on, done };
  enum class VState { none, header, block };

  std::string_view bytes_;
  const std::string& file_;
  core::Diagnostics& diags_;
  const SieVoucherSink& sink_;
  SieFile f_;
  bool utf8_ = false;
  std::optional<Decoder> dec_;
  std::vector<Field> fields_;
  SieChecksum crc_;
  SieChecksum alt_crc_;
  bool alt_ok_ = true;
  CrcState crc_state_ = CrcState::off;
  int ksumma_line_ = 0;
  int format_line_ = 0;
  VState vstate_ = VState::none;
  SieVoucher voucher_;
  bool voucher_date_bad_ = false;  // the open voucher's date is missing or cannot be read
  std::optional<std::vector<Field>> rtrans_;
  int rtrans_line_ = 0;
};

}  // namespace

void SieChecksum::add(std::string_view bytes) {
  for (char ch : bytes) {
    auto b = static_cast<unsigned char>(ch);
    crc_ = (crc_ >> 8) ^ kCrcTable[(crc_ ^ b) & 0xFFu];
  }
}

std::string SieVoucher::id() const {
  if (series.empty()) return number;
  if (number.empty()) return series;
  return series + "-" + number;
}

std::optional<SieObject> SieFile::object_for(const SieRow& row, int dimension) const {
  for (const auto& o : row.objects) {
    if (o.dimension == dimension) return o;
  }
  auto parent_of = [&](int d) -> std::optional<int> {
    auto it = dimensions.find(d);
    if (it != dimensions.end()) return it->second.parent;
    if (d == 2) return 1;  // kostnadsbärare is a sub-dimension of kostnadsställe (§8.17)
    return std::nullopt;
  };
  for (const auto& o : row.objects) {
    SieObject at = o;
    for (int depth = 0; depth < 16; ++depth) {
      std::optional<int> parent = parent_of(at.dimension);
      if (!parent) break;
      // The parent object: the longest declared code in the parent dimension that begins `at`'s.
      std::string best;
      bool found = false;
      for (auto it = object_names.lower_bound({*parent, std::string()});
           it != object_names.end() && it->first.first == *parent; ++it) {
        const std::string& code = it->first.second;
        if (code.size() <= at.object.size() && at.object.compare(0, code.size(), code) == 0 &&
            (!found || code.size() > best.size())) {
          best = code;
          found = true;
        }
      }
      if (!found) break;
      at = SieObject{*parent, best};
      if (at.dimension == dimension) return at;
    }
  }
  return std::nullopt;
}

std::string SieFile::object_name(int dimension, const std::string& object) const {
  auto it = object_names.find({dimension, object});
  return it == object_names.end() ? std::string() : it->second;
}

SieFile read_sie(std::string_view bytes, const std::string& file, core::Diagnostics& diags,
                 const SieVoucherSink& sink) {
  return Reader(bytes, file, diags, sink).run();
}

}  // namespace grantkit::io
