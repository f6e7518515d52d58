#include <grantkit/reports/claim.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

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

std::string months_text(const core::Period& span) {
  auto months = core::months_of(span);
  if (months.size() == 1) return months.front().iso();
  return fmt::format("{}–{}", months.front().iso(), months.back().iso());
}

std::string amounts_text(const std::map<std::string, Money>& by_cat) {
  std::vector<std::string> parts;
  for (const auto& [cat, m] : by_cat)
    parts.push_back(fmt::format("{} {}", cat, core::format_kr(m, true)));
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

std::string project_relative(const model::Project& p, const std::string& file) {
  namespace fs = std::filesystem;
  fs::path f = fs::path(file).lexically_normal();
  fs::path rel = f.lexically_relative(fs::path(p.dir).lexically_normal());
  if (rel.empty() || *rel.begin() == "..") return f.generic_string();
  return rel.generic_string();
}

ClaimBasis claim_basis(const Position& pos, core::Diagnostics& diags) {
  const model::Project& p = pos.project();
  const model::Outcome& o = pos.outcome();
  const ReportWindow& w = pos.window();
  const core::Date start = p.project_period().from;
  const core::Date day_before = w.period.from - boost::gregorian::days(1);
  ClaimBasis b;
  b.this_period = by_category(pos.this_period(Basis::paid));
  if (w.period.to > w.as_of) {
    diags.warning("claim.period-open",
                  fmt::format(fmt::runtime(_("the period {} has not ended as of {}: costs of its "
                                             "remaining days are not in this request; send it "
                                             "once the period has ended")),
                              w.period.iso(), core::format_iso(w.as_of)));
  }
  for (const auto& c : p.claims) {
    if (c.status != model::ClaimStatus::draft && c.period.to < w.period.from)
      b.earlier.push_back(&c);
  }
  std::stable_sort(
      b.earlier.begin(), b.earlier.end(),
      [](const model::Claim* x, const model::Claim* y) { return x->period.from < y->period.from; });
  // What the earlier requests reported (recomputed where the register does not say) and what
  // Tillväxtverket deducted from it.
  std::vector<std::string> recomputed;
  Money recomputed_sum;
  for (const model::Claim* c : b.earlier) {
    std::map<std::string, Money> rep;
    if (c->reported) {
      rep = *c->reported;
    } else {
      if (c->period.to >= start) {
        core::Period span{std::max(c->period.from, start), c->period.to};
        rep = by_category(pos.in(span, Basis::paid));
      }
      recomputed.push_back(c->id);
      for (const auto& [cat, m] : rep) recomputed_sum += m;
    }
    for (const auto& [cat, m] : rep) b.reported[cat] += m;
    for (const auto& [cat, approved] : c->approved) {
      auto r = rep.find(cat);
      Money sent = r == rep.end() ? Money() : r->second;
      if (sent != approved) b.deducted[cat] += sent - approved;
    }
    if (c->aid_claimed) b.aid_claimed += *c->aid_claimed;
    if (c->aid_paid)
      b.aid_accepted += *c->aid_paid;
    else if (c->aid_claimed)
      b.aid_accepted += *c->aid_claimed;
  }
  if (!recomputed.empty()) {
    diags.info(
        "claim.reported-recomputed",
        fmt::format(fmt::runtime(_("request(s) {} in claims.yaml do not say what they reported "
                                   "per cost category (`reported`): it is recomputed from "
                                   "today's books ({}), so a cost booked late for their period "
                                   "cannot be told apart")),
                    fmt::join(recomputed, ", "), core::format_kr(recomputed_sum, true)),
        b.earlier.empty() ? core::SourcePlace{} : b.earlier.front()->place);
  }
  // Costs of earlier periods that no request reported: B − R.
  std::map<std::string, Money> before;
  if (start <= day_before && start <= w.as_of)
    before = by_category(pos.cumulative(std::min(day_before, w.as_of), Basis::paid));
  for (const auto& [cat, m] : before) b.late[cat] += m;
  for (const auto& [cat, m] : b.reported) b.late[cat] -= m;
  for (auto it = b.late.begin(); it != b.late.end();) {
    it = it->second.is_zero() ? b.late.erase(it) : std::next(it);
  }

  // The months between the last registered request (or the project's start) and this one.
  core::Date covered_to = start - boost::gregorian::days(1);
  const model::Claim* last = nullptr;
  for (const auto& reg : p.claims) {
    const model::Claim* c = &reg;
    if (c->status == model::ClaimStatus::draft || !(c->period.from < w.period.from)) continue;
    if (c->period.to > covered_to) {
      covered_to = c->period.to;
      last = c;
    }
  }
  std::map<std::string, Money> gap_costs;
  if (covered_to < day_before) {
    b.gap = core::Period{covered_to + boost::gregorian::days(1), day_before};
    if (b.gap->from <= w.as_of)
      gap_costs =
          by_category(pos.in(core::Period{b.gap->from, std::min(b.gap->to, w.as_of)}, Basis::paid));
    Money sum;
    for (const auto& [cat, m] : gap_costs) sum += m;
    // Months without costs are no gap to speak of: nothing of them is claimed.
    if (!sum.is_zero())
      diags.warning(
          "claim.gap",
          fmt::format(
              fmt::runtime(_("the months {} ({}) are covered by no payment request, "
                             "between {} and this one: {} of eligible costs dated then "
                             "are claimed in this request")),
              months_text(*b.gap), b.gap->iso(),
              last ? fmt::format(fmt::runtime(_("request {} ({})")), last->id, last->period.iso())
                   : std::string(_("the project's start")),
              core::format_kr(sum, true)));
  }

  // The rows that can be named: every booked cost dated before the period in an earlier request's
  // period with a recorded transaction list and not in it (matched as a multiset on file, voucher,
  // date and amount, against every earlier request's list: a late cost claimed by request 2 is not
  // late again), or dated in months no request covered.
  using Key = std::tuple<std::string, std::string, core::Date, std::int64_t>;
  std::map<Key, std::vector<const model::ClaimTransaction*>> recorded;
  std::map<const model::ClaimTransaction*, const model::Claim*> recorded_in;
  for (const model::Claim* c : b.earlier) {
    if (!c->transactions) continue;
    for (const auto& t : *c->transactions) {
      recorded_in[&t] = c;
      // A correction a later request recorded (the row negated) settles the row it corrects.
      auto opposite = recorded.find(Key{t.file, t.voucher, t.date, -t.amount.ore()});
      if (opposite != recorded.end() && !opposite->second.empty()) {
        opposite->second.pop_back();
        continue;
      }
      recorded[Key{t.file, t.voucher, t.date, t.amount.ore()}].push_back(&t);
    }
  }
  auto covering = [&](core::Date d) -> const model::Claim* {
    for (const model::Claim* c : b.earlier) {
      if (c->period.contains(d)) return c;
    }
    return nullptr;
  };
  std::vector<const model::Transaction*> candidates;
  for (const auto& t : o.costs) {
    if (t.unpaid || t.date < start || t.date >= w.period.from || t.date > w.as_of) continue;
    candidates.push_back(&t);
  }
  std::stable_sort(
      candidates.begin(), candidates.end(),
      [](const model::Transaction* x, const model::Transaction* y) { return x->date < y->date; });
  std::map<std::string, Money> named_late;  // named rows in an earlier request's period
  for (const model::Transaction* t : candidates) {
    auto hit = recorded.find(
        Key{project_relative(p, t->place.file), t->voucher, t->date, t->amount.ore()});
    if (hit != recorded.end() && !hit->second.empty()) {
      hit->second.pop_back();
      continue;
    }
    const model::Claim* c = covering(t->date);
    if (c && !c->transactions) continue;  // cannot be told apart: summed below
    b.late_rows.push_back({t, c ? c->id : std::string()});
    bool in_gap = !c && b.gap && b.gap->contains(t->date);
    if (in_gap) continue;  // stated by claim.gap
    named_late[t->category] += t->amount;
    diags.warning(
        "claim.late-cost",
        c ? fmt::format(fmt::runtime(_("voucher {} ({}, {}) is dated in the period of request "
                                       "{} ({}) but was not in it: a late cost, claimed in this "
                                       "request")),
                        t->voucher.empty() ? std::string("-") : t->voucher,
                        core::format_iso(t->date), core::format_kr(t->amount, true), c->id,
                        c->period.iso())
          : fmt::format(fmt::runtime(_("voucher {} ({}, {}) is dated in a month that no payment "
                                       "request covered: a late cost, claimed in this request")),
                        t->voucher.empty() ? std::string("-") : t->voucher,
                        core::format_iso(t->date), core::format_kr(t->amount, true)),
        t->place);
  }
  // Recorded rows no longer in the books: corrections, negative rows of this request.
  for (const auto& [key, rows] : recorded) {
    for (const auto* t : rows) {
      if (t->date < start) continue;
      const model::Claim* c = recorded_in[t];
      auto row = std::make_unique<model::Transaction>();
      row->date = t->date;
      row->voucher = t->voucher;
      row->category = t->category;
      row->amount = Money() - t->amount;
      row->text = fmt::format("Rättelse: redovisad i ansökan {}, finns inte längre i bokföringen",
                              c ? c->id : std::string("-"));
      row->place = core::SourcePlace{
          (std::filesystem::path(p.dir) / t->file).lexically_normal().string(), 0, 0};
      named_late[row->category] += row->amount;
      diags.warning(
          "claim.reported-changed",
          fmt::format(fmt::runtime(_("voucher {} ({}, {}, {}) of request {} is no longer among "
                                     "the eligible costs of the books: a correction, {} in this "
                                     "request")),
                      t->voucher.empty() ? std::string("-") : t->voucher, core::format_iso(t->date),
                      core::format_kr(t->amount, true), t->file, c ? c->id : std::string("-"),
                      core::format_kr(row->amount, true)),
          t->place);
      b.late_rows.push_back({row.get(), c ? c->id : std::string()});
      b.corrections.push_back(std::move(row));
    }
  }
  // What is late beyond the rows named and the uncovered months: flat rates and in-kind values of
  // earlier periods, and the late costs of requests without a transaction list.
  std::map<std::string, Money> unnamed, less;
  for (const auto& [cat, m] : b.late) {
    Money rest = m;
    if (auto g = gap_costs.find(cat); g != gap_costs.end()) rest -= g->second;
    if (auto n = named_late.find(cat); n != named_late.end()) rest -= n->second;
    if (rest > Money())
      unnamed[cat] = rest;
    else if (rest < Money())
      less[cat] = rest;
  }
  if (!unnamed.empty()) {
    diags.warning(
        "claim.late-cost",
        fmt::format(fmt::runtime(_("eligible costs dated in periods already claimed that no "
                                   "request reported, claimed in this request: {} (flat rates and "
                                   "in-kind values computed on them, and late costs of requests "
                                   "that have no recorded transaction list)")),
                    amounts_text(unnamed)),
        b.earlier.empty() ? core::SourcePlace{} : b.earlier.back()->place);
  }
  if (!less.empty()) {
    diags.warning(
        "claim.reported-changed",
        fmt::format(fmt::runtime(_("for periods already claimed the books now hold less than "
                                   "the requests reported, beyond the rows named: {}; the "
                                   "difference is deducted in this request")),
                    amounts_text(less)),
        b.earlier.empty() ? core::SourcePlace{} : b.earlier.back()->place);
  }
  return b;
}

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
    if (c.status == model::ClaimStatus::draft) continue;
    if (c.period.overlaps(period) && !(c.period == period)) {
      diags.error("claim.overlap",
                  fmt::format(fmt::runtime(_("{} overlaps payment request {} ({})")), period.iso(),
                              c.id, c.period.iso()),
                  c.place);
    }
  }
}

Document claim_report(const Position& pos, model::Claim* as_sent) {
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
  const ClaimBasis basis = claim_basis(pos, doc.diagnostics);
  auto get = [](const std::map<std::string, Money>& m, const std::string& id) {
    auto it = m.find(id);
    return it == m.end() ? Money() : it->second;
  };

  // Costs per category: the programme's categories in order, then any other seen.
  Table costs;
  costs.key = "costs";
  costs.title_sv = "Kostnader per kostnadsslag";
  costs.title_en = "Costs per cost category";
  costs.columns = {{"category", "Kostnadsslag", "Cost category"},
                   {"approved", "Godkänt", "Approved"},
                   {"previously_reported", "Tidigare redovisat", "Previously reported"},
                   {"deducted", "Avdraget", "Deducted"},
                   {"this_period", "Denna period", "This period"},
                   {"late_costs", "Tidigare perioder", "Earlier periods"},
                   {"claimed", "Redovisas nu", "Reported now"},
                   {"cumulative", "Ackumulerat", "Cumulative"},
                   {"remaining", "Återstår", "Remaining"}};
  // The budget report's flags per cost category (the same rule on the same outcome to date), as
  // the request's own findings, so that it says what the budget says before it is sent.
  const auto flagged = pos.category_flags();
  const auto outcome_by_category = by_category(pos.to_date());
  std::vector<std::string> ids;
  for (const auto& c : p.programme.categories) {
    if (decision.budget.categories.count(c.id) || basis.reported.count(c.id) ||
        basis.this_period.count(c.id) || basis.late.count(c.id) || basis.deducted.count(c.id))
      ids.push_back(c.id);
  }
  for (const auto* m : {&basis.reported, &basis.this_period, &basis.late, &basis.deducted}) {
    for (const auto& [id, v] : *m) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  Money t_approved, t_prev, t_ded, t_now, t_late;
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
    Money ded = get(basis.deducted, id);
    Money pv = get(basis.reported, id) - ded;
    Money nv = get(basis.this_period, id);
    Money lv = get(basis.late, id);
    Money cum = pv + nv + lv;
    if (auto fl = flagged.find(id); fl != flagged.end()) {
      auto spent = outcome_by_category.find(id);
      for (const auto& f : fl->second)
        pos.flag_finding(f, id, approved.value_or(Money()),
                         spent == outcome_by_category.end() ? Money() : spent->second, std::nullopt,
                         doc.diagnostics);
    }
    if (as_sent && !(nv + lv).is_zero()) {
      if (!as_sent->reported) as_sent->reported.emplace();
      (*as_sent->reported)[id] = nv + lv;
    }
    costs.rows.push_back({category_cell(p.programme, id), Cell::of_money(approved),
                          Cell::of_money(pv), Cell::of_money(ded), Cell::of_money(nv),
                          Cell::of_money(lv), Cell::of_money(nv + lv), Cell::of_money(cum),
                          approved ? Cell::of_money(*approved - cum) : Cell::none()});
    if (approved)
      t_approved += *approved;
    else
      all_approved = false;
    t_prev += pv;
    t_ded += ded;
    t_now += nv;
    t_late += lv;
  }
  std::optional<Money> total_approved =
      all_approved ? std::optional(t_approved) : decision.budget.total;
  Money t_cum = t_prev + t_now + t_late;
  costs.total =
      std::vector<Cell>{Cell::of_code("total", "Totalt", "Total"),
                        Cell::of_money(total_approved),
                        Cell::of_money(t_prev),
                        Cell::of_money(t_ded),
                        Cell::of_money(t_now),
                        Cell::of_money(t_late),
                        Cell::of_money(t_now + t_late),
                        Cell::of_money(t_cum),
                        total_approved ? Cell::of_money(*total_approved - t_cum) : Cell::none()};
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

  // Aid: min(rate × cumulative eligible, share × total financing, max) − the aid of earlier
  // requests as approved, never negative, rounded down.
  Money cumulative = t_cum;
  Money capped = pos.aid_base(cumulative);
  if (decision.budget.total && cumulative > *decision.budget.total) {
    doc.diagnostics.warning(
        "claim.budget-cap",
        fmt::format(
            fmt::runtime(_("cumulative eligible costs {} exceed the approved budget {}; aid is "
                           "computed on the budget (nothing above it is paid)")),
            core::format_kr(cumulative, true), core::format_kr(*decision.budget.total, true)));
  }
  // Aid paid out by --as-of, beside the aid claimed in the requests before this one.
  std::optional<Money> paid_to_date = pos.aid_to_date(doc.diagnostics).paid;
  std::vector<std::pair<std::string, Cell>> aid;
  aid.emplace_back("rate", Cell::of_percent(decision.aid.rate));
  aid.emplace_back("financing_share", Cell::of_percent(decision.aid.financing_share));
  aid.emplace_back("max", Cell::of_money(decision.aid.max));
  aid.emplace_back("cumulative_eligible", Cell::of_money(capped));
  aid.emplace_back("previously_claimed", Cell::of_money(basis.aid_claimed));
  aid.emplace_back("previously_deducted", Cell::of_money(basis.aid_claimed - basis.aid_accepted));
  aid.emplace_back("paid_to_date", Cell::of_money(paid_to_date.value_or(Money())));
  if (auto entitled = pos.aid_earned(cumulative)) {
    Money to_claim = *entitled - basis.aid_accepted;
    if (to_claim < Money()) to_claim = Money();
    if (as_sent) as_sent->aid_claimed = to_claim;
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
                {"late_from", "Sen kostnad från", "Late cost of"},
                {"voucher", "Verifikation", "Voucher"},
                {"account", "Konto", "Account"},
                {"text", "Text", "Text"},
                {"category", "Kostnadsslag", "Cost category"},
                {"activity", "Aktivitet", "Activity"},
                {"amount", "Belopp", "Amount"}};
  Money tx_sum;
  if (as_sent) {
    as_sent->period = w.period;
    as_sent->submitted = w.as_of;
    as_sent->status = model::ClaimStatus::submitted;
    as_sent->transactions.emplace();
    if (!as_sent->reported) as_sent->reported.emplace();
  }
  auto tx_row = [&](const model::Transaction& t, Cell late) {
    if (as_sent) {
      as_sent->transactions->push_back(
          {project_relative(p, t.place.file), t.voucher, t.date, t.category, t.amount, {}});
    }
    tx.rows.push_back({Cell::of_date(t.date), std::move(late), Cell::of_text(t.voucher),
                       Cell::of_text(t.account), Cell::of_text(t.text),
                       category_cell(p.programme, t.category), Cell::of_text(t.activity),
                       Cell::of_money(t.amount)});
    tx_sum += t.amount;
  };
  // First the late costs of earlier periods (DOMAIN.md: claimed in the next request, in its
  // transaction list), marked with the request whose period holds them, or as an uncovered month.
  for (const auto& lr : basis.late_rows) {
    tx_row(*lr.row,
           lr.late_from.empty()
               ? Cell::of_code("gap", "Period utan ansökan", "Period without a request")
               : Cell::of_code(lr.late_from, "Ansökan " + lr.late_from, "Request " + lr.late_from));
  }
  std::vector<const model::Transaction*> unpaid;
  for (const auto& t : o.costs) {
    if (!w.this_period || !w.this_period->contains(t.date)) continue;
    if (t.unpaid) {
      unpaid.push_back(&t);
      continue;
    }
    tx_row(t, Cell::none());
  }
  tx.total = std::vector<Cell>{Cell::of_code("total", "Totalt", "Total"),
                               Cell::none(),
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
  doc.tables.push_back(value_table(
      "aid", doc.values.back().second, "Stöd att begära", "Aid to claim",
      {{"rate", {"Stödnivå", "Aid rate"}},
       {"max", {"Högsta stödbelopp", "Maximum aid"}},
       {"cumulative_eligible",
        {"Stödgrundande kostnader, ackumulerat", "Eligible costs, cumulative"}},
       {"financing_share", {"Högsta andel av finansieringen", "Maximum share of the financing"}},
       {"previously_claimed", {"Tidigare begärt stöd", "Aid claimed before"}},
       {"previously_deducted",
        {"Avdraget från tidigare begärt stöd", "Deducted from aid claimed before"}},
       {"paid_to_date", {"Utbetalt stöd hittills", "Aid paid out to date"}},
       {"to_claim", {"Stöd att begära denna period", "Aid to claim this period"}}}));
  return doc;
}

}  // namespace grantkit::reports
