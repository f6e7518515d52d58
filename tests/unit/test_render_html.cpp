#include <doctest/doctest.h>

#include <algorithm>

#include <fmt/format.h>

#include <grantkit/render/render.hpp>

using namespace grantkit;
using reports::Cell;

namespace {

reports::Document budget_like(const std::string& activity) {
  reports::Document d;
  d.report = "budget";
  d.title_sv = "Budget mot utfall";
  d.title_en = "Budget versus outcome";
  d.as_of = core::Date(2022, 10, 31);
  d.period = {core::Date(2022, 10, 1), core::Date(2022, 10, 31)};
  d.project_id = "p";
  d.project_name = "Projekt <b>&</b>";
  reports::Table t;
  t.key = "rows";
  t.columns.emplace_back("activity", "Aktivitet", "Activity");
  t.columns.emplace_back("budget", "Godkänt", "Approved");
  t.columns.emplace_back("outcome_to_date", "Ackumulerat", "Cumulative");
  t.columns.emplace_back("planned_to_date", "Planerat hittills", "Planned to date");
  t.rows.push_back({Cell::of_text(activity), Cell::of_money(core::Money::from_kronor(1000)),
                    Cell::of_money(core::Money::from_kronor(600)),
                    Cell::of_money(core::Money::from_kronor(700))});
  d.tables.push_back(std::move(t));
  d.diagnostics.warning("ledger.x", "'<script>alert(1)</script>' is excluded");
  return d;
}

reports::Document burn_up() {
  reports::Document d;
  d.report = "burn_up";
  d.title_sv = "Ackumulerat utfall per månad";
  d.title_en = "Cumulative outcome per month";
  d.as_of = core::Date(2022, 10, 31);
  d.period = {core::Date(2022, 10, 1), core::Date(2022, 10, 31)};
  reports::Table t;
  t.key = "rows";
  for (const char* k : {"month", "added", "outcome_to_date", "planned_to_date", "budget"})
    t.columns.emplace_back(k, k, k);
  std::int64_t cumulative = 0;
  for (int m = 1; m <= 6; ++m) {
    cumulative += 100'00 * m;
    bool reached = m <= 4;
    t.rows.push_back({Cell::of_text("2022-0" + std::to_string(m)),
                      reached ? Cell::of_money(core::Money::from_ore(100'00 * m)) : Cell::none(),
                      reached ? Cell::of_money(core::Money::from_ore(cumulative)) : Cell::none(),
                      Cell::of_money(core::Money::from_ore(400'00 * m)),
                      Cell::of_money(core::Money::from_kronor(2400))});
  }
  d.tables.push_back(std::move(t));
  return d;
}

}  // namespace

TEST_CASE("render::html_escape") {
  CHECK(render::html_escape("<a href=\"x\">&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  CHECK(render::html_escape("Lön juni") == "Lön juni");
}

TEST_CASE("render::render_html escapes ledger and project texts") {
  auto html = render::render_html(reports::bundle_of(budget_like("<img src=x onerror=alert(1)>")),
                                  render::Lang::sv);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  CHECK(html.find("Projekt &lt;b&gt;&amp;&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("render::render_html is self-contained and printable on A4") {
  reports::Bundle b = reports::bundle_of(budget_like("A1"));
  b.sections.emplace_back("burn_up", burn_up());
  auto html = render::render_html(b, render::Lang::sv);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("@page { size: A4") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  // Nothing is fetched: no script, no external reference (the SVG namespace is a name, not a
  // fetch).
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("href") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  std::string rest = html;
  for (auto p = rest.find("http"); p != std::string::npos; p = rest.find("http", p + 1)) {
    CHECK((rest.compare(p, 26, "http://www.w3.org/2000/svg") == 0 ||
           rest.compare(p, 10, "http-equiv") == 0));
  }
  // Two charts: bars per activity and the burn-up, each with axis labels and a legend.
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("Utfall mot godkänd budget") != std::string::npos);
  CHECK(html.find("Ackumulerat utfall mot budget per månad") != std::string::npos);
  CHECK(html.find(">Månad</text>") != std::string::npos);
  CHECK(html.find(">Belopp (kr)</text>") != std::string::npos);
  CHECK(html.find(">Plan (linjär per aktivitet)</text>") != std::string::npos);
  CHECK(html.find(">Godkänd budget</text>") != std::string::npos);
  // The outcome line stops where the outcome does (four months), the plan runs on (six).
  auto outcome = html.find("stroke=\"#1f5fa8\" stroke-width=\"3\"");
  REQUIRE(outcome != std::string::npos);
  auto points = html.rfind("points=\"", outcome);
  std::string pts = html.substr(points, outcome - points);
  CHECK(std::count(pts.begin(), pts.end(), ',') == 4);
  auto en = render::render_html(b, render::Lang::en);
  CHECK(en.find("<html lang=\"en\">") != std::string::npos);
  CHECK(en.find(">Month</text>") != std::string::npos);
}

TEST_CASE("render::render_html keeps dates and short ids whole and breaks long ids") {
  reports::Document d = budget_like("A1");
  d.tables[0].columns.emplace_back("person", "Person", "Person");
  d.tables[0].rows[0].push_back(Cell::of_text("kontaktperson-malmo"));
  d.tables[0].rows.push_back(d.tables[0].rows[0]);
  d.tables[0].rows[1].back() = Cell::of_text(std::string(40, 'x') + "-region-skane");
  std::string html = render::render_html(reports::bundle_of(d), render::Lang::sv);
  CHECK(html.find("<td class=\"nb\">kontaktperson-malmo</td>") != std::string::npos);
  // 40 x: a break opportunity after 20 code points, and after each hyphen.
  CHECK(html.find(std::string(20, 'x') + "<wbr>" + std::string(20, 'x')) != std::string::npos);
  CHECK(html.find("-<wbr>region-<wbr>skane") != std::string::npos);
  CHECK(html.find("td.num, td.date, .nb, .flag { white-space: nowrap; }") != std::string::npos);
  CHECK(html.find("overflow-wrap: anywhere") == std::string::npos);
}

TEST_CASE(
    "render::render_html fits wide tables: compact type, then parts that repeat the row names") {
  auto wide = [](int columns) {
    reports::Document d = budget_like("A1");
    auto& t = d.tables[0];
    t.columns.erase(t.columns.begin() + 1, t.columns.end());
    for (auto& r : t.rows) r.resize(1);
    for (int i = 0; i < columns; ++i) {
      t.columns.emplace_back("m" + std::to_string(i), "Månad " + std::to_string(i),
                             "Month " + std::to_string(i));
      t.rows[0].push_back(Cell::of_money(core::Money::from_kronor(1'234'567)));
    }
    return render::render_html(reports::bundle_of(d), render::Lang::sv);
  };
  auto count = [](const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
  };
  std::string narrow = wide(4);
  CHECK(count(narrow, "<table>") == 1);
  CHECK(count(narrow, "<table class=\"compact\">") == 0);
  std::string compact = wide(11);
  CHECK(count(compact, "<table class=\"compact\">") == 1);
  CHECK(compact.find("(del ") == std::string::npos);
  std::string split = wide(30);
  std::size_t parts = count(split, "<table class=\"compact\">");
  CHECK(parts >= 3);
  CHECK(split.find(fmt::format("<h3>Del {} av {}</h3>", parts, parts)) != std::string::npos);
  // Every part repeats the activity column, and every month is in exactly one part.
  CHECK(count(split, "<th class=\"nb\">Aktivitet</th>") == parts);
  for (int i = 0; i < 30; ++i) CHECK(count(split, fmt::format(">Månad {}</th>", i)) == 1);
}

TEST_CASE("render::render_html opens a payment request with ärende-id, number, period, aid") {
  reports::Document d = budget_like("A1");
  d.report = "claim";
  d.case_id = "20303832";
  d.request_number = "2";
  d.values.emplace_back(
      "aid", Cell::of_entries({{"to_claim", Cell::of_money(core::Money::from_ore(67118434))}}));
  std::string html = render::render_html(reports::bundle_of(d), render::Lang::sv);
  auto head = html.find("<dl class=\"claim-head\">");
  REQUIRE(head != std::string::npos);
  CHECK(head < html.find("<table"));
  std::string dl = html.substr(head, html.find("</dl>", head) - head);
  CHECK(dl.find("<dt>Ärende-id</dt><dd>20303832</dd>") != std::string::npos);
  CHECK(dl.find("<dt>Ansökan nr</dt><dd>2</dd>") != std::string::npos);
  CHECK(dl.find("2022-10-01</span> – <span class=\"nb\">2022-10-31</span></dd>") !=
        std::string::npos);
  CHECK(dl.find("<dt>Stöd att begära</dt><dd>671 184,34 kr</dd>") != std::string::npos);
  d.report = "budget";
  CHECK(render::render_html(reports::bundle_of(d), render::Lang::sv).find("claim-head\">") ==
        std::string::npos);
}

TEST_CASE("reports::name_activities names codes for readers and keeps them for JSON") {
  reports::Document d = budget_like("A1");
  d.tables[0].rows.push_back(d.tables[0].rows[0]);
  d.tables[0].rows[1][0] = Cell::of_text("");
  reports::name_activities(d, {{"A1", "Förstudie"}});
  CHECK(d.tables[0].rows[0][0].text == "A1");
  CHECK(d.tables[0].rows[0][0].display_sv == "A1 Förstudie");
  std::string html = render::render_html(reports::bundle_of(d), render::Lang::sv);
  CHECK(html.find("<td>A1 Förstudie</td>") != std::string::npos);
  CHECK(html.find("<td>(ingen aktivitet)</td>") != std::string::npos);
  CHECK(
      render::render_html(reports::bundle_of(d), render::Lang::en).find("<td>(no activity)</td>") !=
      std::string::npos);
  std::string json = render::render_json(d);
  CHECK(json.find("\"activity\": \"A1\"") != std::string::npos);
  CHECK(json.find("Förstudie") == std::string::npos);
}
