#pragma once
// SIE 4 (SIE filformat, utgåva 4B, 2008-09-30, SIE-gruppen): the vouchers of an accounting
// export and the records that name their accounts, dimensions and objects. Section numbers (§)
// below are the specification's.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/money.hpp>

namespace grantkit::io {

// The #KSUMMA checksum (§10.7–10.13): CRC-32 with the reflected generator polynomial EDB88320H,
// preset to FFFFFFFFH and bit-inverted at the end — the same CRC-32 as zlib and PKZIP (check
// value: "123456789" → CBF43926H).
class SieChecksum {
 public:
  void add(std::string_view bytes);
  std::uint32_t value() const { return ~crc_; }

 private:
  std::uint32_t crc_ = 0xFFFFFFFFu;
};

// One object of a transaction's object list (objektlista, §8.21): a dimension number and an
// object id.
struct SieObject {
  int dimension = 0;
  std::string object;
  bool operator==(const SieObject&) const = default;
};

// A voucher row that counts (§11 #TRANS): a #TRANS, or an #RTRANS (tillagd rad) whose #TRANS copy
// is then skipped. Amount in öre, debit positive (SIE writes kredit as negative).
struct SieRow {
  std::string account;
  std::vector<SieObject> objects;
  core::Money amount;
  std::optional<core::Date> date;  // transdat, else the voucher's date (§11 #TRANS 2)
  std::string text;                // transtext, else the voucher's text
  bool added = false;              // read from #RTRANS
  int line = 0;
};

// A voucher row that could not be read (bad amount, bad date, bad object list); reported as a
// diagnostic by the reader and handed on so that it is listed as excluded, never dropped.
struct SieBadRow {
  std::string rule;  // ledger.amount, ledger.date, sie.objects, sie.syntax
  std::string message;
  std::optional<core::Money>
      amount;  // the row's amount where it could be read (öre, debit positive)
  std::string account;
  std::string text;
  std::optional<core::Date> date;
  int line = 0;
  int column = 0;
};

// A voucher (verifikation, §11 #VER) with the rows that count. #BTRANS rows (borttagna, struck)
// are counted in `removed_rows` and not read as rows.
struct SieVoucher {
  std::string series;  // serie; may be empty (`#VER "" ""`, §11 #VER 6)
  std::string number;  // verno; may be empty
  std::optional<core::Date> date;
  std::string text;
  int line = 0;
  std::vector<SieRow> rows;
  std::vector<SieBadRow> unreadable;
  std::size_t removed_rows = 0;
  // `A-567`: series and number joined by a hyphen, or whichever is given; empty when neither.
  std::string id() const;
};

// An object of a row as the reader hands it on (SieObject with a view).
struct SieObjectView {
  int dimension = 0;
  std::string_view object;
};

// A row that counts as the reader hands it on (SieRow with views).
struct SieRowView {
  std::string_view account;
  std::span<const SieObjectView> objects;
  core::Money amount;
  std::optional<core::Date> date;
  std::string_view text;
  bool added = false;
  int line = 0;
};

// A voucher as the reader hands it to a SieVoucherViewSink: SieVoucher with its texts, rows and
// objects as views into the reader's storage, valid only during that call, so that the vouchers of
// a large file pass without strings and vectors being made for each. to_voucher() keeps one.
struct SieVoucherView {
  std::string_view series;
  std::string_view number;
  std::optional<core::Date> date;
  std::string_view text;
  int line = 0;
  std::span<const SieRowView> rows;
  std::span<const SieBadRow> unreadable;
  std::size_t removed_rows = 0;
  // SieVoucher::id(), written into `out` (which keeps its capacity from voucher to voucher).
  void id(std::string& out) const;
  SieVoucher to_voucher() const;
};

// A dimension (§8, #DIM / #UNDERDIM): number, name and, for a sub-dimension, its parent.
struct SieDimension {
  int number = 0;
  std::string name;
  std::optional<int> parent;
};

// Everything a SIE file says besides its vouchers. Texts are UTF-8.
struct SieFile {
  std::string encoding;  // cp437 (PC8, §5.8) or utf-8 (detected, see read_sie)
  std::string format;    // #FORMAT as written
  std::string program;   // #PROGRAM
  std::string company;   // #FNAMN
  std::string type;  // #SIETYP: 1–3 balances only, 4 vouchers (§11 #SIETYP); empty when not given
  std::map<std::string, std::string, std::less<>> account_names;  // #KONTO kontonr → kontonamn
  std::map<std::string, char> account_types;                      // #KTYP kontonr → T, S, K or I
  std::map<int, SieDimension> dimensions;
  std::map<std::pair<int, std::string>, std::string> object_names;  // #OBJEKT
  // Counts the records read that may change the four maps above (#KONTO, #KTYP, #DIM, #UNDERDIM,
  // #OBJEKT): what a voucher sink looked up in them stays right while it is the same.
  std::size_t plan_version = 0;
  std::size_t vouchers = 0;
  std::size_t rows = 0;          // rows that count, in all vouchers
  std::size_t removed_rows = 0;  // #BTRANS
  // #KSUMMA: nothing when the file has none; true/false when verified.
  std::optional<bool> checksum_ok;
  // The file opens a checksum and never closes it: it is cut short and must not be read (§10.6).
  bool truncated = false;
  std::vector<SieVoucher> collected;  // the vouchers, when read_sie was given no sink

  // The object a row carries for `dimension`: the one in that dimension; else the parent object
  // of one in a sub-dimension of it (#UNDERDIM; kostnadsbärare 2 under kostnadsställe 1, §8.17).
  // A sub-object's code is its parent's code followed by its own (§8.12: `0101` under `01`), so
  // the parent is the parent dimension's #OBJEKT whose code is the longest prefix of it. Nothing
  // when the row has no such object or the parent cannot be found.
  std::optional<SieObject> object_for(const SieRow& row, int dimension) const;
  // The same for a row's objects as views; the object found is a view into `objects` or into
  // object_names.
  std::optional<SieObjectView> object_for(std::span<const SieObjectView> objects,
                                          int dimension) const;
  // An object's #OBJEKT name, or empty.
  std::string object_name(int dimension, const std::string& object) const;
};

// Receives each voucher as its block closes, with the file read so far.
using SieVoucherSink = std::function<void(SieVoucher&&, const SieFile&)>;
// The same with the voucher as views, valid only during the call.
using SieVoucherViewSink = std::function<void(const SieVoucherView&, const SieFile&)>;

// What the reader must know of a whole file before it reads a line of it, found in one pass over
// its bytes (scan_sie_file: block by block, in constant memory).
struct SieScan {
  bool readable = true;     // the file could be opened and read (always so for bytes in memory)
  bool utf16 = false;       // it starts with a UTF-16 BOM: refused (sie.encoding)
  bool bom = false;         // it starts with a UTF-8 BOM
  bool blank = true;        // after a UTF-8 BOM: nothing but spaces, tabs and line ends (sie.empty)
  bool has_record = false;  // a line whose first non-blank is `#` and a letter (else sie.format)
  // Read as UTF-8: it has a UTF-8 BOM, or its bytes after a BOM are valid UTF-8 (RFC 3629) with
  // a multi-byte sequence. Else CP437.
  bool utf8 = false;
  std::size_t ksumma = 0;  // how often `#KSUMMA` occurs in its bytes, anywhere
  // Bytes where Swedish texts have å ä ö Å Ä Ö in CP437 (86H 84H 94H 8FH 8EH 99H) and in
  // Latin-1/Latin-9 (E5H E4H F6H C5H C4H D6H): a file labelled PC8 with only the second is
  // Latin-1/Latin-9 read as CP437 (σ Σ ÷ ┼ ─ ╓ where the letters belong), a warning sie.encoding.
  std::size_t cp437_letters = 0;
  std::size_t latin_letters = 0;
  // The source's `encoding:` for the file (cp437, utf-8, latin-1, latin-9, windows-1252), which
  // wins over PC8 and over what the bytes look like; empty: by the file.
  std::string encoding;
};

// The block size in which a SIE file is read.
inline constexpr std::size_t kSieBlock = std::size_t{1} << 20;

// The pre-pass over bytes in memory, and over the file at `path` read in blocks of `block` bytes
// (not readable: a file that cannot be opened or read, a folder).
SieScan scan_sie(std::string_view bytes);
SieScan scan_sie_file(const std::string& path, std::size_t block = kSieBlock);

// Reads a SIE 4 file from its bytes, line by line (CRLF, LF or CR; the last line needs no line
// end; blank lines ignored, §5.5–5.6). Fields are separated by spaces or tabs, also inside `{}`;
// quoted with ", where \" is a quote and any other backslash is itself (`"1820\A012"`), §5.7.
// Amounts `-133`, `11441.2`, `-0.00` (dot decimal, at most two decimals, §5.9; at most
// 100 000 000 000 kr either way, core::parse_ledger_amount); dates YYYYMMDD
// (§5.10). Unknown labels and extra trailing fields are ignored (§7.1, §7.3).
//
// Encoding: CP437 (#FORMAT PC8, §5.8); a file whose bytes are valid UTF-8 with multi-byte
// sequences (or start with a UTF-8 BOM) is read as UTF-8 with an info `sie.encoding`.
//
// Vouchers: #VER with its `{ … }` block; #TRANS rows; an #RTRANS counts once and its #TRANS copy
// is skipped (§11 #RTRANS 4, 6) — a missing or different copy is a warning `sie.rtrans` and both
// rows count; #BTRANS rows are struck rows and do not count (§11 #BTRANS). A voucher whose rows do
// not add up to zero is a warning `sie.unbalanced` naming it; its rows are still read.
//
// #KSUMMA (§10): verified when present; a mismatch is a warning `sie.ksumma`; an opening #KSUMMA
// without a closing one is `sie.truncated` (unreadable, the file is not read). See the .cpp for
// exactly which bytes the checksum covers.
//
// Other findings: `sie.syntax` (a record out of place, an unclosed quote or block), `sie.date`
// (a voucher date; the voucher's rows without a transdat go to SieVoucher::unreadable with it,
// without a message each), and per row (also in SieVoucher::unreadable) `ledger.amount`,
// `ledger.date`, `sie.objects`. Each diagnostic has file, line and column. One message per fault:
// a voucher cut off without its `}` is not also judged for balance, and a file cut short inside
// its checksum is `sie.truncated` alone.
//
// A file that is empty (or blank) is a warning `sie.empty`; a file with no record at all (no line
// starting with `#` and a label: a CSV or a spreadsheet given as SIE) is `sie.format`
// (unreadable) and not read further.
//
// With a `sink`, vouchers are handed over as they close and not kept; without one they are
// collected in SieFile::collected.
SieFile read_sie(std::string_view bytes, const std::string& file, core::Diagnostics& diags,
                 const SieVoucherSink& sink = {});

// The same for the file at `path`, in constant memory: scan_sie_file, then the text read line by
// line in blocks of `block` bytes. A file that cannot be read is `io.read` (unreadable).
SieFile read_sie_file(const std::string& path, core::Diagnostics& diags,
                      const SieVoucherSink& sink = {}, std::size_t block = kSieBlock);

class TextStream;

// The reader itself: `text` is the file's bytes after a UTF-8 BOM (a TextStream of the file in
// utf-8 drops it), `scan` the pre-pass over the same file. Vouchers go to `sink` as views; none is
// collected. A read error ends the text early: the caller reports text.error().
SieFile read_sie(TextStream& text, const SieScan& scan, const std::string& file,
                 core::Diagnostics& diags, const SieVoucherViewSink& sink);

}  // namespace grantkit::io
