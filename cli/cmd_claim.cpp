// `grantkit claim --period P [--record]`: the payment request (ansökan om utbetalning) for a
// period, and with --record its entry in the register claims.yaml.
#include <grantkit/core/i18n.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/request.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

namespace {

// The next request's id: one more than the largest whole-number id of the register, else the
// number of requests + 1.
std::string next_claim_id(const model::Project& p) {
  long long most = 0;
  for (const auto& c : p.claims) {
    if (c.id.empty() || c.id.size() > 9 ||
        c.id.find_first_not_of("0123456789") != std::string::npos)
      continue;
    most = std::max(most, std::stoll(c.id));
  }
  return std::to_string(std::max<long long>(most, static_cast<long long>(p.claims.size())) + 1);
}

}  // namespace

int run_claim(CommonOptions& o) {
  Loaded l = load(o, Ledger::request);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  model::Claim as_sent;
  reports::Document doc = reports::claim_report(position(l), o.record ? &as_sent : nullptr);
  release_rows(l);  // the document holds what it shows of the rows
  core::Diagnostics all = l.diagnostics;
  all.append_unique(doc.diagnostics);
  acknowledge(l, all);
  if (o.record) {
    // The request is registered only as it would be sent: without errors in the data.
    bool open = std::any_of(all.items().begin(), all.items().end(),
                            [](const auto& d) { return d.rule == "claim.period-open"; });
    if (all.has_errors() || open) {
      all.error("claim.record-refused",
                open ? _("the period has not ended: nothing was recorded in claims.yaml")
                     : _("the request has errors (above): nothing was recorded in claims.yaml"));
    } else {
      as_sent.id = next_claim_id(*l.project);
      if (io::append_claim(l.project->dir, as_sent, all)) {
        if (!o.quiet)
          std::fputs(fmt::format(fmt::runtime(_("grantkit: request {} for {} recorded in {}\n")),
                                 as_sent.id, as_sent.period.iso(),
                                 (std::filesystem::path(l.project->dir) / "claims.yaml").string())
                         .c_str(),
                     stderr);
        all.info(
            "claim.recorded",
            fmt::format(fmt::runtime(_("request {} for {} recorded in claims.yaml as submitted")),
                        as_sent.id, as_sent.period.iso()),
            {(std::filesystem::path(l.project->dir) / "claims.yaml").string(), 0, 0});
      }
    }
  }
  doc.diagnostics = all;
  doc.case_id = l.project->decision.case_id;
  doc.request_number = reports::request_number(*l.project, l.window.period);
  reports::name_activities(doc, activity_names(*l.project));
  return finish(std::move(doc), o);
}

}  // namespace grantkit::cli
