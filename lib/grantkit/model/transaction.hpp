#pragma once
// Outcome (utfall): booked transactions as read from the accounting exports.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/core/text_hash.hpp>
#include <grantkit/model/account_plan.hpp>
#include <grantkit/model/time_entry.hpp>

namespace grantkit::model {

// One ledger row (FORMATS.md "Ledger"): amount in öre, positive = cost. `category` is a cost
// category id, `financing` (co-financing received in cash, with `financier`) or `aid` (aid paid
// out by the managing authority); for those two the amount is what was received (positive; a
// negative one is a repayment). Signs are by meaning, not by the export's columns (README.md).
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
  // An eligible cost not paid by the payment request's as-of date (check::OutcomeBuilder with
  // `paid_by`): booked (budget counts it) but left out of that request (claim.unpaid).
  bool unpaid = false;
};

// A ledger row as a reader hands it on (io::RowSink, check::OutcomeBuilder::add): the fields of
// Transaction as views into the reader's buffer, valid only during that call, so that a million
// rows pass without a string being made for each field. to_transaction() keeps a row.
struct TransactionView {
  core::Date date;
  std::string_view voucher;
  std::string_view account;
  core::Money amount;
  std::string_view text;
  std::string_view category;
  std::string_view activity;
  std::string_view person;
  std::string_view financier;
  std::string_view eligible;
  std::optional<core::Date> paid;
  std::string_view supplier;
  std::string_view account_name;
  const std::string* file = nullptr;  // the source file (outlives the view); null: none
  int line = 0;
  int column = 0;
  AccountKind account_kind = AccountKind::unknown;
  bool other_project = false;

  Transaction to_transaction() const;
  // A view of `t` (valid while `t` is).
  static TransactionView of(const Transaction& t);
};

// A transaction left out of the eligible outcome, and the rule that left it out.
struct Exclusion {
  Transaction transaction;
  std::string rule;
  std::string reason;
};

// Excluded rows counted but not kept whole (beyond the rows kept per file and rule): how many, and
// their amounts summed (öre).
struct ExcludedSum {
  std::size_t rows = 0;
  core::Money amount;
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

// What one ledger file gave (`grantkit ledger`): counts, the dates spanned and the sums per
// account.
struct LedgerFileSummary {
  std::string file;
  std::string format;                  // csv | sie
  std::string encoding;                // as read: utf-8, windows-1252, cp437, utf-16le
  std::size_t rows = 0;                // rows read: CSV data rows; SIE #TRANS/#RTRANS that count
  std::size_t vouchers = 0;            // distinct vouchers (verifikationer)
  std::size_t removed_rows = 0;        // SIE #BTRANS (struck rows, not counted)
  std::size_t transactions = 0;        // rows passed on as outcome (costs, income, VAT, financing)
  std::size_t unreadable = 0;          // rows that could not be read (excluded with their rule)
  std::optional<core::Period> period;  // first to last date read
  std::string checksum;                // SIE #KSUMMA: ok | mismatch; empty when the file has none
  std::vector<AccountSummary> accounts;  // by account number
};

// The classified outcome, built row by row (check::OutcomeBuilder) so that memory grows with the
// number of groups, not with the number of ledger rows (a region's whole ledger streams through):
// - the booked sums: every eligible cost summed per day, activity and cost category (öre), read
//   with booked_in() — the figures;
// - `received`: co-financing received in cash summed per day and financier (öre);
// - `costs`, `financing`, `excluded`: the rows kept whole, for the reports that list them (the
//   claim's transaction list): all rows when `keep_all`, else only those dated inside `detail`;
// - `excluded_count`: every exclusion counted per rule id, kept whole or not.
struct Outcome {
  // A day, an activity and a category; the two names interned (name()) so that the hot path of a
  // million rows compares small integers, not strings.
  struct BookedKey {
    core::Date date;
    std::uint32_t activity = 0;
    std::uint32_t category = 0;
  };
  struct ReceivedKey {
    core::Date date;
    std::string financier;
    bool operator<(const ReceivedKey& o) const {
      return std::tie(date, financier) < std::tie(o.date, o.financier);
    }
  };
  std::map<ReceivedKey, core::Money> received;
  // Aid paid out by the managing authority (rows `category: aid`), summed per day (öre, received
  // positive); neither cost nor income (DOMAIN.md "Eligibility").
  std::map<core::Date, core::Money> aid_paid;
  std::vector<Transaction> costs;
  std::vector<Transaction> financing;
  std::vector<Transaction> aid;
  // Ledger files without a single payment date (`paid`, SIE `paid_dimension`): their costs' payment
  // cannot be checked (claim.payment-unknown); only filled when the builder checks payment.
  std::vector<std::string> payment_unknown;
  std::vector<Exclusion> excluded;
  std::map<std::string, std::size_t, std::less<>> excluded_count;
  // Unreadable rows counted but not kept, per (file, rule) (io::LedgerLoad::unreadable_not_kept);
  // also in excluded_count.
  std::map<std::pair<std::string, std::string>, ExcludedSum> excluded_not_kept;
  void add_not_kept(const std::map<std::pair<std::string, std::string>, ExcludedSum>& sums);
  bool keep_all = true;
  std::optional<core::Period> detail;
  // The time reports, when the programme counts staff costs as hours × a unit cost
  // (erdf-2021-2027): the staff cost lines are computed from them (reports::eligible_costs).
  std::vector<TimeEntry> staff_time;

  // The booked sums dated inside `window` that are not zero, ordered by date, activity id and
  // category id. `paid_only`: without the costs not paid by the builder's `paid_by` (claim.unpaid).
  std::vector<std::pair<BookedKey, core::Money>> booked_in(const core::Period& window,
                                                           bool paid_only = false) const;
  // The activity or category name behind an interned id of BookedKey.
  const std::string& name(std::uint32_t id) const { return names_[id]; }
  // The id of a name, interning it on first use.
  std::uint32_t intern(std::string_view name);

  // Whether a row dated `date` is kept whole.
  bool keeps(core::Date date) const {
    return keep_all || (detail && !date.is_special() && detail->contains(date));
  }
  // Adds an eligible cost: summed into the booked sums, kept whole when keeps(date).
  void add_cost(const TransactionView& t);
  // The same, with the activity's and the category's ids from intern() (the hot path).
  void add_cost(const TransactionView& t, std::uint32_t activity, std::uint32_t category);
  // Adds co-financing received in cash: summed into `received`, kept whole when keeps(date).
  void add_financing(const TransactionView& t);
  // Adds aid paid out: summed into `aid_paid`, kept whole when keeps(date).
  void add_aid(const TransactionView& t);
  // Adds to the sums of costs booked but not paid (booked_in's `paid_only`), per ledger file
  // `source` (an index the caller gives); the cost itself is added with add_cost.
  void add_unpaid(std::size_t source, core::Date date, std::uint32_t activity,
                  std::uint32_t category, core::Money amount);
  // Forgets the unpaid sums of `source`: a file without payment dates, whose costs are claimed
  // with claim.payment-unknown instead.
  void drop_unpaid(std::size_t source);
  void add_cost(const Transaction& t) { add_cost(TransactionView::of(t)); }
  void add_financing(const Transaction& t) { add_financing(TransactionView::of(t)); }
  // Counts an exclusion under its rule, kept whole when keeps(date) (rows without a date are kept:
  // they are the rows that could not be read).
  void add_exclusion(Exclusion&& e);
  void add_exclusion(const TransactionView& t, std::string_view rule, std::string_view reason);

 private:
  // The booked sums of one activity and category: one per day from `first_day` (a Julian day
  // number), as many days as its rows span. An activity's costs span its period, a few hundred
  // days, so a day's sum is found by index rather than by hashing.
  struct DaySums {
    std::uint32_t activity = 0;
    std::uint32_t category = 0;
    std::int64_t first_day = 0;
    std::vector<core::Money> days;
  };
  struct SumSet {
    std::vector<DaySums> sums;
    std::vector<std::vector<std::uint32_t>>
        at;  // [activity][category] → index in sums + 1; 0: none
    DaySums& of(std::uint32_t activity, std::uint32_t category);
    void add(core::Date date, std::uint32_t activity, std::uint32_t category, core::Money amount);
    void in(const core::Period& window, std::vector<std::pair<BookedKey, core::Money>>& out) const;
  };
  SumSet booked_;
  std::vector<SumSet> unpaid_;  // per source
  using NameHash = core::ShortTextHash;
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::uint32_t, NameHash, std::equal_to<>> name_ids_;
};

}  // namespace grantkit::model
