// SIE 4 reader: each quirk of issue 5 on a hand-written file under tests/data/sie/, read to the
// figures a hand calculation gives (the calculation is beside each check).
#include <doctest/doctest.h>

#include <grantkit/check/rules.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/io/sie.hpp>
#include <grantkit/io/text_stream.hpp>
#include <grantkit/io/yaml_doc.hpp>

#include "support.hpp"

using namespace grantkit;
using core::Money;
using test::count_rule;

namespace {

std::string data_file(const std::string& name) {
  return std::string(GRANTKIT_SOURCE_DIR) + "/tests/data/sie/" + name;
}

io::SieFile read(const std::string& name, core::Diagnostics& d) {
  auto bytes = io::read_file_bytes(data_file(name));
  REQUIRE(bytes);
  return io::read_sie(*bytes, name, d);
}

io::SieFile read_text(const std::string& text, core::Diagnostics& d) {
  return io::read_sie(text, "mem.se", d);
}

Money kr(const char* text) {
  return *core::parse_money(text);
}
core::Date day(const char* iso) {
  return *core::parse_iso_date(iso);
}

std::string replaced_text(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string all(const core::Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items()) out += core::format_diagnostic(x) + "\n";
  return out;
}

}  // namespace

TEST_CASE("io::SieChecksum is the CRC-32 of SIE 4B §10.11–10.13") {
  // The standard check value of this CRC (reflected EDB88320H, preset and inverted): CBF43926H.
  io::SieChecksum c;
  c.add("123456789");
  CHECK(c.value() == 0xCBF43926u);
  io::SieChecksum split;
  split.add("1234");
  split.add("56789");
  CHECK(split.value() == 0xCBF43926u);
  CHECK(io::SieChecksum().value() == 0u);
}

TEST_CASE("io::read_sie: vouchers, object lists, default transdat, CP437 names (basic.se)") {
  core::Diagnostics d;
  auto f = read("basic.se", d);
  INFO(all(d));
  CHECK(d.empty());
  CHECK(f.encoding == "cp437");
  CHECK(f.program == "Testprogram");
  CHECK(f.company == "Övningsbolaget AB");  // CP437 0x99 → Ö
  CHECK(f.account_names.at("1930") == "Företagskonto");
  CHECK(f.account_names.at("2440") == "Leverantörsskulder");
  CHECK(f.account_names.at("7010") == "Löner");
  CHECK(f.object_name(6, "P1") == "Projekt Ärlig");
  CHECK(f.dimensions.at(20).name == "Aktivitet");
  // 3 vouchers, 2 rows each.
  CHECK(f.vouchers == 3);
  CHECK(f.rows == 6);
  REQUIRE(f.collected.size() == 3);
  const auto& a1 = f.collected[0];
  CHECK(a1.id() == "A-1");
  CHECK(a1.text == "Tåg Malmö-Lund");
  REQUIRE(a1.rows.size() == 2);
  CHECK(a1.rows[0].account == "5810");
  CHECK(a1.rows[0].amount == kr("486.00"));
  CHECK(*a1.rows[0].date == day("2022-01-10"));  // no transdat: the voucher's date
  CHECK(a1.rows[0].text == "Tåg Malmö-Lund");    // no transtext: the voucher's text
  CHECK(a1.rows[0].objects == std::vector<io::SieObject>{{6, "P1"}, {20, "A1"}});
  CHECK(a1.rows[1].objects.empty());
  CHECK(a1.rows[0].line == 20);
  const auto& a2 = f.collected[1];
  CHECK(a2.rows[0].amount == Money::from_ore(1144120));  // 11441.2 → 11 441,20 kr
  CHECK(*a2.rows[0].date == day("2022-01-28"));          // transdat given
  CHECK(a2.rows[0].text == "Konsultarvode, Öresund");
  const auto& b1 = f.collected[2];
  CHECK(b1.id() == "B-1");
  CHECK(b1.rows[0].amount == Money::from_kronor(25700));
  CHECK(b1.rows[0].objects ==
        std::vector<io::SieObject>{{6, "P1"}, {20, "A1"}});  // quoted dimension numbers
  // Hand sum of the cost rows: 486,00 + 11 441,20 + 25 700,00 = 37 627,20 kr.
  Money costs;
  for (const auto& v : f.collected) costs += v.rows[0].amount;
  CHECK(costs == Money::from_ore(3762720));
}

TEST_CASE(
    "io::read_sie: quoting, tabs, #VER \"\" \"\", amounts, unknown labels, LF and no final newline "
    "(quirks.se)") {
  core::Diagnostics d;
  auto f = read("quirks.se", d);
  INFO(all(d));
  CHECK(d.empty());  // #OKAND, #NYPOST and extra fields ignored
  CHECK(f.account_names.at("1820") == "Kassa \"lilla\"");  // \" inside quotes is a quote
  CHECK(f.account_names.at("1821") == "1820\\A012");       // any other backslash is itself
  CHECK(f.account_names.at("6250") == "Porto");            // an unquoted field
  CHECK(f.account_names.at("7690") == "Övr pers");
  REQUIRE(f.collected.size() == 3);
  const auto& v1 = f.collected[0];
  CHECK(v1.series.empty());
  CHECK(v1.number.empty());
  CHECK(v1.id().empty());
  REQUIRE(v1.rows.size() == 2);
  CHECK(v1.rows[0].amount == Money::from_kronor(133));  // "133", tab-separated
  CHECK(*v1.rows[0].date == day("2022-03-01"));         // transdat "" → the voucher's date
  CHECK(v1.rows[0].text == "Frimärken");
  CHECK(v1.rows[1].amount == Money::from_kronor(-133));  // "-133", `{ }` with a space
  CHECK(v1.rows[1].text == "Porto");
  const auto& v2 = f.collected[1];
  CHECK(v2.id() == "X-7");
  CHECK(v2.rows.size() == 2);
  CHECK(v2.rows[0].amount.is_zero());  // -0.00
  CHECK(v2.rows[1].amount.is_zero());  // -0
  const auto& v3 = f.collected[2];
  CHECK(v3.text == "Citat \"x\"");
  CHECK(v3.rows[0].amount == Money::from_ore(10050));   // 100.50
  CHECK(v3.rows[1].amount == Money::from_ore(-10050));  // -100.5, the last line without a line end
  CHECK(v3.rows[0].text == "Kaffe \\ kakor");
  CHECK(*v3.rows[0].date == day("2022-03-04"));
}

TEST_CASE(
    "io::read_sie: #RTRANS counts once, #BTRANS not at all (rtrans_btrans.se, SIE 4B §11 "
    "examples)") {
  core::Diagnostics d;
  auto f = read("rtrans_btrans.se", d);
  // Voucher 1: 3 #TRANS + 3 #RTRANS (their #TRANS copies skipped) = 6 rows, sum 0.
  // Voucher 2: 2 #TRANS + 1 #RTRANS = 3 rows; the #BTRANS 6110 is struck. Sum −1000 + 200 + 800 =
  // 0. Voucher 3: the #RTRANS is followed by a different #TRANS: both count (2 rows), one warning.
  CHECK(f.rows == 11);
  CHECK(f.removed_rows == 1);
  REQUIRE(f.collected.size() == 3);
  CHECK(f.collected[0].rows.size() == 6);
  CHECK(f.collected[1].rows.size() == 3);
  CHECK(f.collected[1].removed_rows == 1);
  CHECK(f.collected[2].rows.size() == 2);
  Money on_6250;
  for (const auto& v : f.collected) {
    for (const auto& r : v.rows) {
      if (r.account == "6250") on_6250 += r.amount;
    }
  }
  CHECK(on_6250 == Money::from_kronor(960 - 160 + 800 + 50));
  CHECK(f.collected[0].rows[3].added);
  CHECK(count_rule(d, "sie.rtrans") == 1);
  CHECK(d.items().front().place.line == 25);
  CHECK(count_rule(d, "sie.unbalanced") == 0);
  CHECK(d.items().size() == 1);
}

TEST_CASE(
    "io::read_sie: an unbalanced voucher is a warning naming it; its rows are read "
    "(unbalanced.se)") {
  core::Diagnostics d;
  auto f = read("unbalanced.se", d);
  // 500,00 − 499,00 = 1,00 kr.
  REQUIRE(count_rule(d, "sie.unbalanced") == 1);
  const auto& w = d.items().front();
  CHECK(w.severity == core::Severity::warning);
  CHECK(w.message.find("voucher A-1 of 2022-01-10") != std::string::npos);
  CHECK(w.message.find("add up to 1 kr") != std::string::npos);
  CHECK(w.place.line == 3);
  CHECK(f.rows == 4);
  CHECK(f.collected[0].rows[1].amount == Money::from_kronor(-499));
}

TEST_CASE("io::read_sie: UTF-8 despite #FORMAT PC8 is detected and said (utf8.se)") {
  core::Diagnostics d;
  auto f = read("utf8.se", d);
  CHECK(f.encoding == "utf-8");
  REQUIRE(count_rule(d, "sie.encoding") == 1);
  CHECK(d.items().front().severity == core::Severity::info);
  CHECK(d.items().front().place.line == 2);
  CHECK(f.account_names.at("7010") == "Löner");
  CHECK(f.account_names.at("1930") == "Företagskonto");
  CHECK(f.collected.at(0).text == "Lön januari, Årlig översyn");
}

TEST_CASE("io::read_sie: #KSUMMA verified over the bytes SIE 4B §10.14 names (ksumma_*.se)") {
  // ksumma_ok.se sums, by hand (labels and field contents; no blanks, no enclosing quotes, no
  // braces, `\"` as `"`; CP437 å = 0x86):
  //   #FORMATPC8#KONTO1915Kassa "special"#KONTO5810Resor#VERA120220110Tåg
  //   #TRANS58101456100.00#TRANS1915-100.00
  // and declares that CRC: 1799021050.
  io::SieChecksum hand;
  hand.add("#FORMATPC8#KONTO1915Kassa \"special\"#KONTO5810Resor#VERA120220110T\x86g");
  hand.add("#TRANS58101456100.00#TRANS1915-100.00");
  CHECK(hand.value() == 1799021050u);
  {
    core::Diagnostics d;
    auto f = read("ksumma_ok.se", d);
    INFO(all(d));
    CHECK(d.empty());
    REQUIRE(f.checksum_ok);
    CHECK(*f.checksum_ok);
  }
  {
    // The same file with both amounts changed to 100.10 and the sum left: a warning, rows read.
    core::Diagnostics d;
    auto f = read("ksumma_bad.se", d);
    REQUIRE(count_rule(d, "sie.ksumma") == 1);
    CHECK(d.items().front().severity == core::Severity::warning);
    CHECK(d.items().front().place.line == 11);
    CHECK_FALSE(*f.checksum_ok);
    CHECK(f.collected.at(0).rows.at(0).amount == Money::from_ore(10010));
  }
  {
    // Opened but never closed: cut short, refused (§10.6).
    core::Diagnostics d;
    auto f = read("ksumma_truncated.se", d);
    CHECK(f.truncated);
    REQUIRE(count_rule(d, "sie.truncated") == 1);
    CHECK(d.has_unreadable());
    CHECK(d.items().front().place.line == 2);
  }
}

TEST_CASE("io::read_sie: #KSUMMA in the signed 32-bit form, and whitespace does not count") {
  // Find a voucher text whose sum is at least 2^31, then declare it as a negative number.
  for (int i = 0; i < 64; ++i) {
    std::string text = "T" + std::to_string(i);
    io::SieChecksum c;
    c.add(
        "#VERA1"
        "20220110" +
        text + "#TRANS19101.00#TRANS1930-1.00");
    if (c.value() < 0x80000000u) continue;
    auto signed_value = static_cast<std::int64_t>(c.value()) - 4294967296LL;
    std::string body = "#FLAGGA 0\n#KSUMMA\n#VER A 1 20220110 \"" + text +
                       "\"\n{\n#TRANS 1910 {} 1.00\n#TRANS\t1930   { }  -1.00\n}\n#KSUMMA " +
                       std::to_string(signed_value) + "\n";
    core::Diagnostics d;
    auto f = read_text(body, d);
    INFO(all(d));
    CHECK(d.empty());
    CHECK(*f.checksum_ok);
    return;
  }
  FAIL("no sum of at least 2^31 found");
}

TEST_CASE(
    "io::read_sie: sub-dimensions resolve to their parent object (dimensions.se, §8.11–8.13)") {
  core::Diagnostics d;
  auto f = read("dimensions.se", d);
  INFO(all(d));
  CHECK(d.empty());
  REQUIRE(f.collected.size() == 1);
  const auto& rows = f.collected[0].rows;
  REQUIRE(rows.size() == 5);
  CHECK(f.dimensions.at(21).parent == 20);
  // {21 "0101"}: the code of Underavdelning 0101 begins with Avdelning 01's.
  CHECK(f.object_for(rows[0], 20)->object == "01");
  CHECK(f.object_for(rows[0], 21)->object == "0101");
  CHECK(f.object_for(rows[1], 20)->object == "02");  // given directly
  CHECK(f.object_for(rows[2], 20)->object == "02");  // 0201 → 02
  CHECK_FALSE(f.object_for(rows[3], 20));            // no object list
  CHECK(f.object_for(rows[0], 6)->object == "S2I2");
  CHECK(f.object_for(rows[2], 6)->object == "ANNAT");
  CHECK_FALSE(f.object_for(rows[3], 6));
  // Reserved §8.17: kostnadsbärare (2) is a sub-dimension of kostnadsställe (1), undeclared too.
  io::SieFile g;
  g.object_names[{1, "10"}] = "Avdelning 10";
  io::SieRow r;
  r.objects = {{2, "1077"}};
  CHECK(g.object_for(r, 1)->object == "10");
}

TEST_CASE("io::read_sie: rows that cannot be read are reported and handed on, never dropped") {
  core::Diagnostics d;
  auto f = read_text(
      "#VER A 1 20220110 \"Fel\"\n"
      "{\n"
      "#TRANS 5810 {} 12,50\n"           // line 3: decimal comma is not SIE (§5.9)
      "#TRANS 5810 {} 10.00 20220230\n"  // line 4: no 30 February
      "#TRANS 5810 {6} 10.00\n"          // line 5: an odd object list
      "#TRANS 1930 {} -10.00\n"
      "}\n",
      d);
  REQUIRE(f.collected.size() == 1);
  const auto& v = f.collected[0];
  CHECK(v.rows.size() == 1);
  REQUIRE(v.unreadable.size() == 3);
  CHECK(v.unreadable[0].rule == "ledger.amount");
  CHECK(v.unreadable[0].line == 3);
  CHECK(v.unreadable[0].column == 16);
  CHECK(v.unreadable[1].rule == "ledger.date");
  CHECK(v.unreadable[1].column == 22);
  CHECK(v.unreadable[2].rule == "sie.objects");
  CHECK(count_rule(d, "ledger.amount") == 1);
  CHECK(count_rule(d, "ledger.date") == 1);
  CHECK(count_rule(d, "sie.objects") == 1);
  CHECK(count_rule(d, "sie.unbalanced") == 0);  // not judged with unreadable rows
  for (const auto& x : d.items()) CHECK(x.place.file == "mem.se");
}

TEST_CASE(
    "io::read_sie: records out of place are sie.syntax, and a voucher without } still counts") {
  core::Diagnostics d;
  auto f = read_text(
      "#TRANS 5810 {} 1.00\n"  // outside a voucher
      "#KONTO 5810 \"Resor\n"  // unclosed quote: read to the end of the line
      "#VER A 1 20220110\n"
      "{\n"
      "#TRANS 5810 {} 1.00\n"
      "#TRANS 1930 {} -1.00\n",  // no closing }
      d);
  CHECK(count_rule(d, "sie.syntax") == 3);
  CHECK(f.account_names.at("5810") == "Resor");
  CHECK(f.vouchers == 1);
  CHECK(f.rows == 2);
}

TEST_CASE("io::read_sie: a sink receives the vouchers one by one") {
  auto bytes = io::read_file_bytes(data_file("basic.se"));
  REQUIRE(bytes);
  core::Diagnostics d;
  std::vector<std::string> ids;
  auto f = io::read_sie(*bytes, "basic.se", d, [&](io::SieVoucher&& v, const io::SieFile& file) {
    ids.push_back(v.id());
    CHECK(file.account_names.count("7010") == 1);  // the plan records come first
  });
  CHECK(ids == std::vector<std::string>{"A-1", "A-2", "B-1"});
  CHECK(f.collected.empty());
  CHECK(f.vouchers == 3);
}

// --- SIE sources through io::read_ledger ---------------------------------------------------------

namespace {

io::LedgerLoad load_sie(const std::string& source, core::Diagnostics& d) {
  test::TempDir dir;
  dir.write(
      "project.yaml",
      test::replaced(test::kValidProject, "    - {path: \"ledger/*.csv\", format: csv}\n", source));
  auto p = io::load_project(dir.path(), test::data_dir(), d);
  REQUIRE(p);
  return io::read_ledger(*p, test::data_dir(), d);
}

}  // namespace

TEST_CASE(
    "io::read_ledger: a SIE source gives its cost rows, with activity, names and the plan's "
    "categories") {
  core::Diagnostics d;
  auto l =
      load_sie("    - {path: \"" + data_file("basic.se") +
                   "\", allow_outside: true, format: sie, accounts: bas, activity_dimension: 20,\n"
                   "       project: {dimension: 6, object: P1}}\n",
               d);
  INFO(all(d));
  CHECK(d.empty());
  // Cost rows (5810, 6550, 7010); the balance-sheet rows (2440, 1930) are read but no outcome.
  REQUIRE(l.rows.size() == 3);
  const auto& t = l.rows[0];
  CHECK(t.account == "5810");
  CHECK(t.account_name == "Biljetter");
  CHECK(t.category == "resor_och_logi");
  CHECK(t.activity == "A1");
  CHECK(t.voucher == "A-1");
  CHECK(t.amount == Money::from_kronor(486));
  CHECK(t.date == day("2022-01-10"));
  CHECK_FALSE(t.other_project);
  CHECK(t.place.line == 20);
  CHECK(l.rows[1].category == "externa_tjanster");
  CHECK(l.rows[1].text == "Konsultarvode, Öresund");
  CHECK(l.rows[2].category == "personal");
  CHECK(l.rows[2].account_name == "Löner");
  REQUIRE(l.files.size() == 1);
  const auto& f = l.files[0];
  CHECK(f.format == "sie");
  CHECK(f.encoding == "cp437");
  CHECK(f.rows == 6);
  CHECK(f.vouchers == 3);
  CHECK(f.transactions == 3);
  CHECK(f.period->iso() == "2022-01-10..2022-02-25");
  REQUIRE(f.accounts.size() == 5);
  CHECK(f.accounts[0].account == "1930");
  CHECK(f.accounts[0].name == "Företagskonto");
  CHECK(f.accounts[0].kind == model::AccountKind::balance);
  CHECK(f.accounts[1].sum == Money::from_ore(-1192720));  // 2440: −486,00 − 11 441,20
}

TEST_CASE("io::read_ledger: SIE project selection and sub-dimensions (dimensions.se)") {
  core::Diagnostics d;
  auto l = load_sie(
      "    - {path: \"" + data_file("dimensions.se") +
          "\", allow_outside: true, format: sie, accounts: bas, activity_dimension: 20, project: "
          "{dimension: 6, object: S2I2}}\n",
      d);
  INFO(all(d));
  REQUIRE(l.rows.size() == 4);
  // This project: 1 000,00 (Underavdelning 0101 → activity 01) + 250,00 (02) = 1 250,00 kr.
  // Not this project: 400,00 (ANNAT) + 50,00 (no project object) = 450,00 kr.
  Money ours, theirs;
  for (const auto& t : l.rows) (t.other_project ? theirs : ours) += t.amount;
  CHECK(ours == Money::from_kronor(1250));
  CHECK(theirs == Money::from_kronor(450));
  CHECK(l.rows[0].activity == "01");
  CHECK(l.rows[1].activity == "02");
  CHECK(l.rows[2].activity == "02");
  CHECK(l.rows[3].activity.empty());
}

TEST_CASE(
    "io::read_ledger: SIE person, supplier and financier dimensions, account_map, financing sign") {
  test::TempDir dir;
  std::string se = dir.write(
      "ledger/x.se",
      "#FLAGGA 0\n#FORMAT PC8\n"
      "#KONTO 3530 \"Medfinansiering\"\n#KONTO 6550 \"Konsult\"\n"
      "#DIM 22 \"Medfinansiär\"\n#OBJEKT 9 \"L1\" \"Konsultbolaget AB\"\n"
      "#VER A 1 20220301 \"Faktura\"\n{\n"
      "#TRANS 6550 {6 \"P1\" 7 \"pl\" 9 \"L1\"} 1000.00\n#TRANS 2440 {9 \"L1\"} -1000.00\n}\n"
      "#VER B 1 20220310 \"Medfinansiering\"\n{\n"
      "#TRANS 1930 {} 5000.00\n#TRANS 3530 {6 \"P1\" 22 \"kommunen\"} -5000.00\n}\n");
  core::Diagnostics d;
  dir.write(
      "project.yaml",
      test::replaced(
          test::kValidProject, "    - {path: \"ledger/*.csv\", format: csv}\n",
          "    - path: ledger/x.se\n      format: sie\n      accounts: kommun-bas\n"
          "      person_dimension: 7\n      supplier_dimension: 9\n      financier_dimension: 22\n"
          "      project: {dimension: 6, object: P1}\n      account_map: {\"3530\": financing}\n"));
  auto p = io::load_project(dir.path(), test::data_dir(), d);
  REQUIRE(p);
  auto l = io::read_ledger(*p, test::data_dir(), d);
  INFO(all(d));
  CHECK(d.items().size() == 1);
  CHECK(count_rule(d, "sie.encoding") == 1);  // this text is UTF-8 ("Medfinansiär")
  REQUIRE(l.rows.size() == 2);
  CHECK(l.rows[0].person == "pl");
  CHECK(l.rows[0].supplier == "Konsultbolaget AB");  // the #OBJEKT name
  CHECK(l.rows[0].category == "ovriga_kostnader");   // Kommun-Bas 6550
  CHECK(l.rows[1].category == "financing");
  CHECK(l.rows[1].financier == "kommunen");
  CHECK(l.rows[1].amount == Money::from_kronor(5000));  // the credit received, made positive
  core::Diagnostics c;
  auto out = check::classify_outcome(*p, l.rows, c);
  CHECK(out.costs.size() == 1);
  CHECK(out.financing.size() == 1);
  CHECK(count_rule(c, "financing.unknown-financier") == 0);
}

TEST_CASE("io::read_ledger: a cut-short SIE file (opened #KSUMMA, no closing) gives no rows") {
  core::Diagnostics d;
  auto l = load_sie("    - {path: \"" + data_file("ksumma_truncated.se") +
                        "\", allow_outside: true, format: sie, accounts: bas}\n",
                    d);
  CHECK(count_rule(d, "sie.truncated") == 1);
  CHECK(l.rows.empty());
  CHECK(l.files.at(0).checksum == "missing");
}

TEST_CASE("io::read_sie: a UTF-8 file's #KSUMMA may be over its UTF-8 bytes or its CP437 form") {
  // Summed: #VERA120220110Tåg#TRANS58101.00#TRANS1930-1.00, with å as UTF-8 (C3 A5) or CP437 (86).
  for (const char* a : {"\xC3\xA5", "\x86"}) {
    io::SieChecksum c;
    c.add(std::string("#VERA120220110T") + a + "g#TRANS58101.00#TRANS1930-1.00");
    std::string body =
        "#FLAGGA 0\n#KSUMMA\n#VER A 1 20220110 \"T\xC3\xA5g\"\n{\n#TRANS 5810 {} 1.00\n"
        "#TRANS 1930 {} -1.00\n}\n#KSUMMA " +
        std::to_string(c.value()) + "\n";
    core::Diagnostics d;
    auto f = read_text(body, d);
    CHECK(f.encoding == "utf-8");
    CHECK(count_rule(d, "sie.ksumma") == 0);
    CHECK(*f.checksum_ok);
    CHECK(f.collected.at(0).text == "Tåg");
  }
}

TEST_CASE("io::load_project reads a ledger source's SIE keys") {
  test::TempDir dir;
  std::string sources =
      "    - path: ledger/x.se\n      format: sie\n      accounts: kommun-bas\n      "
      "activity_dimension: 21\n"
      "      person_dimension: 7\n      supplier_dimension: 9\n      financier_dimension: 22\n"
      "      project: {dimension: 6, object: \"0042\"}\n"
      "      account_map: {\"3530\": financing, \"7000-7099\": resor_och_logi}\n";
  dir.write("project.yaml",
            test::replaced(test::kValidProject, "    - {path: \"ledger/*.csv\", format: csv}\n",
                           sources));
  core::Diagnostics d;
  auto p = io::load_project(dir.path(), test::data_dir(), d);
  REQUIRE(p);
  INFO(all(d));
  CHECK(d.empty());
  const auto& s = p->ledger_sources.at(0);
  CHECK(s.format == "sie");
  CHECK(s.activity_dimension == 21);
  CHECK(s.person_dimension == 7);
  CHECK(s.supplier_dimension == 9);
  CHECK(s.financier_dimension == 22);
  REQUIRE(s.project);
  CHECK(s.project->dimension == 6);
  CHECK(s.project->object == "0042");  // quoted: the leading zeros stay
  REQUIRE(s.account_map.size() == 2);
  CHECK(s.account_map[0].category == "financing");  // one account is more specific than a range

  core::Diagnostics bad;
  dir.write(
      "project.yaml",
      test::replaced(
          test::kValidProject, "    - {path: \"ledger/*.csv\", format: csv}\n",
          "    - {path: ledger/x.se, format: sie, activity_dimension: 0, project: {dimension: 6},\n"
          "       account_map: {\"35x0\": financing}, activty_dimension: 6}\n"));
  io::load_project(dir.path(), test::data_dir(), bad);
  CHECK(count_rule(bad, "yaml.number") == 1);       // dimension 0
  CHECK(count_rule(bad, "yaml.missing-key") == 1);  // project without object
  CHECK(count_rule(bad, "accounts.range") == 1);
  CHECK(count_rule(bad, "yaml.unknown-key") == 1);  // with a suggestion
  CHECK(all(bad).find("did you mean 'activity_dimension'") != std::string::npos);
}

TEST_CASE("io::read_sie: an empty file is sie.empty, and a file without a record is not SIE") {
  core::Diagnostics empty;
  auto f = read_text(" \r\n\n", empty);
  REQUIRE(empty.items().size() == 1);
  CHECK(empty.items()[0].rule == "sie.empty");
  CHECK(empty.items()[0].severity == core::Severity::warning);
  CHECK(f.vouchers == 0);
  core::Diagnostics csv;
  read_text("date,account,amount\n2022-01-10,5810,100.00\n# a comment\n", csv);
  REQUIRE(csv.items().size() == 1);  // one message, not one per line
  CHECK(csv.items()[0].rule == "sie.format");
  CHECK(csv.has_unreadable());
}

TEST_CASE(
    "io::read_sie: one message per fault — a bad voucher date, a voucher cut off, a file cut "
    "short") {
  // A voucher date that cannot be read: one sie.date; its rows are excluded with it, silently.
  core::Diagnostics d;
  auto f = read_text(
      "#VER A 1 20220230 \"Fel datum\"\n"
      "{\n"
      "#TRANS 5810 {} 10.00\n"
      "#TRANS 1930 {} -10.00 20220228\n"  // has its own date: read
      "}\n",
      d);
  INFO(all(d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].rule == "sie.date");
  REQUIRE(f.collected.size() == 1);
  CHECK(f.collected[0].rows.size() == 1);
  REQUIRE(f.collected[0].unreadable.size() == 1);
  CHECK(f.collected[0].unreadable[0].rule == "sie.date");
  CHECK(f.collected[0].unreadable[0].line == 3);
  // A voucher without its closing }: sie.syntax, but no balance judged on half a voucher.
  core::Diagnostics open;
  read_text("#VER A 1 20220110\n{\n#TRANS 5810 {} 10.00\n", open);
  CHECK(count_rule(open, "sie.syntax") == 1);
  CHECK(count_rule(open, "sie.unbalanced") == 0);
  // Cut short inside a checksummed part: sie.truncated alone.
  core::Diagnostics cut;
  auto c = read_text("#KSUMMA\n#VER A 1 20220110\n{\n#TRANS 5810 {} 10.00\n", cut);
  INFO(all(cut));
  REQUIRE(cut.items().size() == 1);
  CHECK(cut.items()[0].rule == "sie.truncated");
  CHECK(c.truncated);
}

// The #RTRANS shapes of two programs (SIE 4B §11 #RTRANS: the #TRANS after an #RTRANS is its copy
// for readers of SIE 3). Written here in their shape, not copied from an export.
TEST_CASE("io::read_sie: an #RTRANS's #TRANS copy is paired by meaning (Fortnox and BL shapes)") {
  // Fortnox: the copy leaves off the signature the #RTRANS carries.
  const std::string fortnox =
      "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n"
      "#VER A 7 20220301 \"Faktura konsult\"\n{\n"
      "#TRANS 6550 {} 1000.00\n"
      "#BTRANS 2440 {} -1000.00 20220301 \"Faktura konsult\" 0 \"anna\"\n"
      "#RTRANS 2441 {} -1000.00 20220301 \"Faktura konsult\" 0 \"anna\"\n"
      "#TRANS 2441 {} -1000.00 20220301 \"Faktura konsult\" 0\n"
      "}\n";
  // BL Administration: the copy has another date, no text and a differently written amount.
  const std::string bl =
      "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n"
      "#VER B 3 20220301 \"Resa\"\n{\n"
      "#TRANS 7010 {21 \"A3.3\"} 2500.00\n"
      "#RTRANS 1930 {21 \"A3.3\"} -2500.00 20220305 \"Rättad\"\n"
      "#TRANS 1930 {21 \"A3.3\"} -2500 20220301\n"
      "}\n";
  for (const auto* text : {&fortnox, &bl}) {
    core::Diagnostics d;
    auto f = read_text(*text, d);
    CAPTURE(*text);
    REQUIRE(f.collected.size() == 1);
    CHECK(f.collected[0].rows.size() == 2);  // counted once
    CHECK(f.collected[0].rows[1].added);
    CHECK(count_rule(d, "sie.rtrans") == 0);
    CHECK(count_rule(d, "sie.unbalanced") == 0);
  }
  // A real mismatch (another amount) is still sie.rtrans, and both rows count.
  core::Diagnostics d;
  auto f = read_text(replaced_text(bl, "#TRANS 1930 {21 \"A3.3\"} -2500 20220301",
                                   "#TRANS 1930 {21 \"A3.3\"} -2400"),
                     d);
  CHECK(count_rule(d, "sie.rtrans") == 1);
  CHECK(f.collected[0].rows.size() == 3);
  // Another object list is a mismatch too.
  core::Diagnostics d2;
  read_text(replaced_text(bl, "#TRANS 1930 {21 \"A3.3\"} -2500 20220301",
                          "#TRANS 1930 {21 \"A3.2\"} -2500"),
            d2);
  CHECK(count_rule(d2, "sie.rtrans") == 1);
}

TEST_CASE(
    "io::read_sie: a SIE 3 file (balances per object, no vouchers) is sie.no-vouchers naming its "
    "type") {
  core::Diagnostics d;
  auto f = read_text(
      "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 3\n#PROGRAM \"Test\" 1.0\n#RAR 0 20220101 20221231\n"
      "#KONTO 6550 \"Konsulter\"\n#DIM 6 \"Projekt\"\n#OBJEKT 6 \"P1\" \"Projekt 1\"\n"
      "#IB 0 1930 10000.00\n#UB 0 1930 5000.00\n#RES 0 6550 5000.00\n#OBJEKTUB 0 6550 {6 \"P1\"} "
      "5000.00\n",
      d);
  CHECK(f.vouchers == 0);
  CHECK(f.type == "3");
  REQUIRE(count_rule(d, "sie.no-vouchers") == 1);
  CHECK(d.items().front().severity == core::Severity::warning);
  CHECK(d.items().front().message.find("#SIETYP 3") != std::string::npos);
  // A type 4 file with balances only is said as such; a file with vouchers is silent.
  core::Diagnostics d4;
  read_text("#FLAGGA 0\n#SIETYP 4\n#IB 0 1930 10.00\n", d4);
  CHECK(count_rule(d4, "sie.no-vouchers") == 1);
  CHECK(d4.items().front().message.find("#SIETYP 4") != std::string::npos);
  core::Diagnostics ok;
  read_text(
      "#FLAGGA 0\n#SIETYP 4\n#VER A 1 20220301\n{\n#TRANS 6550 {} 1.00\n#TRANS 1930 {} -1.00\n}\n",
      ok);
  CHECK(count_rule(ok, "sie.no-vouchers") == 0);
}

TEST_CASE(
    "io::read_sie: an excluded row keeps its amount, and a missing series has its own message") {
  core::Diagnostics d;
  auto f = read_text(
      "#FLAGGA 0\n#VER A 1 20220301\n{\n#TRANS 6550 {} 1234.50 20221399\n#TRANS 1930 {} "
      "-1234.50\n}\n",
      d);
  REQUIRE(f.collected.size() == 1);
  REQUIRE(f.collected[0].unreadable.size() == 1);
  REQUIRE(f.collected[0].unreadable[0].amount);
  CHECK(*f.collected[0].unreadable[0].amount == kr("1234.50"));
  // `#VER 12 20220301 "text"`: the series left out.
  core::Diagnostics s;
  auto g = read_text(
      "#FLAGGA 0\n#VER 12 20220301 \"Faktura\"\n{\n#TRANS 6550 {} 10.00\n#TRANS 1930 {} "
      "-10.00\n}\n",
      s);
  CHECK(count_rule(s, "sie.series") == 1);
  CHECK(count_rule(s, "sie.date") == 0);
  REQUIRE(g.collected.size() == 1);
  CHECK(g.collected[0].number == "12");
  CHECK(g.collected[0].series.empty());
  CHECK(g.collected[0].date == day("2022-03-01"));
  CHECK(g.collected[0].text == "Faktura");
  CHECK(g.collected[0].rows.size() == 2);
  core::Diagnostics none;
  read_text(
      "#FLAGGA 0\n#VER \"\" 12 20220301 \"Faktura\"\n{\n#TRANS 6550 {} 10.00\n#TRANS 1930 {} "
      "-10.00\n}\n",
      none);
  CHECK(count_rule(none, "sie.series") == 0);
}

TEST_CASE("io::read_sie: a Latin-9 file labelled PC8 is said, and a source's encoding reads it") {
  // "Leverantörsskulder" and "Lön €" in ISO-8859-15 bytes (ö F6H, € A4H).
  const std::string bytes =
      "#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#KONTO 2440 \"Leverant\xF6rsskulder\"\r\n"
      "#VER A 1 20220301 \"L\xF6n \xA4\"\r\n{\r\n#TRANS 7010 {} 10.00\r\n#TRANS 2440 {} "
      "-10.00\r\n}\r\n";
  core::Diagnostics d;
  auto f = read_text(bytes, d);
  CHECK(f.account_names.at("2440") == "Leverant÷rsskulder");  // CP437, as labelled
  REQUIRE(count_rule(d, "sie.encoding") == 1);
  CHECK(d.items().front().severity == core::Severity::warning);
  CHECK(d.items().front().message.find("latin-9") != std::string::npos);
  // The source says `encoding: latin-9`.
  io::SieScan scan = io::scan_sie(bytes);
  scan.encoding = "latin-9";
  io::TextStream text(bytes);
  core::Diagnostics d9;
  std::vector<std::string> texts;
  auto g = io::read_sie(
      text, scan, "mem.se", d9,
      [&](const io::SieVoucherView& v, const io::SieFile&) { texts.emplace_back(v.text); });
  CHECK(g.account_names.at("2440") == "Leverantörsskulder");
  REQUIRE(texts.size() == 1);
  CHECK(texts[0] == "Lön €");
  CHECK(g.encoding == "latin-9");
  CHECK(count_rule(d9, "sie.encoding") == 0);
  // A real PC8 file (ö 94H) is silent.
  core::Diagnostics pc8;
  read_text("#FLAGGA 0\n#FORMAT PC8\n#KONTO 2440 \"Leverant\x94rsskulder\"\n", pc8);
  CHECK(count_rule(pc8, "sie.encoding") == 0);
}
