#include <grantkit/reports/cofinancing.hpp>

#include <map>

#include <fmt/format.h>

#include <grantkit/core/i18n.hpp>
#include <grantkit/reports/budget.hpp>
#include <grantkit/reports/eligible.hpp>

namespace grantkit::reports {

using core::Money;

Document cofinancing_report(const Position& pos) {
  const model::Project& p = pos.project();
  const ReportWindow& w = pos.window();
  Document doc = document_header(p, w, "cofinancing", "Medfinansiering", "Co-financing");

  CostLines lines = pos.to_date();
  std::map<std::string, Money> cash =
      w.to_date ? pos.received(*w.to_date) : std::map<std::string, Money>{};
  std::map<std::string, Money> in_kind;
  Money eligible;
  for (const auto& l : lines) {
    eligible += l.amount;
    if (l.source == CostSource::in_kind) in_kind[l.financier] += l.amount;
  }
  const core::Period& whole = p.project_period();
  std::int64_t elapsed_days = w.to_date ? w.to_date->days() : 0;

  Table t;
  t.key = "rows";
  t.columns = {{"financier", "Finansiär", "Financier"},
               {"type", "Typ", "Type"},
               {"planned_cash", "Kontant enligt plan", "Planned cash"},
               {"received_cash", "Kontant erhållet", "Received cash"},
               {"planned_in_kind", "Annat än pengar enligt plan", "Planned in kind"},
               {"valued_in_kind", "Annat än pengar värderat", "Valued in kind"},
               {"planned_total", "Totalt enligt plan", "Planned total"},
               {"actual_total", "Totalt utfall", "Actual total"},
               {"expected_to_date", "Förväntat hittills", "Expected to date"},
               {"flags", "Flaggor", "Flags"}};
  const model::Decision& decision = pos.decision();
  Money capped = pos.aid_base(eligible);
  std::optional<Money> due = pos.aid_earned(eligible);
  // DOMAIN.md "Co-financing and aid": the owner's own financing is the balancing item (total
  // eligible − aid − other co-financing), in the plan and to date; never received, never a
  // shortfall.
  const std::string owner = p.owner_id();
  const model::Financier* owner_row = owner.empty() ? nullptr : p.find_financier(owner);
  std::optional<Money> owner_planned = owner_row ? p.owner_share(decision) : std::nullopt;
  std::optional<Money> owner_actual;
  if (owner_row && due) {
    Money others;
    for (const auto& f : p.financing) {
      if (f.id == owner) continue;
      others += (cash.count(f.id) ? cash[f.id] : Money()) +
                (in_kind.count(f.id) ? in_kind[f.id] : Money());
    }
    owner_actual = eligible - *due - others;
  }

  Money s_pc, s_rc, s_pk, s_vk, s_pt, s_at, s_ex;
  for (const auto& f : p.financing) {
    const bool is_owner = owner_row && f.id == owner;
    std::optional<Money> planned_total = f.total;
    if (!planned_total && f.cash && f.in_kind) planned_total = *f.cash + *f.in_kind;
    if (is_owner && owner_planned) planned_total = owner_planned;
    Money rc = cash.count(f.id) ? cash[f.id] : Money();
    Money vk = in_kind.count(f.id) ? in_kind[f.id] : Money();
    Money actual = is_owner && owner_actual ? *owner_actual : rc + vk;
    std::optional<Money> expected;
    if (planned_total && !is_owner)
      expected = core::prorate_floor(*planned_total, elapsed_days, whole.days());
    std::vector<std::string> flags;
    if (is_owner) flags.push_back("owner");
    if (f.status != model::FinancingStatus::confirmed) flags.push_back("financing.unresolved");
    if (expected && expected->ore() > 0) {
      Money behind = *expected - (rc + vk);
      if (behind > Money() &&
          core::ratio_percent(behind, *expected) > p.programme.shortfall_percent) {
        flags.push_back("financing.shortfall");
        doc.diagnostics.warning(
            "financing.shortfall",
            fmt::format(
                fmt::runtime(_("{}: {} received or contributed by {}, {} expected pro rata")),
                f.name.empty() ? f.id : f.name, core::format_kr(rc + vk, true),
                core::format_iso(w.as_of), core::format_kr(*expected, true)),
            f.place, {behind, {f.id}});
      }
    }
    t.rows.push_back(
        {Cell::of_code(f.id, f.name.empty() ? f.id : f.name, f.name.empty() ? f.id : f.name),
         f.type == model::FinancierType::public_ ? Cell::of_code("public", "offentlig", "public")
                                                 : Cell::of_code("private", "privat", "private"),
         Cell::of_money(f.cash), Cell::of_money(rc), Cell::of_money(f.in_kind), Cell::of_money(vk),
         Cell::of_money(planned_total), Cell::of_money(actual), Cell::of_money(expected),
         Cell::of_list(flags)});
    if (f.cash) s_pc += *f.cash;
    if (f.in_kind) s_pk += *f.in_kind;
    if (planned_total) s_pt += *planned_total;
    if (expected) s_ex += *expected;
    s_rc += rc;
    s_vk += vk;
    s_at += actual;
  }
  t.total = std::vector<Cell>{Cell::of_code("total", "Totalt", "Total"),
                              Cell::none(),
                              Cell::of_money(s_pc),
                              Cell::of_money(s_rc),
                              Cell::of_money(s_pk),
                              Cell::of_money(s_vk),
                              Cell::of_money(s_pt),
                              Cell::of_money(s_at),
                              Cell::of_money(s_ex),
                              Cell::of_list({})};
  doc.tables.push_back(std::move(t));

  std::vector<std::pair<std::string, Cell>> aid;
  aid.emplace_back("rate", Cell::of_percent(decision.aid.rate));
  aid.emplace_back("max", Cell::of_money(decision.aid.max));
  aid.emplace_back("cumulative_eligible", Cell::of_money(capped));
  aid.emplace_back("aid_to_date", Cell::of_money(due));
  // Aid paid out to date (ledger rows `aid`) beside the aid claimed in requests ended by then.
  AidPaid a = pos.aid_to_date(doc.diagnostics);
  std::optional<Money> paid = a.paid;
  std::optional<Money> claimed = a.claimed;
  aid.emplace_back("claimed_to_date", Cell::of_money(claimed));
  aid.emplace_back("paid_to_date", Cell::of_money(paid.value_or(Money())));
  doc.values.emplace_back("aid", Cell::of_entries(std::move(aid)));
  doc.tables.push_back(
      value_table("aid", doc.values.back().second, "Stöd", "Aid",
                  {{"rate", {"Stödnivå", "Aid rate"}},
                   {"max", {"Högsta stödbelopp", "Maximum aid"}},
                   {"cumulative_eligible",
                    {"Stödgrundande kostnader, ackumulerat", "Eligible costs, cumulative"}},
                   {"aid_to_date", {"Stöd hittills", "Aid to date"}},
                   {"claimed_to_date", {"Begärt stöd hittills", "Aid claimed to date"}},
                   {"paid_to_date", {"Utbetalt stöd hittills", "Aid paid out to date"}}}));
  return doc;
}

}  // namespace grantkit::reports
