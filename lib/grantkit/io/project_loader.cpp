#include <grantkit/io/project_loader.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include <grantkit/core/i18n.hpp>
#include <grantkit/core/rule_class.hpp>
#include <grantkit/io/accounts_loader.hpp>
#include <grantkit/io/containment.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/yaml_read.hpp>

#ifndef GRANTKIT_DATA_DIR
#define GRANTKIT_DATA_DIR "data"
#endif

namespace grantkit::io {
namespace fs = std::filesystem;
using core::Money;

std::string default_data_dir() {
  if (const char* env = std::getenv("GRANTKIT_DATA"); env && *env) return env;
  return GRANTKIT_DATA_DIR;
}

std::vector<std::string> bundled_programmes(const std::string& data_dir) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (fs::directory_iterator it(fs::path(data_dir) / "programmes", ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".yaml") ids.push_back(it->path().stem().string());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::optional<std::string> find_programme(const std::string& dir, const std::string& data_dir,
                                          const std::string& programme,
                                          const core::SourcePlace& place,
                                          core::Diagnostics& diags) {
  std::error_code ec;
  bool is_path = programme.find('/') != std::string::npos ||
                 programme.find('\\') != std::string::npos ||
                 fs::path(programme).extension() == ".yaml";
  std::string looked;
  if (is_path) {
    fs::path file = fs::path(dir) / programme;
    // The containment every ledger and time source has (io/containment.hpp), on the resolved
    // file: a path is not a glob, so a `..` that comes back into the folder is inside.
    if (auto why = outside_folder(dir, file.string())) {
      diags.error(
          "io.outside-project",
          fmt::format(
              fmt::runtime(
                  _("programme '{}' resolves outside the project folder: {}; a rule-set file must "
                    "lie inside it (or name a bundled rule set by its id)")),
              programme, *why),
          place);
      return std::nullopt;
    }
    if (fs::is_regular_file(file, ec)) return file.string();
    looked = file.string();
  } else {
    fs::path file = fs::path(data_dir) / "programmes" / (programme + ".yaml");
    if (fs::is_regular_file(file, ec)) return file.string();
    looked = file.string();
  }
  std::vector<std::string> ids = bundled_programmes(data_dir);
  std::string list;
  for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
  diags.error(
      "ref.unknown",
      fmt::format(
          fmt::runtime(_(
              "unknown programme '{}': no rule set at {} (bundled rule sets, in {}: {}; a rule set "
              "of your own is a file path relative to the project folder, e.g. "
              "programmes/my-rules.yaml)")),
          programme, looked, (fs::path(data_dir) / "programmes").string(),
          list.empty() ? std::string("none found") : list),
      place);
  return std::nullopt;
}

namespace {

// Reads `budget:` of an activity: an amount, or a map per cost category.
void read_activity_budget(YamlReader& r, const YamlNode* n, model::Activity& a) {
  if (!n || n->is_null()) return;
  a.budget_place = n->place;
  if (n->is_map()) {
    Money total;
    for (const auto& [k, v] : n->entries) {
      if (auto m = r.money(&v, fmt::format(fmt::runtime(_("budget of {} for {}")), a.id, k.text))) {
        a.category_budget[k.text] = *m;
        total += *m;
      }
    }
    a.budget = total;
    return;
  }
  a.budget = r.money(n, fmt::format(fmt::runtime(_("budget of activity {}")), a.id));
}

model::Budget read_budget(YamlReader& r, const YamlNode& n) {
  model::Budget b;
  b.place = n.place;
  if (!r.expect_map(n, "decision.budget", {"total", "categories"})) return b;
  b.total = r.money(n.find("total"), "decision.budget.total");
  if (const YamlNode* cats = n.find("categories"); cats && !cats->is_null()) {
    if (cats->is_map()) {
      for (const auto& [k, v] : cats->entries) {
        if (auto m = r.money(&v, fmt::format(fmt::runtime(_("budget for category {}")), k.text))) {
          b.categories[k.text] = *m;
          b.category_places[k.text] = k.place;
        }
      }
    } else {
      r.expect_map(*cats, "decision.budget.categories", {});
    }
  }
  return b;
}

model::Aid read_aid(YamlReader& r, const YamlNode& n, std::string_view what) {
  model::Aid aid;
  if (!r.expect_map(n, what, {"rate", "max", "financing_share"})) return aid;
  aid.rate = r.percent(n.find("rate"), fmt::format("{}.rate", what));
  aid.max = r.money(n.find("max"), fmt::format("{}.max", what));
  aid.financing_share =
      r.percent(n.find("financing_share"), fmt::format("{}.financing_share", what));
  return aid;
}

std::optional<model::FinancierType> read_financier_type(YamlReader& r, const YamlNode* n) {
  auto t = r.text(n, "financier type");
  if (!t) return std::nullopt;
  if (*t == "public") return model::FinancierType::public_;
  if (*t == "private") return model::FinancierType::private_;
  r.diags().error(
      "yaml.type",
      fmt::format(fmt::runtime(_("financier type must be public or private, not '{}'")), *t),
      n->place);
  return std::nullopt;
}

std::optional<model::FinancingStatus> read_financing_status(YamlReader& r, const YamlNode* n) {
  auto s = r.text(n, "financier status");
  if (!s) return std::nullopt;
  if (*s == "confirmed") return model::FinancingStatus::confirmed;
  if (*s == "to_be_redistributed") return model::FinancingStatus::to_be_redistributed;
  if (*s == "unknown") return model::FinancingStatus::unknown;
  r.diags().error(
      "yaml.type",
      fmt::format(
          fmt::runtime(_("status must be confirmed, to_be_redistributed or unknown, not '{}'")),
          *s),
      n->place);
  return std::nullopt;
}

void read_rates(YamlReader& r, const YamlNode* rates, std::string_view what,
                std::map<std::string, core::Percent>& out) {
  if (!rates || rates->is_null()) return;
  if (!rates->is_map()) {
    r.expect_map(*rates, what, {});
    return;
  }
  for (const auto& [k, v] : rates->entries) {
    if (auto pc = r.percent(&v, fmt::format("{}.{}", what, k.text))) out[k.text] = *pc;
  }
}

void read_decision(YamlReader& r, const YamlNode& n, model::Project& p) {
  auto& d = p.decision;
  d.place = n.place;
  if (!r.expect_map(n, "decision",
                    {"case_id", "date", "eligible", "aid", "rates", "budget", "vat_eligible"})) {
    return;
  }
  if (auto t = r.text(r.require(n, "case_id", "decision"), "decision.case_id", true))
    d.case_id = *t;
  d.date = r.date(n.find("date"), "decision.date");
  if (const YamlNode* e = r.require(n, "eligible", "decision")) {
    d.eligible_place = e->place;
    if (auto v = r.period(e, "decision.eligible", true)) d.eligible = *v;
  }
  if (const YamlNode* a = n.find("aid"); a && !a->is_null())
    d.aid = read_aid(r, *a, "decision.aid");
  read_rates(r, n.find("rates"), "decision.rates", d.rates);
  if (const YamlNode* b = r.require(n, "budget", "decision")) d.budget = read_budget(r, *b);
  d.vat_eligible = r.boolean(n.find("vat_eligible"), "decision.vat_eligible");
}

// `changes[]`: each change decision names the fields it replaces (FORMATS: aid, budget, eligible,
// rates, activities and financing by id).
void read_changes(YamlReader& r, const YamlNode& n, model::Project& p) {
  if (n.is_null() || !r.expect_sequence(n, "changes")) return;
  for (const auto& c : n.items) {
    if (!r.expect_map(
            c, "a change decision",
            {"date", "case_id", "aid", "budget", "eligible", "rates", "activities", "financing"}))
      continue;
    model::ChangeDecision ch;
    ch.place = c.place;
    auto date = r.date(r.require(c, "date", "a change decision"), "changes[].date", true);
    if (!date) continue;
    ch.date = *date;
    if (auto t = r.text(c.find("case_id"), "changes[].case_id")) ch.case_id = *t;
    if (const YamlNode* a = c.find("aid"); a && !a->is_null())
      ch.aid = read_aid(r, *a, "changes[].aid");
    if (const YamlNode* b = c.find("budget"); b && !b->is_null()) ch.budget = read_budget(r, *b);
    ch.eligible = r.period(c.find("eligible"), "changes[].eligible");
    read_rates(r, c.find("rates"), "changes[].rates", ch.rates);
    if (const YamlNode* acts = c.find("activities");
        acts && !acts->is_null() && r.expect_sequence(*acts, "changes[].activities")) {
      for (const auto& a : acts->items) {
        if (!r.expect_map(a, "an activity of a change decision",
                          {"id", "name", "budget", "period"}))
          continue;
        auto id = r.id(r.require(a, "id", "an activity of a change decision"), "activity id");
        if (!id) continue;
        model::ActivityChange ac;
        ac.id = *id;
        ac.place = a.place;
        if (auto t = r.text(a.find("name"), "activity name")) ac.name = *t;
        if (const YamlNode* b = a.find("budget"); b && !b->is_null()) {
          model::Activity read;
          read.id = ac.id;
          read_activity_budget(r, b, read);
          ac.budget = read.budget;
          if (!read.category_budget.empty()) ac.category_budget = read.category_budget;
        }
        ac.period = r.period(a.find("period"),
                             fmt::format(fmt::runtime(_("period of activity {}")), ac.id));
        bool known =
            p.find_activity(ac.id) != nullptr ||
            std::any_of(p.changes.begin(), p.changes.end(), [&](const model::ChangeDecision& e) {
              return std::any_of(
                  e.activities.begin(), e.activities.end(),
                  [&](const model::ActivityChange& x) { return x.id == ac.id && x.period; });
            });
        if (!known && !ac.period) {
          r.diags().error("yaml.missing-key",
                          fmt::format(fmt::runtime(_("activity {} is not in the plan: a change "
                                                     "decision that adds it gives its period")),
                                      ac.id),
                          a.place);
          continue;
        }
        ch.activities.push_back(std::move(ac));
      }
    }
    if (const YamlNode* fins = c.find("financing");
        fins && !fins->is_null() && r.expect_sequence(*fins, "changes[].financing")) {
      for (const auto& f : fins->items) {
        if (!r.expect_map(f, "a financier of a change decision",
                          {"id", "name", "type", "cash", "in_kind", "total", "status"}))
          continue;
        auto id = r.id(r.require(f, "id", "a financier of a change decision"), "financier id");
        if (!id) continue;
        model::FinancierChange fc;
        fc.id = *id;
        fc.place = f.place;
        if (auto t = r.text(f.find("name"), "financier name")) fc.name = *t;
        fc.type = read_financier_type(r, f.find("type"));
        fc.cash = r.money(f.find("cash"), fmt::format(fmt::runtime(_("cash of {}")), fc.id));
        fc.in_kind =
            r.money(f.find("in_kind"), fmt::format(fmt::runtime(_("in_kind of {}")), fc.id));
        fc.total = r.money(f.find("total"), fmt::format(fmt::runtime(_("total of {}")), fc.id));
        fc.status = read_financing_status(r, f.find("status"));
        ch.financing.push_back(std::move(fc));
      }
    }
    p.changes.push_back(std::move(ch));
  }
}

void read_full_time(YamlReader& r, const YamlNode& n, model::Project& p) {
  auto& ft = p.full_time;
  ft.place = n.place;
  if (!r.expect_map(n, "full_time",
                    {"from", "to", "basis", "hours_per_day", "eves_off", "definition"})) {
    return;
  }
  auto from = r.date(r.require(n, "from", "full_time"), "full_time.from", true);
  auto to = r.date(r.require(n, "to", "full_time"), "full_time.to", true);
  if (from && to) {
    if (*to < *from) {
      r.diags().error("yaml.date", _("full_time ends before it starts"), n.place);
    } else {
      ft.period = {*from, *to};
    }
  }
  if (auto b = r.text(n.find("basis"), "full_time.basis")) {
    if (*b == "annual_hours")
      ft.basis = core::FullTimeBasis::annual_hours;
    else if (*b == "calendar")
      ft.basis = core::FullTimeBasis::calendar;
    else
      r.diags().error(
          "yaml.type",
          fmt::format(fmt::runtime(_("full_time.basis must be annual_hours or calendar, not '{}'")),
                      *b),
          n.find("basis")->place);
  }
  if (auto h = r.integer(n.find("hours_per_day"), "full_time.hours_per_day"))
    ft.minutes_per_day = *h * 60;
  ft.eves_off = r.boolean(n.find("eves_off"), "full_time.eves_off");
  if (auto t = r.text(n.find("definition"), "full_time.definition")) ft.definition = *t;
}

void read_plan(YamlReader& r, const YamlNode& n, model::Project& p) {
  if (!r.expect_map(n, "plan",
                    {"version", "date", "activities_mainly", "local_costs_financed",
                     "steering_priorities"})) {
    return;
  }
  if (auto t = r.text(n.find("version"), "plan.version")) p.plan.version = *t;
  p.plan.date = r.date(n.find("date"), "plan.date");
  p.plan.activities_mainly = r.period(n.find("activities_mainly"), "plan.activities_mainly");
  p.plan.local_costs_financed =
      r.boolean(n.find("local_costs_financed"), "plan.local_costs_financed");
  if (const YamlNode* sp = n.find("steering_priorities");
      sp && r.expect_map(*sp, "plan.steering_priorities", {"time", "cost", "quality"})) {
    for (const auto& [k, v] : sp->entries) {
      if (auto t = r.text(&v, fmt::format("plan.steering_priorities.{}", k.text), true)) {
        p.plan.steering_priorities[k.text] = *t;
      }
    }
  }
}

void read_activities(YamlReader& r, const YamlNode& n, model::Project& p) {
  if (!r.expect_sequence(n, "activities")) return;
  for (const auto& a : n.items) {
    if (!r.expect_map(a, "an activity", {"id", "name", "budget", "period", "phasing"})) continue;
    model::Activity act;
    act.place = a.place;
    auto id = r.id(r.require(a, "id", "an activity"), "activity id");
    if (!id) continue;
    act.id = *id;
    if (auto t = r.text(a.find("name"), "activity name")) act.name = *t;
    read_activity_budget(r, a.find("budget"), act);
    if (auto per = r.period(r.require(a, "period", fmt::format("activity {}", act.id)),
                            fmt::format(fmt::runtime(_("period of activity {}")), act.id), true)) {
      act.period = *per;
    }
    p.activities.push_back(std::move(act));
  }
}

void read_financing(YamlReader& r, const YamlNode& n, model::Project& p) {
  if (!r.expect_sequence(n, "financing")) return;
  for (const auto& f : n.items) {
    if (!r.expect_map(f, "a financier",
                      {"id", "name", "type", "cash", "in_kind", "total", "status"}))
      continue;
    model::Financier fin;
    fin.place = f.place;
    auto id = r.id(r.require(f, "id", "a financier"), "financier id");
    if (!id) continue;
    fin.id = *id;
    if (auto t = r.text(f.find("name"), "financier name")) fin.name = *t;
    if (auto t = read_financier_type(r, f.find("type"))) fin.type = *t;
    fin.cash = r.money(f.find("cash"), fmt::format(fmt::runtime(_("cash of {}")), fin.id));
    fin.in_kind = r.money(f.find("in_kind"), fmt::format(fmt::runtime(_("in_kind of {}")), fin.id));
    fin.total = r.money(f.find("total"), fmt::format(fmt::runtime(_("total of {}")), fin.id));
    if (auto st = read_financing_status(r, f.find("status"))) fin.status = *st;
    p.financing.push_back(std::move(fin));
  }
}

void read_organisations(YamlReader& r, const YamlNode& n, model::Project& p) {
  if (!r.expect_sequence(n, "organisations")) return;
  for (const auto& o : n.items) {
    if (!r.expect_map(o, "an organisation", {"id", "name", "role"})) continue;
    model::Organisation org;
    org.place = o.place;
    auto id = r.id(r.require(o, "id", "an organisation"), "organisation id");
    if (!id) continue;
    org.id = *id;
    if (auto t = r.text(o.find("name"), "organisation name")) org.name = *t;
    if (auto t = r.text(o.find("role"), "organisation role")) org.role = *t;
    p.organisations.push_back(std::move(org));
  }
}

void read_indicators(YamlReader& r, const YamlNode& n, model::Project& p) {
  if (!r.expect_sequence(n, "indicators")) return;
  for (const auto& i : n.items) {
    if (!r.expect_map(i, "an indicator", {"id", "name", "unit", "target", "code"})) continue;
    model::Indicator ind;
    ind.place = i.place;
    auto id = r.id(r.require(i, "id", "an indicator"), "indicator id");
    if (!id) continue;
    ind.id = *id;
    if (auto t = r.text(i.find("name"), "indicator name")) ind.name = *t;
    if (auto t = r.text(i.find("unit"), "indicator unit")) ind.unit = *t;
    ind.target = r.integer(i.find("target"), "indicator target");
    if (auto t = r.text(i.find("code"), "indicator code")) ind.code = *t;
    p.indicators.push_back(std::move(ind));
  }
}

// `accept: [{rule, where, reason, until}]` (docs/formats.md#accept): rule a rule id of
// docs/rules.md (else ref.unknown), where and reason required text, until an optional date.
void read_accept(YamlReader& r, const YamlNode& n, model::Project& p) {
  if (!r.expect_sequence(n, "accept")) return;
  for (const auto& e : n.items) {
    if (!r.expect_map(e, "an accept", {"rule", "where", "reason", "until"})) continue;
    core::Accept a;
    a.place = e.place;
    const YamlNode* rule = r.require(e, "rule", "an accept");
    auto id = r.id(rule, "accept rule");
    auto where = r.text(r.require(e, "where", "an accept"), "accept where", true);
    auto reason = r.text(r.require(e, "reason", "an accept"), "accept reason", true);
    auto until = r.date(e.find("until"), "accept until");
    if (e.find("until") && !e.find("until")->is_null() && !until) continue;
    if (!id || !where || !reason) continue;
    if (!core::rule_class(*id) || id->rfind("accept.", 0) == 0) {
      r.diags().error("ref.unknown",
                      fmt::format("accept: '{}' is not a rule id that can be acknowledged (the "
                                  "rules are listed in docs/rules.md)",
                                  *id),
                      rule->place);
      continue;
    }
    a.rule = *id;
    a.where = *where;
    a.reason = *reason;
    a.until = until;
    p.accept.push_back(std::move(a));
  }
}

std::optional<char> read_char(YamlReader& r, const YamlNode* n, std::string_view what,
                              std::initializer_list<char> allowed) {
  auto t = r.text(n, what);
  if (!t) return std::nullopt;
  std::string v = *t == "\\t" || *t == "tab" ? std::string("\t") : *t;
  if (v.size() == 1 && std::find(allowed.begin(), allowed.end(), v[0]) != allowed.end())
    return v[0];
  std::string list;
  for (char c : allowed)
    list += fmt::format("{}'{}'", list.empty() ? "" : ", ",
                        c == '\t' ? std::string("tab") : std::string(1, c));
  r.diags().error("yaml.type",
                  fmt::format(fmt::runtime(_("{} must be one of {}, not '{}'")), what, list, *t),
                  n->place);
  return std::nullopt;
}

void read_sources(YamlReader& r, const YamlNode& n, std::string_view what,
                  std::vector<model::SourceSpec>& out) {
  if (!r.expect_sequence(n, what)) return;
  for (const auto& s : n.items) {
    if (!r.expect_map(s, "a source",
                      {"path", "format", "delimiter", "decimal", "thousands", "encoding",
                       "accounts", "account_map", "columns", "activity_dimension",
                       "person_dimension", "supplier_dimension", "financier_dimension",
                       "paid_dimension", "project", "organisation", "allow_outside"})) {
      continue;
    }
    model::SourceSpec spec;
    spec.place = s.place;
    auto path = r.text(r.require(s, "path", "a source"), "source path", true);
    if (!path) continue;
    spec.path = *path;
    if (auto f = r.text(s.find("format"), "source format")) {
      if (*f != "csv" && *f != "sie" && *f != "yaml") {
        r.diags().error(
            "yaml.type",
            fmt::format(fmt::runtime(_("source format must be csv, sie or yaml, not '{}'")), *f),
            s.find("format")->place);
      }
      spec.format = *f;
    } else {
      spec.format = "csv";
    }
    if (auto c = read_char(r, s.find("delimiter"), "delimiter", {',', ';', '\t'}))
      spec.delimiter = *c;
    if (auto c = read_char(r, s.find("decimal"), "decimal", {'.', ','})) spec.decimal = *c;
    if (auto c = read_char(r, s.find("thousands"), "thousands", {'.', ',', ' '}))
      spec.thousands = *c;
    if (spec.thousands != 0 && spec.thousands == spec.decimal) {
      r.diags().error("yaml.type", _("thousands and decimal must differ"), s.place);
      spec.thousands = 0;
    }
    if (auto e = r.text(s.find("encoding"), "encoding")) {
      spec.encoding = *e;
      spec.encoding_given = true;
      // A SIE file is read in PC8 (cp437) unless its source names one of these.
      if (spec.format == "sie" && *e != "cp437" && *e != "pc8" && *e != "utf-8" && *e != "utf8" &&
          *e != "latin-1" && *e != "iso-8859-1" && *e != "latin-9" && *e != "iso-8859-15" &&
          *e != "windows-1252" && *e != "cp1252") {
        r.diags().error("yaml.type",
                        fmt::format(fmt::runtime(_("encoding of a SIE source must be cp437, utf-8, "
                                                   "latin-1, latin-9 or windows-1252, "
                                                   "not '{}'")),
                                    *e),
                        s.find("encoding")->place);
        spec.encoding_given = false;
      }
    }
    if (auto a = r.text(s.find("accounts"), "accounts")) spec.accounts = *a;
    if (const YamlNode* cols = s.find("columns"); cols && !cols->is_null()) {
      if (r.expect_map(*cols, "columns",
                       {"date", "voucher", "account", "amount", "debit", "credit", "text",
                        "category", "activity", "person", "financier", "eligible", "paid",
                        "supplier", "account_name", "month", "hours"})) {
        for (const auto& [k, v] : cols->entries) {
          if (auto t = r.text(&v, fmt::format("columns.{}", k.text), true))
            spec.columns[k.text] = *t;
        }
      }
    }
    auto dimension = [&](const char* key) -> std::optional<int> {
      auto d = r.integer(s.find(key), key);
      if (!d) return std::nullopt;
      if (*d < 1 || *d > 9999) {
        r.diags().error(
            "yaml.number",
            fmt::format(fmt::runtime(_("{} must be a SIE dimension number (1–9999), not {}")), key,
                        *d),
            s.find(key)->place);
        return std::nullopt;
      }
      return static_cast<int>(*d);
    };
    spec.activity_dimension = dimension("activity_dimension");
    spec.person_dimension = dimension("person_dimension");
    spec.supplier_dimension = dimension("supplier_dimension");
    spec.financier_dimension = dimension("financier_dimension");
    spec.paid_dimension = dimension("paid_dimension");
    if (auto o = r.id(s.find("organisation"), "source organisation", false)) spec.organisation = *o;
    if (auto a = r.boolean(s.find("allow_outside"), "allow_outside")) spec.allow_outside = *a;
    if (const YamlNode* pr = s.find("project");
        pr && !pr->is_null() &&
        r.expect_map(*pr, "project (a source's project selection)",
                     {"dimension", "column", "object"})) {
      auto o = r.text(r.require(*pr, "object", "project"), "project.object", true);
      if (const YamlNode* col = pr->find("column")) {
        // CSV: the rows whose `column` holds `object` are this project's.
        auto c = r.text(col, "project.column", true);
        if (c && o) spec.project = model::SourceSpec::ProjectSelection{0, *o, *c};
      } else {
        auto d = r.integer(r.require(*pr, "dimension", "project"), "project.dimension");
        if (d && o)
          spec.project = model::SourceSpec::ProjectSelection{static_cast<int>(*d), *o, ""};
      }
    }
    if (const YamlNode* m = s.find("account_map")) spec.account_map = read_account_map(r, *m);
    out.push_back(std::move(spec));
  }
}

void read_staff_list(YamlReader& r, const YamlNode& n, model::Project& p) {
  if (!r.expect_sequence(n, "staff")) return;
  for (const auto& s : n.items) {
    if (!r.expect_map(s, "a staff entry",
                      {"id", "name", "role", "organisation", "percent", "period", "basis",
                       "funding", "monthly_salary", "activities"})) {
      continue;
    }
    model::StaffEntry e;
    e.place = s.place;
    auto id = r.id(r.require(s, "id", "a staff entry"), "staff id");
    if (!id) continue;
    e.id = *id;
    if (auto t = r.text(s.find("name"), "staff name")) e.name = *t;
    if (auto t = r.text(s.find("role"), "staff role")) e.role = *t;
    if (const YamlNode* o =
            r.require(s, "organisation", fmt::format(fmt::runtime(_("staff entry {}")), e.id))) {
      if (auto t = r.id(o, "organisation")) {
        e.organisation = *t;
        e.organisation_place = o->place;
      }
    }
    if (auto pc =
            r.percent(r.require(s, "percent", fmt::format(fmt::runtime(_("staff entry {}")), e.id)),
                      "percent"))
      e.percent = *pc;
    if (const YamlNode* per = s.find("period")) {
      e.period = r.period(per, fmt::format(fmt::runtime(_("period of {}")), e.id));
      e.period_place = per->place;
    }
    if (auto b = r.text(s.find("basis"), "basis")) {
      if (*b == "fixed_percent")
        e.basis = model::StaffBasis::fixed_percent;
      else if (*b == "hourly")
        e.basis = model::StaffBasis::hourly;
      else
        r.diags().error(
            "yaml.type",
            fmt::format(fmt::runtime(_("basis must be fixed_percent or hourly, not '{}'")), *b),
            s.find("basis")->place);
    }
    if (auto f = r.text(s.find("funding"), "funding")) {
      if (*f == "cash")
        e.funding = model::Funding::cash;
      else if (*f == "in_kind")
        e.funding = model::Funding::in_kind;
      else
        r.diags().error(
            "yaml.type",
            fmt::format(fmt::runtime(_("funding must be cash or in_kind, not '{}'")), *f),
            s.find("funding")->place);
    }
    e.monthly_salary = r.money(s.find("monthly_salary"),
                               fmt::format(fmt::runtime(_("monthly_salary of {}")), e.id));
    if (const YamlNode* acts = s.find("activities"); acts && !acts->is_null()) {
      if (acts->is_map()) {
        for (const auto& [k, v] : acts->entries) {
          if (auto pc =
                  r.percent(&v, fmt::format(fmt::runtime(_("share of {} in {}")), e.id, k.text))) {
            e.activities[k.text] = *pc;
            e.activity_places[k.text] = k.place;
          }
        }
      } else {
        r.expect_map(*acts, "activities", {});
      }
    }
    p.staff.push_back(std::move(e));
  }
}

// A map of cost category → amount (claims.yaml `reported`, `approved`); `signed_amounts` lets an
// amount be negative (a request may report a correction).
std::optional<std::map<std::string, core::Money>> read_category_amounts(YamlReader& r,
                                                                        const YamlNode* n,
                                                                        std::string_view what,
                                                                        bool signed_amounts) {
  if (!n || n->is_null()) return std::nullopt;
  if (!n->is_map()) {
    r.expect_map(*n, what, {});
    return std::nullopt;
  }
  std::map<std::string, core::Money> out;
  for (const auto& [k, v] : n->entries) {
    std::string label = fmt::format("{} for category {}", what, k.text);
    auto m = signed_amounts ? r.signed_money(&v, label) : r.money(&v, label);
    if (m) out[k.text] = *m;
  }
  return out;
}

std::optional<model::ClaimStatus> read_claim_status(YamlReader& r, const YamlNode* n) {
  auto t = r.text(n, "status");
  if (!t) return std::nullopt;
  static const std::pair<const char*, model::ClaimStatus> kStatuses[] = {
      {"draft", model::ClaimStatus::draft},
      {"submitted", model::ClaimStatus::submitted},
      {"approved", model::ClaimStatus::approved},
      {"paid", model::ClaimStatus::paid}};
  for (const auto& [name, status] : kStatuses) {
    if (*t == name) return status;
  }
  r.diags().error(
      "yaml.type",
      fmt::format(
          fmt::runtime(_("status must be one of draft, submitted, approved, paid, not '{}'")), *t),
      n->place);
  return std::nullopt;
}

void read_claim_transactions(YamlReader& r, const YamlNode& n, model::Claim& claim) {
  if (n.is_null()) return;
  if (!r.expect_sequence(n, "transactions")) return;
  std::vector<model::ClaimTransaction> rows;
  for (const auto& t : n.items) {
    if (!r.expect_map(t, "a transaction of a payment request",
                      {"file", "voucher", "date", "category", "amount"}))
      continue;
    model::ClaimTransaction row;
    row.place = t.place;
    auto date = r.date(r.require(t, "date", "a transaction of a payment request"), "date", true);
    auto amount =
        r.signed_money(r.require(t, "amount", "a transaction of a payment request"), "amount");
    if (!date || !amount) continue;
    row.date = *date;
    row.amount = *amount;
    if (auto f = r.text(t.find("file"), "file")) row.file = *f;
    if (auto v = r.text(t.find("voucher"), "voucher")) row.voucher = *v;
    if (auto c = r.text(t.find("category"), "category")) row.category = *c;
    rows.push_back(std::move(row));
  }
  claim.transactions = std::move(rows);
}

void read_claims(YamlReader& r, const YamlNode& n, model::Project& p) {
  if (n.is_null() || !r.expect_sequence(n, "claims")) return;
  for (const auto& c : n.items) {
    if (!r.expect_map(c, "a payment request",
                      {"id", "period", "submitted", "reported", "approved", "aid_claimed",
                       "aid_paid", "paid_date", "status", "transactions"}))
      continue;
    model::Claim claim;
    claim.place = c.place;
    auto id = r.text(r.require(c, "id", "a payment request"), "claim id", true);
    auto period = r.period(r.require(c, "period", "a payment request"), "claim period", true);
    if (!id || !period) continue;
    claim.id = *id;
    claim.period = *period;
    claim.submitted = r.date(c.find("submitted"), "submitted");
    claim.reported = read_category_amounts(r, c.find("reported"), "reported", true);
    if (auto a = read_category_amounts(r, c.find("approved"), "approved", true))
      claim.approved = std::move(*a);
    claim.aid_claimed = r.money(c.find("aid_claimed"), "aid_claimed");
    claim.aid_paid = r.money(c.find("aid_paid"), "aid_paid");
    claim.paid_date = r.date(c.find("paid_date"), "paid_date");
    if (auto s = read_claim_status(r, c.find("status"))) claim.status = *s;
    if (const YamlNode* t = c.find("transactions")) read_claim_transactions(r, *t, claim);
    p.claims.push_back(std::move(claim));
  }
}

}  // namespace

std::optional<model::Programme> load_programme(const std::string& path, core::Diagnostics& diags);

void read_claims_document(const YamlNode& root, std::vector<model::Claim>& out,
                          core::Diagnostics& diags) {
  YamlReader r(diags);
  if (!r.expect_schema(root, "claims") || !r.expect_map(root, "claims.yaml", {"schema", "claims"}))
    return;
  model::Project holder;
  if (const YamlNode* n = r.require(root, "claims", "claims.yaml")) read_claims(r, *n, holder);
  for (auto& c : holder.claims) out.push_back(std::move(c));
}

std::vector<std::string> input_files(const model::Project& project, const std::string& data_dir) {
  std::vector<std::string> out;
  for (const char* name : {"project.yaml", "staff.yaml", "claims.yaml", "indicators.yaml"}) {
    out.push_back((fs::path(project.dir) / name).string());
  }
  if (!project.programme_id.empty()) {
    out.push_back((fs::path(data_dir) / "programmes" / (project.programme_id + ".yaml")).string());
  }
  core::Diagnostics ignored;  // a glob matching nothing is said when the sources are read
  for (const auto* sources : {&project.ledger_sources, &project.time_sources}) {
    for (const auto& spec : *sources) {
      if (!spec.accounts.empty())
        out.push_back((fs::path(data_dir) / "accounts" / (spec.accounts + ".yaml")).string());
      for (auto& f : expand_source_path(project.dir, spec, ignored)) out.push_back(std::move(f));
    }
  }
  return out;
}

std::optional<model::Project> load_project(const std::string& dir, const std::string& data_dir,
                                           core::Diagnostics& diags) {
  model::Project p;
  p.dir = dir;
  p.file = (fs::path(dir) / "project.yaml").string();
  const std::size_t errors_before = diags.count(core::Severity::error);
  if (std::error_code ec; !fs::is_directory(dir, ec)) {
    diags.unreadable(
        "io.read",
        fs::exists(dir, ec)
            ? fmt::format(fmt::runtime(_("'{}' is not a folder: give the project folder")), dir)
            : fmt::format(fmt::runtime(_("the project folder '{}' does not exist")), dir),
        {dir, 0, 0});
    return std::nullopt;
  }
  auto root = load_yaml_file(p.file, diags);
  if (!root) return std::nullopt;
  YamlReader r(diags);
  if (!r.expect_schema(*root, "project")) return std::nullopt;
  r.expect_map(*root, "project.yaml",
               {"schema", "project", "organisations", "decision", "changes", "full_time", "plan",
                "activities", "financing", "staff", "indicators", "sources", "accept"});

  if (const YamlNode* proj = r.require(*root, "project", "project.yaml");
      proj && r.expect_map(*proj, "project", {"id", "name", "owner", "programme", "currency"})) {
    if (auto t = r.id(r.require(*proj, "id", "project"), "project.id")) p.id = *t;
    if (auto t = r.text(proj->find("name"), "project.name")) p.name = *t;
    if (auto t = r.text(proj->find("owner"), "project.owner")) p.owner = *t;
    if (const YamlNode* pr = r.require(*proj, "programme", "project")) {
      p.programme_place = pr->place;
      if (auto t = r.text(pr, "project.programme", true)) p.programme_id = *t;
    }
    if (auto t = r.text(proj->find("currency"), "project.currency")) {
      p.currency = *t;
      if (*t != "SEK")
        diags.error("yaml.type", _("grantkit reports in SEK only"), proj->find("currency")->place);
    }
  }
  if (const YamlNode* n = root->find("organisations"); n && !n->is_null())
    read_organisations(r, *n, p);
  if (const YamlNode* n = r.require(*root, "decision", "project.yaml")) read_decision(r, *n, p);
  if (const YamlNode* n = r.require(*root, "full_time", "project.yaml")) read_full_time(r, *n, p);
  if (const YamlNode* n = root->find("plan"); n && !n->is_null()) read_plan(r, *n, p);
  if (const YamlNode* n = r.require(*root, "activities", "project.yaml")) read_activities(r, *n, p);
  if (const YamlNode* n = root->find("financing"); n && !n->is_null()) read_financing(r, *n, p);
  // After the activities: a change decision may name an activity the plan has or add one.
  if (const YamlNode* n = root->find("changes")) read_changes(r, *n, p);
  if (const YamlNode* n = root->find("indicators"); n && !n->is_null()) read_indicators(r, *n, p);
  if (const YamlNode* n = root->find("sources");
      n && !n->is_null() && r.expect_map(*n, "sources", {"ledger", "time"})) {
    if (const YamlNode* l = n->find("ledger"); l && !l->is_null())
      read_sources(r, *l, "sources.ledger", p.ledger_sources);
    if (const YamlNode* t = n->find("time"); t && !t->is_null())
      read_sources(r, *t, "sources.time", p.time_sources);
  }
  if (const YamlNode* n = root->find("staff"); n && !n->is_null()) read_staff_list(r, *n, p);
  if (const YamlNode* n = root->find("accept"); n && !n->is_null()) read_accept(r, *n, p);

  // staff.yaml, when present.
  fs::path staff_file = fs::path(dir) / "staff.yaml";
  if (fs::exists(staff_file)) {
    if (auto staff_root = load_yaml_file(staff_file.string(), diags)) {
      if (r.expect_schema(*staff_root, "staff") &&
          r.expect_map(*staff_root, "staff.yaml", {"schema", "staff"})) {
        if (const YamlNode* n = r.require(*staff_root, "staff", "staff.yaml"))
          read_staff_list(r, *n, p);
      }
    }
  }

  // claims.yaml, when present: payment requests already made.
  fs::path claims_file = fs::path(dir) / "claims.yaml";
  if (fs::exists(claims_file)) {
    if (auto claims_root = load_yaml_file(claims_file.string(), diags)) {
      read_claims_document(*claims_root, p.claims, diags);
    }
  }

  // The programme rule set.
  if (!p.programme_id.empty()) {
    if (auto prog = find_programme(dir, data_dir, p.programme_id, p.programme_place, diags)) {
      if (auto programme = load_programme(*prog, diags)) p.programme = std::move(*programme);
    }
  }
  // A project whose files break their format is not handed on: checks and reports would work on
  // half-read values (an eligible period that failed to parse, say). The errors are reported.
  if (diags.count(core::Severity::error) > errors_before) return std::nullopt;
  return p;
}

}  // namespace grantkit::io
