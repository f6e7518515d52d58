#include <doctest/doctest.h>

#include <grantkit/io/yaml_doc.hpp>
#include <grantkit/io/yaml_read.hpp>

#include "support.hpp"

using namespace grantkit;
using grantkit::test::count_rule;

namespace {
std::optional<io::YamlNode> parse(const std::string& text, core::Diagnostics& d) {
  return io::parse_yaml(text, "t.yaml", d);
}
const core::Diagnostic& only(const core::Diagnostics& d) {
  REQUIRE(d.items().size() == 1);
  return d.items().front();
}
}  // namespace

TEST_CASE("io::parse_yaml keeps places and quoting") {
  core::Diagnostics d;
  auto n = parse("a: 010\nb: \"010\"\nc:\n  - x\n", d);
  REQUIRE(n);
  CHECK(d.empty());
  const auto* a = n->find("a");
  REQUIRE(a);
  CHECK(a->text == "010");
  CHECK_FALSE(a->quoted);
  CHECK(a->place.line == 1);
  CHECK(a->place.column == 4);
  CHECK(n->find("b")->quoted);
  CHECK(n->find("c")->items.at(0).place.line == 4);
}

TEST_CASE("io::parse_yaml reports duplicate keys with both places") {
  core::Diagnostics d;
  auto n = parse("a: 1\nb: 2\na: 3\n", d);
  REQUIRE(n);
  const auto& diag = only(d);
  CHECK(diag.rule == "yaml.duplicate-key");
  CHECK(diag.place.line == 3);
  CHECK(diag.message.find("line 1") != std::string::npos);
  CHECK(n->find("a")->text == "1");
  CHECK(d.has_errors());
  CHECK_FALSE(d.has_unreadable());
}

TEST_CASE("io::parse_yaml refuses anchors and aliases (no cycles, no bombs)") {
  for (const char* text : {"a: &x [1, *x]\n", "a: &a [*a]\n", "a: &r 1\nb: *r\n",
                           "a: &a [x,x,x]\nb: &b [*a,*a,*a]\nc: [*b,*b,*b]\n"}) {
    core::Diagnostics d;
    CHECK_FALSE(parse(text, d));
    CHECK(only(d).rule == "yaml.alias");
    CHECK(d.has_unreadable());
  }
}

TEST_CASE("io::parse_yaml refuses deep nesting clearly") {
  core::Diagnostics d;
  std::string deep(5000, '[');
  CHECK_FALSE(parse("a: " + deep + "\n", d));
  CHECK(only(d).rule == "yaml.depth");
  core::Diagnostics d2;
  std::string ok = "a: " + std::string(10, '[') + std::string(10, ']') + "\n";
  CHECK(parse(ok, d2));
  CHECK(d2.empty());
}

TEST_CASE("io::parse_yaml normalises line ends and skips a BOM") {
  core::Diagnostics d;
  auto cr = parse("a: 1\rb: 2\r", d);
  REQUIRE(cr);
  CHECK(cr->find("b")->text == "2");
  CHECK(cr->find("b")->place.line == 2);
  auto crlf = parse(
      "\xEF\xBB\xBF"
      "a: 1\r\nb: x\r\n",
      d);
  REQUIRE(crlf);
  CHECK(crlf->find("a")->text == "1");
  CHECK(crlf->find("b")->text == "x");
  CHECK(d.empty());
}

TEST_CASE("io::parse_yaml reports syntax errors with their place") {
  core::Diagnostics d;
  CHECK_FALSE(parse("a: [1, 2\nb: 3\n", d));
  CHECK(only(d).rule == "yaml.syntax");
  CHECK(only(d).place.line > 0);
  core::Diagnostics tabs;
  CHECK_FALSE(parse("a:\n\t- 1\n", tabs));
  CHECK(only(tabs).rule == "yaml.syntax");
  core::Diagnostics empty;
  CHECK_FALSE(parse("", empty));
  CHECK(only(empty).rule == "yaml.syntax");
  core::Diagnostics two;
  CHECK_FALSE(parse("a: 1\n---\nb: 2\n", two));
  CHECK(only(two).rule == "yaml.multiple-documents");
  core::Diagnostics latin1;
  CHECK_FALSE(parse("a: Malm\xF6\n", latin1));
  CHECK(only(latin1).rule == "yaml.encoding");
  CHECK(only(latin1).place.line == 1);
}

TEST_CASE("io::load_yaml_file reports a missing file as unreadable") {
  core::Diagnostics d;
  CHECK_FALSE(io::load_yaml_file("/nonexistent/grantkit/project.yaml", d));
  CHECK(only(d).rule == "io.read");
  CHECK(d.has_unreadable());
}

TEST_CASE("io::load_yaml_file: a folder where the file belongs is io.read, not an empty file") {
  test::TempDir dir;
  dir.write("project.yaml/README.txt", "a folder\n");
  core::Diagnostics d;
  CHECK_FALSE(io::read_file_bytes(dir.file("project.yaml")));
  CHECK_FALSE(io::load_yaml_file(dir.file("project.yaml"), d));
  CHECK(only(d).rule == "io.read");
  CHECK(only(d).message.find("folder") != std::string::npos);
  CHECK(d.has_unreadable());
}

TEST_CASE("io::parse_yaml names a tab in the indentation as the cause, at the tab") {
  core::Diagnostics d;
  CHECK_FALSE(parse("decision:\n  case_id: x\n\tdate: 2021-04-29\n", d));
  CHECK(only(d).rule == "yaml.syntax");
  CHECK(only(d).message.find("a tab in the indentation") != std::string::npos);
  CHECK(only(d).place.line == 3);
  CHECK(only(d).place.column == 1);
  // A tab inside a value is text, and a valid file with one is read.
  core::Diagnostics ok;
  auto n = parse("a: \"x\ty\"\n", ok);
  REQUIRE(n);
  CHECK(ok.empty());
  CHECK(n->find("a")->text == "x\ty");
}

TEST_CASE("io::YamlReader: percentages are 0–100 % and amounts ≥ 0 (yaml.range), placed") {
  core::Diagnostics d;
  auto n = parse(
      "rate: 101%\nneg: -50%\nzero: 0%\nfull: 100%\nflat: 15%\n"
      "salary: -40000\nbudget: 0\nok: 2 945 000\n",
      d);
  REQUIRE(n);
  io::YamlReader r(d);
  CHECK_FALSE(r.percent(n->find("rate"), "decision.aid.rate"));
  CHECK_FALSE(r.percent(n->find("neg"), "percent"));
  CHECK(r.percent(n->find("zero"), "zero")->millionths() == 0);
  CHECK(r.percent(n->find("full"), "full")->millionths() == core::Percent::kWhole);
  CHECK(r.percent(n->find("flat"), "flat rate")->millionths() == 150000);
  CHECK_FALSE(r.money(n->find("salary"), "monthly_salary"));
  CHECK(r.money(n->find("budget"), "budget")->is_zero());
  CHECK(r.money(n->find("ok"), "ok")->ore() == 294500000);
  REQUIRE(d.items().size() == 3);
  CHECK(count_rule(d, "yaml.range") == 3);
  CHECK(d.items()[0].place.line == 1);
  CHECK(d.items()[0].message.find("101 % is outside 0–100 %") != std::string::npos);
  CHECK(d.items()[1].place.line == 2);
  CHECK(d.items()[2].place.line == 6);
  CHECK(d.items()[2].message.find("-40 000,00 kr is negative") != std::string::npos);
}
