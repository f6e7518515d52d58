#pragma once
// Outcome (utfall): booked transactions as read from the accounting exports.
#include <optional>
#include <string>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/money.hpp>

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
};

// A transaction left out of the eligible outcome, and the rule that left it out.
struct Exclusion {
  Transaction transaction;
  std::string rule;
  std::string reason;
};

// The classified outcome: eligible costs, co-financing received in cash, and what was excluded.
struct Outcome {
  std::vector<Transaction> costs;
  std::vector<Transaction> financing;
  std::vector<Exclusion> excluded;
};

}  // namespace grantkit::model
