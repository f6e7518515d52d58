#include <grantkit/core/i18n.hpp>
#include <grantkit/reports/indicators.hpp>

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace grantkit::reports {

using core::Percent;

core::Percent project_elapsed(const model::Project& p, core::Date as_of) {
  const core::Period& whole = p.project_period();
  if (as_of < whole.from) return Percent::from_millionths(0);
  if (as_of >= whole.to) return Percent::from_millionths(Percent::kWhole);
  std::int64_t done = core::Period{whole.from, as_of}.days();
  return Percent::from_millionths(done * Percent::kWhole / whole.days());
}

bool indicator_behind(const model::Programme& prog, Percent elapsed, Percent achieved) {
  return elapsed >= prog.indicator_near_end && elapsed - achieved > prog.indicator_behind_points;
}

Document indicators_report(const model::Project& p,
                           const std::vector<model::IndicatorValue>& values,
                           const ReportWindow& w) {
  Document doc;
  doc.report = "indicators";
  doc.title_sv = "Indikatorer: utfall mot mål";
  doc.title_en = "Indicators: results against targets";
  doc.project_id = p.id;
  doc.project_name = p.name;
  doc.currency = p.currency;
  doc.as_of = w.as_of;
  doc.period = w.period;

  // Each indicator's rows by date (file order among equal dates cannot happen: the loader refuses
  // two rows on one date).
  std::map<std::string, std::vector<const model::IndicatorValue*>> by_indicator;
  for (const auto& v : values) by_indicator[v.indicator].push_back(&v);
  for (auto& [id, rows] : by_indicator) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto* a, const auto* b) { return a->date < b->date; });
  }

  Percent elapsed = project_elapsed(p, w.as_of);
  Table t;
  t.key = "rows";
  t.title_sv = "Indikatorer";
  t.title_en = "Indicators";
  t.columns = {{"indicator", "Indikator", "Indicator"},
               {"name", "Namn", "Name"},
               {"code", "Programindikator", "Programme indicator"},
               {"unit", "Enhet", "Unit"},
               {"target", "Mål", "Target"},
               {"value", "Utfall ackumulerat", "Cumulative value"},
               {"date", "Rapporterat", "Reported on"},
               Column("achieved_pct", "Andel av målet", "Share of target").with_bar(),
               Column("elapsed_pct", "Tid förfluten", "Elapsed").with_bar(),
               {"expected_to_date", "Mål pro rata", "Pro-rata target"},
               {"flags", "Flaggor", "Flags"}};
  Table reported;
  reported.key = "reported";
  reported.title_sv = "Rapporterade värden";
  reported.title_en = "Reported values";
  reported.columns = {{"indicator", "Indikator", "Indicator"},
                      {"date", "Datum", "Date"},
                      {"value", "Utfall ackumulerat", "Cumulative value"},
                      {"comment", "Kommentar", "Comment"}};

  for (const auto& ind : p.indicators) {
    std::vector<std::string> flags;
    const model::IndicatorValue* latest = nullptr;
    auto it = by_indicator.find(ind.id);
    if (it != by_indicator.end()) {
      const auto& rows = it->second;
      for (std::size_t i = 1; i < rows.size(); ++i) {
        if (rows[i]->value >= rows[i - 1]->value) continue;
        if (flags.empty()) flags.emplace_back("indicator.decreasing");
        doc.diagnostics.warning(
            "indicator.decreasing",
            fmt::format(fmt::runtime(_("{}: {} on {} is less than the {} reported on {}; values "
                                       "are cumulative (the total "
                                       "achieved so far) and cannot go down")),
                        ind.id, rows[i]->value, core::format_iso(rows[i]->date), rows[i - 1]->value,
                        core::format_iso(rows[i - 1]->date)),
            rows[i]->place);
      }
      for (const auto* v : rows) {
        if (v->date > w.as_of) continue;
        latest = v;
        reported.rows.push_back({Cell::of_text(ind.id), Cell::of_date(v->date),
                                 Cell::of_integer(v->value), Cell::of_text(v->comment)});
      }
    }
    std::optional<Percent> achieved;
    std::optional<std::int64_t> expected;
    if (ind.target && *ind.target > 0) {
      expected = *ind.target * elapsed.millionths() / Percent::kWhole;
      if (latest)
        achieved = Percent::from_millionths(latest->value * Percent::kWhole / *ind.target);
    }
    if (achieved && indicator_behind(p.programme, elapsed, *achieved)) {
      flags.emplace_back("indicator.behind");
      doc.diagnostics.warning(
          "indicator.behind",
          fmt::format(fmt::runtime(_("{}: {} of {} {} reached ({}) with {} of the project period "
                                     "elapsed: more than {} "
                                     "percentage points behind the pro-rata target {}")),
                      ind.id, latest->value, *ind.target, ind.unit,
                      core::message_percent(*achieved), core::message_percent(elapsed),
                      core::format_percent_plain(p.programme.indicator_behind_points), *expected),
          latest->place);
    }
    t.rows.push_back({Cell::of_text(ind.id), Cell::of_text(ind.name),
                      ind.code.empty() ? Cell::none() : Cell::of_text(ind.code),
                      Cell::of_text(ind.unit),
                      ind.target ? Cell::of_integer(*ind.target) : Cell::none(),
                      latest ? Cell::of_integer(latest->value) : Cell::none(),
                      latest ? Cell::of_date(latest->date) : Cell::none(),
                      Cell::of_percent(achieved), Cell::of_percent(elapsed),
                      expected ? Cell::of_integer(*expected) : Cell::none(), Cell::of_list(flags)});
  }
  doc.tables.push_back(std::move(t));
  doc.tables.push_back(std::move(reported));
  return doc;
}

}  // namespace grantkit::reports
