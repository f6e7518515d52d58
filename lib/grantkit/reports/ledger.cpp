#include <grantkit/reports/ledger.hpp>

#include <filesystem>
#include <map>
#include <tuple>

#include <fmt/format.h>

namespace grantkit::reports {

namespace {

using model::AccountKind;

std::string shown_path(const model::Project& p, const std::string& file) {
  namespace fs = std::filesystem;
  if (p.dir.empty()) return file;
  fs::path rel = fs::path(file).lexically_relative(fs::path(p.dir));
  std::string r = rel.string();
  if (r.empty() || r.rfind("..", 0) == 0) return file;
  return r;
}

Cell kind_cell(AccountKind k) {
  std::string id(model::account_kind_name(k));
  switch (k) {
    case AccountKind::cost:
      return Cell::of_code(id, "kostnad", "cost");
    case AccountKind::income:
      return Cell::of_code(id, "intäkt", "income");
    case AccountKind::financial:
      return Cell::of_code(id, "finansiell post", "financial item");
    case AccountKind::vat:
      return Cell::of_code(id, "moms", "VAT");
    case AccountKind::balance:
      return Cell::of_code(id, "balanskonto", "balance sheet");
    case AccountKind::other:
      return Cell::of_code(id, "ej kostnad", "not a cost");
    case AccountKind::unknown:
      break;
  }
  return Cell::of_code(id, "okänd", "unknown");
}

Cell category_cell(const model::Programme& prog, const std::string& id) {
  if (id.empty()) return Cell::none();
  if (const auto* c = prog.find_category(id)) return Cell::of_code(id, c->sv, c->en);
  if (id == "financing") return Cell::of_code(id, "medfinansiering", "co-financing");
  return Cell::of_text(id);
}

Cell status_cell(const model::AccountSummary& a) {
  switch (a.kind) {
    case AccountKind::balance:
    case AccountKind::other:
      return Cell::of_code("not_cost", "ej kostnad", "not a cost");
    case AccountKind::financial:
      return Cell::of_code("financial", "finansiell post", "financial item");
    case AccountKind::vat:
      return Cell::of_code("vat", "moms", "VAT");
    default:
      break;
  }
  return a.category.empty() ? Cell::of_code("unmapped", "saknar kostnadsslag", "unmapped")
                            : Cell::of_code("mapped", "har kostnadsslag", "mapped");
}

Cell date_cell(core::Date d) {
  return d.is_special() ? Cell::none() : Cell::of_date(d);
}

}  // namespace

Document ledger_report(const model::Project& p, const std::vector<model::LedgerFileSummary>& files,
                       const model::Outcome& outcome, const LedgerOptions& o) {
  Document doc;
  doc.report = "ledger";
  doc.title_sv = "Inläst bokföring";
  doc.title_en = "Ledger import";
  doc.project_id = p.id;
  doc.project_name = p.name;
  doc.currency = p.currency;

  std::optional<core::Period> span;
  for (const auto& f : files) {
    if (!f.period) continue;
    if (!span) span = f.period;
    span->from = std::min(span->from, f.period->from);
    span->to = std::max(span->to, f.period->to);
  }
  doc.period = span ? *span : p.project_period();
  doc.as_of = o.as_of ? *o.as_of : doc.period.to;

  // Kept and excluded rows per file, and the exclusions per file and rule.
  std::map<std::string, std::int64_t> eligible;
  std::map<std::string, std::int64_t> excluded;
  struct RuleSum {
    std::int64_t rows = 0;
    core::Money amount;
  };
  // By file in the order read, then rule.
  std::map<std::string, std::size_t> file_order;
  for (const auto& f : files) file_order.emplace(f.file, file_order.size());
  std::map<std::tuple<std::size_t, std::string, std::string>, RuleSum> by_rule;
  for (const auto& t : outcome.costs) ++eligible[t.place.file];
  for (const auto& t : outcome.financing) ++eligible[t.place.file];
  for (const auto& e : outcome.excluded) {
    const std::string& file = e.transaction.place.file;
    ++excluded[file];
    auto order = file_order.count(file) ? file_order.at(file) : files.size();
    auto& r = by_rule[{order, file, e.rule}];
    ++r.rows;
    r.amount += e.transaction.amount;
  }
  // Unreadable rows beyond those kept whole count in the sums all the same.
  for (const auto& [key, sum] : outcome.excluded_not_kept) {
    const auto& [file, rule] = key;
    excluded[file] += static_cast<std::int64_t>(sum.rows);
    auto order = file_order.count(file) ? file_order.at(file) : files.size();
    auto& r = by_rule[{order, file, rule}];
    r.rows += static_cast<std::int64_t>(sum.rows);
    r.amount += sum.amount;
  }

  Table ft;
  ft.key = "files";
  ft.title_sv = "Filer";
  ft.title_en = "Files";
  for (Column c : std::vector<Column>{{"file", "Fil", "File"},
                                      {"format", "Format", "Format"},
                                      {"encoding", "Teckenkodning", "Encoding"},
                                      {"rows", "Rader", "Rows"},
                                      {"vouchers", "Verifikationer", "Vouchers"},
                                      {"removed_rows", "Strukna rader", "Struck rows"},
                                      {"from", "Från", "From"},
                                      {"to", "Till", "To"},
                                      {"transactions", "Utfallsrader", "Outcome rows"},
                                      {"eligible", "Stödberättigande", "Eligible"},
                                      {"excluded", "Undantagna", "Excluded"},
                                      {"unreadable", "Olästa", "Unreadable"},
                                      {"checksum", "Kontrollsumma", "Checksum"}}) {
    ft.columns.push_back(c);
  }
  std::int64_t sum_rows = 0, sum_vouchers = 0, sum_removed = 0, sum_tx = 0, sum_eligible = 0,
               sum_excluded = 0, sum_unreadable = 0;
  for (const auto& f : files) {
    auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
    std::vector<Cell> row;
    row.push_back(Cell::of_text(shown_path(p, f.file)));
    row.push_back(Cell::of_text(f.format));
    row.push_back(Cell::of_text(f.encoding));
    row.push_back(Cell::of_integer(n(f.rows)));
    row.push_back(Cell::of_integer(n(f.vouchers)));
    row.push_back(Cell::of_integer(n(f.removed_rows)));
    row.push_back(f.period ? Cell::of_date(f.period->from) : Cell::none());
    row.push_back(f.period ? Cell::of_date(f.period->to) : Cell::none());
    row.push_back(Cell::of_integer(n(f.transactions)));
    row.push_back(Cell::of_integer(eligible[f.file]));
    row.push_back(Cell::of_integer(excluded[f.file]));
    row.push_back(Cell::of_integer(n(f.unreadable)));
    if (f.checksum == "ok")
      row.push_back(Cell::of_code("ok", "stämmer", "ok"));
    else if (f.checksum == "mismatch")
      row.push_back(Cell::of_code("mismatch", "stämmer inte", "mismatch"));
    else if (f.checksum == "missing")
      row.push_back(Cell::of_code("missing", "saknas (filen avkortad)", "missing (cut short)"));
    else
      row.push_back(Cell::none());
    ft.rows.push_back(std::move(row));
    sum_rows += n(f.rows);
    sum_vouchers += n(f.vouchers);
    sum_removed += n(f.removed_rows);
    sum_tx += n(f.transactions);
    sum_eligible += eligible[f.file];
    sum_excluded += excluded[f.file];
    sum_unreadable += n(f.unreadable);
  }
  ft.total = std::vector<Cell>{Cell::of_code("total", "Totalt", "Total"),
                               Cell::none(),
                               Cell::none(),
                               Cell::of_integer(sum_rows),
                               Cell::of_integer(sum_vouchers),
                               Cell::of_integer(sum_removed),
                               span ? Cell::of_date(span->from) : Cell::none(),
                               span ? Cell::of_date(span->to) : Cell::none(),
                               Cell::of_integer(sum_tx),
                               Cell::of_integer(sum_eligible),
                               Cell::of_integer(sum_excluded),
                               Cell::of_integer(sum_unreadable),
                               Cell::none()};
  Table at;
  at.key = "accounts";
  at.title_sv = "Konton";
  at.title_en = "Accounts";
  for (Column c : std::vector<Column>{{"file", "Fil", "File"},
                                      {"account", "Konto", "Account"},
                                      {"name", "Kontonamn", "Name"},
                                      {"kind", "Slag", "Kind"},
                                      {"category", "Kostnadsslag", "Cost category"},
                                      {"status", "Mappning", "Mapping"},
                                      {"rows", "Rader", "Rows"},
                                      {"sum", "Summa", "Sum"}}) {
    at.columns.push_back(c);
  }
  for (const auto& f : files) {
    for (const auto& a : f.accounts) {
      at.rows.push_back(
          {Cell::of_text(shown_path(p, f.file)), Cell::of_text(a.account), Cell::of_text(a.name),
           kind_cell(a.kind), category_cell(p.programme, a.category), status_cell(a),
           Cell::of_integer(static_cast<std::int64_t>(a.rows)), Cell::of_money(a.sum)});
    }
  }
  doc.tables.push_back(std::move(at));
  doc.tables.push_back(std::move(ft));

  Table rt;
  rt.key = "excluded_by_rule";
  rt.title_sv = "Undantagna rader per regel";
  rt.title_en = "Excluded rows by rule";
  for (Column c : std::vector<Column>{{"file", "Fil", "File"},
                                      {"rule", "Regel", "Rule"},
                                      {"rows", "Rader", "Rows"},
                                      {"amount", "Belopp", "Amount"}}) {
    rt.columns.push_back(c);
  }
  std::int64_t rule_rows = 0;
  core::Money rule_amount;
  for (const auto& [key, r] : by_rule) {
    rt.rows.push_back({Cell::of_text(shown_path(p, std::get<1>(key))),
                       Cell::of_text(std::get<2>(key)), Cell::of_integer(r.rows),
                       Cell::of_money(r.amount)});
    rule_rows += r.rows;
    rule_amount += r.amount;
  }
  rt.total = std::vector<Cell>{Cell::of_code("total", "Totalt", "Total"), Cell::none(),
                               Cell::of_integer(rule_rows), Cell::of_money(rule_amount)};
  doc.tables.push_back(std::move(rt));

  Table xt;
  xt.key = "excluded";
  xt.title_sv = "Undantagna rader";
  xt.title_en = "Excluded rows";
  for (Column c : std::vector<Column>{{"file", "Fil", "File"},
                                      {"line", "Rad", "Line"},
                                      {"date", "Datum", "Date"},
                                      {"voucher", "Verifikation", "Voucher"},
                                      {"account", "Konto", "Account"},
                                      {"amount", "Belopp", "Amount"},
                                      {"text", "Text", "Text"},
                                      {"rule", "Regel", "Rule"},
                                      {"reason", "Skäl", "Reason"}}) {
    xt.columns.push_back(c);
  }
  for (const auto& e : outcome.excluded) {
    const auto& t = e.transaction;
    xt.rows.push_back({Cell::of_text(shown_path(p, t.place.file)),
                       t.place.line > 0 ? Cell::of_integer(t.place.line) : Cell::none(),
                       date_cell(t.date), Cell::of_text(t.voucher), Cell::of_text(t.account),
                       Cell::of_money(t.amount), Cell::of_text(t.text), Cell::of_text(e.rule),
                       Cell::of_text(e.reason)});
  }
  doc.tables.push_back(std::move(xt));
  return doc;
}

}  // namespace grantkit::reports
