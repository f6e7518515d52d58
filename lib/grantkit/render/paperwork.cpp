// The files of `grantkit paperwork`. Printable pages are self-contained HTML (no script, no
// network), one A4 sheet per page, every text HTML-escaped.
#include <grantkit/render/paperwork.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include <grantkit/core/text_hash.hpp>

namespace grantkit::render {

using core::Money;
using core::Percent;

namespace {

// ---- CSV ---------------------------------------------------------------------------------------

struct Dialect {
  char delimiter = ';';
  char mark = ',';
  bool bom = true;
};

Dialect dialect_of(CsvDialect d) {
  if (d == CsvDialect::excel_sv) return {';', ',', true};
  return {',', '.', false};
}

// Lines of fields joined by the dialect's rules, CRLF after each (RFC 4180, and what Excel writes).
class CsvWriter {
 public:
  explicit CsvWriter(Dialect d) : d_(d) {
    if (d_.bom) out_ += "\xEF\xBB\xBF";
  }
  void line(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) out_ += d_.delimiter;
      out_ += csv_field(fields[i], d_.delimiter);
    }
    out_ += "\r\n";
  }
  // Text as a spreadsheet must not evaluate it.
  static std::string text(const std::string& s) { return spreadsheet_safe(s); }
  std::string money(Money m) const { return core::format_money_fixed(m, d_.mark); }
  std::string money(const std::optional<Money>& m) const { return m ? money(*m) : ""; }
  std::string hours(std::int64_t seconds) const { return localise(format_hours_plain(seconds)); }
  std::string percent(Percent p) const { return localise(core::format_percent_plain(p)); }
  std::string take() { return std::move(out_); }

 private:
  std::string localise(std::string s) const {
    if (d_.mark != '.') std::replace(s.begin(), s.end(), '.', d_.mark);
    return s;
  }
  Dialect d_;
  std::string out_;
};

std::string date_or_empty(const std::optional<core::Date>& d) {
  return d ? core::format_iso(*d) : "";
}

// ---- Human text --------------------------------------------------------------------------------

const char* const kMonthsSv[] = {"januari",   "februari", "mars",     "april",
                                 "maj",       "juni",     "juli",     "augusti",
                                 "september", "oktober",  "november", "december"};

std::string month_sv(core::Month m) {
  return fmt::format("{} {}", kMonthsSv[m.month - 1], m.year);
}
// An amount in a document, always with öre; "–" when unknown.
std::string kr(const std::optional<Money>& m) {
  return m ? core::format_money_human(*m, true) + " kr" : "–";
}
std::string hours_sv(std::int64_t seconds) {
  std::string h = format_hours_plain(seconds);
  std::replace(h.begin(), h.end(), '.', ',');
  return h + " h";
}
std::string pct_sv(Percent p) {
  return core::format_percent_human(p, 2);
}
std::string period_sv(const core::Period& p) {
  return core::format_iso(p.from) + " – " + core::format_iso(p.to);
}
std::string e(std::string_view s) {
  return html_escape(s);
}

constexpr const char* kStyle = R"(
@page { size: A4; margin: 15mm 16mm 16mm 16mm; }
html { color-scheme: light; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 9.5pt;
       color: #111; background: #fff; margin: 0; line-height: 1.35; }
.page { box-sizing: border-box; width: 100%; max-width: 174mm; margin: 0 auto; }
.page + .page { break-before: page; page-break-before: always; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
p.sub { color: #444; margin: 0 0 4mm; }
p.lead { margin: 3mm 0; }
p.note { color: #444; font-size: 8pt; margin: 2mm 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 2mm 0 3mm; }
th, td { padding: 1.2mm 1.5mm; border-bottom: 0.3mm solid #c9d1da; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
table.facts th { width: 52mm; font-weight: normal; color: #444; }
table.rows { font-size: 8.5pt; }
table.rows th { background: #e8eef4; }
table.files { font-size: 7.5pt; margin-top: 1mm; }
table.files th, table.files td { padding: 0.15mm 1.5mm; }
table.files th:first-child { width: 92mm; }
table.files code { font-size: 7pt; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 0.5mm solid #111; border-bottom: none; }
tr, .signatures { break-inside: avoid; page-break-inside: avoid; }
.signatures { display: flex; gap: 10mm; margin-top: 12mm; }
.sign { flex: 1 1 0; }
.sign .line { border-bottom: 0.3mm solid #111; height: 11mm; }
.sign .label { font-size: 8pt; color: #333; margin: 1mm 0 4mm; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; }
@media screen {
  body { background: #e9ecef; padding: 8mm 0; }
  .page { background: #fff; max-width: 210mm; padding: 15mm 16mm; margin: 0 auto 8mm;
          box-shadow: 0 0 2mm rgba(0,0,0,0.25); }
}
)";

std::string document_open(const std::string& title, const reports::Paperwork& pw) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'\">\n"
      "<title>{} — {}</title>\n<style>{}</style>\n</head>\n<body>\n",
      e(title), e(pw.project_name), kStyle);
}

std::string document_close() {
  return "</body>\n</html>\n";
}

// The project facts every page starts with, then the page's own facts.
std::string facts(const reports::Paperwork& pw,
                  const std::vector<std::pair<std::string, std::string>>& own) {
  std::string out = "<table class=\"facts\">\n";
  auto row = [&](const std::string& k, const std::string& v) {
    out += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", e(k), e(v));
  };
  row("Projekt", pw.project_name + " (" + pw.project_id + ")");
  row("Ärende-id (beslut om stöd)", pw.case_id);
  row("Stödmottagare", pw.owner);
  for (const auto& [k, v] : own) row(k, v);
  return out + "</table>\n";
}

// A signature block: one column per signer, each with lines for signature, name and place/date.
std::string signatures(const std::vector<std::string>& signers) {
  std::string out = "<div class=\"signatures\">\n";
  for (const auto& who : signers) {
    out += "<div class=\"sign\">";
    out += fmt::format("<div class=\"line\"></div><div class=\"label\">{}</div>", e(who));
    out += "<div class=\"line\"></div><div class=\"label\">Namnförtydligande</div>";
    out += "<div class=\"line\"></div><div class=\"label\">Ort och datum</div>";
    out += "</div>\n";
  }
  return out + "</div>\n";
}

std::string funding_sv(model::Funding f) {
  return f == model::Funding::in_kind ? "i annat än pengar" : "kontant";
}
std::string basis_sv(model::StaffBasis b) {
  return b == model::StaffBasis::hourly ? "timredovisning" : "fast procentsats";
}

}  // namespace

// ---- CSV files ---------------------------------------------------------------------------------

std::string render_expense_csv(const reports::ExpenseList& list, CsvDialect dialect) {
  CsvWriter w(dialect_of(dialect));
  w.line(
      {"Ver.nr", "Ver.text", "Bokförd", "Betalad", "Konto", "Kontonamn", "Leverantör", "Belopp"});
  for (const auto& l : list.lines) {
    w.line({CsvWriter::text(l.voucher), CsvWriter::text(l.text), core::format_iso(l.booked),
            date_or_empty(l.paid), l.account.empty() ? "0" : CsvWriter::text(l.account),
            CsvWriter::text(l.account_name), CsvWriter::text(l.supplier), w.money(l.amount)});
  }
  return w.take();
}

std::string render_staff_costs_csv(const std::vector<reports::StaffCostRow>& rows,
                                   CsvDialect dialect) {
  CsvWriter w(dialect_of(dialect));
  w.line({"Person (roll)", "Personnummer", "Roll", "Organisation", "Finansiering", "Redovisning",
          "Startdatum i projektet", "Från", "Till", "Andel av heltid (%)", "Månadslön", "Timmar",
          "Timpris", "Indexeringar", "Kostnad"});
  for (const auto& r : rows) {
    w.line({CsvWriter::text(r.person), "", CsvWriter::text(r.role),
            CsvWriter::text(r.organisation_name), funding_sv(r.funding), basis_sv(r.basis),
            core::format_iso(r.start), core::format_iso(r.period.from),
            core::format_iso(r.period.to), w.percent(r.percent), w.money(r.monthly_salary),
            w.hours(r.seconds), w.money(r.hourly_rate), fmt::format("{}", r.index_steps),
            w.money(r.cost)});
  }
  return w.take();
}

std::string render_time_sheets_csv(const std::vector<const reports::TimeSheet*>& sheets,
                                   CsvDialect dialect) {
  CsvWriter w(dialect_of(dialect));
  w.line({"Person (roll)", "Roll", "Organisation", "Månad", "Datum", "Aktivitet", "Aktivitetsnamn",
          "Timmar"});
  for (const auto* s : sheets) {
    for (const auto& l : s->lines) {
      w.line({CsvWriter::text(s->person), CsvWriter::text(s->role),
              CsvWriter::text(s->organisation_name), s->month.iso(), date_or_empty(l.date),
              CsvWriter::text(l.activity), CsvWriter::text(l.activity_name), w.hours(l.seconds)});
    }
  }
  return w.take();
}

// ---- Printable pages ---------------------------------------------------------------------------

std::string render_time_sheets_html(const reports::Paperwork& pw,
                                    const std::vector<const reports::TimeSheet*>& sheets) {
  std::string who = sheets.empty() ? std::string() : sheets.front()->person;
  std::string out = document_open("Tidredovisning " + who, pw);
  for (const auto* s : sheets) {
    out += "<section class=\"page\">\n<h1>Tidredovisning</h1>\n";
    out += fmt::format("<p class=\"sub\">Arbetad tid i projektet, {}</p>\n", e(month_sv(s->month)));
    out += facts(pw, {{"Person (roll)", s->person},
                      {"Roll", s->role},
                      {"Organisation", s->organisation_name},
                      {"Månad", month_sv(s->month)}});
    out +=
        "<table class=\"rows\">\n<colgroup><col style=\"width:30mm\"><col><col "
        "style=\"width:26mm\"></colgroup>\n";
    out +=
        "<thead><tr><th>Datum</th><th>Aktivitet</th><th "
        "class=\"num\">Timmar</th></tr></thead>\n<tbody>\n";
    for (const auto& l : s->lines) {
      std::string act = l.activity_name.empty() ? l.activity : l.activity + " " + l.activity_name;
      out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
                         l.date ? e(core::format_iso(*l.date)) : std::string("hela månaden"),
                         e(act), e(hours_sv(l.seconds)));
    }
    out += fmt::format(
        "<tr class=\"total\"><td colspan=\"2\">Summa arbetad tid i projektet</td><td "
        "class=\"num\">{}</td></tr>\n",
        e(hours_sv(s->seconds)));
    out += "</tbody>\n</table>\n";
    out += "<p class=\"note\">Endast tid i projektet, per aktivitet i projektplanen.";
    if (s->planned_seconds > 0) {
      out +=
          fmt::format(" Planerad tid enligt andel av heltid: {}.", e(hours_sv(s->planned_seconds)));
    }
    out += "</p>\n";
    out += "<p class=\"lead\">Jag intygar att uppgifterna ovan är riktiga.</p>\n";
    out += signatures({"Underskrift medarbetare", "Attest: underskrift närmaste chef"});
    out += "</section>\n";
  }
  return out + document_close();
}

std::string render_attestations_html(
    const reports::Paperwork& pw,
    const std::vector<const reports::ShareAttestation*>& attestations) {
  std::string who = attestations.empty() ? std::string() : attestations.front()->person;
  std::string out = document_open("Intyg om arbetstid " + who, pw);
  std::string annual_sv =
      core::format_money_human(Money::from_kronor(pw.annual_minutes / 60), false);
  for (const auto* a : attestations) {
    out += "<section class=\"page\">\n<h1>Intyg om arbetstid i projektet</h1>\n";
    out +=
        "<p class=\"sub\">för personal med fast tjänstgöringsgrad (fast procentsats av "
        "arbetstiden)</p>\n";
    out += facts(pw, {{"Arbetsgivare", a->organisation_name},
                      {"Person (roll)", a->person},
                      {"Roll", a->role},
                      {"Finansiering", a->funding == model::Funding::in_kind
                                           ? "bidrag i annat än pengar (medfinansiär)"
                                           : "kontant (bokförd lön)"},
                      {"Andel av arbetstiden (heltid)", pct_sv(a->percent)},
                      {"Period i projektet", period_sv(a->staffing_period)},
                      {"Period som intyget avser", period_sv(a->period)},
                      {"Periodens andel av året", pct_sv(a->year_share)},
                      {"Timmar enligt andelen", hours_sv(a->implied_seconds)}});
    out += fmt::format(
        "<p class=\"lead\">Härmed intygas att personen ovan under perioden {} har arbetat i "
        "projektet med {} av "
        "sin arbetstid, enligt en fast procentsats av arbetstiden som inte ändras under "
        "perioden.</p>\n",
        e(period_sv(a->period)), e(pct_sv(a->percent)));
    out += fmt::format(
        "<p class=\"note\">Timmar enligt andelen = {} timmar per år × andel av arbetstiden × "
        "periodens andel av "
        "året ({} h × {} × {} = {}); hela månader räknas som en tolftedel av året, en påbörjad "
        "månad efter sina "
        "arbetsdagar. Personalkostnad med fast procentsats: Kommissionens delegerade förordning "
        "(EU) nr 481/2014 "
        "art. 3; timmar per år: förordning (EU) nr 1303/2013 art. 68a.</p>\n",
        e(annual_sv), e(annual_sv), e(pct_sv(a->percent)), e(pct_sv(a->year_share)),
        e(hours_sv(a->implied_seconds)));
    out += signatures(
        {"Underskrift medarbetare",
         "Underskrift arbetsgivare (behörig företrädare för " + a->organisation_name + ")"});
    out += "</section>\n";
  }
  return out + document_close();
}

std::string render_in_kind_html(const reports::Paperwork& pw, const reports::InKindSummary& s) {
  std::string out = document_open("Bidrag i annat än pengar " + s.financier_name, pw);
  out += "<section class=\"page\">\n<h1>Sammanställning av bidrag i annat än pengar</h1>\n";
  out += fmt::format(
      "<p class=\"sub\">{} bidrag i annat än pengar: personalens arbetstid i projektet</p>\n",
      s.is_public ? "Offentligt" : "Privat");
  out += facts(pw, {{"Medfinansiär", s.financier_name},
                    {"Period", pw.covered ? period_sv(*pw.covered) : period_sv(pw.period)}});
  out +=
      "<table class=\"rows\">\n<colgroup><col><col style=\"width:13mm\"><col style=\"width:30mm\">"
      "<col style=\"width:17mm\"><col style=\"width:22mm\"><col style=\"width:33mm\"></colgroup>\n";
  out +=
      "<thead><tr><th>Person (roll)</th><th class=\"num\">Andel</th><th>Period</th><th "
      "class=\"num\">Timmar</th>"
      "<th class=\"num\">Timpris</th><th class=\"num\">Värde</th></tr></thead>\n<tbody>\n";
  for (const auto& p : s.persons) {
    out += fmt::format(
        "<tr><td>{}<br><small>{}</small></td><td class=\"num\">{}</td><td>{}</td><td "
        "class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        e(p.person), e(p.role), e(pct_sv(p.percent)), e(period_sv(p.period)),
        e(hours_sv(p.seconds)), e(kr(p.hourly_rate)),
        p.has_salary ? e(kr(p.value)) : std::string("okänt (månadslön saknas)"));
  }
  out += fmt::format(
      "<tr class=\"total\"><td colspan=\"5\">Lönekostnad (andel × bruttomånadslön)</td><td "
      "class=\"num\">{}</td></tr>\n",
      e(kr(s.staff_value)));
  if (!s.payroll_overhead.is_zero()) {
    out += fmt::format(
        "<tr><td colspan=\"5\">Lönebikostnader, schablon{}</td><td class=\"num\">{}</td></tr>\n",
        s.overhead_rate ? " " + e(pct_sv(*s.overhead_rate)) : std::string(),
        e(kr(s.payroll_overhead)));
  }
  out += fmt::format(
      "<tr class=\"total\"><td colspan=\"5\">Totalt värde av bidraget</td><td "
      "class=\"num\">{}</td></tr>\n",
      e(kr(s.total)));
  out += "</tbody>\n</table>\n";
  out +=
      "<p class=\"note\">Värdet är andel av arbetstiden × bruttomånadslön för varje månad (en "
      "påbörjad månad efter "
      "sina arbetsdagar) och lönebikostnader enligt schablon, så som de redovisas i ansökan om "
      "utbetalning. "
      "Timpriset (månadslön × 12 / årsarbetstiden) anges som upplysning.</p>\n";
  out += fmt::format(
      "<p class=\"lead\">{} intygar att personalen ovan har arbetat i projektet i den omfattning "
      "som "
      "anges.</p>\n",
      e(s.financier_name));
  out += signatures({"Underskrift behörig företrädare för " + s.financier_name});
  out += "</section>\n";
  return out + document_close();
}

std::string file_name_part(std::string_view id) {
  std::string out;
  for (std::size_t i = 0; i < id.size(); ++i) {
    auto c = static_cast<unsigned char>(id[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '_' || c == '-') {
      out += static_cast<char>(c);
      continue;
    }
    if (c == 0xC3 && i + 1 < id.size()) {
      auto n = static_cast<unsigned char>(id[i + 1]);
      const char* map = nullptr;
      switch (n) {
        case 0xA5:
        case 0xA4:
        case 0xA0:
        case 0xA1:
          map = "a";
          break;  // å ä à á
        case 0x85:
        case 0x84:
          map = "A";
          break;  // Å Ä
        case 0xB6:
        case 0xB8:
          map = "o";
          break;  // ö ø
        case 0x96:
        case 0x98:
          map = "O";
          break;  // Ö Ø
        case 0xA9:
        case 0xA8:
          map = "e";
          break;  // é è
        case 0x89:
          map = "E";
          break;  // É
        case 0xBC:
          map = "u";
          break;  // ü
        default:
          break;
      }
      if (map) {
        out += map;
        ++i;
        continue;
      }
    }
    out += '-';
  }
  if (out.empty() || out == "." || out == "..") out = "x";
  // A file name may hold at most 255 bytes (NAME_MAX): a long id is cut to 100 bytes and told
  // apart from ids that share those bytes by a hash of the whole id, so that `tidrapport-<id>.html`
  // can always be written.
  constexpr std::size_t kMaxPart = 100;
  if (out.size() > kMaxPart) {
    out = fmt::format("{}-{:08x}", out.substr(0, kMaxPart - 9),
                      static_cast<std::uint32_t>(core::ShortTextHash{}(id)));
  }
  return out;
}

std::vector<core::FolderFile> paperwork_files(const reports::Paperwork& pw, CsvDialect dialect) {
  struct Listed {
    std::string name;
    std::string what;
    std::string where;  // where it goes in Min ansökan
  };
  std::vector<core::FolderFile> files;
  std::vector<Listed> listed;
  std::set<std::string> used = {"index.html", kPaperworkMarker};
  // A unique file name: `stem-part.ext`, with -2, -3 … when two ids give the same part.
  auto unique = [&](const std::string& stem, const std::string& ext) {
    std::string name = stem + ext;
    for (int n = 2; used.count(name); ++n) name = fmt::format("{}-{}{}", stem, n, ext);
    used.insert(name);
    return name;
  };
  auto add = [&](std::string name, std::string bytes, std::string what, std::string where) {
    listed.push_back({name, std::move(what), std::move(where)});
    files.push_back({std::move(name), std::move(bytes)});
  };

  if (pw.claim) {
    add(unique("ansokan", ".html"), render_html(reports::bundle_of(*pw.claim), Lang::sv),
        "Ansökan: kostnader per kostnadsslag, sena kostnader, finansiering, stöd att begära",
        "Beloppen att ange; jämför före sändning");
  }

  bool several = pw.expenses.size() > 1;
  for (const auto& list : pw.expenses) {
    std::string org = list.organisation.empty() ? "projektagare" : list.organisation;
    std::string name =
        several ? unique("utgifter-" + file_name_part(org), ".csv") : unique("utgifter", ".csv");
    add(name, render_expense_csv(list, dialect),
        fmt::format("Utgifter utom bokförda personalkostnader, {}: {} rader, {}",
                    list.organisation_name, list.lines.size(), kr(list.total)),
        "Utgifter: importera");
  }
  bool several_staff = pw.booked_staff.size() > 1;
  for (const auto& list : pw.booked_staff) {
    std::string org = list.organisation.empty() ? "projektagare" : list.organisation;
    std::string name = several_staff
                           ? unique("personal-verifikationer-" + file_name_part(org), ".csv")
                           : unique("personal-verifikationer", ".csv");
    add(name, render_expense_csv(list, dialect),
        fmt::format("Bokförda personalkostnader, {}: {} rader, {}", list.organisation_name,
                    list.lines.size(), kr(list.total)),
        "Personal: bokförda löner");
  }
  add(unique("personalkostnader", ".csv"), render_staff_costs_csv(pw.staff_costs, dialect),
      fmt::format("Personalkostnader: {} rader, {}{}", pw.staff_costs.size(),
                  kr(pw.staff_cost_total),
                  pw.staff_cost_complete ? "" : " (månadslön saknas för någon)"),
      "Personal: per person");

  std::vector<std::string> persons;
  for (const auto& s : pw.time_sheets) {
    if (std::find(persons.begin(), persons.end(), s.person) == persons.end())
      persons.push_back(s.person);
  }
  for (const auto& person : persons) {
    std::vector<const reports::TimeSheet*> sheets;
    for (const auto& s : pw.time_sheets) {
      if (s.person == person) sheets.push_back(&s);
    }
    std::string stem = "tidrapport-" + file_name_part(person);
    std::string html = unique(stem, ".html");
    std::string csv = unique(html.substr(0, html.size() - 5), ".csv");
    add(html, render_time_sheets_html(pw, sheets),
        fmt::format("Tidredovisning, {} mån., att skriva under", sheets.size()),
        "Bilaga, underskriven");
    add(csv, render_time_sheets_csv(sheets, dialect), "Tidredovisning (CSV)", "Arkiveras");
  }

  persons.clear();
  for (const auto& a : pw.attestations) {
    if (std::find(persons.begin(), persons.end(), a.person) == persons.end())
      persons.push_back(a.person);
  }
  for (const auto& person : persons) {
    std::vector<const reports::ShareAttestation*> list;
    for (const auto& a : pw.attestations) {
      if (a.person == person) list.push_back(&a);
    }
    add(unique("intyg-arbetstid-" + file_name_part(person), ".html"),
        render_attestations_html(pw, list), "Intyg om arbetstid, att skriva under",
        "Bilaga, underskriven");
  }
  for (const auto& s : pw.in_kind) {
    add(unique("bidrag-i-annat-an-pengar-" + file_name_part(s.financier), ".html"),
        render_in_kind_html(pw, s), fmt::format("Bidrag i annat än pengar: {}", kr(s.total)),
        "Bidrag i annat än pengar; bilaga");
  }
  if (pw.indicators) {
    add(unique("indikatorer", ".csv"), render_csv_swedish(*pw.indicators, dialect),
        "Indikatorer, ackumulerat (lägesrapporten)", "Lägesrapport");
  }

  // index.html: what the folder holds.
  std::string index = document_open("Underlag för ansökan om utbetalning", pw);
  index += "<section class=\"page\">\n<h1>Underlag för ansökan om utbetalning</h1>\n";
  index +=
      "<p class=\"sub\">Filer för Min ansökan och bilagor att skriva under, skapade av "
      "grantkit</p>\n";
  index += facts(pw, {{"Ansökan nr", pw.request_number},
                      {"Ansökningsperiod", period_sv(pw.period)},
                      {"Stöd att begära", pw.aid_to_claim ? kr(*pw.aid_to_claim) : "–"},
                      {"Uppgifter till och med", core::format_iso(pw.as_of)}});
  index +=
      "<table class=\"files\">\n<thead><tr><th>Fil</th><th>Innehåll</th><th>I Min "
      "ansökan</th></tr></thead>\n<tbody>\n";
  for (const auto& l : listed) {
    index += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>\n", e(l.name),
                         e(l.what), e(l.where));
  }
  index += "</tbody>\n</table>\n";
  if (!pw.category_flags.empty()) {
    // What the budget report flags, stated before the request is sent.
    index += "<h2>Kostnadsslag att se över före ansökan</h2>\n<ul class=\"flags\">\n";
    for (const auto& [category, flags] : pw.category_flags) {
      for (const auto& f : flags) {
        index += fmt::format(
            "<li><code>{}</code>: {} <span class=\"rule\">[{}]</span></li>\n", e(category),
            f == "budget.change-decision-needed" ? "över budget med mer än avvikelsegränsen; ett "
                                                   "ändringsbeslut behövs innan det kan begäras"
                                                 : "över budget; handläggarens godkännande behövs",
            e(f));
      }
    }
    index += "</ul>\n";
  }
  index +=
      "<p class=\"note\">Utgiftsfilerna (och personal-verifikationer, när ansökan har "
      "bokförda personalkostnader) innehåller tillsammans "
      "ansökans transaktionslista: de stödberättigande bokförda kostnaderna under perioden och "
      "sena kostnader från tidigare perioder, en rad per verifikation och konto, varje kostnad i "
      "en fil; kostnader som en schablon täcker och undantagna rader finns inte med. "
      "Personnummer lagras aldrig av grantkit: kolumnen i personalkostnader.csv fylls i för hand. "
      "Personer anges "
      "med rollbeteckning.</p>\n";
  index += "</section>\n" + document_close();
  files.insert(files.begin(), core::FolderFile{"index.html", std::move(index)});
  return files;
}

}  // namespace grantkit::render
