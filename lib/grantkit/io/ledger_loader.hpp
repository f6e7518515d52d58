#pragma once
// Reads the ledger sources that project.yaml declares: CSV verification lists in their Swedish
// dialects and SIE 4 files (io/sie.hpp), with the source's account plan and account_map.
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/transaction.hpp>

namespace grantkit::io {

// Receives the ledger's outcome rows one at a time, in file order (check::OutcomeBuilder::add).
// The row's fields are views valid only during the call.
using RowSink = std::function<void(const model::TransactionView&)>;

// Everything the ledger sources gave: the rows passed on as outcome (costs, income, VAT,
// co-financing received; classify them with check::classify_outcome), the rows that could not be
// read (already exclusions with their rule), and what each file held (`grantkit ledger`).
struct LedgerLoad {
  std::vector<model::Transaction> rows;
  // The unreadable rows kept whole: the first core::Diagnostics::kKeptPerRuleAndFile per file and
  // rule (as their diagnostics); the rest only counted and summed in unreadable_not_kept, so that
  // a million bad rows take no memory of their own.
  std::vector<model::Exclusion> unreadable;
  std::map<std::pair<std::string, std::string>, model::ExcludedSum>
      unreadable_not_kept;  // (file, rule)
  std::vector<model::LedgerFileSummary> files;
  // Keeps `e` in `unreadable`, or counts it in unreadable_not_kept beyond the limit.
  void add_unreadable(model::Exclusion&& e);
  std::map<std::pair<std::string, std::string>, std::size_t>
      unreadable_kept;  // (file, rule) → kept
};

// Reads every ledger source of `project` (paths are globs relative to the project folder), in
// file order. Account plans come from `data_dir/accounts/<id>.yaml` (`accounts:` in the source);
// a source's `account_map` wins over its plan. A row without a `category` gets the category of its
// account; every row gets its account's kind (model::AccountKind), which the eligibility rules use.
//
// CSV (FORMATS.md "Ledger"): header row; `columns` maps canonical names to headers; delimiter
// `,` `;` or tab (detected from the header when not given); `decimal` `.` or `,`; `thousands`
// (space and no-break space always group; `.` or `,` only where the source says so); an `amount`
// column or separate `debit` and `credit` columns (amount = debit − credit, an empty cell is 0);
// dates `YYYY-MM-DD` or `YYYYMMDD`; encodings utf-8 (BOM skipped), windows-1252, cp437, and
// UTF-16LE with a BOM. A short row (csv.short-row), a row with extra non-empty fields
// (csv.long-row), a bad amount (ledger.amount) or a bad date (ledger.date) is an error with file
// and line (the CSV column is the field number) and the row is listed as excluded.
//
// SIE 4 (io::read_sie): rows on accounts that hold outcome (model::is_outcome_kind: not balance
// sheet or other) become transactions, amounts debit positive; a `financing` row's amount is what
// was received (the credit, made positive). `activity_dimension`, `person_dimension`,
// `financier_dimension` name the dimensions whose object is the row's activity, person and
// financier, `supplier_dimension` the one whose #OBJEKT name is its supplier; with `project:` rows
// not on that object are marked other_project. Without a plan an account's kind comes from
// #KTYP, else from its BAS class (1–2 balance, 3 income, 0 and 9 other).
//
// A file that cannot be read at all is io.read / csv.encoding / csv.syntax / sie.truncated
// (unreadable, exit 2); a glob matching nothing is io.no-files (warning).
// Streaming: every outcome row goes to `sink` as it is read and `rows` stays empty, so memory does
// not grow with the ledger. A CSV file is read block by block (io::TextStream) after a first pass
// that checks its encoding (a bad byte anywhere keeps the whole file out); a SIE file likewise
// after a pre-pass over its bytes (io::scan_sie_file: encoding, #KSUMMA marks).
LedgerLoad read_ledger(const model::Project& project, const std::string& data_dir,
                       core::Diagnostics& diags, const RowSink& sink);
// The same, collecting the rows in `rows` (tests, `grantkit ledger`).
LedgerLoad read_ledger(const model::Project& project, const std::string& data_dir,
                       core::Diagnostics& diags);

// read_ledger with the shipped data folder (io::default_data_dir): the rows, and the unreadable
// rows appended to `unreadable_rows`.
std::vector<model::Transaction> load_ledger(const model::Project& project, core::Diagnostics& diags,
                                            std::vector<model::Exclusion>& unreadable_rows);

// Files matching a source path (a glob relative to `dir`), sorted; none is a warning (io.no-files).
std::vector<std::string> expand_source_path(const std::string& dir, const model::SourceSpec& spec,
                                            core::Diagnostics& diags);

}  // namespace grantkit::io
