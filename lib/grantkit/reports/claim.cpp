#include <grantkit/reports/claim.hpp>

#include <map>

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <grantkit/core/i18n.hpp>
#include <grantkit/reports/budget.hpp>
#include <grantkit/reports/eligible.hpp>

namespace grantkit::reports {

using core::Money;

namespace {

Cell category_cell(const model::Programme& prog, const std::string& id) {
  const auto* c = prog.find_category(id);
  return Cell::of_code(id, c ? c->sv : id, c ? c->en : id);
}

}  // namespace

void check_claim_period(const model::Project& p, const core::Period& period,
                        core::Diagnostics& diags) {
  const auto& prog = p.programme;
  bool whole_months = period.from.day() == 1 && period.to == period.to.end_of_month();
  auto months = static_cast<int>(core::months_of(period).size());
  std::vector<std::string> faults;
  if (!whole_months)
    faults.push_back(_("it must run from the first day of a month to the last day of a month"));
  if (months < prog.claim_min_months || months > prog.claim_max_months) {
    faults.push_back(fmt::format(fmt::runtime(_("it covers {} months; a request covers {} to {}")),
                                 months, prog.claim_min_months, prog.claim_max_months));
  }
  if (prog.claim_within_calendar_year && period.from.year() != period.to.year()) {
    faults.push_back(_("it must lie inside one calendar year"));
  }
  if (!p.decision_on(period.to).eligible.contains(period)) {
    faults.push_back(fmt::format(fmt::runtime(_("it must lie inside the eligible period {}")),
                                 p.decision_on(period.to).eligible.iso()));
  }
  if (!faults.empty()) {
    diags.error("claim.period",
                fmt::format(fmt::runtime(_("{} is not a valid payment-request period: {}")),
                            period.iso(), fmt::join(faults, "; ")));
  }
  for (const auto& c : p.claims) {
    if (c.period.overlaps(period) && !(c.period == period)) {
      diags.error("claim.overlap",
                  fmt::format(fmt::runtime(_("{} overlaps payment request {} ({})")), period.iso(),
                              c.id, c.period.iso()),
                  c.place);
    }
  }
}

Document claim_report(const Position& pos) {
  const model::Project& p = pos.project();
  const model::Outcome& o = pos.outcome();
  const ReportWindow& w = pos.window();
  Document doc = document_header(p, w, "claim", "Ansökan om utbetalning", "Payment request");
  check_claim_period(p, w.period, doc.diagnostics);

  const model::Decision& decision = pos.decision();
  const core::Date start = p.project_period().from;
  std::optional<core::Period> before;
  if (start < w.period.from)
    before = core::Period{start, std::min(w.period.from - boost::gregorian::days(1), w.as_of)};
  if (before && before->to < before->from) before.reset();
  // DOMAIN.md "Paid and booked": a cost not paid by --as-of is not claimed in this request.
  CostLines prev_lines = before ? pos.cumulative(before->to, Basis::paid) : CostLines{};
  CostLines this_lines = pos.this_period(Basis::paid);
  if (!o.payment_unknown.empty()) {
    doc.diagnostics.warning(
        "claim.payment-unknown",
        fmt::format(
            fmt::runtime(
                _("{} no payment date at all (a `paid` column, or a SIE source's paid_dimension): "
                  "whether "
                  "their costs were paid by {} cannot be checked, and they are claimed as booked")),
            o.payment_unknown.size() == 1
                ? fmt::format(fmt::runtime(_("the ledger file {} gives")), o.payment_unknown[0])
                : fmt::format(fmt::runtime(_("the ledger files {} give")),
                              fmt::join(o.payment_unknown, ", ")),
            core::format_iso(w.as_of)),
        core::SourcePlace{o.payment_unknown.front(), 0, 0});
  }
  auto prev = by_category(prev_lines);
  auto now = by_category(this_lines);

  // Costs per category: the programme's categories in order, then any other seen.
  Table costs;
  costs.key = "costs";
  costs.title_sv = "Kostnader per kostnadsslag";
  costs.title_en = "Costs per cost category";
  costs.columns = {{"category", "Kostnadsslag", "Cost category"},
                   {"approved", "Godkänt", "Approved"},
                   {"previously_reported", "Tidigare redovisat", "Previously reported"},
                   {"this_period", "Denna period", "This period"},
                   {"cumulative", "Ackumulerat", "Cumulative"},
                   {"remaining", "Återstår", "Remaining"}};
  // The budget report's flags per cost category (the same rule on the same outcome to date), as
  // the request's own findings, so that it says what the budget says before it is sent.
  const auto flagged = pos.category_flags();
  const auto outcome_by_category = by_category(pos.to_date());
  std::vector<std::string> ids;
  for (const auto& c : p.programme.categories) {
    if (decision.budget.categories.count(c.id) || prev.count(c.id) || now.count(c.id))
      ids.push_back(c.id);
  }
  for (const auto& m : {prev, now}) {
    for (const auto& [id, v] : m) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  Money t_approved, t_prev, t_now;
  bool all_approved = !decision.budget.categories.empty();
  for (const auto& id : ids) {
    auto a = decision.budget.categories.find(id);
    // A category outside a decision that budgets per category is approved at 0 (as the budget
    // report has it), so that the totals are the sums of the rows.
    std::optional<Money> approved;
    if (a != decision.budget.categories.end())
      approved = a->second;
    else if (!decision.budget.categories.empty())
      approved = Money();
    Money pv = prev.count(id) ? prev[id] : Money();
    Money nv = now.count(id) ? now[id] : Money();
    if (auto fl = flagged.find(id); fl != flagged.end()) {
      auto spent = outcome_by_category.find(id);
      for (const auto& f : fl->second)
        pos.flag_finding(f, id, approved.value_or(Money()),
                         spent == outcome_by_category.end() ? Money() : spent->second, std::nullopt,
                         doc.diagnostics);
    }
    costs.rows.push_back({category_cell(p.programme, id), Cell::of_money(approved),
                          Cell::of_money(pv), Cell::of_money(nv), Cell::of_money(pv + nv),
                          approved ? Cell::of_money(*approved - pv - nv) : Cell::none()});
    if (approved)
      t_approved += *approved;
    else
      all_approved = false;
    t_prev += pv;
    t_now += nv;
  }
  std::optional<Money> total_approved =
      all_approved ? std::optional(t_approved) : decision.budget.total;
  costs.total = std::vector<Cell>{
      Cell::of_code("total", "Totalt", "Total"),
      Cell::of_money(total_approved),
      Cell::of_money(t_prev),
      Cell::of_money(t_now),
      Cell::of_money(t_prev + t_now),
      total_approved ? Cell::of_money(*total_approved - t_prev - t_now) : Cell::none()};
  doc.tables.push_back(std::move(costs));

  // Financing per financier.
  Table fin;
  fin.key = "financing";
  fin.title_sv = "Finansiering per finansiär";
  fin.title_en = "Financing per financier";
  fin.columns = {{"financier", "Finansiär", "Financier"},
                 {"approved", "Godkänt", "Approved"},
                 {"previously_received", "Tidigare erhållet", "Previously received"},
                 {"received_this_period", "Denna period", "This period"},
                 {"cumulative", "Ackumulerat", "Cumulative"}};
  auto fin_prev = before ? pos.contributed(*before, prev_lines) : std::map<std::string, Money>{};
  auto fin_now =
      w.this_period ? pos.contributed(*w.this_period, this_lines) : std::map<std::string, Money>{};
  Money f_approved, f_prev, f_now;
  bool all_fin = true;
  for (const auto& f : p.financing) {
    std::optional<Money> approved = f.total;
    if (!approved && f.cash && f.in_kind) approved = *f.cash + *f.in_kind;
    Money pv = fin_prev.count(f.id) ? fin_prev[f.id] : Money();
    Money nv = fin_now.count(f.id) ? fin_now[f.id] : Money();
    fin.rows.push_back(
        {Cell::of_code(f.id, f.name.empty() ? f.id : f.name, f.name.empty() ? f.id : f.name),
         Cell::of_money(approved), Cell::of_money(pv), Cell::of_money(nv),
         Cell::of_money(pv + nv)});
    if (approved)
      f_approved += *approved;
    else
      all_fin = false;
    f_prev += pv;
    f_now += nv;
  }
  fin.total =
      std::vector<Cell>{Cell::of_code("total", "Totalt", "Total"),
                        all_fin ? Cell::of_money(f_approved) : Cell::none(), Cell::of_money(f_prev),
                        Cell::of_money(f_now), Cell::of_money(f_prev + f_now)};
  doc.tables.push_back(std::move(fin));

  // Aid: min(rate × cumulative eligible, max) − previously claimed, never negative, rounded down.
  Money cumulative = t_prev + t_now;
  Money capped = pos.aid_base(cumulative);
  if (decision.budget.total && cumulative > *decision.budget.total) {
    doc.diagnostics.warning(
        "claim.budget-cap",
        fmt::format(
            fmt::runtime(_("cumulative eligible costs {} exceed the approved budget {}; aid is "
                           "computed on the budget (nothing above it is paid)")),
            core::format_kr(cumulative, true), core::format_kr(*decision.budget.total, true)));
  }
  Money previously;
  for (const auto& c : p.claims) {
    if (c.period.to < w.period.from && c.aid_claimed) previously += *c.aid_claimed;
  }
  // Aid paid out by --as-of, beside the aid claimed in the requests before this one.
  std::optional<Money> paid_to_date = pos.aid_to_date(doc.diagnostics).paid;
  std::vector<std::pair<std::string, Cell>> aid;
  aid.emplace_back("rate", Cell::of_percent(decision.aid.rate));
  aid.emplace_back("max", Cell::of_money(decision.aid.max));
  aid.emplace_back("cumulative_eligible", Cell::of_money(capped));
  aid.emplace_back("previously_claimed", Cell::of_money(previously));
  aid.emplace_back("paid_to_date", Cell::of_money(paid_to_date.value_or(Money())));
  if (auto entitled = pos.aid_earned(cumulative)) {
    Money to_claim = *entitled - previously;
    if (to_claim < Money()) to_claim = Money();
    aid.emplace_back("to_claim", Cell::of_money(to_claim));
  } else {
    aid.emplace_back("to_claim", Cell::none());
    doc.diagnostics.warning(
        "claim.no-aid-rate",
        _("the decision states no aid rate: the aid to claim cannot be computed"));
  }
  doc.values.emplace_back("aid", Cell::of_entries(std::move(aid)));

  // The transaction list (transaktionslista) and what was excluded.
  Table tx;
  tx.key = "transactions";
  tx.title_sv = "Transaktionslista";
  tx.title_en = "Transactions";
  tx.columns = {{"date", "Datum", "Date"},
                {"voucher", "Verifikation", "Voucher"},
                {"account", "Konto", "Account"},
                {"text", "Text", "Text"},
                {"category", "Kostnadsslag", "Cost category"},
                {"activity", "Aktivitet", "Activity"},
                {"amount", "Belopp", "Amount"}};
  Money tx_sum;
  std::vector<const model::Transaction*> unpaid;
  for (const auto& t : o.costs) {
    if (!w.this_period || !w.this_period->contains(t.date)) continue;
    if (t.unpaid) {
      unpaid.push_back(&t);
      continue;
    }
    tx.rows.push_back({Cell::of_date(t.date), Cell::of_text(t.voucher), Cell::of_text(t.account),
                       Cell::of_text(t.text), category_cell(p.programme, t.category),
                       Cell::of_text(t.activity), Cell::of_money(t.amount)});
    tx_sum += t.amount;
  }
  tx.total = std::vector<Cell>{Cell::of_code("total", "Totalt", "Total"),
                               Cell::none(),
                               Cell::none(),
                               Cell::none(),
                               Cell::none(),
                               Cell::none(),
                               Cell::of_money(tx_sum)};
  doc.tables.push_back(std::move(tx));

  Table ex;
  ex.key = "excluded";
  ex.title_sv = "Undantagna transaktioner";
  ex.title_en = "Excluded transactions";
  ex.columns = {{"date", "Datum", "Date"}, {"voucher", "Verifikation", "Voucher"},
                {"text", "Text", "Text"},  {"amount", "Belopp", "Amount"},
                {"rule", "Regel", "Rule"}, {"reason", "Skäl", "Reason"},
                {"file", "Fil", "File"},   {"line", "Rad", "Line"}};
  for (const auto& e : o.excluded) {
    const auto& t = e.transaction;
    if (!w.period.contains(t.date)) continue;
    ex.rows.push_back({Cell::of_date(t.date), Cell::of_text(t.voucher), Cell::of_text(t.text),
                       Cell::of_money(t.amount), Cell::of_text(e.rule), Cell::of_text(e.reason),
                       Cell::of_text(t.place.file), Cell::of_integer(t.place.line)});
  }
  // Booked in the period, not paid by --as-of: left out of this request, listed with the voucher.
  for (const auto* t : unpaid) {
    std::string reason = t->paid
                             ? fmt::format(fmt::runtime(_("paid {}, after {}")),
                                           core::format_iso(*t->paid), core::format_iso(w.as_of))
                             : fmt::format(fmt::runtime(_("no payment date: not paid by {}")),
                                           core::format_iso(w.as_of));
    doc.diagnostics.add(
        {core::Severity::warning, "claim.unpaid",
         fmt::format(fmt::runtime(
                         _("{} (voucher {}, {}, {}) is left out of this request: {}; it is claimed "
                           "once paid")),
                     t->text.empty() ? std::string(_("a cost")) : fmt::format("'{}'", t->text),
                     t->voucher.empty() ? std::string("-") : t->voucher, core::format_iso(t->date),
                     core::format_kr(t->amount), reason),
         t->place, false});
    ex.rows.push_back({Cell::of_date(t->date), Cell::of_text(t->voucher), Cell::of_text(t->text),
                       Cell::of_money(t->amount), Cell::of_text("claim.unpaid"),
                       Cell::of_text(reason), Cell::of_text(t->place.file),
                       Cell::of_integer(t->place.line)});
  }
  doc.tables.push_back(std::move(ex));
  // Last, where a reader looks for the bottom line.
  doc.tables.push_back(
      value_table("aid", doc.values.back().second, "Stöd att begära", "Aid to claim",
                  {{"rate", {"Stödnivå", "Aid rate"}},
                   {"max", {"Högsta stödbelopp", "Maximum aid"}},
                   {"cumulative_eligible",
                    {"Stödgrundande kostnader, ackumulerat", "Eligible costs, cumulative"}},
                   {"previously_claimed", {"Tidigare begärt stöd", "Aid claimed before"}},
                   {"paid_to_date", {"Utbetalt stöd hittills", "Aid paid out to date"}},
                   {"to_claim", {"Stöd att begära denna period", "Aid to claim this period"}}}));
  return doc;
}

}  // namespace grantkit::reports
