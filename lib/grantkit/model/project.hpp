#pragma once
// The project as grantkit understands it: decision, plan, activities, financing, staffing, sources.
// Plain values only: no I/O, no formatting. Field names follow DOMAIN.md's terms.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <grantkit/core/accept.hpp>
#include <grantkit/core/calendar.hpp>
#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>
#include <grantkit/core/text_hash.hpp>
#include <grantkit/model/account_plan.hpp>
#include <grantkit/model/programme.hpp>

namespace grantkit::model {

using core::Date;
using core::Money;
using core::Percent;
using core::Period;
using core::SourcePlace;

enum class FinancierType { public_, private_ };
enum class FinancingStatus { confirmed, to_be_redistributed, unknown };

// Aid (stöd): the ERDF rate of eligible costs and the decided maximum; unknown when null.
// The decision's aid (Beslut): `rate`, the share of the eligible costs aid covers (the first
// percentage); `financing_share`, the share of the project's total financing that aid may reach at
// most (the second percentage, *Så läser ni beslutet*, Handbok för EU-projekt 2014–2020); `max`,
// the amount decided. Aid is the smallest of the three caps (reports::Position::aid_earned).
struct Aid {
  std::optional<Percent> rate;
  std::optional<Money> max;
  std::optional<Percent> financing_share;
};

// The approved budget (total and, optionally, per cost category id), in öre.
struct Budget {
  std::optional<Money> total;
  std::map<std::string, Money> categories;
  SourcePlace place;
  std::map<std::string, SourcePlace> category_places;
};

// Beslut om stöd: Tillväxtverket's decision.
struct Decision {
  std::string case_id;  // ärende-id; text, keeps leading zeros
  std::optional<Date> date;
  Period eligible;  // stödberättigande period
  SourcePlace eligible_place;
  Aid aid;
  std::map<std::string, Percent> rates;  // overrides of the programme's flat rates, by id
  Budget budget;
  std::optional<bool> vat_eligible;
  SourcePlace place;
};

// What a change decision says of one activity (`changes[].activities[]`): the activity with this
// id gets each field given; an id the plan does not have is a new activity (it then needs a
// period).
struct ActivityChange {
  std::string id;
  std::optional<std::string> name;
  std::optional<Money> budget;                                  // öre; the sum of a split
  std::optional<std::map<std::string, Money>> category_budget;  // when the budget is split
  std::optional<Period> period;
  SourcePlace place;
};

// What a change decision says of one co-financier (`changes[].financing[]`): each field given
// replaces the plan's; a new id is a new financier.
struct FinancierChange {
  std::string id;
  std::optional<std::string> name;
  std::optional<FinancierType> type;
  std::optional<Money> cash;  // öre
  std::optional<Money> in_kind;
  std::optional<Money> total;
  std::optional<FinancingStatus> status;
  SourcePlace place;
};

// Ändringsbeslut: replaces the fields it names from its date on (DOMAIN.md "Budget deviations and
// change decisions"): aid, budget, eligible period and flat rates of the decision, and activities
// and financiers by id.
struct ChangeDecision {
  Date date;
  std::string case_id;
  std::optional<Aid> aid;
  std::optional<Budget> budget;
  std::optional<Period> eligible;
  std::map<std::string, Percent> rates;  // flat-rate overrides by id, merged into the decision's
  std::vector<ActivityChange> activities;
  std::vector<FinancierChange> financing;
  SourcePlace place;
};

// Heltidsdefinition: the period that 100 % of a person means, and how it becomes hours.
struct FullTime {
  Period period;
  std::optional<core::FullTimeBasis> basis;  // unset: the programme's default
  std::optional<std::int64_t> minutes_per_day;
  std::optional<bool> eves_off;
  std::string definition;  // the plan's own words, if given
  SourcePlace place;
};

// An activity (aktivitet): a work package with its own budget and period.
struct Activity {
  std::string id;
  std::string name;
  std::optional<Money> budget;                   // total; the sum of `category_budget` when split
  std::map<std::string, Money> category_budget;  // optional split per cost category
  Period period;
  SourcePlace place;
  SourcePlace budget_place;
};

// A co-financier (medfinansiär) with its planned cash and in-kind contributions, in öre.
struct Financier {
  std::string id;
  std::string name;
  FinancierType type = FinancierType::public_;
  std::optional<Money> cash;     // kontant
  std::optional<Money> in_kind;  // bidrag i annat än pengar
  std::optional<Money> total;
  FinancingStatus status = FinancingStatus::confirmed;
  SourcePlace place;
};

// An organisation taking part without being a financier in the plan (the owner, a partner).
struct Organisation {
  std::string id;
  std::string name;
  std::string role;  // owner | partner
  SourcePlace place;
};

enum class StaffBasis { fixed_percent, hourly };
enum class Funding { cash, in_kind };

// One staffing entry (bemanning): a person (by role pseudonym) at a share of full time.
struct StaffEntry {
  std::string id;  // role-based pseudonym
  std::string name;
  std::string role;
  std::string organisation;  // a financing or organisation id
  Percent percent;
  std::optional<Period> period;  // unset: the full-time definition's period
  StaffBasis basis = StaffBasis::fixed_percent;
  Funding funding = Funding::cash;
  std::optional<Money> monthly_salary;  // gross kr/month, in öre
  std::map<std::string, Percent> activities;
  SourcePlace place;
  std::map<std::string, SourcePlace> activity_places;
  SourcePlace organisation_place;
  SourcePlace period_place;
};

// A result indicator (resultatmål) with its target.
struct Indicator {
  std::string id;
  std::string name;
  std::string unit;
  std::optional<std::int64_t> target;
  std::string code;
  SourcePlace place;
};

// Plan facts that are not the decision (projektplan).
struct PlanFacts {
  std::string version;
  std::optional<Date> date;
  std::optional<Period> activities_mainly;
  std::optional<bool> local_costs_financed;
  std::map<std::string, std::string> steering_priorities;
};

// A declared input source (FORMATS.md `sources`): where to read ledger or time rows, and how.
struct SourceSpec {
  std::string path;  // a file or a glob, relative to the project folder
  // `allow_outside: true`: the source may name files outside the project folder (absolute, `..`,
  // or a symbolic link out); by default such a file is refused (io.outside-project).
  bool allow_outside = false;
  std::string format;  // csv | sie | yaml
  char delimiter = 0;  // 0: detect from the header
  char decimal = '.';
  char thousands = 0;
  std::string encoding = "utf-8";
  bool encoding_given = false;  // `encoding:` written in the source (a SIE file then is read so)
  std::string accounts;         // account plan id (data/accounts/<id>.yaml): bas, kommun-bas
  std::map<std::string, std::string> columns;  // canonical name → header name
  // Whose books these are (`organisation:`): the applicant organisation (a financier or
  // organisation id) whose expense list for Min ansökan carries these rows; empty: the owner's.
  std::string organisation;
  // SIE 4: which dimension (#DIM number, SIE 4B §8.17: 6 = projekt, 7 = anställd, 9 = leverantör,
  // 20– free) carries the activity, person, supplier and financier of a row.
  std::optional<int> activity_dimension;
  std::optional<int> person_dimension;
  std::optional<int> supplier_dimension;  // the row's supplier is the object's #OBJEKT name
  std::optional<int> financier_dimension;
  // SIE 4: the dimension whose object id is the row's payment date (YYYYMMDD or YYYY-MM-DD), where
  // the organisation records one: SIE 4B has no payment date of its own.
  std::optional<int> paid_dimension;
  // SIE 4: only rows carrying `object` in `dimension` are this project's (`project:` in the
  // source); the others are excluded as ledger.not-this-project. CSV: `column` names the header
  // whose value must equal `object` (`project: {column, object}`).
  struct ProjectSelection {
    int dimension = 0;
    std::string object;
    std::string column;
  };
  std::optional<ProjectSelection> project;
  // The project's own account mapping for this source (`account_map:`), most specific first; it
  // wins over the account plan. Values: a category id, `financing`, or a kind (`financial`,
  // `vat`, `not_cost`).
  std::vector<AccountRange> account_map;
  SourcePlace place;
};

// Where a payment request stands (claims.yaml `status`): a draft was not sent and counts for
// nothing; a submitted request is what was sent; approved and paid carry Tillväxtverket's review.
enum class ClaimStatus { draft, submitted, approved, paid };

// One voucher row a payment request contained (its transaktionslista), as `claim --record` writes
// it: the ledger file (relative to the project folder), the voucher, its date and cost category,
// and the amount in öre (negative for a credit). Two rows are the same row when file, voucher,
// date and amount agree.
struct ClaimTransaction {
  std::string file;
  std::string voucher;
  core::Date date;
  std::string category;
  Money amount;
  SourcePlace place;
};

// A payment request already made (ansökan om utbetalning), from claims.yaml (FORMATS.md
// "claims.yaml"); money in öre.
// - `reported`: what it reported per cost category as sent (tidigare redovisat for the next one);
//   absent in the register's first format, where grantkit recomputes it from today's books.
// - `approved`: per category, what Tillväxtverket approved after review; a category not named is
//   approved as reported, and reported − approved is a deduction, never claimed again.
// - `transactions`: the rows it held, when recorded; a late cost is one dated in its period that
//   is not among them.
struct Claim {
  std::string id;
  Period period;
  std::optional<core::Date> submitted;
  std::optional<std::map<std::string, Money>> reported;
  std::map<std::string, Money> approved;
  std::optional<Money> aid_claimed;
  std::optional<Money> aid_paid;
  std::optional<core::Date> paid_date;
  ClaimStatus status = ClaimStatus::submitted;
  std::optional<std::vector<ClaimTransaction>> transactions;
  SourcePlace place;
};

// The whole project folder as loaded: project.yaml, staff.yaml and where the other inputs are.
struct Project {
  std::string dir;   // the project folder
  std::string file;  // project.yaml's path
  std::string id;
  std::string name;
  std::string owner;
  std::string programme_id;  // `programme:` as written: a bundled id or a path
  SourcePlace programme_place;
  std::string currency = "SEK";
  Decision decision;
  std::vector<ChangeDecision> changes;
  FullTime full_time;
  PlanFacts plan;
  std::vector<Activity> activities;
  std::vector<Financier> financing;
  std::vector<Organisation> organisations;
  std::vector<StaffEntry> staff;
  std::vector<Indicator> indicators;
  std::vector<SourceSpec> ledger_sources;
  std::vector<SourceSpec> time_sources;
  std::vector<Claim> claims;  // claims.yaml, in file order
  // `accept:`: expected findings acknowledged with their reason (core::apply_accepts).
  std::vector<core::Accept> accept;
  Programme programme;

  // The activity (financier) with id `wanted`, or nullptr. Hashed: an index of the ids is built on
  // the first lookup and again whenever the list has been replaced, grown or shrunk since (its
  // storage or size changed), so that a plan of 100 000 activities is looked up in constant time
  // per row, not scanned. A hit is checked against the id it returns. Not for concurrent first use
  // from several threads.
  const Activity* find_activity(std::string_view wanted) const;
  const Financier* find_financier(std::string_view wanted) const;
  // A financier, an organisation, or the owner's organisation id.
  bool knows_organisation(std::string_view wanted) const;
  // The project period grantkit reports over: the decision's eligible period.
  const Period& project_period() const { return decision.eligible; }
  // The calendar/full-time rule in force: the programme's default overridden by full_time.
  core::FullTimeRule full_time_rule() const;
  // The decision in force on `date`: the original with every change decision dated on or before
  // `date` applied in date order, each replacing the fields it names (DOMAIN.md "change
  // decisions").
  Decision decision_on(Date date) const;
  // The project as it stands on `date`: decision_on(date), and the activities and financiers as the
  // change decisions in force then leave them (each named field replaced, by id; a new id added).
  // `changes` is kept whole and `in_force_on` set to `date`, so that a later change decision can
  // still be told apart (check::check_project checks those on their own).
  Project on(Date date) const;
  // The date the project was taken as of (on()); unset: as loaded, before any change decision.
  std::optional<Date> in_force_on;
  // The project as loaded, when this is a view taken with on(): decision_on() and on() start from
  // it, so that an earlier date still gets the decision then in force.
  std::shared_ptr<const Project> as_loaded;
  // The flat rates that apply under `decision`: the programme's defaults plus those the decision's
  // `rates` names, at the decision's rate; a rate of 0 % switches a default off. Programme order.
  std::vector<FlatRate> flat_rates_in_force(const Decision& decision) const;
  // The owner's organisation id (`organisations:` with role owner), or empty.
  std::string owner_id() const;
  // The name of a financier or organisation id for people: its `name`, else the id; an empty id
  // is the owner (`project.owner`).
  std::string organisation_name(std::string_view id) const;
  // The period a staffing entry runs over: its own, or the full-time definition's.
  Period staff_period(const StaffEntry& entry) const {
    return entry.period ? *entry.period : full_time.period;
  }
  // Planned minutes of a staffing entry: share × full-time minutes of its period under the
  // project's full-time rule (core::full_time_minutes), rounded down to whole minutes. 50 % over
  // 2021-06-01..2022-11-30: 77 400 min (1 290 h) on the 1 720 h basis.
  std::int64_t planned_minutes(const StaffEntry& entry) const;
  // Planned gross salary cost of a staffing entry over `within` (default: its whole period), in
  // öre, rounded down once, or nothing without a monthly salary:
  // - fixed share (Delegated Reg. 481/2014 art. 3): share × monthly salary × months, where months
  //   = full-time minutes of the period on the annual-hours basis / a full month's (1 720 h / 12),
  //   so a whole month counts 1 and a partial month its share of working days;
  // - hourly (CPR 1303/2013 art. 68a): planned hours × monthly salary × 12 / the annual hours.
  // Payroll overhead (a flat rate) is not part of it.
  std::optional<Money> planned_cost(const StaffEntry& entry,
                                    std::optional<Period> within = std::nullopt) const;
  // The owner's share of the financing plan under `decision` (DOMAIN.md "Co-financing and aid": the
  // balancing item): the total eligible budget − the aid (its maximum, else rate × total, rounded
  // down, as financing.plan-balance reads it) − every other financier's total; nothing when the
  // project has no owner organisation or a part is unknown. May be negative
  // (financing.owner-negative).
  std::optional<Money> owner_share(const Decision& d) const;

 private:
  // An index of a list's ids (copies, so that an id edited in place leaves no dangling key) and
  // the list it was built for.
  struct IdIndex {
    const void* data = nullptr;
    std::size_t size = 0;
    bool built = false;
    std::unordered_map<std::string, std::size_t, core::ShortTextHash, std::equal_to<>> at;
  };
  mutable IdIndex activity_index_;
  mutable IdIndex financier_index_;
};

}  // namespace grantkit::model
