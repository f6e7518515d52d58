#include "commands.hpp"

#include <memory>

namespace grantkit::cli {

namespace {

// The option sets, shared by several commands.
constexpr unsigned kOutputs = kFormat | kOutput | kLang | kCsvDialect;
constexpr unsigned kFindings = kStrict | kQuiet | kVerbose;
const std::vector<std::string> kAllFormats = {"table", "csv", "json", "md", "xlsx", "html"};

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate",
       "Every finding any report would print, then one summary line (exit 1 on errors, 2 on "
       "unreadable input)",
       {kAsOf | kPeriod | kFormat | kOutput | kLang | kFindings,
        {"table", "json"},
        {},
        {},
        false,
        "also check P as a payment request's period, as claim and paperwork do",
        ""},
       run_validate},
      {"budget",
       "Budget versus outcome per activity and/or cost category",
       {kAsOf | kPeriod | kBy | kMonthly | kOutputs | kFindings,
        kAllFormats,
        {"activity", "category", "activity,category"},
        {},
        false,
        "",
        ""},
       run_budget},
      {"staffing",
       "The staffing plan against the full-time definition; in-kind value per financier",
       {kAsOf | kOutputs | kTable | kFindings, kAllFormats, {}, {"rows", "in_kind"}, false, "", ""},
       run_staffing},
      {"time",
       "Planned versus reported hours per person and month",
       {kAsOf | kPeriod | kBy | kMonthly | kOutputs | kFindings,
        kAllFormats,
        {"person"},
        {},
        false,
        "",
        "person: one row per person, the period's months summed (default: one row per person and "
        "month)"},
       run_time},
      {"cofinancing",
       "The financing plan against cash received and in-kind time valued; the aid so far",
       {kAsOf | kPeriod | kOutputs | kTable | kFindings,
        kAllFormats,
        {},
        {"rows", "aid"},
        false,
        "",
        ""},
       run_cofinancing},
      {"claim",
       "The payment request for --period: costs, financing, aid, transactions",
       {kAsOf | kPeriod | kOutputs | kTable | kFindings | kRecord,
        kAllFormats,
        {},
        {"costs", "financing", "transactions", "excluded", "aid"},
        true,
        "the payment request's period: 2022-H1, 2022-01-01..2022-06-30, … (required)",
        ""},
       run_claim},
      {"ledger",
       "What the ledger import read: rows, vouchers, accounts, excluded rows",
       {kAsOf | kOutputs | kTable | kFindings,
        kAllFormats,
        {},
        {"accounts", "files", "excluded_by_rule", "excluded"},
        false,
        "",
        ""},
       run_ledger},
      {"report",
       "The monthly report: every section for one period in one document (md, html, xlsx, json)",
       {kAsOf | kPeriod | kOutputs | kTable | kFindings,
        {"md", "html", "xlsx", "json", "table", "csv"},
        {},
        {std::string(kReportDefaultTable), "summary.key_figures", "summary.actions",
         "summary.routine", "budget_category", "burn_up", "cofinancing", "cofinancing.aid",
         "staffing", "staffing.in_kind", "time", "claim.costs", "claim.financing",
         "claim.transactions", "claim.excluded", "claim.aid", "transactions"},
        false,
        "",
        ""},
       run_report},
      {"indicators",
       "Result indicators: cumulative values against targets and time elapsed",
       {kAsOf | kOutputs | kTable | kFindings,
        kAllFormats,
        {},
        {"rows", "reported"},
        false,
        "",
        ""},
       run_indicators},
      {"paperwork",
       "Every file a payment request needs: Min ansökan's expense rows, staff costs, time reports, "
       "attestations, "
       "in-kind summaries",
       {},
       nullptr,
       set_paperwork_command},
      {"init",
       "A new project folder from a commented template that validates",
       {},
       nullptr,
       set_init_command},
  };
  return table;
}

void add_commands(CLI::App& app, std::function<int()>& run) {
  for (const Command& c : commands()) {
    if (c.add) {
      c.add(app, run);
      continue;
    }
    auto opts = std::make_shared<CommonOptions>();
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.description));
    add_common_options(sub, *opts, c.spec);
    Run fn = c.run;
    sub->callback([opts, fn, &run] { run = [opts, fn] { return fn(*opts); }; });
  }
}

}  // namespace grantkit::cli
