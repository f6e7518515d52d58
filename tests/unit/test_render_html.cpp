#include <doctest/doctest.h>

#include <algorithm>

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
