#include <fmt/format.h>

#include <grantkit/core/i18n.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/io/yaml_read.hpp>

namespace grantkit::io {

namespace {

std::vector<std::string> read_id_list(YamlReader& r, const YamlNode* n, std::string_view what) {
  std::vector<std::string> out;
  if (!n || n->is_null() || !r.expect_sequence(*n, what)) return out;
  for (const auto& item : n->items) {
    if (auto t = r.id(&item, what)) out.push_back(*t);
  }
  return out;
}

}  // namespace

std::optional<model::Programme> load_programme(const std::string& path, core::Diagnostics& diags) {
  auto root = load_yaml_file(path, diags);
  if (!root) return std::nullopt;
  YamlReader r(diags);
  if (!r.expect_schema(*root, "programme")) return std::nullopt;
  if (!r.expect_map(*root, "programme rule set",
                    {"schema", "id", "name", "period", "categories", "flat_rates", "full_time",
                     "deviation", "underspend_points", "underspend_amount", "claim_period",
                     "time_deviation", "salary_mismatch", "in_kind_deviation", "shortfall",
                     "indicator_behind", "hourly_rate_index", "final_reporting", "staff_costs"})) {
    return std::nullopt;
  }
  model::Programme prog;
  if (auto t = r.id(r.require(*root, "id", "programme"), "programme id")) prog.id = *t;
  if (auto t = r.text(root->find("name"), "programme name")) prog.name = *t;
  prog.file = path;
  prog.period = r.period(root->find("period"), "programme period");

  if (const YamlNode* cats = r.require(*root, "categories", "programme");
      cats && r.expect_sequence(*cats, "categories")) {
    for (const auto& c : cats->items) {
      if (!r.expect_map(c, "a cost category", {"id", "sv", "en", "kind", "source"})) continue;
      model::CostCategory cat;
      if (auto t = r.id(r.require(c, "id", "a cost category"), "category id")) cat.id = *t;
      if (auto t = r.text(c.find("sv"), "category sv")) cat.sv = *t;
      if (auto t = r.text(c.find("en"), "category en")) cat.en = *t;
      if (auto t = r.text(c.find("kind"), "category kind")) cat.kind = *t;
      if (!cat.id.empty()) prog.categories.push_back(std::move(cat));
    }
  }
  if (const YamlNode* frs = root->find("flat_rates");
      frs && !frs->is_null() && r.expect_sequence(*frs, "flat_rates")) {
    for (const auto& f : frs->items) {
      if (!r.expect_map(
              f, "a flat rate",
              {"id", "name", "rate", "base", "booked_under", "covers", "default", "source"}))
        continue;
      model::FlatRate fr;
      if (auto t = r.id(r.require(f, "id", "a flat rate"), "flat rate id")) fr.id = *t;
      if (auto pc = r.percent(r.require(f, "rate", "a flat rate"), "flat rate")) fr.rate = *pc;
      fr.base = read_id_list(r, f.find("base"), "flat rate base");
      if (auto t = r.id(f.find("booked_under"), "booked_under", false)) fr.booked_under = *t;
      fr.covers = read_id_list(r, f.find("covers"), "flat rate covers");
      fr.applies_by_default = r.boolean(f.find("default"), "flat rate default").value_or(false);
      if (auto t = r.text(f.find("source"), "source")) fr.source = *t;
      prog.flat_rates.push_back(std::move(fr));
    }
  }
  if (const YamlNode* ft = root->find("full_time");
      ft && r.expect_map(*ft, "full_time",
                         {"basis", "annual_hours", "hours_per_day", "eves_off", "source"})) {
    if (auto b = r.text(ft->find("basis"), "full_time.basis")) {
      if (*b == "calendar")
        prog.full_time.basis = core::FullTimeBasis::calendar;
      else if (*b == "annual_hours")
        prog.full_time.basis = core::FullTimeBasis::annual_hours;
      else
        diags.error(
            "yaml.type",
            fmt::format(
                fmt::runtime(_("full_time.basis must be annual_hours or calendar, not '{}'")), *b),
            ft->find("basis")->place);
    }
    if (auto h = r.integer(ft->find("annual_hours"), "annual_hours"))
      prog.full_time.annual_minutes = *h * 60;
    if (auto h = r.integer(ft->find("hours_per_day"), "hours_per_day"))
      prog.full_time.minutes_per_day = *h * 60;
    if (auto e = r.boolean(ft->find("eves_off"), "eves_off")) prog.full_time.calendar.eves_off = *e;
  }
  if (const YamlNode* dv = root->find("deviation");
      dv && r.expect_map(*dv, "deviation", {"percent", "amount", "source"})) {
    if (auto pc = r.percent(dv->find("percent"), "deviation.percent")) prog.deviation_percent = *pc;
    if (auto m = r.money(dv->find("amount"), "deviation.amount")) prog.deviation_amount = *m;
  }
  if (auto u = r.integer(root->find("underspend_points"), "underspend_points")) {
    prog.underspend_points = core::Percent::from_points(*u);
  }
  if (auto m = r.money(root->find("underspend_amount"), "underspend_amount"))
    prog.underspend_amount = *m;
  if (const YamlNode* td = root->find("time_deviation");
      td && r.expect_map(*td, "time_deviation",
                         {"percent", "months", "month_percent", "holiday_months", "source"})) {
    if (auto pc = r.percent(td->find("percent"), "time_deviation.percent"))
      prog.time_deviation_percent = *pc;
    if (auto pc = r.percent(td->find("month_percent"), "time_deviation.month_percent"))
      prog.time_deviation_month_percent = *pc;
    if (auto v = r.integer(td->find("months"), "time_deviation.months")) {
      if (*v < 1 || *v > 12) {
        diags.error("yaml.number",
                    fmt::format(fmt::runtime(_("time_deviation.months must be 1–12, not {}")), *v),
                    td->find("months")->place);
      } else {
        prog.time_deviation_months = static_cast<int>(*v);
      }
    }
    if (const YamlNode* hm = td->find("holiday_months");
        hm && !hm->is_null() && r.expect_sequence(*hm, "time_deviation.holiday_months")) {
      prog.time_holiday_months.clear();
      for (const auto& item : hm->items) {
        auto v = r.integer(&item, "time_deviation.holiday_months");
        if (!v) continue;
        if (*v < 1 || *v > 12) {
          diags.error(
              "yaml.number",
              fmt::format(fmt::runtime(_("time_deviation.holiday_months: a month is 1–12, not {}")),
                          *v),
              item.place);
        } else {
          prog.time_holiday_months.push_back(static_cast<int>(*v));
        }
      }
    }
  }
  if (const YamlNode* sm = root->find("salary_mismatch");
      sm && r.expect_map(*sm, "salary_mismatch", {"percent", "source"})) {
    if (auto pc = r.percent(sm->find("percent"), "salary_mismatch.percent"))
      prog.salary_mismatch_percent = *pc;
  }
  if (const YamlNode* kd = root->find("in_kind_deviation");
      kd && r.expect_map(*kd, "in_kind_deviation", {"percent", "source"})) {
    if (auto pc = r.percent(kd->find("percent"), "in_kind_deviation.percent"))
      prog.in_kind_deviation_percent = *pc;
  }
  if (const YamlNode* sf = root->find("shortfall");
      sf && r.expect_map(*sf, "shortfall", {"percent", "source"})) {
    if (auto pc = r.percent(sf->find("percent"), "shortfall.percent")) prog.shortfall_percent = *pc;
  }
  if (const YamlNode* ib = root->find("indicator_behind");
      ib && r.expect_map(*ib, "indicator_behind", {"points", "near_end", "source"})) {
    if (auto pc = r.percent(ib->find("points"), "indicator_behind.points"))
      prog.indicator_behind_points = *pc;
    if (auto pc = r.percent(ib->find("near_end"), "indicator_behind.near_end"))
      prog.indicator_near_end = *pc;
  }
  if (const YamlNode* hi = root->find("hourly_rate_index");
      hi && !hi->is_null() &&
      r.expect_map(*hi, "hourly_rate_index", {"percent", "every_months", "source"})) {
    prog.hourly_rate_index =
        r.percent(r.require(*hi, "percent", "hourly_rate_index"), "hourly_rate_index.percent");
    if (auto v = r.integer(hi->find("every_months"), "hourly_rate_index.every_months")) {
      if (*v < 1 || *v > 120) {
        diags.error(
            "yaml.number",
            fmt::format(fmt::runtime(_("hourly_rate_index.every_months must be 1–120, not {}")),
                        *v),
            hi->find("every_months")->place);
      } else {
        prog.hourly_rate_index_months = static_cast<int>(*v);
      }
    }
  }
  if (const YamlNode* sc = root->find("staff_costs");
      sc && !sc->is_null() && r.expect_map(*sc, "staff_costs", {"basis", "covers", "source"})) {
    if (auto b = r.text(r.require(*sc, "basis", "staff_costs"), "staff_costs.basis")) {
      if (*b == "unit_cost")
        prog.staff_unit_cost = true;
      else if (*b != "booked")
        diags.error(
            "yaml.type",
            fmt::format(fmt::runtime(_("staff_costs.basis must be booked or unit_cost, not '{}'")),
                        *b),
            sc->find("basis")->place);
    }
    prog.staff_cost_covers = read_id_list(r, sc->find("covers"), "staff_costs covers");
  }
  if (const YamlNode* cp = root->find("claim_period");
      cp && r.expect_map(*cp, "claim_period",
                         {"min_months", "max_months", "within_calendar_year", "source"})) {
    if (auto v = r.integer(cp->find("min_months"), "min_months"))
      prog.claim_min_months = static_cast<int>(*v);
    if (auto v = r.integer(cp->find("max_months"), "max_months"))
      prog.claim_max_months = static_cast<int>(*v);
    if (auto v = r.boolean(cp->find("within_calendar_year"), "within_calendar_year"))
      prog.claim_within_calendar_year = *v;
  }
  if (const YamlNode* fr = root->find("final_reporting");
      fr && r.expect_map(*fr, "final_reporting", {"after_activities", "source"})) {
    if (auto v = r.boolean(fr->find("after_activities"), "final_reporting.after_activities"))
      prog.final_reporting_after_activities = *v;
  }
  return prog;
}

}  // namespace grantkit::io
