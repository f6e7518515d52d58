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
//
// Reading: a pre-pass over the whole file (Scanner) decides what needs all of it before a line is
// read — the encoding, an empty file, a file without records, #KSUMMA marks — and the text is then
// read line by line from blocks, each record's fields as views into its line, each voucher's rows
// kept in storage reused from voucher to voucher until its `}`.
#include <grantkit/io/sie.hpp>

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include <grantkit/core/i18n.hpp>
#include <grantkit/io/text_stream.hpp>

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

char upper_ascii(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = upper_ascii(c);
  return out;
}

// Whether `s` in ASCII upper case is `upper`, without making the upper-case string.
bool equals_upper(std::string_view s, std::string_view upper) {
  if (s.size() != upper.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (upper_ascii(s[i]) != upper[i]) return false;
  }
  return true;
}

bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool all_blank(std::string_view s) {
  for (char c : s) {
    if (!is_space(c) && c != '\n' && c != '\r') return false;
  }
  return true;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

// How many bytes at the start of `s` are ASCII: eight at a time, then one by one.
std::size_t ascii_prefix(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & kHigh) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

bool all_ascii(std::string_view s) {
  return ascii_prefix(s) == s.size();
}

// The index of the first CR or LF in `s`, or s.size(): eight bytes at a time, then byte by byte.
std::size_t line_end(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    std::uint64_t lf = w ^ (kOnes * '\n'), cr = w ^ (kOnes * '\r');
    // Nonzero exactly when some byte of `lf` or `cr` is zero, i.e. some byte of `w` is LF or CR.
    if (((lf - kOnes) & ~lf & kHigh) | ((cr - kOnes) & ~cr & kHigh)) break;
    i += 8;
  }
  while (i < n && s[i] != '\n' && s[i] != '\r') ++i;
  return i;
}

// The pre-pass (SieScan) over a file's bytes, given in pieces of any size. Everything it decides
// is carried across the pieces' ends: the BOM (the first three bytes), a UTF-8 sequence, a `#` at
// the start of a line before its letter, a `#KSUMMA` cut in two.
class Scanner {
 public:
  void add(std::string_view bytes) {
    if (!started_) {
      std::size_t take = std::min(bytes.size(), 3 - head_.size());
      head_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (head_.size() < 3) return;
      start();
    }
    body(bytes);
  }

  SieScan finish() {
    if (!started_) start();
    if (need_ > 0) utf8_valid_ = false;  // a sequence cut off by the end of the file
    r_.utf8 = utf8_valid_ && (r_.bom || multibyte_);
    return r_;
  }

 private:
  void start() {
    started_ = true;
    std::string_view h = head_;
    r_.utf16 = h.substr(0, 2) == "\xFF\xFE" || h.substr(0, 2) == "\xFE\xFF";
    r_.bom = h.substr(0, 3) == "\xEF\xBB\xBF";
    if (r_.bom) h.remove_prefix(3);
    body(h);
  }

  void body(std::string_view s) {
    count_ksumma(s);
    count_letters(s);
    if (r_.blank) r_.blank = all_blank(s);
    if (!r_.has_record) find_record(s);
    if (utf8_valid_) check_utf8(s);
  }

  // `#KSUMMA` anywhere: within the piece, and across its start (beginning in the last 6 bytes
  // before it; 7 bytes cannot lie wholly in those, so nothing is counted twice).
  void count_ksumma(std::string_view s) {
    constexpr std::string_view kMark = "#KSUMMA";
    constexpr std::size_t kKeep = kMark.size() - 1;
    if (!tail_.empty()) {
      std::string joined = tail_;
      joined.append(s.substr(0, kKeep));
      for (std::size_t p = 0; p < tail_.size(); ++p) {
        if (std::string_view(joined).substr(p, kMark.size()) == kMark) ++r_.ksumma;
      }
    }
    for (std::size_t p = s.find(kMark); p != std::string_view::npos; p = s.find(kMark, p + 1))
      ++r_.ksumma;
    if (s.size() >= kKeep) {
      tail_.assign(s.substr(s.size() - kKeep));
    } else {
      tail_.append(s);
      if (tail_.size() > kKeep) tail_.erase(0, tail_.size() - kKeep);
    }
  }

  // Bytes where a Swedish text has å, ä, ö, Å, Ä, Ö: in CP437 (86H 84H 94H 8FH 8EH 99H) and in
  // Latin-1/Latin-9 (E5H E4H F6H C5H C4H D6H, which CP437 reads as σ Σ ÷ ┼ ─ ╓).
  void count_letters(std::string_view s) {
    for (char ch : s) {
      switch (static_cast<unsigned char>(ch)) {
        case 0x86:
        case 0x84:
        case 0x94:
        case 0x8F:
        case 0x8E:
        case 0x99:
          ++r_.cp437_letters;
          break;
        case 0xE5:
        case 0xE4:
        case 0xF6:
        case 0xC5:
        case 0xC4:
        case 0xD6:
          ++r_.latin_letters;
          break;
        default:
          break;
      }
    }
  }

  // A line whose first non-blank character is `#` followed by a letter.
  void find_record(std::string_view s) {
    for (char c : s) {
      if (hash_) {
        hash_ = false;
        if (is_letter(c)) {
          r_.has_record = true;
          return;
        }
      }
      if (c == '\n' || c == '\r') {
        line_start_ = true;
      } else if (line_start_ && is_space(c)) {
        continue;
      } else {
        hash_ = line_start_ && c == '#';
        line_start_ = false;
      }
    }
  }

  // RFC 3629 UTF-8 (no overlong forms, no surrogates, at most U+10FFFF): `need_` continuation
  // bytes are still to come, the next one in [lo_, hi_].
  void check_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
      if (need_ == 0) {
        while (i + 8 <= n) {
          std::uint64_t w;
          std::memcpy(&w, s.data() + i, 8);
          if (w & kHigh) break;
          i += 8;
        }
        if (i >= n) break;
        auto c = static_cast<unsigned char>(s[i++]);
        if (c < 0x80) continue;
        multibyte_ = true;
        lo_ = 0x80;
        hi_ = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
          need_ = 1;
        } else if (c == 0xE0) {
          need_ = 2;
          lo_ = 0xA0;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
          need_ = 2;
        } else if (c == 0xED) {
          need_ = 2;
          hi_ = 0x9F;
        } else if (c == 0xF0) {
          need_ = 3;
          lo_ = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
          need_ = 3;
        } else if (c == 0xF4) {
          need_ = 3;
          hi_ = 0x8F;
        } else {
          utf8_valid_ = false;
          return;
        }
      } else {
        auto c = static_cast<unsigned char>(s[i++]);
        if (c < lo_ || c > hi_) {
          utf8_valid_ = false;
          return;
        }
        --need_;
        lo_ = 0x80;
        hi_ = 0xBF;
      }
    }
  }

  SieScan r_;
  bool started_ = false;
  std::string head_;  // the first bytes, until three decide on a BOM
  std::string tail_;  // the last 6 bytes so far (a `#KSUMMA` may begin there)
  bool line_start_ = true;
  bool hash_ = false;  // the last byte was a `#` that starts a line
  bool utf8_valid_ = true;
  bool multibyte_ = false;
  int need_ = 0;
  unsigned char lo_ = 0x80, hi_ = 0xBF;
};

// CP437 → UTF-8 for each byte, as iconv converts it (CP437 is one byte per character, without
// state, so a text converts byte by byte); built once, on the first text that is not ASCII.
struct Cp437Table {
  std::array<std::array<char, 4>, 256> utf8{};
  std::array<unsigned char, 256> size{};  // 0: iconv cannot convert the byte
  bool ascii = false;                     // bytes below 80H are themselves
};

Cp437Table make_byte_table(const char* encoding) {
  {
    Cp437Table t;
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == reinterpret_cast<iconv_t>(-1)) return t;  // every size 0: nothing converts
    for (std::size_t b = 0; b < 256; ++b) {
      char in = static_cast<char>(b);
      char* in_ptr = &in;
      std::size_t in_left = 1;
      char* out_ptr = t.utf8[b].data();
      std::size_t out_left = 4;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
      if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1))
        t.size[b] = static_cast<unsigned char>(4 - out_left);
    }
    iconv_close(cd);
    t.ascii = true;
    for (std::size_t b = 0; b < 0x80; ++b) {
      t.ascii = t.ascii && t.size[b] == 1 && t.utf8[b][0] == static_cast<char>(b);
    }
    return t;
  }
}

const Cp437Table& cp437_table() {
  static const Cp437Table table = make_byte_table("CP437");
  return table;
}

// The table of a single-byte encoding a source may name for a SIE file (`encoding:`); nullptr for
// one grantkit does not read so.
const Cp437Table* byte_table(std::string_view encoding) {
  if (encoding == "cp437" || encoding == "pc8") return &cp437_table();
  if (encoding == "latin-1" || encoding == "iso-8859-1") {
    static const Cp437Table t = make_byte_table("ISO-8859-1");
    return &t;
  }
  if (encoding == "latin-9" || encoding == "iso-8859-15") {
    static const Cp437Table t = make_byte_table("ISO-8859-15");
    return &t;
  }
  if (encoding == "windows-1252" || encoding == "cp1252") {
    static const Cp437Table t = make_byte_table("WINDOWS-1252");
    return &t;
  }
  return nullptr;
}

// Converts field text between the file's encoding and UTF-8.
class Decoder {
 public:
  explicit Decoder(bool utf8, const Cp437Table* table = nullptr)
      : utf8_(utf8), table_(table ? table : &cp437_table()) {}
  ~Decoder() {
    if (to_cp437_ != bad()) iconv_close(to_cp437_);
  }
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // Whether raw field bytes are UTF-8 as they are: in a UTF-8 file, and ASCII text in any.
  bool as_is(std::string_view raw) const { return utf8_ || all_ascii(raw); }
  // Writes the UTF-8 text of raw CP437 field bytes to `to`, which has room for 4 bytes per byte,
  // and returns its size. A text with a byte that cannot be converted becomes U+FFFD (which cannot
  // happen for CP437, where every byte is a character).
  std::size_t convert(std::string_view raw, char* to) const {
    const Cp437Table& t = *table_;
    const bool ascii = t.ascii;
    char* const start = to;
    std::size_t i = 0;
    while (i < raw.size()) {
      if (ascii) {  // a run of ASCII bytes as it is
        std::size_t run = ascii_prefix(raw.substr(i));
        std::memcpy(to, raw.data() + i, run);
        to += run;
        i += run;
        if (i == raw.size()) break;
      }
      auto b = static_cast<unsigned char>(raw[i++]);
      if (t.size[b] == 0) {
        std::memcpy(start, "\xEF\xBF\xBD", 3);
        return 3;
      }
      std::memcpy(to, t.utf8[b].data(), 4);  // an entry is 4 bytes, of which size[b] count
      to += t.size[b];
    }
    return static_cast<std::size_t>(to - start);
  }
  // The UTF-8 text of raw field bytes.
  std::string text(std::string_view raw) const {
    if (as_is(raw)) return std::string(raw);
    std::string out(raw.size() * 4, '\0');
    out.resize(convert(raw, out.data()));
    return out;
  }
  // The CP437 bytes of UTF-8 text, or nothing when a character has no CP437 form.
  std::optional<std::string> cp437(std::string_view utf8) {
    if (all_ascii(utf8)) return std::string(utf8);
    if (to_cp437_ == bad()) to_cp437_ = iconv_open("CP437", "UTF-8");
    if (to_cp437_ == bad()) return std::nullopt;
    iconv(to_cp437_, nullptr, nullptr, nullptr, nullptr);
    std::string out(utf8.size() * 4 + 4, '\0');
    char* in_ptr = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    if (iconv(to_cp437_, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1))
      return std::nullopt;
    out.resize(out.size() - out_left);
    return out;
  }

 private:
  static iconv_t bad() { return reinterpret_cast<iconv_t>(-1); }
  bool utf8_;
  const Cp437Table* table_;
  iconv_t to_cp437_ = bad();
};

// One field of a record: its content in the file's bytes (quotes removed; a view into the line,
// or into the reader's scratch when `\"` had to become `"`), or an object list whose items are
// Reader::items_[first, first + count).
struct Field {
  std::string_view raw;
  int column = 0;  // 1-based byte column where the field starts
  bool list = false;
  std::uint32_t first = 0, count = 0;
};

enum class Label {
  other,
  trans,
  rtrans,
  btrans,
  ver,
  ksumma,
  format,
  program,
  fnamn,
  konto,
  ktyp,
  dim,
  underdim,
  objekt,
  sietyp
};

struct LabelName {
  std::string_view name;
  Label label;
};
// The labels the reader acts on, the most frequent first.
constexpr LabelName kLabels[] = {
    {"#TRANS", Label::trans},     {"#VER", Label::ver},       {"#RTRANS", Label::rtrans},
    {"#BTRANS", Label::btrans},   {"#KSUMMA", Label::ksumma}, {"#FORMAT", Label::format},
    {"#PROGRAM", Label::program}, {"#FNAMN", Label::fnamn},   {"#KONTO", Label::konto},
    {"#KTYP", Label::ktyp},       {"#DIM", Label::dim},       {"#UNDERDIM", Label::underdim},
    {"#OBJEKT", Label::objekt},   {"#SIETYP", Label::sietyp},
};

// Labels compare in ASCII upper case (`#trans` is `#TRANS`); mostly they are written so.
Label label_of(std::string_view label) {
  for (const auto& l : kLabels) {
    if (label == l.name) return l.label;
  }
  for (const auto& l : kLabels) {
    if (equals_upper(label, l.name)) return l.label;
  }
  return Label::other;
}

std::string_view name_of(Label label) {
  for (const auto& l : kLabels) {
    if (l.label == label) return l.name;
  }
  return {};
}

std::optional<int> small_int(std::string_view s) {
  if (!s.empty() && s.size() <= 9) {  // mostly a few digits: no sign, no overflow
    int v = 0;
    std::size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
    if (i == s.size()) return v;
  }
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// An amount (§5.9): dot decimal, at most two decimals (core::parse_ledger_amount).
core::Result<core::Money> sie_amount(std::string_view s) {
  return core::parse_ledger_amount(s, core::MoneyStyle{'.', 0});
}

void voucher_id(std::string_view series, std::string_view number, std::string& out) {
  out.clear();
  out += series;
  if (!series.empty() && !number.empty()) out += '-';
  out += number;
}

// A text of the open voucher: a range of its arena.
struct Text {
  std::size_t at = 0, size = 0;
};

// The texts of the open voucher, one after the other: a buffer that keeps its capacity from voucher
// to voucher (std::string would fill what it grows by, and append out of line).
class Arena {
 public:
  std::size_t size() const { return size_; }
  // `n` more bytes at the end, to be written.
  char* extend(std::size_t n) {
    if (size_ + n > capacity_) grow(size_ + n);
    char* p = data_.get() + size_;
    size_ += n;
    return p;
  }
  void resize_down(std::size_t size) { size_ = size; }
  void clear() { size_ = 0; }
  std::string_view view(Text t) const { return {data_.get() + t.at, t.size}; }

 private:
  void grow(std::size_t need) {
    std::size_t capacity = std::max({need, capacity_ * 2, std::size_t{4096}});
    auto data = std::make_unique<char[]>(capacity);
    if (size_ > 0) std::memcpy(data.get(), data_.get(), size_);
    data_ = std::move(data);
    capacity_ = capacity;
  }
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0, capacity_ = 0;
};

// The voucher being read. Its texts are kept in one arena and its rows and objects in vectors, all
// emptied for the next voucher with their capacity kept: the rows must wait for the voucher's `}`
// (balance, #RTRANS pairs), and the line they were read from is gone by then.
struct OpenVoucher {
  struct Row {
    Text account;
    std::size_t objects_at = 0, objects = 0;  // into `objects`
    core::Money amount;
    std::optional<core::Date> date;
    Text text;
    bool added = false;
    int line = 0;
  };
  struct Object {
    int dimension = 0;
    Text object;
  };
  Text series, number, text;
  std::optional<core::Date> date;
  int line = 0;
  std::vector<Row> rows;
  std::vector<Object> objects;
  std::vector<SieBadRow> unreadable;
  std::size_t removed_rows = 0;
  Arena arena;

  std::string_view view(Text t) const { return arena.view(t); }
  void clear() {
    series = number = text = {};
    date.reset();
    line = 0;
    rows.clear();
    objects.clear();
    unreadable.clear();
    removed_rows = 0;
    arena.clear();
  }
};

class Reader {
 public:
  Reader(TextStream& in, const SieScan& scan, const std::string& file, core::Diagnostics& diags,
         const SieVoucherViewSink& sink)
      : in_(in),
        scan_(scan),
        file_(file),
        diags_(diags),
        sink_(sink),
        dec_(read_as_utf8(scan), scan.encoding.empty() ? nullptr : byte_table(scan.encoding)) {}

  SieFile run() {
    if (scan_.utf16) {
      diags_.unreadable("sie.encoding",
                        _("the file is UTF-16 text; a SIE file is PC8 (codepage 437) text (§5.8)"),
                        {file_, 0, 0});
      f_.truncated = true;
      return std::move(f_);
    }
    if (scan_.blank) {
      diags_.warning("sie.empty", _("the SIE file is empty: it holds no vouchers"), {file_, 0, 0});
      f_.encoding = "cp437";
      return std::move(f_);
    }
    if (!scan_.has_record) {
      // Not a SIE file at all (a CSV or a spreadsheet given `format: sie`): refused whole rather
      // than read as a file of ignored lines with no vouchers.
      diags_.unreadable(
          "sie.format",
          _("the file holds no SIE record (#FLAGGA, #VER, …): it is not a SIE 4 file; "
            "check the source's format and path"),
          {file_, 0, 0});
      f_.encoding = "cp437";
      return std::move(f_);
    }
    utf8_ = read_as_utf8(scan_);
    f_.encoding = !scan_.encoding.empty() ? scan_.encoding : utf8_ ? "utf-8" : "cp437";
    read_lines();
    finish();
    return std::move(f_);
  }

 private:
  core::SourcePlace at(int line, int column = 1) const { return {file_, line, column}; }
  // Whether the text is read as UTF-8: as the source says (`encoding:`), else as the bytes are.
  static bool read_as_utf8(const SieScan& scan) {
    if (!scan.encoding.empty()) return scan.encoding == "utf-8" || scan.encoding == "utf8";
    return scan.utf8;
  }

  // Lines end at CRLF, LF or CR; a line that runs past the text read so far is read again from its
  // start after the next block.
  void read_lines() {
    int line_no = 0;
    bool after_cr = false;  // the last line ended at a CR: a LF right after it belongs to that end
    for (;;) {
      std::string_view t = in_.pending();
      if (after_cr) {
        if (t.empty() && !in_.at_end()) {
          in_.fill();
          continue;
        }
        after_cr = false;
        if (!t.empty() && t[0] == '\n') {
          in_.consume(1);
          continue;
        }
      }
      std::size_t end = line_end(t);
      if (end == t.size()) {
        if (!in_.at_end()) {
          in_.fill();
          continue;
        }
        if (!t.empty()) {
          record(t, ++line_no);  // the last line, without a line end
          in_.consume(t.size());
        }
        return;
      }
      record(t.substr(0, end), ++line_no);
      after_cr = t[end] == '\r';
      in_.consume(end + 1);
    }
  }

  std::string text(std::string_view raw) const { return dec_.text(raw); }

  // Adds the UTF-8 text of raw field bytes to the open voucher.
  Text add_text(std::string_view raw) {
    Arena& a = voucher_.arena;
    Text t{a.size(), raw.size()};
    if (raw.empty()) return t;
    if (dec_.as_is(raw)) {
      std::memcpy(a.extend(raw.size()), raw.data(), raw.size());
    } else {
      t.size = dec_.convert(raw, a.extend(raw.size() * 4));
      a.resize_down(t.at + t.size);
    }
    return t;
  }
  std::string str(Text t) const { return std::string(voucher_.view(t)); }

  void checksum_add(std::string_view raw) {
    crc_.add(raw);
    if (utf8_ && alt_ok_) {
      if (auto b = dec_.cp437(raw))
        alt_crc_.add(*b);
      else
        alt_ok_ = false;
    }
  }

  // Reads a quoted field starting at s[i] == '"' into `raw`. Returns the index after it; `closed`
  // tells whether the closing quote was found. A `\"` at the very end of the line is a backslash
  // followed by the closing quote (`"C:\"`), not an escaped quote. Without `\"` the field is a
  // view into the line; with one it is unescaped into scratch_.
  std::size_t read_quoted(std::string_view s, std::size_t i, std::string_view& raw, bool& closed) {
    ++i;
    const std::size_t start = i;
    closed = false;
    const std::size_t n = s.size();
    // Mostly the next quote closes the field: when no backslash stands right before it, the field
    // is the text up to it.
    if (const void* q = std::memchr(s.data() + i, '"', n - i)) {
      auto end = static_cast<std::size_t>(static_cast<const char*>(q) - s.data());
      if (end == start || s[end - 1] != '\\') {
        raw = s.substr(start, end - start);
        closed = true;
        return end + 1;
      }
    }
    std::size_t copied = std::string::npos;  // where the unescaped text starts in scratch_
    while (i < n) {
      char c = s[i];
      if (c == '\\' && i + 1 < n && s[i + 1] == '"') {
        if (i + 2 == n) {
          if (copied == std::string::npos) {
            raw = s.substr(start, i + 1 - start);
          } else {
            scratch_ += '\\';
            raw = std::string_view(scratch_).substr(copied);
          }
          closed = true;
          return i + 2;
        }
        if (copied == std::string::npos) {
          // The unescaped texts of a line are never longer than the line: reserved once, scratch_
          // does not move while the views into it are made.
          if (scratch_.empty() && scratch_.capacity() < n) scratch_.reserve(n);
          copied = scratch_.size();
          scratch_.append(s.substr(start, i - start));
        }
        scratch_ += '"';
        i += 2;
        continue;
      }
      if (c == '"') {
        raw = copied == std::string::npos ? s.substr(start, i - start)
                                          : std::string_view(scratch_).substr(copied);
        closed = true;
        return i + 1;
      }
      if (copied != std::string::npos) scratch_ += c;
      ++i;
    }
    raw = copied == std::string::npos ? s.substr(start) : std::string_view(scratch_).substr(copied);
    return i;
  }

  // Splits the fields of one record (after its label, which ends at s[i]) into fields_ and
  // items_. problem_ names the first fault (an unclosed quote or object list, a nested list) with
  // its column; the fields read are kept. Columns count from the raw line, `offset` bytes before s.
  void split_fields(std::string_view s, std::size_t i, int offset) {
    fields_.clear();
    items_.clear();
    scratch_.clear();
    problem_ = nullptr;
    auto column = [&](std::size_t at) { return static_cast<int>(at) + 1 + offset; };
    auto note = [&](const char* what, std::size_t at) {
      if (!problem_) {
        problem_ = what;
        problem_column_ = column(at);
      }
    };
    const std::size_t n = s.size();
    while (i < n) {
      while (i < n && is_space(s[i])) ++i;
      if (i >= n) break;
      Field& f = fields_.emplace_back();
      f.column = column(i);
      if (s[i] == '"') {
        bool closed = false;
        std::size_t start = i;
        i = read_quoted(s, i, f.raw, closed);
        if (!closed) note("a quoted field is not closed before the end of the line", start);
      } else if (s[i] == '{') {
        f.list = true;
        f.first = static_cast<std::uint32_t>(items_.size());
        std::size_t start = i;
        ++i;
        bool closed = false;
        while (i < n) {
          while (i < n && is_space(s[i])) ++i;
          if (i >= n) break;
          if (s[i] == '}') {
            ++i;
            closed = true;
            break;
          }
          if (s[i] == '{') {
            note("an object list inside an object list", i);
            ++i;
            continue;
          }
          Field& item = items_.emplace_back();
          item.column = column(i);
          if (s[i] == '"') {
            bool q = false;
            std::size_t at = i;
            i = read_quoted(s, i, item.raw, q);
            if (!q) note("a quoted object in an object list is not closed", at);
          } else {
            std::size_t b = i;
            while (i < n && !is_space(s[i]) && s[i] != '}' && s[i] != '"') ++i;
            item.raw = s.substr(b, i - b);
          }
        }
        f.count = static_cast<std::uint32_t>(items_.size() - f.first);
        if (!closed) note("an object list { … } is not closed before the end of the line", start);
      } else {
        std::size_t b = i;
        while (i < n && !is_space(s[i])) ++i;
        f.raw = s.substr(b, i - b);
      }
    }
  }

  std::span<const Field> items(const Field& list) const {
    return std::span<const Field>(items_).subspan(list.first, list.count);
  }

  // What a row means, as one string, to tell an #RTRANS's #TRANS copy: its account, its object
  // list (pairs in any order) and its amount (by value: `100` is `100.00`). The date, text,
  // quantity and signature do not count: Fortnox leaves the signature off the copy, BL
  // Administration gives it another date (§11 #RTRANS 4: the copy is there for readers of SIE 3).
  void meaning_key(std::string& out) const {
    out.clear();
    auto add = [&](std::string_view raw) {
      std::size_t size = raw.size();
      out.append(reinterpret_cast<const char*>(&size), sizeof size);
      out.append(raw);
    };
    if (fields_.empty() || fields_[0].list) return;
    add(fields_[0].raw);
    std::size_t k = 1;
    if (k < fields_.size() && fields_[k].list) {
      auto list = items(fields_[k]);
      std::vector<std::pair<std::string_view, std::string_view>> pairs;
      for (std::size_t i = 0; i + 1 < list.size(); i += 2)
        pairs.emplace_back(list[i].raw, list[i + 1].raw);
      std::sort(pairs.begin(), pairs.end());
      out += 'L';
      for (const auto& [d, o] : pairs) {
        add(d);
        add(o);
      }
      ++k;
    }
    out += 'A';
    if (k < fields_.size()) {
      if (auto m = sie_amount(fields_[k].raw)) {
        std::int64_t ore = m->ore();
        out.append(reinterpret_cast<const char*>(&ore), sizeof ore);
      } else {
        add(fields_[k].raw);
      }
    }
  }

  void record(std::string_view raw_line, int line) {
    std::string_view s = trim(raw_line);
    if (s.empty()) return;
    if (s.size() == 1 && s[0] == '{') return open_block(line);
    if (s.size() == 1 && s[0] == '}') return close_block(line);
    if (s.front() != '#') {
      diags_.warning("sie.syntax", _("the line does not start with a label (#…); it is ignored"),
                     at(line));
      return;
    }
    std::size_t label_end = 0;
    while (label_end < s.size() && !is_space(s[label_end])) ++label_end;
    std::string_view label = s.substr(0, label_end);
    const Label kind = label_of(label);
    const int offset = static_cast<int>(s.data() - raw_line.data());  // blanks before the label
    split_fields(s, label_end, offset);
    if (problem_) diags_.warning("sie.syntax", problem_, at(line, problem_column_));

    if (crc_state_ == CrcState::on && kind != Label::ksumma) {
      checksum_add(label);
      for (const auto& f : fields_) {
        if (f.list) {
          for (const auto& i : items(f)) checksum_add(i.raw);
        } else {
          checksum_add(f.raw);
        }
      }
    }

    if (kind == Label::konto || kind == Label::ktyp || kind == Label::dim ||
        kind == Label::underdim || kind == Label::objekt)
      ++f_.plan_version;
    const bool row_label = kind == Label::trans || kind == Label::rtrans || kind == Label::btrans;
    if (!row_label && kind != Label::ver) {
      if (vstate_ == VState::header) end_headless_voucher();
      if (vstate_ == VState::block && rtrans_) rtrans_unpaired();
    }
    switch (kind) {
      case Label::ksumma:
        ksumma(line);
        break;
      case Label::format:
        if (!fields_.empty()) f_.format = text(fields_[0].raw);
        format_line_ = line;
        break;
      case Label::program:
        if (!fields_.empty()) f_.program = text(fields_[0].raw);
        break;
      case Label::fnamn:
        if (!fields_.empty()) f_.company = text(fields_[0].raw);
        break;
      case Label::sietyp:
        if (!fields_.empty()) f_.type = text(fields_[0].raw);
        break;
      case Label::konto:
        if (fields_.size() >= 2) f_.account_names[text(fields_[0].raw)] = text(fields_[1].raw);
        break;
      case Label::ktyp:
        if (fields_.size() >= 2 && !fields_[1].raw.empty())
          f_.account_types[text(fields_[0].raw)] = upper_ascii(fields_[1].raw[0]);
        break;
      case Label::dim:
      case Label::underdim:
        dimension(kind == Label::underdim, line);
        break;
      case Label::objekt: {
        auto d = fields_.size() >= 3 ? small_int(fields_[0].raw) : std::nullopt;
        if (!d)
          diags_.warning("sie.syntax",
                         _("#OBJEKT needs a dimension number, an object id and a name"), at(line));
        else
          f_.object_names[{*d, text(fields_[1].raw)}] = text(fields_[2].raw);
        break;
      }
      case Label::ver:
        start_voucher(line);
        break;
      case Label::trans:
      case Label::rtrans:
      case Label::btrans:
        row(kind, line);
        break;
      case Label::other:
        break;  // ignored (§7.1): #FLAGGA, #GEN, #SIETYP, #RAR, #IB, #UB, #RES, …
    }
  }

  void ksumma(int line) {
    if (fields_.empty()) {
      if (crc_state_ == CrcState::off) {
        crc_state_ = CrcState::on;
        ksumma_line_ = line;
      } else {
        diags_.warning("sie.ksumma", _("a second opening #KSUMMA; the first one counts"), at(line));
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
    std::string_view v = fields_[0].raw;
    std::int64_t declared = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), declared);
    if (ec != std::errc() || p != v.data() + v.size() || declared < -2147483648LL ||
        declared > 4294967295LL) {
      diags_.warning(
          "sie.ksumma",
          fmt::format(fmt::runtime(_("#KSUMMA '{}' is not a checksum (a 32-bit number)")), text(v)),
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
              fmt::runtime(
                  _("the checksum #KSUMMA {} does not match the file's content (computed {}): the "
                    "file was changed or damaged after it was exported; the rows are read as they "
                    "are")),
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
        diags_.warning("sie.syntax", _("#UNDERDIM: the parent dimension is not a number"),
                       at(line, fields_[2].column));
        return;
      }
      dim.parent = *parent;
    }
    f_.dimensions[dim.number] = std::move(dim);
  }

  void start_voucher(int line) {
    if (vstate_ == VState::block) {
      diags_.error(
          "sie.syntax",
          fmt::format(fmt::runtime(_("the voucher on line {} has no closing }}")), voucher_.line),
          at(voucher_.line));
      if (rtrans_) rtrans_unpaired();
      close_voucher(false);
    } else if (vstate_ == VState::header) {
      end_headless_voucher();
    }
    voucher_.clear();
    voucher_.line = line;
    // `#VER 12 20220301 "text"`: the series left out rather than written "" (§11 #VER): the number
    // stands where the series belongs and the date where the number does. Said as such, and read
    // with the fields where they are.
    std::size_t at_series = 0;
    if (fields_.size() >= 2 && !fields_[1].list && core::parse_compact_date(fields_[1].raw) &&
        (fields_.size() == 2 || !core::parse_compact_date(fields_[2].raw))) {
      diags_.warning(
          "sie.series",
          fmt::format(
              fmt::runtime(
                  _("#VER has no voucher series: '{}' stands where the series belongs and the date "
                    "'{}' where the number does (§11 #VER: series, number, date, text; an empty "
                    "series "
                    "is written \"\"); read as number {} of {}")),
              text(fields_[0].raw), text(fields_[1].raw), text(fields_[0].raw),
              text(fields_[1].raw)),
          at(line, fields_[0].column));
      fields_.insert(fields_.begin(), Field{});
      at_series = 1;
    }
    if (fields_.size() > 0 && at_series == 0) voucher_.series = add_text(fields_[0].raw);
    if (fields_.size() > 1) voucher_.number = add_text(fields_[1].raw);
    voucher_date_bad_ = true;
    if (fields_.size() > 2) {
      auto d = core::parse_compact_date(fields_[2].raw);
      if (d) {
        voucher_.date = *d;
        voucher_date_bad_ = false;
      } else {
        diags_.error(
            "sie.date",
            fmt::format(
                fmt::runtime(_("the voucher date: {}; its rows without a date of their own are "
                               "not read")),
                d.error()),
            at(line, fields_[2].column));
      }
    } else {
      diags_.error(
          "sie.date",
          _("#VER has no voucher date (verdatum); its rows without a date of their own are "
            "not read"),
          at(line));
    }
    if (fields_.size() > 3) voucher_.text = add_text(fields_[3].raw);
    vstate_ = VState::header;
  }

  // A #VER not followed by `{`: a voucher without rows.
  void end_headless_voucher() {
    diags_.warning("sie.syntax",
                   _("#VER is not followed by its rows in { … }; the voucher has no rows"),
                   at(voucher_.line));
    close_voucher();
  }

  void open_block(int line) {
    if (vstate_ != VState::header) {
      diags_.error("sie.syntax", _("a { that does not open the rows of a #VER"), at(line));
      return;
    }
    vstate_ = VState::block;
  }

  void close_block(int line) {
    if (vstate_ == VState::header) end_headless_voucher();
    if (vstate_ != VState::block) {
      diags_.error("sie.syntax", _("a } that closes no voucher"), at(line));
      return;
    }
    if (rtrans_) rtrans_unpaired();
    close_voucher();
  }

  void rtrans_unpaired() {
    diags_.warning(
        "sie.rtrans",
        _("#RTRANS is not followed by its #TRANS copy (the same account, objects and amount; §11 "
          "#RTRANS 4); the added row "
          "counts once, "
          "and a following #TRANS counts as a row of its own"),
        at(rtrans_line_));
    rtrans_ = false;
  }

  std::string voucher_name() const {
    voucher_id(voucher_.view(voucher_.series), voucher_.view(voucher_.number), id_);
    return id_.empty() ? fmt::format(fmt::runtime(_("the voucher on line {}")), voucher_.line)
                       : fmt::format("voucher {}", id_);
  }

  // `complete`: false for a voucher cut off (no closing `}`), whose balance says nothing.
  void close_voucher(bool complete = true) {
    const auto& v = voucher_;
    if (complete && v.unreadable.empty() && !v.rows.empty()) {
      std::int64_t sum = 0;
      bool beyond = false;  // the rows add up past what int64 öre hold: certainly unbalanced
      for (const auto& r : v.rows)
        beyond = beyond || __builtin_add_overflow(sum, r.amount.ore(), &sum);
      if (beyond || sum != 0) {
        diags_.warning(
            "sie.unbalanced",
            fmt::format(
                fmt::runtime(_(
                    "{}{} does not balance: its rows add up to {} (debit − credit, §11 #TRANS 4); "
                    "they are read as they are")),
                voucher_name(), v.date ? " of " + core::format_iso(*v.date) : std::string(),
                beyond ? std::string("more than 92 233 720 368 547 758")
                       : core::format_kr(core::Money::from_ore(sum))),
            at(v.line));
      }
    }
    ++f_.vouchers;
    f_.rows += v.rows.size();
    f_.removed_rows += v.removed_rows;
    vstate_ = VState::none;
    if (sink_) {
      // The views are made now that the arena no longer grows: objects first, then the rows that
      // point into them.
      object_views_.resize(v.objects.size());
      for (std::size_t i = 0; i < v.objects.size(); ++i) {
        object_views_[i].dimension = v.objects[i].dimension;
        object_views_[i].object = v.view(v.objects[i].object);
      }
      row_views_.resize(v.rows.size());
      for (std::size_t i = 0; i < v.rows.size(); ++i) {
        const auto& r = v.rows[i];
        SieRowView& view = row_views_[i];
        view.account = v.view(r.account);
        view.objects =
            std::span<const SieObjectView>(object_views_).subspan(r.objects_at, r.objects);
        view.amount = r.amount;
        view.date = r.date;
        view.text = v.view(r.text);
        view.added = r.added;
        view.line = r.line;
      }
      SieVoucherView view;
      view.series = v.view(v.series);
      view.number = v.view(v.number);
      view.date = v.date;
      view.text = v.view(v.text);
      view.line = v.line;
      view.rows = row_views_;
      view.unreadable = v.unreadable;
      view.removed_rows = v.removed_rows;
      sink_(view, f_);
    }
    voucher_.clear();
  }

  // `report`: false when the fault was reported already (a voucher date that cannot be read): the
  // row is listed as excluded without a message of its own.
  void bad_row(std::string rule, std::string message, int line, int column, std::string account,
               std::optional<core::Date> date, std::string row_text, bool report = true) {
    if (report) diags_.error(rule, message, at(line, column));
    voucher_.unreadable.push_back({std::move(rule), std::move(message), row_amount(),
                                   std::move(account), std::move(row_text), date, line, column});
  }

  // The amount of the row being read, where it can be read: the first field after the account
  // and its object list. An excluded row is listed with it, not with 0.
  std::optional<core::Money> row_amount() const {
    std::size_t k = 1;
    if (k < fields_.size() && fields_[k].list) ++k;
    if (k >= fields_.size() || fields_[k].list) return std::nullopt;
    auto m = sie_amount(fields_[k].raw);
    if (!m) return std::nullopt;
    return *m;
  }

  void row(Label label, int line) {
    if (vstate_ == VState::header) {
      diags_.warning("sie.syntax",
                     _("the rows of a #VER must stand inside { … }; read as if they did"),
                     at(line));
      vstate_ = VState::block;
    }
    if (vstate_ != VState::block) {
      diags_.error("sie.syntax",
                   fmt::format(fmt::runtime(_("{} outside a voucher (#VER {{ … }}) is ignored")),
                               name_of(label)),
                   at(line));
      return;
    }
    if (label == Label::btrans) {
      if (rtrans_) rtrans_unpaired();
      ++voucher_.removed_rows;
      return;
    }
    if (label == Label::trans && rtrans_) {
      meaning_key(key_);
      if (key_ == rtrans_key_) {
        rtrans_ = false;
        return;  // the #TRANS copy of an #RTRANS: counted once, as the #RTRANS
      }
      rtrans_unpaired();
    } else if (rtrans_) {
      rtrans_unpaired();
    }
    if (label == Label::rtrans) {
      meaning_key(rtrans_key_);
      rtrans_ = true;
      rtrans_line_ = line;
    }
    read_row(label == Label::rtrans, line);
  }

  void read_row(bool added, int line) {
    auto& v = voucher_;
    const Text account = !fields_.empty() && !fields_[0].list ? add_text(fields_[0].raw) : Text{};
    const std::optional<core::Date> vdate = v.date;
    if (account.size == 0) {
      bad_row("sie.syntax", "the row has no account number", line, 1, "", vdate, str(v.text));
      return;
    }
    // The row is made in place and taken back when it cannot be read, with its objects.
    const std::size_t objects_at = v.objects.size();
    OpenVoucher::Row& r = v.rows.emplace_back();
    r.account = account;
    r.line = line;
    r.added = added;
    r.objects_at = objects_at;
    auto take_back = [&] {
      v.rows.pop_back();
      v.objects.resize(objects_at);
    };
    auto fail = [&](std::string rule, std::string message, int column) {
      take_back();
      bad_row(std::move(rule), std::move(message), line, column, str(account), vdate, str(v.text));
    };
    std::size_t k = 1;
    if (k < fields_.size() && fields_[k].list) {
      const Field& list = fields_[k];
      if (list.count % 2 != 0) {
        return fail("sie.objects",
                    "the object list must hold pairs of dimension and object (§8.21)", list.column);
      }
      auto pairs = items(list);
      for (std::size_t i = 0; i < pairs.size(); i += 2) {
        auto d = small_int(pairs[i].raw);
        if (!d) {
          return fail(
              "sie.objects",
              fmt::format(fmt::runtime(_("'{}' in the object list is not a dimension number")),
                          text(pairs[i].raw)),
              pairs[i].column);
        }
        OpenVoucher::Object& o = v.objects.emplace_back();
        o.dimension = *d;
        o.object = add_text(pairs[i + 1].raw);
      }
      ++k;
    }
    if (k >= fields_.size()) return fail("sie.syntax", "the row has no amount", 1);
    auto amount = sie_amount(fields_[k].raw);
    if (!amount) return fail("ledger.amount", amount.error(), fields_[k].column);
    r.amount = *amount;
    ++k;
    r.date = vdate;
    if (k < fields_.size() && !fields_[k].list && !fields_[k].raw.empty()) {
      auto d = core::parse_compact_date(fields_[k].raw);
      if (!d) return fail("ledger.date", fmt::format("transdat: {}", d.error()), fields_[k].column);
      r.date = *d;
    }
    ++k;
    r.objects = v.objects.size() - objects_at;
    if (k < fields_.size()) r.text = add_text(fields_[k].raw);
    if (r.text.size == 0) r.text = v.text;
    if (!r.date) {
      std::string row_text = str(r.text);
      take_back();
      if (voucher_date_bad_) {
        bad_row(
            "sie.date",
            fmt::format(fmt::runtime(
                            _("the row has no date: no transdat, and the date of its voucher (line "
                              "{}) cannot be read")),
                        v.line),
            line, 1, str(account), std::nullopt, std::move(row_text), false);
      } else {
        bad_row("ledger.date",
                "the row has no date: no transdat, and the voucher's date cannot be read", line, 1,
                str(account), std::nullopt, std::move(row_text));
      }
    }
  }

  void finish() {
    // A file that opens a checksum and never closes it is cut short: that is its one finding, not
    // also the voucher it breaks off in.
    const bool cut = crc_state_ == CrcState::on;
    if (vstate_ == VState::block) {
      if (!cut) {
        diags_.error(
            "sie.syntax",
            fmt::format(fmt::runtime(
                            _("the voucher on line {} has no closing }} (is the file cut short?)")),
                        voucher_.line),
            at(voucher_.line));
        if (rtrans_) rtrans_unpaired();
      }
      rtrans_ = false;
      close_voucher(false);
    } else if (vstate_ == VState::header) {
      if (cut)
        close_voucher(false);
      else
        end_headless_voucher();
    }
    if (cut) {
      f_.truncated = true;
      diags_.unreadable(
          "sie.truncated",
          _("the file opens a checksum (#KSUMMA) but has no closing #KSUMMA: it is cut "
            "short (§10.6); "
            "export it again"),
          at(ksumma_line_));
    }
    // A file of balances only (#SIETYP 1–3, or 4 without #VER) gives no outcome: said, not silent.
    if (f_.vouchers == 0 && !cut) {
      std::string what =
          f_.type.empty() ? std::string("gives no #SIETYP")
          : f_.type == "4"
              ? std::string("is #SIETYP 4 (vouchers) but holds only balances")
              : fmt::format(fmt::runtime(_("is #SIETYP {} (balances{}, no vouchers; §11 #SIETYP)")),
                            f_.type,
                            f_.type == "1"   ? " at year end"
                            : f_.type == "2" ? " per period"
                            : f_.type == "3" ? " per object"
                                             : "");
      diags_.warning(
          "sie.no-vouchers",
          fmt::format(
              fmt::runtime(
                  _("the file holds no vouchers (#VER): it {}; nothing of it is outcome — export "
                    "SIE type 4 (transaktioner) for the ledger")),
              what),
          {file_, 0, 0});
    }
    if (utf8_ && scan_.encoding.empty()) {
      diags_.info(
          "sie.encoding",
          fmt::format(fmt::runtime(_("the file {} but its bytes are UTF-8; read as UTF-8")),
                      f_.format.empty() ? "does not say #FORMAT" : "says #FORMAT " + f_.format),
          format_line_ > 0 ? at(format_line_) : core::SourcePlace{file_, 0, 0});
    } else if (scan_.encoding.empty() && scan_.latin_letters > 0 && scan_.cp437_letters == 0) {
      diags_.warning(
          "sie.encoding",
          fmt::format(
              fmt::runtime(
                  _("the file {} but its letters are Latin-1/Latin-9 bytes (E5H å, E4H ä, F6H ö, "
                    "C5H Å, "
                    "C4H Ä, D6H Ö; "
                    "{} of them and none of PC8's), which PC8 (codepage 437) reads as σ Σ ÷ ┼ ─ ╓ "
                    "('Leverant÷rsskulder'); read as PC8 — if its texts look so, give the source "
                    "`encoding: latin-9` (or latin-1)")),
              f_.format.empty() ? "does not say #FORMAT" : "says #FORMAT " + f_.format,
              scan_.latin_letters),
          format_line_ > 0 ? at(format_line_) : core::SourcePlace{file_, 0, 0});
    } else if (scan_.encoding.empty() && !f_.format.empty() && upper_ascii(f_.format) != "PC8") {
      diags_.warning("sie.encoding",
                     fmt::format(fmt::runtime(_("#FORMAT {} is not PC8, the only character set of "
                                                "SIE 4 (§11 #FORMAT); read as PC8 "
                                                "(codepage 437)")),
                                 f_.format),
                     at(format_line_));
    }
  }

  enum class CrcState { off, on, done };
  enum class VState { none, header, block };

  TextStream& in_;
  const SieScan& scan_;
  const std::string& file_;
  core::Diagnostics& diags_;
  const SieVoucherViewSink& sink_;
  SieFile f_;
  bool utf8_ = false;
  Decoder dec_;
  // The record being read: its fields (views into the line or scratch_), the items of its object
  // lists, the unescaped quoted fields, and the first fault in its syntax.
  std::vector<Field> fields_;
  std::vector<Field> items_;
  std::string scratch_;
  const char* problem_ = nullptr;
  int problem_column_ = 0;
  SieChecksum crc_;
  SieChecksum alt_crc_;
  bool alt_ok_ = true;
  CrcState crc_state_ = CrcState::off;
  int ksumma_line_ = 0;
  int format_line_ = 0;
  VState vstate_ = VState::none;
  OpenVoucher voucher_;
  bool voucher_date_bad_ = false;  // the open voucher's date is missing or cannot be read
  bool rtrans_ = false;            // an #RTRANS waits for its #TRANS copy
  std::string rtrans_key_;         // what it means (meaning_key)
  std::string key_;
  int rtrans_line_ = 0;
  // What the sink is handed, made when a voucher closes.
  std::vector<SieObjectView> object_views_;
  std::vector<SieRowView> row_views_;
  mutable std::string id_;
};

// Reads with vouchers handed on whole (SieVoucher): to `sink`, else collected in the file.
SieFile read_whole_vouchers(TextStream& text, const SieScan& scan, const std::string& file,
                            core::Diagnostics& diags, const SieVoucherSink& sink) {
  std::vector<SieVoucher> collected;
  SieFile f =
      read_sie(text, scan, file, diags, [&](const SieVoucherView& v, const SieFile& so_far) {
        if (sink)
          sink(v.to_voucher(), so_far);
        else
          collected.push_back(v.to_voucher());
      });
  f.collected = std::move(collected);
  return f;
}

// The parent object of `object` (in a sub-dimension of `parent`): the longest declared code in the
// parent dimension that begins `object`'s code.
std::optional<std::string_view> parent_object(const SieFile& f, int parent,
                                              std::string_view object) {
  std::optional<std::string_view> best;
  for (auto it = f.object_names.lower_bound({parent, std::string()});
       it != f.object_names.end() && it->first.first == parent; ++it) {
    const std::string& code = it->first.second;
    if (code.size() <= object.size() && object.compare(0, code.size(), code) == 0 &&
        (!best || code.size() > best->size())) {
      best = code;
    }
  }
  return best;
}

}  // namespace

void SieChecksum::add(std::string_view bytes) {
  for (char ch : bytes) {
    auto b = static_cast<unsigned char>(ch);
    crc_ = (crc_ >> 8) ^ kCrcTable[(crc_ ^ b) & 0xFFu];
  }
}

std::string SieVoucher::id() const {
  std::string out;
  voucher_id(series, number, out);
  return out;
}

void SieVoucherView::id(std::string& out) const {
  voucher_id(series, number, out);
}

SieVoucher SieVoucherView::to_voucher() const {
  SieVoucher v;
  v.series = series;
  v.number = number;
  v.date = date;
  v.text = text;
  v.line = line;
  v.rows.reserve(rows.size());
  for (const auto& r : rows) {
    SieRow row;
    row.account = r.account;
    for (const auto& o : r.objects) row.objects.push_back({o.dimension, std::string(o.object)});
    row.amount = r.amount;
    row.date = r.date;
    row.text = r.text;
    row.added = r.added;
    row.line = r.line;
    v.rows.push_back(std::move(row));
  }
  v.unreadable.assign(unreadable.begin(), unreadable.end());
  v.removed_rows = removed_rows;
  return v;
}

std::optional<SieObjectView> SieFile::object_for(std::span<const SieObjectView> objects,
                                                 int dimension) const {
  for (const auto& o : objects) {
    if (o.dimension == dimension) return o;
  }
  auto parent_of = [&](int d) -> std::optional<int> {
    auto it = dimensions.find(d);
    if (it != dimensions.end()) return it->second.parent;
    if (d == 2) return 1;  // kostnadsbärare is a sub-dimension of kostnadsställe (§8.17)
    return std::nullopt;
  };
  for (const auto& o : objects) {
    SieObjectView at = o;
    for (int depth = 0; depth < 16; ++depth) {
      std::optional<int> parent = parent_of(at.dimension);
      if (!parent) break;
      auto code = parent_object(*this, *parent, at.object);
      if (!code) break;
      at = SieObjectView{*parent, *code};
      if (at.dimension == dimension) return at;
    }
  }
  return std::nullopt;
}

std::optional<SieObject> SieFile::object_for(const SieRow& row, int dimension) const {
  std::vector<SieObjectView> objects;
  objects.reserve(row.objects.size());
  for (const auto& o : row.objects) objects.push_back({o.dimension, o.object});
  auto found = object_for(objects, dimension);
  if (!found) return std::nullopt;
  return SieObject{found->dimension, std::string(found->object)};
}

std::string SieFile::object_name(int dimension, const std::string& object) const {
  auto it = object_names.find({dimension, object});
  return it == object_names.end() ? std::string() : it->second;
}

SieScan scan_sie(std::string_view bytes) {
  Scanner s;
  s.add(bytes);
  return s.finish();
}

SieScan scan_sie_file(const std::string& path, std::size_t block) {
  SieScan unreadable;
  unreadable.readable = false;
  // A folder (or a device, a pipe) is not a ledger file.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return unreadable;
  std::ifstream in(path, std::ios::binary);
  if (!in) return unreadable;
  Scanner s;
  std::string buf(block == 0 ? kSieBlock : block, '\0');
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    s.add(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) return unreadable;
  return s.finish();
}

SieFile read_sie(TextStream& text, const SieScan& scan, const std::string& file,
                 core::Diagnostics& diags, const SieVoucherViewSink& sink) {
  return Reader(text, scan, file, diags, sink).run();
}

SieFile read_sie(std::string_view bytes, const std::string& file, core::Diagnostics& diags,
                 const SieVoucherSink& sink) {
  SieScan scan = scan_sie(bytes);
  if (scan.bom) bytes.remove_prefix(3);
  TextStream text(bytes);
  return read_whole_vouchers(text, scan, file, diags, sink);
}

SieFile read_sie_file(const std::string& path, core::Diagnostics& diags, const SieVoucherSink& sink,
                      std::size_t block) {
  SieScan scan = scan_sie_file(path, block);
  if (!scan.readable) {
    diags.unreadable("io.read", _("cannot read the file"), {path, 0, 0});
    return {};
  }
  TextStream text(path, "utf-8", block);
  SieFile f = read_whole_vouchers(text, scan, path, diags, sink);
  if (!text.error().empty())
    diags.unreadable("io.read",
                     fmt::format(fmt::runtime(_("cannot read the file: {}")), text.error()),
                     {path, 0, 0});
  return f;
}

}  // namespace grantkit::io
