// The SIE reader streamed from a file: the same vouchers, rows and diagnostics as in memory
// whatever the block size, and the decisions that need the whole file (encoding, empty, not SIE, a
// #KSUMMA that is never closed) taken from all of it, not from the first block.
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/io/sie.hpp>

#include "support.hpp"

using namespace grantkit;
using test::count_rule;

namespace {

// Everything read_sie gives, as text: the file's records, each voucher with its rows and
// unreadable rows, and every diagnostic with its place.
std::string dump(const io::SieFile& f, const core::Diagnostics& d) {
  auto date = [](const std::optional<core::Date>& x) {
    return x ? core::format_iso(*x) : std::string("-");
  };
  std::string s = fmt::format(
      "encoding {} format {} program {} company {} vouchers {} rows {} removed {} checksum {} "
      "truncated {}\n",
      f.encoding, f.format, f.program, f.company, f.vouchers, f.rows, f.removed_rows,
      f.checksum_ok ? (*f.checksum_ok ? "ok" : "mismatch") : "none", f.truncated);
  for (const auto& [k, v] : f.account_names) s += fmt::format("konto {} {}\n", k, v);
  for (const auto& [k, v] : f.account_types) s += fmt::format("ktyp {} {}\n", k, v);
  for (const auto& [k, v] : f.dimensions)
    s += fmt::format("dim {} {} {}\n", k, v.name, v.parent ? *v.parent : 0);
  for (const auto& [k, v] : f.object_names)
    s += fmt::format("objekt {} {} {}\n", k.first, k.second, v);
  for (const auto& v : f.collected) {
    s += fmt::format("ver {}|{}|{}|{}|{}|removed {}\n", v.series, v.number, date(v.date), v.text,
                     v.line, v.removed_rows);
    for (const auto& r : v.rows) {
      s += fmt::format("  trans {}|{}|{}|{}|{}|{}|", r.account, core::format_money_plain(r.amount),
                       date(r.date), r.text, r.added, r.line);
      for (const auto& o : r.objects) s += fmt::format("{}={} ", o.dimension, o.object);
      s += "\n";
    }
    for (const auto& b : v.unreadable) {
      s += fmt::format("  bad {}|{}|{}|{}|{}|{}:{}\n", b.rule, b.message, b.account, b.text,
                       date(b.date), b.line, b.column);
    }
  }
  for (const auto& x : d.items()) s += core::format_diagnostic(x) + "\n";
  return s;
}

// A #KSUMMA over `body` (its records, as SIE 4B §10.14 sums them), computed by reading it.
std::string with_checksum(const std::string& head, const std::string& body,
                          const std::string& end) {
  core::Diagnostics d;
  io::read_sie(head + "#KSUMMA\n" + body + "#KSUMMA 0\n", "x.se", d);
  std::string computed;
  for (const auto& x : d.items()) {
    auto at = x.message.find("(computed ");
    if (at != std::string::npos)
      computed = x.message.substr(at + 10, x.message.find(')', at) - at - 10);
  }
  REQUIRE_FALSE(computed.empty());
  return head + "#KSUMMA" + end + body + "#KSUMMA " + computed + end;
}

// A file of `vouchers` balanced vouchers of two rows each, lines ending in `end`.
std::string vouchers(int count, const std::string& end = "\n", int first = 1) {
  std::string s;
  for (int i = first; i < first + count; ++i) {
    s += fmt::format(
        "#VER A {} 20220110 \"Resa {}\"{}{{{}#TRANS 5810 {{6 \"P1\" 20 \"A1\"}} 100.50{}"
        "#TRANS 1930 {{}} -100.50{}}}{}",
        i, i, end, end, end, end, end);
  }
  return s;
}

}  // namespace

TEST_CASE("io::read_sie_file gives what read_sie gives in memory, for every block size") {
  const std::string head =
      "#FLAGGA 0\r\n#FORMAT PC8\r\n#KONTO 5810 \"Biljetter\"\r\n#DIM 6 \"Projekt\"\r\n";
  const std::vector<std::string> texts = {
      // CRLF, CR and LF line ends, blank lines, leading blanks and tabs.
      head +
          "#VER A 1 20220110 \"Tåg\"\r\n{\r\n\t#TRANS 5810 {6 \"P1\"} 486.00\r\r\n  #TRANS 2440 {} "
          "-486.00\r}\n\n",
      // Quoted fields with \" (and `"C:\"`, a backslash before the closing quote at the line's
      // end).
      "#VER \"A\" \"1\" 20220110 \"Faktura \\\"12\\\" \\x\"\n{\n#TRANS 5810 {6 \"a\\\"b\" 20 "
      "\"A1\"} 1.00 \"\" "
      "\"Text \\\"c\\\"\"\n#TRANS 1930 {} -1.00 20220111 \"C:\\\"\n}\n",
      // #RTRANS with its #TRANS copy (spaces differ), one without, and #BTRANS.
      "#VER A 1 20220110\n{\n#RTRANS 5810 {6 \"P1\"} 10.00\n#TRANS  5810  {6  \"P1\"}  10.00\n"
      "#RTRANS 6550 {} 5.00\n#BTRANS 6550 {} 7.00\n#TRANS 1930 {} -15.00\n}\n",
      // A #KSUMMA file, CRLF.
      with_checksum("#FLAGGA 0\r\n", vouchers(3, "\r\n"), "\r\n"),
      // CP437 texts (ö, ä, Ä), and a UTF-8 BOM with UTF-8 text.
      "#FORMAT PC8\n#KONTO 6990 \"F\x94rt\x84ring\"\n#VER A 1 20220110 \"\x8Engelholm\"\n{\n#TRANS "
      "6990 {} 1.00\n"
      "#TRANS 1930 {} -1.00\n}\n",
      "\xEF\xBB\xBF#FORMAT PC8\n#VER A 1 20220110 \"M\xC3\xB6te\"\n{\n#TRANS 6990 {} 1.00\n#TRANS "
      "1930 {} -1.00\n}",
      // Faults: a bad amount, a bad transdat, an odd object list, an unbalanced voucher, an
      // unclosed
      // quote, a voucher cut off, a #VER without its block, rows outside a voucher.
      "#VER A 1 20220230\n{\n#TRANS 5810 {} 1,5\n#TRANS 5810 {} 2.00 2022013\n#TRANS 5810 {6} "
      "3.00\n"
      "#TRANS 1930 {} -2.00 20220101\n}\n#VER B 1 20220101 \"open\n{\n#TRANS 1930 {} 9.00\n}\n#VER "
      "C 1 20220102\n"
      "#TRANS 1930 {} 1.00\n#VER D 1 20220103\n#KONTO 1 \"x\"\n}\n#VER E 1 20220104\n{\n#TRANS "
      "5810 {} 1.00",
  };
  test::TempDir dir;
  for (const auto& text : texts) {
    CAPTURE(text);
    std::string path = dir.write("t.se", text);
    core::Diagnostics in_memory;
    std::string expected = dump(io::read_sie(text, path, in_memory), in_memory);
    for (std::size_t block : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{4096}}) {
      CAPTURE(block);
      core::Diagnostics streamed;
      CHECK(dump(io::read_sie_file(path, streamed, {}, block), streamed) == expected);
    }
  }
  // What the comparison compares: lines counted over CRLF and CR, `\"` made a quote, the #RTRANS
  // copy skipped, the checksum verified.
  std::string path = dir.write("a.se", texts[0]);
  core::Diagnostics d;
  auto f = io::read_sie_file(path, d, {}, 2);
  REQUIRE(f.collected.size() == 1);
  REQUIRE(f.collected[0].rows.size() == 2);
  CHECK(f.collected[0].line == 5);
  CHECK(f.collected[0].rows[0].line == 7);
  CHECK(f.collected[0].rows[1].line == 9);  // after the blank line between CR and CRLF
  CHECK(f.collected[0].rows[0].objects.at(0).object == "P1");
  core::Diagnostics q;
  auto quoted = io::read_sie_file(dir.write("b.se", texts[1]), q, {}, 1);
  REQUIRE(quoted.collected.size() == 1);
  CHECK(quoted.collected[0].text == "Faktura \"12\" \\x");
  CHECK(quoted.collected[0].rows.at(0).objects.at(0).object == "a\"b");
  CHECK(quoted.collected[0].rows.at(0).text == "Text \"c\"");
  CHECK(quoted.collected[0].rows.at(1).text == "C:\\");
  core::Diagnostics r;
  auto rt = io::read_sie_file(dir.write("c.se", texts[2]), r, {}, 7);
  CHECK(rt.rows == 3);
  CHECK(rt.removed_rows == 1);
  CHECK(count_rule(r, "sie.rtrans") == 1);
  core::Diagnostics k;
  auto ks = io::read_sie_file(dir.write("d.se", texts[3]), k, {}, 1);
  CHECK(ks.checksum_ok == true);
  CHECK(k.empty());
  core::Diagnostics c;
  auto cp = io::read_sie_file(dir.write("e.se", texts[4]), c, {}, 1);
  CHECK(cp.encoding == "cp437");
  CHECK(cp.account_names.at("6990") == "Förtäring");
  CHECK(cp.collected.at(0).text == "Ängelholm");
  core::Diagnostics u;
  auto bom = io::read_sie_file(dir.write("f.se", texts[5]), u, {}, 1);
  CHECK(bom.encoding == "utf-8");
  CHECK(bom.collected.at(0).text == "Möte");
}

TEST_CASE(
    "io::scan_sie_file decides on the whole file, across block ends, as scan_sie does in memory") {
  test::TempDir dir;
  auto same = [&](const std::string& text) {
    std::string path = dir.write("s.se", text);
    io::SieScan whole = io::scan_sie(text);
    for (std::size_t block = 1; block <= 12; ++block) {
      CAPTURE(block);
      io::SieScan s = io::scan_sie_file(path, block);
      CHECK(s.readable);
      CHECK(s.utf16 == whole.utf16);
      CHECK(s.bom == whole.bom);
      CHECK(s.blank == whole.blank);
      CHECK(s.has_record == whole.has_record);
      CHECK(s.utf8 == whole.utf8);
      CHECK(s.ksumma == whole.ksumma);
    }
    return whole;
  };
  // `#KSUMMA` counted wherever it stands, cut by any block end, never twice.
  CHECK(same("#FLAGGA 0\n#KSUMMA\n#VER A 1 20220101\n#KSUMMA 123\n").ksumma == 2);
  CHECK(same("x#KSUMMA#KSUMMA#KSUMM").ksumma == 2);
  CHECK(same("#KSUMMA").ksumma == 1);
  // UTF-8 by a multi-byte sequence anywhere (cut by block ends), not by its first byte alone.
  CHECK(same("#FLAGGA 0\n#VER A 1 20220101 \"T\xC3\xA5g\"\n").utf8);
  CHECK(same("#FLAGGA 0\n#VER A 1 20220101 \"\xF0\x9F\x98\x80\"\n").utf8);
  CHECK_FALSE(same("#FLAGGA 0\n#VER A 1 20220101 \"T\xC3\xA5g\x94\"\n").utf8);  // then a CP437 ö
  CHECK_FALSE(same("#FLAGGA 0\n\"\xC3").utf8);            // cut off at the end
  CHECK_FALSE(same("#FLAGGA 0\n\"\xE0\x80\x80\"").utf8);  // overlong
  CHECK_FALSE(same("#FLAGGA 0\n\"\xED\xA0\x80\"").utf8);  // a surrogate
  CHECK_FALSE(same("#FLAGGA 0\n").utf8);                  // ASCII: CP437
  CHECK(same("\xEF\xBB\xBF#FLAGGA 0\n").utf8);            // a BOM says it
  CHECK(same("\xFF\xFE#\0F\0").utf16);
  // Blank and record: a `#` that starts a line, then a letter, maybe in the next block.
  CHECK(same(" \r\n\t\n\n  ").blank);
  CHECK_FALSE(same(" \r\n\t\n\n  x").blank);
  CHECK(same("a,b\n1,2\n  #F").has_record);
  CHECK_FALSE(same("a,b\n1,2\n  x#F\n#1\n#").has_record);
  CHECK(same("\xEF\xBB\xBF\t#v").has_record);
  CHECK_FALSE(io::scan_sie_file(dir.file("missing.se")).readable);
  CHECK_FALSE(io::scan_sie_file(dir.path()).readable);  // a folder
}

TEST_CASE(
    "io::read_sie_file: what needs the whole file is decided on all of it, past the first block") {
  test::TempDir dir;
  const std::string plain =
      "#FLAGGA 0\n#FORMAT PC8\n" + vouchers(20);  // ASCII, well over one block
  REQUIRE(plain.size() > 20 * 64);
  auto read = [&](const std::string& text, core::Diagnostics& d) {
    return io::read_sie_file(dir.write("w.se", text), d, {}, 64);
  };
  // A UTF-8 letter only in the last voucher: the whole file is UTF-8, its first vouchers included.
  {
    core::Diagnostics d;
    auto f = read(
        plain +
            "#VER A 99 20220110 \"T\xC3\xA5g\"\n{\n#TRANS 5810 {} 1.00\n#TRANS 1930 {} -1.00\n}\n",
        d);
    CHECK(f.encoding == "utf-8");
    CHECK(f.collected.back().text == "Tåg");
    CHECK(count_rule(d, "sie.encoding") == 1);
    // The same letter with a CP437 byte after it: CP437, and å is read as two CP437 characters.
    core::Diagnostics c;
    auto g = read(plain + "#VER A 99 20220110 \"T\xC3\xA5g\"\n#KONTO 5810 \"\x94\"\n", c);
    CHECK(g.encoding == "cp437");
    CHECK(g.collected.back().text == "T├Ñg");
  }
  // Blank past the first block, a record only past it, no record at all.
  {
    core::Diagnostics d;
    read(std::string(300, ' ') + "\n\r\n" + std::string(300, '\t'), d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].rule == "sie.empty");
    core::Diagnostics late;
    auto f = read(std::string(300, '\n') + vouchers(1), late);
    CHECK(late.empty());
    CHECK(f.vouchers == 1);
    CHECK(f.collected.at(0).line == 301);
    core::Diagnostics csv;
    std::string table = "date,account,amount\n";
    while (table.size() < 1000) table += "2022-01-10,5810,100.00\n# no record\n";
    read(table, csv);
    REQUIRE(csv.items().size() == 1);
    CHECK(csv.items()[0].rule == "sie.format");
  }
}

TEST_CASE(
    "io::read_ledger refuses a SIE file whole for one #KSUMMA far into it, larger than a block") {
  // Over 1 MiB of vouchers, then an opening #KSUMMA that is never closed: not one row may reach the
  // outcome, though the vouchers before it were read before the reader got there.
  test::TempDir dir;
  std::string text = "#FLAGGA 0\n#FORMAT PC8\n#KONTO 5810 \"Resor\"\n";
  int n = 1;
  while (text.size() < (std::size_t{1} << 20) + 1000) {
    text += vouchers(100, "\n", n);
    n += 100;
  }
  text += "#KSUMMA\n" + vouchers(2, "\n", n);
  dir.write("ledger/big.se", text);
  dir.write("project.yaml",
            test::replaced(test::kValidProject, "    - {path: \"ledger/*.csv\", format: csv}\n",
                           "    - {path: \"ledger/big.se\", format: sie, accounts: bas}\n"));
  core::Diagnostics d;
  auto p = io::load_project(dir.path(), test::data_dir(), d);
  REQUIRE(p);
  std::size_t handed = 0;
  auto l =
      io::read_ledger(*p, test::data_dir(), d, [&](const model::TransactionView&) { ++handed; });
  CHECK(handed == 0);
  CHECK(count_rule(d, "sie.truncated") == 1);
  REQUIRE(l.files.size() == 1);
  CHECK(l.files[0].transactions == 0);
  CHECK(l.files[0].checksum == "missing");
  CHECK(l.files[0].vouchers == static_cast<std::size_t>(n + 1));
  // Closed, the same file is read: every cost row is handed on (the checksum does not match).
  text += "#KSUMMA 1\n";
  dir.write("ledger/big.se", text);
  core::Diagnostics ok;
  handed = 0;
  auto m =
      io::read_ledger(*p, test::data_dir(), ok, [&](const model::TransactionView&) { ++handed; });
  CHECK(handed == static_cast<std::size_t>(n + 1));
  CHECK(count_rule(ok, "sie.ksumma") == 1);
  CHECK(m.files.at(0).checksum == "mismatch");
}
