#include <grantkit/reports/staffing.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include <grantkit/core/hours.hpp>
#include <grantkit/core/i18n.hpp>

namespace grantkit::reports {

using core::Money;
using core::Percent;

namespace {

// |value − plan| > plan × tolerance, exactly: for whole öre, "above the floor of plan × tolerance"
// is the same as "above plan × tolerance".
bool beyond(Money value, Money plan, Percent tolerance) {
  Money diff = value > plan ? value - plan : plan - value;
  Money limit = core::apply_percent_floor(plan > Money() ? plan : -plan, tolerance);
  return diff > limit;
}

}  // namespace

std::int64_t planned_minutes(const model::Project& project, const model::StaffEntry& entry) {
  return project.planned_minutes(entry);
}

std::optional<Money> planned_cost(const model::Project& project, const model::StaffEntry& entry) {
  return project.planned_cost(entry);
}

Document staffing_report(const model::Project& p, const StaffingOptions& o) {
  Document doc;
  doc.report = "staffing";
  doc.title_sv = "Bemanning mot heltidsdefinitionen";
  doc.title_en = "Staffing against the full-time definition";
  doc.project_id = p.id;
  doc.project_name = p.name;
  doc.currency = p.currency;
  doc.as_of = o.window.as_of;
  doc.period = p.full_time.period;

  core::FullTimeRule rule = p.full_time_rule();
  std::vector<std::vector<std::string>> flags = o.entry_flags;
  flags.resize(p.staff.size());

  Table t;
  t.key = "rows";
  t.title_sv = "Bemanning";
  t.title_en = "Staffing";
  t.columns = {{"person", "Person (roll)", "Person (role)"},
               {"role", "Roll", "Role"},
               {"organisation", "Organisation", "Organisation"},
               {"percent", "Andel av heltid", "Share of full time"},
               {"from", "Från", "From"},
               {"to", "Till", "To"},
               {"full_time_hours", "Heltid, timmar", "Full-time hours"},
               {"planned_hours", "Planerade timmar", "Planned hours"},
               {"planned_cost", "Planerad lönekostnad", "Planned salary cost"},
               {"funding", "Finansiering", "Funding"},
               {"flags", "Flaggor", "Flags"}};

  std::int64_t sum_minutes = 0;
  Money sum_cost;
  bool all_costs = true;
  // In-kind value per organisation: the sum of planned costs, or nothing when one is unknown.
  std::map<std::string, std::optional<Money>> in_kind_value;
  std::vector<std::string> in_kind_orgs;
  for (std::size_t i = 0; i < p.staff.size(); ++i) {
    const auto& e = p.staff[i];
    core::Period period = p.staff_period(e);
    std::int64_t full = core::full_time_minutes(period, rule);
    std::int64_t planned = planned_minutes(p, e);
    std::optional<Money> cost = planned_cost(p, e);
    bool in_kind = e.funding == model::Funding::in_kind;
    if (!cost) {
      flags[i].emplace_back("staff.no-salary");
      doc.diagnostics.info(
          "staff.no-salary",
          fmt::format(fmt::runtime(_("{} has no monthly_salary: no cost can be planned{}")), e.id,
                      in_kind ? _(" and the in-kind time cannot be valued") : ""),
          e.place);
    }
    if (in_kind) {
      if (!in_kind_value.count(e.organisation)) {
        in_kind_value[e.organisation] = Money();
        in_kind_orgs.push_back(e.organisation);
      }
      auto& v = in_kind_value[e.organisation];
      v = v && cost ? std::optional(*v + *cost) : std::nullopt;
    }
    std::string org = p.organisation_name(e.organisation);
    t.rows.push_back({Cell::of_text(e.id), Cell::of_text(e.role),
                      Cell::of_code(e.organisation, org, org), Cell::of_percent(e.percent),
                      Cell::of_date(period.from), Cell::of_date(period.to),
                      Cell::of_seconds(full * core::kSecondsPerMinute),
                      Cell::of_seconds(planned * core::kSecondsPerMinute), Cell::of_money(cost),
                      in_kind ? Cell::of_code("in_kind", "i annat än pengar", "in kind")
                              : Cell::of_code("cash", "kontant", "cash"),
                      Cell::of_list(flags[i])});
    sum_minutes += planned;
    if (cost)
      sum_cost += *cost;
    else
      all_costs = false;
  }
  t.total = std::vector<Cell>{Cell::of_code("total", "Totalt", "Total"),
                              Cell::none(),
                              Cell::none(),
                              Cell::none(),
                              Cell::none(),
                              Cell::none(),
                              Cell::none(),
                              Cell::of_seconds(sum_minutes * core::kSecondsPerMinute),
                              all_costs ? Cell::of_money(sum_cost) : Cell::none(),
                              Cell::none(),
                              Cell::of_list({})};
  doc.tables.push_back(std::move(t));

  // In kind per financier: the financing plan's amount against the planned value of the time.
  Table k;
  k.key = "in_kind";
  k.title_sv = "Bidrag i annat än pengar per medfinansiär";
  k.title_en = "In-kind contributions per financier";
  k.columns = {{"financier", "Medfinansiär", "Financier"},
               {"planned_in_kind", "Enligt finansieringsplan", "Financing plan"},
               {"planned_value", "Planerat värde av tid", "Planned value of time"},
               {"difference", "Skillnad", "Difference"},
               {"flags", "Flaggor", "Flags"}};
  std::vector<std::string> orgs;
  for (const auto& f : p.financing) {
    bool has_staff = in_kind_value.count(f.id) > 0;
    if (has_staff || (f.in_kind && !f.in_kind->is_zero())) orgs.push_back(f.id);
  }
  for (const auto& id : in_kind_orgs) {
    if (std::find(orgs.begin(), orgs.end(), id) == orgs.end()) orgs.push_back(id);
  }
  // In-kind staff time is valued with the payroll overhead as the outcome values it (DOMAIN.md:
  // "In-kind staff time from a co-financier gets the same rate"): the rate in force on the as-of
  // date, on each financier's sum, rounded down once.
  std::optional<Percent> overhead;
  for (const auto& rate : p.flat_rates_in_force(p.decision_on(o.window.as_of))) {
    if (rate.id == "payroll_overhead") overhead = rate.rate;
  }
  Money sum_plan, sum_value;
  bool all_plan = true, all_value = true;
  for (const auto& id : orgs) {
    const model::Financier* f = p.find_financier(id);
    std::optional<Money> plan = f ? f->in_kind : std::nullopt;
    std::optional<Money> value =
        in_kind_value.count(id) ? in_kind_value.at(id) : std::optional(Money());
    if (value && overhead) *value += core::apply_percent_floor(*value, *overhead);
    std::vector<std::string> row_flags;
    if (!value) row_flags.emplace_back("staff.no-salary");
    if (plan && value && beyond(*value, *plan, p.programme.in_kind_deviation_percent)) {
      row_flags.emplace_back("staff.in-kind-mismatch");
      doc.diagnostics.warning(
          "staff.in-kind-mismatch",
          fmt::format(
              fmt::runtime(
                  _("{}: its in-kind staff time is planned at {} (share × monthly salary over the "
                    "staffing period{}), the financing plan says {} in kind; the difference {} is "
                    "more "
                    "than {}")),
              id, core::format_kr(*value), overhead ? _(" with the payroll overhead") : "",
              core::format_kr(*plan), core::format_kr(*value - *plan),
              core::message_percent(p.programme.in_kind_deviation_percent)),
          f ? f->place : core::SourcePlace{}, {*value - *plan, {id}});
    }
    std::string name = p.organisation_name(id);
    k.rows.push_back({Cell::of_code(id, name, name), Cell::of_money(plan), Cell::of_money(value),
                      plan && value ? Cell::of_money(*value - *plan) : Cell::none(),
                      Cell::of_list(row_flags)});
    if (plan)
      sum_plan += *plan;
    else
      all_plan = false;
    if (value)
      sum_value += *value;
    else
      all_value = false;
  }
  k.total = std::vector<Cell>{
      Cell::of_code("total", "Totalt", "Total"), all_plan ? Cell::of_money(sum_plan) : Cell::none(),
      all_value ? Cell::of_money(sum_value) : Cell::none(),
      all_plan && all_value ? Cell::of_money(sum_value - sum_plan) : Cell::none(),
      Cell::of_list({})};
  doc.tables.push_back(std::move(k));
  return doc;
}

}  // namespace grantkit::reports
