#pragma once
// Outcome (utfall): booked transactions as read from the accounting exports.
#include <optional>
#include <string>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/model/account_plan.hpp>

namespace grantkit::model {

// One ledger row (FORMATS.md "Ledger"): amount in öre, positive = cost. `category` is a cost
// category id or `financing` (co-financing received in cash, with `financier`).
struct Transaction {
  core::Date date;
  std::string voucher;
  std::string account;
  core::Money amount;
  std::string text;
  std::string category;
  std::string activity;
  std::string person;
  std::string financier;
  std::string eligible;  // yes / no / a reason; empty = yes
  std::optional<core::Date> paid;
  std::string supplier;
  std::string account_name;
  core::SourcePlace place;
  // What the loader learned from the source, for the eligibility rules (DOMAIN.md "Eligibility"):
  // the account's kind by the source's account plan (unknown without one), and whether the source
  // selects a project (SIE `project:`) that this row is not on.
  AccountKind account_kind = AccountKind::unknown;
  bool other_project = false;
};

// A transaction left out of the eligible outcome, and the rule that left it out.
struct Exclusion {
  Transaction transaction;
  std::string rule;
  std::string reason;
};

// One account of a ledger file as read: its name (#KONTO, the row or the plan), kind, category by
// the account plan, and the rows and sum (öre, debit positive) of every row read on it.
struct AccountSummary {
  std::string account;
  std::string name;
  AccountKind kind = AccountKind::unknown;
  std::string category;  // by the source's account_map or account plan; empty: unmapped
  std::size_t rows = 0;
  core::Money sum;
};

// What one ledger file gave (`grantkit ledger`): counts, the dates spanned and the sums per account.
struct LedgerFileSummary {
  std::string file;
  std::string format;    // csv | sie
  std::string encoding;  // as read: utf-8, windows-1252, cp437, utf-16le
  std::size_t rows = 0;          // rows read: CSV data rows; SIE #TRANS/#RTRANS that count
  std::size_t vouchers = 0;      // distinct vouchers (verifikationer)
  std::size_t removed_rows = 0;  // SIE #BTRANS (struck rows, not counted)
  std::size_t transactions = 0;  // rows passed on as outcome (costs, income, VAT, financing)
  std::size_t unreadable = 0;    // rows that could not be read (excluded with their rule)
  std::optional<core::Period> period;  // first to last date read
  std::string checksum;  // SIE #KSUMMA: ok | mismatch; empty when the file has none
  std::vector<AccountSummary> accounts;  // by account number
};

// The classified outcome: eligible costs, co-financing received in cash, and what was excluded.
struct Outcome {
  std::vector<Transaction> costs;
  std::vector<Transaction> financing;
  std::vector<Exclusion> excluded;
};

}  // namespace grantkit::model
