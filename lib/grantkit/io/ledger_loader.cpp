#include <grantkit/io/ledger_loader.hpp>

#include <glob.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include <grantkit/core/file.hpp>
#include <grantkit/core/i18n.hpp>
#include <grantkit/core/text_hash.hpp>
#include <grantkit/io/accounts_loader.hpp>
#include <grantkit/io/containment.hpp>
#include <grantkit/io/csv.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/io/sie.hpp>
#include <grantkit/io/text_stream.hpp>
#include <grantkit/io/yaml_doc.hpp>

namespace grantkit::io {
namespace fs = std::filesystem;
using model::AccountKind;

namespace {

// The canonical ledger columns (FORMATS.md); `date` and `amount` (or `debit` and `credit`) are
// required.
constexpr std::array<std::string_view, 15> kLedgerColumns = {
    "date",     "voucher", "account",   "amount",   "debit", "credit",   "text",        "category",
    "activity", "person",  "financier", "eligible", "paid",  "supplier", "account_name"};

// Whether a row of this category is a receipt (co-financing received, aid paid out), whose amount
// is what was received: a credit in the books.
bool is_receipt(std::string_view category) {
  return category == "financing" || category == "aid";
}

// What an account is, by the source's account_map, its account plan and (SIE) the file itself.
struct AccountInfo {
  AccountKind kind = AccountKind::unknown;
  std::string_view
      category;  // into the account_map or plan (which outlive the reading), or a literal
};

class AccountResolver {
 public:
  AccountResolver(const model::SourceSpec& spec, const model::AccountPlan* plan)
      : spec_(spec), plan_(plan) {}

  // `sie`: the file's #KTYP and the BAS class decide when neither map nor plan does.
  AccountInfo resolve(std::string_view account, const SieFile* sie) const {
    AccountInfo info;
    const model::AccountRange* r = range(account);
    if (r) {
      info.kind = r->kind;
      info.category = r->category;
    } else if (sie) {
      auto t = sie->account_types.find(std::string(account));
      std::string_view digits = model::account_digits(account);
      char type = t != sie->account_types.end() ? t->second : 0;
      char cls = digits.empty() ? 0 : digits[0];
      if (type == 'T' || type == 'S')
        info.kind = AccountKind::balance;
      else if (type == 'K')
        info.kind = AccountKind::cost;
      else if (type == 'I')
        info.kind = AccountKind::income;
      else if (cls == '1' || cls == '2')
        info.kind = AccountKind::balance;
      else if (cls == '3')
        info.kind = AccountKind::income;
      else if (cls == '0' || cls == '9')
        info.kind = AccountKind::other;
    }
    if (info.kind == AccountKind::income && info.category.empty()) info.category = "intakter";
    return info;
  }

 private:
  // The account_map's or else the plan's range for `account`, looked up once per account: a plan
  // has hundreds of ranges, a ledger a few accounts and a million rows.
  const model::AccountRange* range(std::string_view account) const {
    if (!plan_ && spec_.account_map.empty()) return nullptr;
    auto it = ranges_.find(account);
    if (it == ranges_.end()) {
      const model::AccountRange* r = model::find_range(spec_.account_map, account);
      if (!r && plan_) r = plan_->find(account);
      it = ranges_.emplace(std::string(account), r).first;
    }
    return it->second;
  }

  const model::SourceSpec& spec_;
  const model::AccountPlan* plan_;
  mutable std::map<std::string, const model::AccountRange*, std::less<>> ranges_;
};

// Counts and sums of one file as it is read.
class FileTally {
 public:
  FileTally(std::string file, std::string format) {
    s_.file = std::move(file);
    s_.format = std::move(format);
  }
  model::LedgerFileSummary& summary() { return s_; }
  void row(std::string_view account, std::string_view name, core::Date date, core::Money amount,
           const AccountInfo& info) {
    row(this->account(account, info), name, date, amount);
  }
  // The same for an account found before (account()).
  void row(model::AccountSummary& a, std::string_view name, core::Date date, core::Money amount) {
    ++s_.rows;
    if (!date.is_special()) {
      if (!s_.period) s_.period = core::Period{date, date};
      s_.period->from = std::min(s_.period->from, date);
      s_.period->to = std::max(s_.period->to, date);
    }
    if (a.name.empty() && !name.empty()) a.name = name;
    ++a.rows;
    a.sum += amount;
  }
  // An account's summary (it stays put until close()), made on its first row with the kind and
  // category the account has then.
  model::AccountSummary& account(std::string_view account, const AccountInfo& info) {
    auto it = accounts_.find(account);
    if (it == accounts_.end()) {
      it = accounts_.emplace(std::string(account), model::AccountSummary{}).first;
      it->second.account = account;
      it->second.kind = info.kind;
      it->second.category = info.category;
    }
    return it->second;
  }
  // Counts vouchers as the rows come: a new voucher id starts a voucher (an export lists a
  // voucher's rows together), so memory does not grow with the rows.
  void voucher(std::string_view id) {
    if (!id.empty() && id != last_voucher_) {
      ++vouchers_;
      last_voucher_ = id;
    }
  }
  // Fills in the account list (names from `names` where the rows gave none).
  void close(const std::map<std::string, std::string, std::less<>>& names = {}) {
    if (s_.vouchers == 0) s_.vouchers = vouchers_;
    for (auto& [account, a] : accounts_) {
      if (a.name.empty()) {
        if (auto it = names.find(account); it != names.end()) a.name = it->second;
      }
      s_.accounts.push_back(std::move(a));
    }
    std::sort(s_.accounts.begin(), s_.accounts.end(),
              [](const model::AccountSummary& a, const model::AccountSummary& b) {
                return a.account < b.account;
              });
  }

 private:
  model::LedgerFileSummary s_;
  std::unordered_map<std::string, model::AccountSummary, core::ShortTextHash, std::equal_to<>>
      accounts_;  // sorted by close()
  std::size_t vouchers_ = 0;
  std::string last_voucher_;
};

// Reads one CSV ledger file.
void read_csv_ledger_file(const std::string& path, const model::SourceSpec& spec,
                          const AccountResolver& accounts, bool has_plan, core::Diagnostics& diags,
                          LedgerLoad& out, const RowSink& sink) {
  FileTally tally(path, "csv");
  auto& summary = tally.summary();
  summary.encoding = spec.encoding.empty() ? "utf-8" : spec.encoding;
  auto finish = [&] {
    tally.close();
    out.files.push_back(std::move(tally.summary()));
  };
  // The whole file is checked for its encoding first, so that a bad byte anywhere keeps every row
  // of it out of the outcome; it is then read block by block.
  if (auto bad = check_encoding(path, summary.encoding)) {
    if (bad->io)
      diags.unreadable("io.read", _("cannot read the ledger file"), {path, 0, 0});
    else
      diags.unreadable("csv.encoding", bad->message, {path, bad->where.line, bad->where.column});
    return finish();
  }
  TextStream text(path, summary.encoding);
  text.fill();
  if (text.encoding() != summary.encoding) summary.encoding = text.encoding();
  char delim = spec.delimiter ? spec.delimiter : detect_delimiter(text.pending());
  CsvReader reader(text, delim);
  CsvRecord rec;
  if (!reader.next(rec)) {
    if (!reader.error().empty())
      diags.unreadable("csv.syntax", reader.error(),
                       {path, reader.error_line(), reader.error_column()});
    else
      diags.warning("csv.empty", _("the ledger file is empty"), {path, 0, 0});
    return finish();
  }
  // Map canonical names to field indexes.
  std::map<std::string, std::size_t> index;
  bool mapped_missing = false;
  for (auto name : kLedgerColumns) {
    std::string key(name);
    bool mapped = spec.columns.count(key) > 0;
    std::string wanted = mapped ? spec.columns.at(key) : key;
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
      if (ascii_lower(trim_cell(rec.fields[i])) == ascii_lower(wanted)) {
        index[key] = i;
        break;
      }
    }
    if (!index.count(key) && mapped) {
      diags.unreadable(
          "csv.missing-column",
          fmt::format(fmt::runtime(_("the header has no column '{}' (mapped from '{}')")), wanted,
                      name),
          {path, rec.line, 1});
      mapped_missing = true;
    }
  }
  // The file is not read (exit 2); one message per missing column, not a second one for `amount`.
  if (mapped_missing) return finish();
  // `project: {column, object}`: only rows whose column holds the object are this project's.
  std::optional<std::size_t> project_column;
  if (spec.project && !spec.project->column.empty()) {
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
      if (ascii_lower(trim_cell(rec.fields[i])) == ascii_lower(spec.project->column))
        project_column = i;
    }
    if (!project_column) {
      diags.unreadable(
          "csv.missing-column",
          fmt::format(
              fmt::runtime(_("the header has no column '{}' (the source's project: selection)")),
              spec.project->column),
          {path, rec.line, 1});
      return finish();
    }
  }
  bool split_amount = !index.count("amount") && index.count("debit") && index.count("credit");
  if (!index.count("date")) {
    diags.unreadable("csv.missing-column", _("the header has no column 'date'"),
                     {path, rec.line, 1});
  }
  if (!index.count("amount") && !split_amount) {
    diags.unreadable(
        "csv.missing-column",
        _("the header has neither an 'amount' column nor 'debit' and 'credit' columns"),
        {path, rec.line, 1});
  }
  if (!index.count("date") || (!index.count("amount") && !split_amount)) return finish();
  if (!index.count("category") && !has_plan && spec.account_map.empty()) {
    diags.unreadable(
        "csv.missing-column",
        _("the header has no 'category' column and the source names no account plan (accounts:) or "
          "account_map"),
        {path, rec.line, 1});
    return finish();
  }
  std::size_t header_size = rec.fields.size();
  core::MoneyStyle style{spec.decimal, spec.thousands};
  // Field positions by canonical name, looked up once (the row loop runs a million times).
  constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  std::array<std::size_t, kLedgerColumns.size()> at{};
  for (std::size_t c = 0; c < kLedgerColumns.size(); ++c) {
    auto it = index.find(std::string(kLedgerColumns[c]));
    at[c] = it == index.end() ? kAbsent : it->second;
  }
  auto slot = [&](std::string_view name) -> std::size_t {
    for (std::size_t c = 0; c < kLedgerColumns.size(); ++c) {
      if (kLedgerColumns[c] == name) return at[c];
    }
    return kAbsent;
  };
  const std::size_t i_voucher = slot("voucher"), i_account = slot("account"), i_text = slot("text"),
                    i_category = slot("category"), i_activity = slot("activity"),
                    i_person = slot("person"), i_financier = slot("financier"),
                    i_eligible = slot("eligible"), i_supplier = slot("supplier"),
                    i_account_name = slot("account_name"), i_date = slot("date"),
                    i_amount = slot("amount"), i_debit = slot("debit"), i_credit = slot("credit"),
                    i_paid = slot("paid");
  // YYYYMMDD when it has that shape, else YYYY-MM-DD; the message of a date of the right shape
  // names the real reason (a year outside 1900–2199, no month 13, 31 days in a 30-day month).
  auto parse_date = [](std::string_view value) {
    bool compact = value.size() == 8 && value.find('-') == std::string_view::npos;
    return compact ? core::parse_compact_date(value) : core::parse_iso_date(value);
  };
  auto date_error = [](std::string_view value, const std::string& why) {
    bool shape = why.find("is not a date in the form") != std::string::npos;
    return shape
               ? fmt::format(fmt::runtime(_("'{}' is not a date (YYYY-MM-DD or YYYYMMDD)")), value)
               : why;
  };
  while (reader.next(rec)) {
    // The row's fields are views into the reader's buffer until the next row (no copies).
    model::TransactionView t;
    t.file = &path;
    t.line = rec.line;
    t.column = 1;
    auto field = [&](std::size_t i) -> std::string_view {
      if (i == kAbsent || i >= rec.fields.size()) return {};
      return trim_view(rec.fields[i]);
    };
    auto col = [](std::size_t i) { return i == kAbsent ? 0 : static_cast<int>(i) + 1; };
    t.voucher = field(i_voucher);
    t.account = field(i_account);
    t.text = field(i_text);
    t.category = field(i_category);
    t.activity = field(i_activity);
    t.person = field(i_person);
    t.financier = field(i_financier);
    t.eligible = field(i_eligible);
    t.supplier = field(i_supplier);
    t.account_name = field(i_account_name);
    if (project_column && *project_column < rec.fields.size()) {
      t.other_project = trim_view(rec.fields[*project_column]) != spec.project->object;
    }
    AccountInfo info = accounts.resolve(t.account, nullptr);
    t.account_kind = info.kind;
    if (t.category.empty()) t.category = info.category;
    auto exclude = [&](std::string rule, std::string message, int column) {
      diags.error(rule, message, {path, rec.line, column});
      ++summary.unreadable;
      out.add_unreadable({t.to_transaction(), rule, message});
    };
    if (rec.fields.size() < header_size) {
      exclude("csv.short-row",
              fmt::format(fmt::runtime(_("the row has {} fields where the header has {}")),
                          rec.fields.size(), header_size),
              static_cast<int>(rec.fields.size()) + 1);
      continue;
    }
    if (rec.fields.size() > header_size) {
      bool extra =
          std::any_of(rec.fields.begin() + static_cast<std::ptrdiff_t>(header_size),
                      rec.fields.end(), [](std::string_view f) { return !trim_view(f).empty(); });
      if (extra) {
        exclude(
            "csv.long-row",
            fmt::format(fmt::runtime(_(
                            "the row has {} fields where the header has {} (a delimiter inside an "
                            "unquoted text?)")),
                        rec.fields.size(), header_size),
            static_cast<int>(header_size) + 1);
        continue;
      }
    }
    auto date = parse_date(field(i_date));
    if (!date) {
      // Listed with its amount where that can be read, not with 0.
      if (!split_amount) {
        if (auto m = core::parse_ledger_amount(field(i_amount), style)) t.amount = *m;
      }
      exclude("ledger.date", date_error(field(i_date), date.error()), col(i_date));
      continue;
    }
    t.date = *date;
    if (split_amount) {
      core::Money sides[2];
      bool ok = true;
      bool any = false;
      const char* names[2] = {"debit", "credit"};
      const std::size_t at_side[2] = {i_debit, i_credit};
      for (int i = 0; i < 2 && ok; ++i) {
        std::string_view v = field(at_side[i]);
        if (v.empty()) continue;
        any = true;
        auto m = core::parse_ledger_amount(v, style);
        if (!m) {
          exclude("ledger.amount", fmt::format("{}: {}", names[i], m.error()), col(at_side[i]));
          ok = false;
        } else {
          sides[i] = *m;
        }
      }
      if (!ok) continue;
      if (!any) {
        exclude("ledger.amount", "the row has neither a debit nor a credit amount", col(i_debit));
        continue;
      }
      // Signs by meaning (README "Signs by meaning"): a receipt is a credit, read as the amount
      // received; a cost (and income) is debit − credit.
      t.amount = is_receipt(t.category) ? sides[1] - sides[0] : sides[0] - sides[1];
    } else {
      auto amount = core::parse_ledger_amount(field(i_amount), style);
      if (!amount) {
        exclude("ledger.amount", amount.error(), col(i_amount));
        continue;
      }
      t.amount = *amount;
    }
    if (std::string_view p = field(i_paid); !p.empty()) {
      auto paid = parse_date(p);
      if (!paid) {
        exclude("ledger.date", "paid: " + date_error(p, paid.error()), col(i_paid));
        continue;
      }
      t.paid = *paid;
    }
    AccountInfo shown = info;
    shown.category = t.category;  // the row's own category, else the plan's
    tally.row(t.account, t.account_name, t.date, t.amount, shown);
    tally.voucher(t.voucher);
    ++summary.transactions;
    sink(t);
  }
  if (!text.error().empty())
    diags.unreadable("io.read",
                     fmt::format(fmt::runtime(_("cannot read the ledger file: {}")), text.error()),
                     {path, 0, 0});
  if (!reader.error().empty())
    diags.unreadable("csv.syntax", reader.error(),
                     {path, reader.error_line(), reader.error_column()});
  finish();
}

// Whether a SIE file opens a checksum (#KSUMMA) that it never closes: a file cut short, which is
// refused whole (SIE 4B §10.6). Known from the pre-pass, so that no row of it reaches the outcome.
bool opens_unclosed_checksum(const SieScan& scan) {
  return scan.ksumma == 1;
}

// Reads one SIE 4 file, handing its outcome rows to `sink` voucher by voucher: a pre-pass over the
// file's bytes, then its text block by block, each row handed on as views.
void read_sie_ledger_file(const std::string& path, const model::SourceSpec& spec,
                          const AccountResolver& accounts, core::Diagnostics& diags,
                          LedgerLoad& out, const RowSink& sink) {
  FileTally tally(path, "sie");
  auto& summary = tally.summary();
  SieScan scan = scan_sie_file(path);
  if (spec.encoding_given) scan.encoding = spec.encoding;
  if (!scan.readable) {
    diags.unreadable("io.read", _("cannot read the ledger file"), {path, 0, 0});
    tally.close();
    out.files.push_back(std::move(summary));
    return;
  }
  const bool refused = opens_unclosed_checksum(scan);
  const std::size_t first_bad = out.unreadable.size();
  std::string voucher;  // the voucher's id, its capacity kept from voucher to voucher
  std::string code;     // a supplier's object id, to look up its name
  // What a row's account gives, looked up once per account (a file has a few accounts and a million
  // rows) while the file's #KONTO and #KTYP stay as they were (SieFile::plan_version).
  struct AccountMemo {
    AccountInfo info;
    std::string_view name;  // #KONTO, into SieFile::account_names
    model::AccountSummary* tally = nullptr;
  };
  std::unordered_map<std::string, AccountMemo, core::ShortTextHash, std::equal_to<>> memo;
  std::size_t memo_version = 0;
  auto on_voucher = [&](const SieVoucherView& v, const SieFile& f) {
    if (f.plan_version != memo_version) {
      memo.clear();
      memo_version = f.plan_version;
    }
    v.id(voucher);
    for (const auto& bad : v.unreadable) {
      model::Transaction t;
      if (bad.date) t.date = *bad.date;
      if (bad.amount) t.amount = *bad.amount;
      t.voucher = voucher;
      t.account = bad.account;
      t.text = bad.text;
      t.place = {path, bad.line, bad.column};
      ++summary.unreadable;
      out.add_unreadable({std::move(t), bad.rule, bad.message});
    }
    for (const auto& r : v.rows) {
      auto known = memo.find(r.account);
      if (known == memo.end()) {
        AccountMemo m;
        m.info = accounts.resolve(r.account, &f);
        // #KONTO and #OBJEKT come before the vouchers (SIE 4B §5.1), so their names are known here.
        if (auto n = f.account_names.find(r.account); n != f.account_names.end())
          m.name = n->second;
        m.tally = &tally.account(r.account, m.info);
        known = memo.emplace(std::string(r.account), m).first;
      }
      const AccountInfo& info = known->second.info;
      tally.row(*known->second.tally, "", *r.date, r.amount);
      if (!model::is_outcome_kind(info.kind) || refused) continue;
      model::TransactionView t;
      t.date = *r.date;
      t.voucher = voucher;
      t.account = r.account;
      t.amount = r.amount;
      t.text = r.text;
      t.category = info.category;
      t.account_kind = info.kind;
      t.file = &path;
      t.line = r.line;
      t.column = 1;
      t.account_name = known->second.name;
      auto object = [&](const std::optional<int>& dimension) -> std::string_view {
        if (!dimension) return {};
        auto o = f.object_for(r.objects, *dimension);
        return o ? o->object : std::string_view();
      };
      t.activity = object(spec.activity_dimension);
      t.person = object(spec.person_dimension);
      // The payment date, where the organisation records it as an object (SIE 4B has no payment
      // date of its own): `paid_dimension`, the object's id YYYYMMDD or YYYY-MM-DD.
      if (std::string_view paid = object(spec.paid_dimension); !paid.empty()) {
        auto d = core::parse_iso_date(paid);
        if (!d) d = core::parse_compact_date(paid);
        if (d) {
          t.paid = *d;
        } else {
          diags.error(
              "ledger.date",
              fmt::format(
                  fmt::runtime(_("paid: the object '{}' of dimension {} is not a date (YYYYMMDD "
                                 "or YYYY-MM-DD); the "
                                 "row counts as not paid")),
                  paid, *spec.paid_dimension),
              {path, r.line, 1});
        }
      }
      t.financier = object(spec.financier_dimension);
      if (std::string_view s = object(spec.supplier_dimension); !s.empty()) {
        code.assign(s);
        auto it = f.object_names.find({*spec.supplier_dimension, code});
        t.supplier =
            it == f.object_names.end() || it->second.empty() ? s : std::string_view(it->second);
      }
      if (spec.project) {
        auto o = f.object_for(r.objects, spec.project->dimension);
        t.other_project = !o || o->object != spec.project->object;
      }
      // Co-financing and aid received are credits: the amount received is positive.
      if (is_receipt(t.category)) t.amount = -t.amount;
      ++summary.transactions;
      sink(t);
    }
  };
  TextStream text(path, "utf-8");
  SieFile f = read_sie(text, scan, path, diags, on_voucher);
  if (!text.error().empty())
    diags.unreadable("io.read",
                     fmt::format(fmt::runtime(_("cannot read the ledger file: {}")), text.error()),
                     {path, 0, 0});
  summary.encoding = f.encoding;
  summary.vouchers = f.vouchers;
  summary.removed_rows = f.removed_rows;
  if (f.checksum_ok) summary.checksum = *f.checksum_ok ? "ok" : "mismatch";
  if (f.truncated || refused) {
    // Refused (§10.6): nothing of it counts.
    out.unreadable.resize(first_bad);
    for (auto it = out.unreadable_not_kept.begin(); it != out.unreadable_not_kept.end();) {
      it = it->first.first == path ? out.unreadable_not_kept.erase(it) : std::next(it);
    }
    for (auto it = out.unreadable_kept.begin(); it != out.unreadable_kept.end();) {
      it = it->first.first == path ? out.unreadable_kept.erase(it) : std::next(it);
    }
    summary.transactions = 0;
    summary.unreadable = 0;
    summary.checksum = "missing";
  }
  tally.close(f.account_names);
  out.files.push_back(std::move(summary));
}

}  // namespace

void LedgerLoad::add_unreadable(model::Exclusion&& e) {
  std::pair<std::string, std::string> key{e.transaction.place.file, e.rule};
  std::size_t& kept = unreadable_kept[key];
  if (kept < core::Diagnostics::kKeptPerRuleAndFile) {
    ++kept;
    unreadable.push_back(std::move(e));
    return;
  }
  auto& sum = unreadable_not_kept[std::move(key)];
  ++sum.rows;
  sum.amount += e.transaction.amount;
}

std::vector<std::string> expand_source_path(const std::string& dir, const model::SourceSpec& spec,
                                            core::Diagnostics& diags) {
  std::vector<std::string> files;
  constexpr const char* kAllow =
      "; a source outside the project is read only when it says allow_outside: true";
  if (!spec.allow_outside) {
    if (auto why = pattern_outside_folder(spec.path)) {
      diags.unreadable("io.outside-project", *why + kAllow, spec.place);
      return files;
    }
  }
  std::string pattern = (fs::path(dir) / spec.path).string();
  glob_t g{};
  int rc = ::glob(pattern.c_str(), GLOB_ERR, nullptr, &g);
  bool refused = false;
  if (rc == 0) {
    for (std::size_t i = 0; i < g.gl_pathc; ++i) {
      std::string file = g.gl_pathv[i];
      if (!spec.allow_outside) {
        if (auto why = outside_folder(dir, file)) {
          diags.unreadable("io.outside-project", *why + kAllow, spec.place);
          refused = true;
          continue;
        }
      }
      // A FIFO, device or socket is never opened: reading one can block forever (a FIFO with no
      // writer) or never end (/dev/zero). Folders go on to the reader, which says io.read.
      if (core::path_kind(file) == core::PathKind::other) {
        diags.unreadable(
            "io.not-a-file",
            fmt::format(
                fmt::runtime(_("the source file is {}, not a regular file: it is not read")),
                core::path_kind_name(file)),
            {file, 0, 0});
        refused = true;
        continue;
      }
      files.push_back(std::move(file));
    }
  }
  globfree(&g);
  if (refused && files.empty()) return files;
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    bool is_glob = spec.path.find_first_of("*?[") != std::string::npos;
    if (is_glob)
      diags.warning("io.no-files", fmt::format(fmt::runtime(_("no file matches '{}'")), spec.path),
                    spec.place);
    else
      diags.unreadable(
          "io.read", fmt::format(fmt::runtime(_("the source file '{}' does not exist")), spec.path),
          spec.place);
  }
  return files;
}

LedgerLoad read_ledger(const model::Project& project, const std::string& data_dir,
                       core::Diagnostics& diags) {
  std::vector<model::Transaction> rows;
  LedgerLoad read = read_ledger(project, data_dir, diags, [&](const model::TransactionView& t) {
    rows.push_back(t.to_transaction());
  });
  read.rows = std::move(rows);
  return read;
}

LedgerLoad read_ledger(const model::Project& project, const std::string& data_dir,
                       core::Diagnostics& diags, const RowSink& sink) {
  LedgerLoad out;
  std::map<std::string, std::optional<model::AccountPlan>> plans;
  for (const auto& spec : project.ledger_sources) {
    if (spec.format != "csv" && spec.format != "sie") {
      diags.error(
          "ledger.format",
          fmt::format(fmt::runtime(_("ledger format '{}' is not read (csv or sie)")), spec.format),
          spec.place);
      continue;
    }
    const model::AccountPlan* plan = nullptr;
    if (!spec.accounts.empty()) {
      auto it = plans.find(spec.accounts);
      if (it == plans.end()) {
        it = plans
                 .emplace(spec.accounts,
                          load_account_plan_id(data_dir, spec.accounts, spec.place, diags))
                 .first;
      }
      if (it->second) plan = &*it->second;
    }
    AccountResolver accounts(spec, plan);
    for (const auto& file : expand_source_path(project.dir, spec, diags)) {
      if (spec.format == "sie")
        read_sie_ledger_file(file, spec, accounts, diags, out, sink);
      else
        read_csv_ledger_file(file, spec, accounts, plan != nullptr, diags, out, sink);
    }
  }
  return out;
}

std::vector<model::Transaction> load_ledger(const model::Project& project, core::Diagnostics& diags,
                                            std::vector<model::Exclusion>& unreadable_rows) {
  LedgerLoad l = read_ledger(project, default_data_dir(), diags);
  for (auto& e : l.unreadable) unreadable_rows.push_back(std::move(e));
  return std::move(l.rows);
}

}  // namespace grantkit::io
