// The streamed reading of ledger files: the same records whatever the block size, encodings
// converted across block ends, and encoding faults found (with their place) before any row is read.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <grantkit/io/csv.hpp>
#include <grantkit/io/text_stream.hpp>
#include <grantkit/model/transaction.hpp>

#include "support.hpp"

using namespace grantkit;

namespace {

struct Read {
  std::vector<std::vector<std::string>> records;
  std::vector<int> lines;
  std::string error;
  int error_line = 0, error_column = 0;
  bool operator==(const Read&) const = default;
};

Read read_all(io::CsvReader& reader) {
  Read r;
  io::CsvRecord rec;
  while (reader.next(rec)) {
    r.records.emplace_back(rec.fields.begin(), rec.fields.end());
    r.lines.push_back(rec.line);
  }
  r.error = reader.error();
  r.error_line = reader.error_line();
  r.error_column = reader.error_column();
  return r;
}

}  // namespace

TEST_CASE("io::CsvReader over a file gives the records it gives in memory, for every block size") {
  const std::vector<std::string> texts = {
      "a,b,c\n1,2,3\n",
      "a,b,c\r\n1,\"two, \"\"quoted\"\"\",3\r\n\r\n4,5,6",
      "a;b\r1;\"line\r\nbreak\"\r\r2;x\"y\r",
      "date,text\n2022-01-01,\"Förtäring \"\"Ängelholm\"\"\"tail,\n\n\n2022-01-02,\"\"\n",
      "x\n\"a\"\"\"\n\"\"\"\"\n",
      "a,b\n1,\"never closed\n2,3\n",
      "\n\n\r\n",
      "a,b,\n1,,\n,,\n",
  };
  test::TempDir dir;
  for (const auto& text : texts) {
    CAPTURE(text);
    char delim = io::detect_delimiter(text);
    io::CsvReader in_memory(text, delim);
    Read expected = read_all(in_memory);
    std::string path = dir.write("t.csv", text);
    for (std::size_t block :
         {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{5}, std::size_t{64}}) {
      CAPTURE(block);
      io::TextStream stream(path, "utf-8", block);
      io::CsvReader streamed(stream, delim);
      CHECK(read_all(streamed) == expected);
    }
  }
  // A check that the comparison can fail: a quoted line break is one record over two lines.
  io::CsvReader r("a\n\"x\ny\"\nz\n", ',');
  Read got = read_all(r);
  CHECK(got.records == std::vector<std::vector<std::string>>{{"a"}, {"x\ny"}, {"z"}});
  CHECK(got.lines == std::vector<int>{1, 2, 4});
}

TEST_CASE("io::TextStream converts windows-1252 and UTF-16 across block ends") {
  test::TempDir dir;
  // "Förtäring\n" in windows-1252 and in UTF-16LE with its BOM.
  std::string cp1252 = "F\xF6rt\xE4ring\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Ab\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  utf16 += "\xE4";  // ä
  utf16 += '\0';
  for (std::size_t block : {std::size_t{1}, std::size_t{3}, std::size_t{4096}}) {
    CAPTURE(block);
    io::TextStream a(dir.write("a.csv", cp1252), "windows-1252", block);
    while (a.fill()) {
    }
    CHECK(a.error().empty());
    CHECK(a.pending() == "Förtäring\n");
    io::TextStream b(dir.write("b.csv", utf16), "utf-8", block);
    while (b.fill()) {
    }
    CHECK(b.error().empty());
    CHECK(b.encoding() == "utf-16le");
    CHECK(b.pending() == "Ab\nä");
  }
}

TEST_CASE(
    "io::check_encoding finds a bad byte anywhere in a file larger than a block, with its place") {
  test::TempDir dir;
  // 1.5 MiB of rows, a two-byte UTF-8 letter cut by the first block's end, a bad byte near the end.
  std::string text = "date,text\n";
  while (text.size() < (1 << 20) - 1) text += "2022-01-01,abc\n";
  text.resize((1 << 20) - 1);
  text += "\xC3\xA4\n";  // ä across the 1 MiB boundary
  int lines = 1;
  for (char c : text) lines += c == '\n';
  std::string good = text + "2022-01-02,Förtäring\n";
  CHECK_FALSE(io::check_encoding(dir.write("good.csv", good), "utf-8"));
  std::string bad = good + "2022-01-03,ab\xE4x\n";
  auto fault = io::check_encoding(dir.write("bad.csv", bad), "utf-8");
  REQUIRE(fault);
  CHECK(fault->message.find("E4") != std::string::npos);
  CHECK(fault->where.line == lines + 1);
  CHECK(fault->where.column == 14);
  // A UTF-8 BOM is not counted; windows-1252 faults are placed too (0x81 is no character there).
  auto bom = io::check_encoding(dir.write("bom.csv", "\xEF\xBB\xBFok\nx\xFF"), "utf-8");
  REQUIRE(bom);
  CHECK(bom->where.line == 2);
  CHECK(bom->where.column == 2);
  auto cp = io::check_encoding(dir.write("cp.csv", "a\r\nbc\x81"), "windows-1252");
  REQUIRE(cp);
  CHECK(cp->where.line == 2);
  CHECK(cp->where.column == 3);
  CHECK(io::check_encoding(dir.file("missing.csv"), "utf-8"));
  CHECK(io::check_encoding(dir.path(), "utf-8"));  // a folder is not a file
}

TEST_CASE("model::Outcome sums days in any order and lists only the days that are not zero") {
  model::Outcome o;
  o.add_cost(test::cost("2022-03-10", "A1", 100, "personal"));
  o.add_cost(test::cost("2021-07-01", "A1", 200, "personal"));  // before the first day seen
  o.add_cost(test::cost("2022-05-31", "A1", 300, "personal"));  // after the last
  o.add_cost(test::cost("2022-03-10", "A1", 50, "personal"));
  o.add_cost(test::cost("2022-04-01", "A2", 70, "personal"));
  o.add_cost(
      test::cost("2022-04-01", "A2", -70, "personal"));  // a correction: the day sums to zero
  auto all = o.booked_in({test::date("2021-01-01"), test::date("2023-12-31")});
  REQUIRE(all.size() == 3);
  CHECK(all[0].first.date == test::date("2021-07-01"));
  CHECK(all[0].second == core::Money::from_ore(200));
  CHECK(all[1].second == core::Money::from_ore(150));
  CHECK(all[2].first.date == test::date("2022-05-31"));
  auto march = o.booked_in({test::date("2022-03-10"), test::date("2022-03-10")});
  REQUIRE(march.size() == 1);
  CHECK(march[0].second == core::Money::from_ore(150));
  // Many names intern to distinct, stable ids.
  std::vector<std::uint32_t> ids;
  for (int i = 0; i < 40; ++i) ids.push_back(o.intern("name-" + std::to_string(i)));
  for (int i = 0; i < 40; ++i)
    CHECK(o.intern("name-" + std::to_string(i)) == ids[static_cast<std::size_t>(i)]);
  CHECK(o.name(ids[39]) == "name-39");
}

TEST_CASE(
    "io::TextStream at least doubles what is pending on each fill, so a long record is read in "
    "linear time") {
  // A reader parses a record again from its start after each fill(): were fill() to add one block
  // only, a field of n blocks would be parsed n times (quadratic). Doubling makes it log n times.
  test::TempDir dir;
  std::string field(100000, 'x');
  std::string text = "a,b\n1,\"" + field + "\"\n2,3\n";
  std::string path = dir.write("long.csv", text);
  io::TextStream stream(path, "utf-8", 16);
  int fills = 0;
  std::size_t before = stream.pending().size();
  while (stream.fill()) {
    ++fills;
    std::size_t after = stream.pending().size();
    if (!stream.at_end()) CHECK(after >= 2 * before);
    CHECK(after > before);
    before = after;
  }
  CHECK(before == text.size());
  CHECK(fills <= 16);  // 2^13 blocks of 16 bytes hold the 100 kB: about 13 fills, not 6 250
  // And the long field comes through whole, with the rows around it.
  io::TextStream again(path, "utf-8", 16);
  io::CsvReader reader(again, ',');
  Read got = read_all(reader);
  REQUIRE(got.records.size() == 3);
  CHECK(got.records[1] == std::vector<std::string>{"1", field});
  CHECK(got.records[2] == std::vector<std::string>{"2", "3"});
}
