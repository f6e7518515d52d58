#pragma once
// What an import read (`grantkit ledger`, CLI.md): per ledger file the rows, vouchers, dates, sums
// per account with names, mapped and unmapped accounts, and the excluded rows by rule — so that an
// administrator can trust an import before reporting from it.
#include <optional>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/transaction.hpp>
#include <grantkit/reports/document.hpp>

namespace grantkit::reports {

struct LedgerOptions {
  std::optional<core::Date> as_of;  // the header's date; default: the last date read
};

// Tables (JSON keys), in this order (CSV output is the first):
//   accounts         file, account, name, kind, category, status (mapped | unmapped | not_cost |
//                    financial | vat), rows, sum (öre, debit positive)
//   files            file, format, encoding, rows, vouchers, removed_rows, from, to,
//                    transactions, eligible, excluded, unreadable, checksum; a totals row
//   excluded_by_rule file, rule, rows, amount; a totals row
//   excluded         file, line, date, voucher, account, amount, text, rule, reason
// `eligible` counts the file's rows that classify_outcome kept (costs and co-financing);
// `excluded` those it excluded plus the unreadable ones. File paths are shown relative to the
// project folder. Money in öre.
Document ledger_report(const model::Project& project,
                       const std::vector<model::LedgerFileSummary>& files,
                       const model::Outcome& outcome, const LedgerOptions& options = {});

}  // namespace grantkit::reports
