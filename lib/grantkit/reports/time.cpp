#include <grantkit/reports/time.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <grantkit/core/hours.hpp>
#include <grantkit/core/i18n.hpp>
#include <grantkit/reports/staffing.hpp>

namespace grantkit::reports {

using core::Month;
using core::Percent;

namespace {

constexpr std::string_view kUnknownPerson = "time.unknown-person";
constexpr std::string_view kUnknownActivity = "time.unknown-activity";
constexpr std::string_view kOutsidePeriod = "time.outside-period";
constexpr std::string_view kMissingReport = "time.missing-report";
constexpr std::string_view kDeviation = "time.deviation";
constexpr std::string_view kOverFullTime = "time.over-full-time";
constexpr std::string_view kAnnualCap = "time.annual-cap";
// The order flags are listed in.
constexpr std::array<std::string_view, 7> kFlagOrder = {
    kUnknownPerson, kUnknownActivity, kOutsidePeriod, kMissingReport,
    kDeviation,     kOverFullTime,    kAnnualCap};

// `164 h`, `28 h 40 min`, `0 h 0 min 36 s`: hours for messages, from whole seconds.
std::string hours_text(std::int64_t seconds) {
  std::int64_t h = seconds / core::kSecondsPerHour;
  std::int64_t min = seconds % core::kSecondsPerHour / core::kSecondsPerMinute;
  std::int64_t s = seconds % core::kSecondsPerMinute;
  if (s != 0) return fmt::format(fmt::runtime(_("{} h {} min {} s")), h, min, s);
  if (min != 0) return fmt::format("{} h {} min", h, min);
  return fmt::format("{} h", h);
}

std::vector<std::string> ordered(const std::set<std::string_view>& flags) {
  std::vector<std::string> out;
  for (auto f : kFlagOrder) {
    if (flags.count(f)) out.emplace_back(f);
  }
  return out;
}

// What the report knows of one person: their staffing entries.
struct Person {
  std::string id;
  std::vector<const model::StaffEntry*> entries;
  bool hourly = false;
};

// One person-month: planned and reported seconds, per activity, flags, and where to point.
struct Line {
  std::int64_t planned = 0;
  std::int64_t reported = 0;
  std::map<std::string, std::int64_t> activities;
  std::set<std::string_view> flags;
};

std::string when(const model::TimeEntry& e) {
  return e.date ? core::format_iso(*e.date) : e.month.iso();
}

}  // namespace

std::int64_t planned_seconds_in_month(const model::Project& p, std::string_view person,
                                      Month month) {
  core::FullTimeRule rule = p.full_time_rule();
  core::Period whole{month.first_day(), month.last_day()};
  std::int64_t total = 0;
  for (const auto& e : p.staff) {
    if (e.id != person) continue;
    auto part = core::intersect(whole, p.staff_period(e));
    if (!part) continue;
    total += core::full_time_minutes(*part, rule) * e.percent.millionths() / Percent::kWhole;
  }
  return total * core::kSecondsPerMinute;
}

Document time_report(const model::Project& p, const std::vector<model::TimeEntry>& entries,
                     const TimeOptions& o) {
  const ReportWindow& w = o.window;
  Document doc;
  doc.report = "time";
  doc.title_sv = "Tidsredovisning: planerad mot rapporterad tid";
  doc.title_en = "Time allocation: planned versus reported hours";
  doc.project_id = p.id;
  doc.project_name = p.name;
  doc.currency = p.currency;
  doc.as_of = w.as_of;
  doc.period = w.period;
  core::FullTimeRule rule = p.full_time_rule();
  const std::int64_t annual_seconds = rule.annual_minutes * core::kSecondsPerMinute;

  // Persons in staffing order.
  std::vector<Person> persons;
  std::map<std::string, std::size_t> person_index;
  for (const auto& e : p.staff) {
    auto [it, added] = person_index.emplace(e.id, persons.size());
    if (added) persons.push_back({e.id, {}, false});
    Person& person = persons[it->second];
    person.entries.push_back(&e);
    person.hourly = person.hourly || e.basis == model::StaffBasis::hourly;
  }
  auto counted = [&](const model::TimeEntry& e) { return e.span().from <= w.as_of; };
  // Activities by id, hashed: a plan of 100 000 activities is looked up once per row, not scanned.
  std::unordered_map<std::string_view, std::size_t> activity_index;
  for (std::size_t i = 0; i < p.activities.size(); ++i)
    activity_index.emplace(p.activities[i].id, i);
  auto find_activity = [&](std::string_view id) -> const model::Activity* {
    auto it = activity_index.find(id);
    return it == activity_index.end() ? nullptr : &p.activities[it->second];
  };

  // Row-level rules, on every row read: unknown person or activity, hours outside the periods.
  // A row's flags are bits (kRowFlags), one byte a row.
  constexpr std::array<std::string_view, 3> kRowFlags = {kUnknownPerson, kUnknownActivity,
                                                         kOutsidePeriod};
  std::vector<std::uint8_t> entry_flags(entries.size(), 0);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    core::Period span = e.span();
    auto pit = person_index.find(e.person);
    if (pit == person_index.end()) {
      entry_flags[i] |= 1;
      doc.diagnostics.error(
          std::string(kUnknownPerson),
          e.person.empty()
              ? fmt::format(fmt::runtime(_("the row names no person ({} on {} in {})")),
                            hours_text(e.seconds), e.activity, when(e))
              : fmt::format(
                    fmt::runtime(_("'{}' is not in the staffing (staff.yaml): {} on {} in {}")),
                    e.person, hours_text(e.seconds), e.activity, when(e)),
          e.place);
    }
    const model::Activity* act = find_activity(e.activity);
    if (!act) {
      entry_flags[i] |= 2;
      doc.diagnostics.error(
          std::string(kUnknownActivity),
          fmt::format(
              fmt::runtime(_("{}, {}: {} reported on activity '{}', which is not in the plan")),
              e.person, when(e), hours_text(e.seconds), e.activity),
          e.activity_place.line > 0 ? e.activity_place : e.place);
    }
    std::vector<std::string> outside;
    if (pit != person_index.end()) {
      const Person& person = persons[pit->second];
      bool inside = std::any_of(
          person.entries.begin(), person.entries.end(),
          [&](const model::StaffEntry* s) { return p.staff_period(*s).overlaps(span); });
      if (!inside) {
        std::vector<std::string> periods;
        for (const auto* s : person.entries) periods.push_back(p.staff_period(*s).iso());
        outside.push_back(fmt::format(fmt::runtime(_("outside the person's staffing period {}")),
                                      fmt::join(periods, ", ")));
      }
    }
    if (act && !act->period.overlaps(span)) {
      outside.push_back(
          fmt::format(fmt::runtime(_("outside {}'s period {}")), act->id, act->period.iso()));
    }
    if (!outside.empty()) {
      entry_flags[i] |= 4;
      doc.diagnostics.warning(
          std::string(kOutsidePeriod),
          fmt::format(fmt::runtime(_("{}, {}: {} on {} lie {}")), e.person, when(e),
                      hours_text(e.seconds), e.activity, fmt::join(outside, _(" and "))),
          e.place, {std::nullopt, {e.person, e.activity}});
    }
  }

  // Rows of each person in staffing, in the order read.
  std::vector<std::vector<std::size_t>> rows_of(persons.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto pit = person_index.find(entries[i].person);
    if (pit != person_index.end() && counted(entries[i])) rows_of[pit->second].push_back(i);
  }

  // Hours per person and calendar year, on every row read (not only the window's), flagged from
  // the month the year's limit is passed:
  // - time.annual-cap: hourly staff above the annual hours (CPR 1303/2013 art. 68a);
  // - time.over-full-time: other staff above the calendar year's full time (the full-time rule
  //   over 1 January–31 December: 1 720 h on the annual-hours basis). The 1 720 h are a yearly
  //   figure, so a month above 1 720 / 12 is not judged by itself.
  std::map<std::pair<std::string, int>, Month> cap_passed;
  std::map<std::pair<std::string, int>, Month> full_passed;
  for (std::size_t pi = 0; pi < persons.size(); ++pi) {
    const Person& person = persons[pi];
    std::vector<std::size_t>& rows = rows_of[pi];
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
      return entries[a].month < entries[b].month;
    });
    std::map<int, std::int64_t> sums;
    for (std::size_t i : rows) {
      const auto& e = entries[i];
      int year = e.month.year;
      std::int64_t limit =
          person.hourly ? annual_seconds
                        : core::full_time_minutes(
                              {Month{year, 1}.first_day(), Month{year, 12}.last_day()}, rule) *
                              core::kSecondsPerMinute;
      std::int64_t& sum = sums[year];
      bool was_under = sum <= limit;
      sum += e.seconds;
      if (!was_under || sum <= limit) continue;
      if (person.hourly) {
        cap_passed[{person.id, year}] = e.month;
        doc.diagnostics.error(
            std::string(kAnnualCap),
            fmt::format(fmt::runtime(_(
                            "{}: more than {} reported in {} (hourly staff; at most {} a calendar "
                            "year may be declared, CPR 1303/2013 art. 68a); passed in {}")),
                        person.id, hours_text(annual_seconds), year, hours_text(annual_seconds),
                        e.month.iso()),
            e.place);
      } else {
        full_passed[{person.id, year}] = e.month;
        doc.diagnostics.warning(
            std::string(kOverFullTime),
            fmt::format(
                fmt::runtime(
                    _("{}: more than {} reported in {}, that calendar year's full time; passed "
                      "in {}")),
                person.id, hours_text(limit), year, e.month.iso()),
            e.place, {std::nullopt, {person.id}});
      }
    }
  }

  // time.deviation, judged on the rule set's thresholds over the person's ended months (not only
  // the window's), for months in which every staffing entry of the person is a fixed share:
  // - persistent: further than time_deviation.percent from the planned hours in
  //   time_deviation.months consecutive months (a holiday, a sick week or a busy month passes);
  // - single month: further than time_deviation.month_percent, except a month of
  //   time_deviation.holiday_months (July: semester) that is below its plan.
  // A month with nothing reported is time.missing-report's, and breaks a run.
  // deviation[{person, month}]: the month is flagged, as part of the finding that opened in the
  // month given; deviation_message[{person, opening month}]: that finding's message.
  std::map<std::pair<std::string, Month>, Month> deviation;
  std::map<std::pair<std::string, Month>, std::string> deviation_message;
  {
    std::map<std::pair<std::string, Month>, std::int64_t> reported_in;
    for (std::size_t pi = 0; pi < persons.size(); ++pi) {
      for (std::size_t i : rows_of[pi])
        reported_in[{persons[pi].id, entries[i].month}] += entries[i].seconds;
    }
    const auto& prog = p.programme;
    auto pct = [](Percent x) { return core::message_percent(x); };
    for (const Person& person : persons) {
      std::optional<core::Period> span;
      for (const auto* s : person.entries) {
        core::Period sp = p.staff_period(*s);
        span = span ? core::Period{std::min(span->from, sp.from), std::max(span->to, sp.to)} : sp;
      }
      if (!span || span->from > w.as_of) continue;
      std::vector<Month> run;  // consecutive months further than `percent` from their plan
      Month run_opened;        // the month the current run reached its length
      for (Month m = Month::of(span->from); m <= Month::of(span->to) && m.last_day() <= w.as_of;
           m = m.next()) {
        core::Period whole{m.first_day(), m.last_day()};
        bool staffed = false, fixed = true;
        for (const auto* s : person.entries) {
          if (!p.staff_period(*s).overlaps(whole)) continue;
          staffed = true;
          fixed = fixed && s->basis == model::StaffBasis::fixed_percent;
        }
        std::int64_t planned = staffed ? planned_seconds_in_month(p, person.id, m) : 0;
        auto rit = reported_in.find({person.id, m});
        std::int64_t reported = rit == reported_in.end() ? 0 : rit->second;
        if (!staffed || !fixed || planned <= 0 || reported == 0) {
          run.clear();
          continue;
        }
        std::int64_t diff = reported > planned ? reported - planned : planned - reported;
        auto share_of_plan = [&](Percent x) { return planned * x.millionths() / Percent::kWhole; };
        bool holiday = std::find(prog.time_holiday_months.begin(), prog.time_holiday_months.end(),
                                 m.month) != prog.time_holiday_months.end();
        std::pair<std::string, Month> key{person.id, m};
        if (diff > share_of_plan(prog.time_deviation_month_percent) &&
            !(holiday && reported < planned)) {
          deviation[key] = m;
          deviation_message[key] = fmt::format(
              fmt::runtime(_(
                  "{}, {}: {} reported, {} planned (share × full time); more than {} apart in one "
                  "month")),
              person.id, m.iso(), hours_text(reported), hours_text(planned),
              pct(prog.time_deviation_month_percent));
        }
        // A holiday month below its plan is passed over: it neither adds to a run nor ends it.
        if (holiday && reported < planned) continue;
        if (diff <= share_of_plan(prog.time_deviation_percent)) {
          run.clear();
          continue;
        }
        run.push_back(m);
        auto length = static_cast<int>(run.size());
        if (length < prog.time_deviation_months) continue;
        // A month far off by itself keeps its own finding; the others belong to the run's.
        if (length == prog.time_deviation_months) {
          run_opened = m;
          for (const Month& r : run) deviation.try_emplace({person.id, r}, m);
          if (deviation_message.count(key)) continue;  // this month's own finding tells it
          deviation_message[key] = fmt::format(
              fmt::runtime(
                  _("{}, {}: {} reported, {} planned (share × full time); more than {} apart in {} "
                    "months running, {}–{}")),
              person.id, m.iso(), hours_text(reported), hours_text(planned),
              pct(prog.time_deviation_percent), length, run.front().iso(), m.iso());
        } else {
          deviation.try_emplace(key, run_opened);
        }
      }
    }
  }

  // Person-months of the window.
  std::vector<Month> months = core::months_of(w.period);
  std::vector<std::string> order;  // persons with rows: staffing first, then unknown persons
  std::unordered_set<std::string_view>
      in_order;  // the ids in `order` (views into persons and rows)
  for (const Person& person : persons) {
    order.push_back(person.id);
    in_order.insert(person.id);
  }
  std::map<std::pair<std::string, Month>, Line> lines;
  std::map<std::pair<std::string, Month>, const model::TimeEntry*> first_entry;
  for (const Person& person : persons) {
    for (const Month& m : months) {
      core::Period whole{m.first_day(), m.last_day()};
      bool staffed = std::any_of(
          person.entries.begin(), person.entries.end(),
          [&](const model::StaffEntry* s) { return p.staff_period(*s).overlaps(whole); });
      if (staffed) lines[{person.id, m}].planned = planned_seconds_in_month(p, person.id, m);
    }
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    if (!counted(e) || !std::binary_search(months.begin(), months.end(), e.month)) continue;
    if (in_order.insert(e.person).second) order.push_back(e.person);
    Line& l = lines[{e.person, e.month}];
    l.reported += e.seconds;
    l.activities[e.activity] += e.seconds;
    for (std::size_t f = 0; f < kRowFlags.size(); ++f) {
      if (entry_flags[i] & (1u << f)) l.flags.insert(kRowFlags[f]);
    }
    first_entry.emplace(std::pair{e.person, e.month}, &e);
  }

  // Month rules.
  for (auto& [key, l] : lines) {
    const auto& [person_id, m] = key;
    auto pit = person_index.find(person_id);
    const Person* person = pit == person_index.end() ? nullptr : &persons[pit->second];
    bool ended = m.last_day() <= w.as_of;
    core::Period whole{m.first_day(), m.last_day()};
    const model::StaffEntry* active = nullptr;
    bool fixed = person != nullptr;
    if (person) {
      for (const auto* s : person->entries) {
        if (!p.staff_period(*s).overlaps(whole)) continue;
        if (!active) active = s;
        fixed = fixed && s->basis == model::StaffBasis::fixed_percent;
      }
    }
    core::SourcePlace staff_place = active ? active->place : core::SourcePlace{};
    if (o.complete && person && ended && l.planned > 0 && l.reported == 0) {
      l.flags.insert(kMissingReport);
      doc.diagnostics.warning(std::string(kMissingReport),
                              fmt::format(fmt::runtime(_("{}, {}: no hours reported; {} planned")),
                                          person_id, m.iso(), hours_text(l.planned)),
                              staff_place, {std::nullopt, {person_id}});
    }
    if (auto dv = deviation.find(key); dv != deviation.end()) {
      l.flags.insert(kDeviation);
      // A finding is told where it opens (a run reaching its length, a month far off), or, when
      // it opens outside the window, at its first month inside the window.
      const Month& opened = dv->second;
      bool opened_in_window = opened >= months.front() && opened <= months.back();
      Month before = m.month == 1 ? Month{m.year - 1, 12} : Month{m.year, m.month - 1};
      auto prev = deviation.find({person_id, before});
      bool first_of_it_here =
          m == months.front() || prev == deviation.end() || prev->second != opened;
      bool told_here = opened == m || (!opened_in_window && first_of_it_here);
      auto msg = deviation_message.find({person_id, opened});
      if (told_here && msg != deviation_message.end())
        doc.diagnostics.warning(std::string(kDeviation), msg->second, staff_place,
                                {std::nullopt, {person_id}});
    }
    if (auto full = full_passed.find({person_id, m.year});
        full != full_passed.end() && full->second <= m)
      l.flags.insert(kOverFullTime);
    auto cap = cap_passed.find({person_id, m.year});
    if (cap != cap_passed.end() && cap->second <= m) l.flags.insert(kAnnualCap);
  }

  // Group and emit.
  bool show_person = o.by_person || !o.monthly;
  bool show_month = o.monthly || !o.by_person;
  Table t;
  t.key = "rows";
  t.title_sv = "Planerad och rapporterad tid";
  t.title_en = "Planned and reported hours";
  if (show_person) t.columns.emplace_back("person", "Person (roll)", "Person (role)");
  if (show_month) t.columns.emplace_back("month", "Månad", "Month");
  t.columns.emplace_back("planned_hours", "Planerade timmar", "Planned hours");
  t.columns.emplace_back("reported_hours", "Rapporterade timmar", "Reported hours");
  t.columns.emplace_back("difference_hours", "Skillnad", "Difference");
  t.columns.push_back(Column::object("activities", "Per aktivitet", "Per activity"));
  t.columns.emplace_back("flags", "Flaggor", "Flags");

  auto activity_rank = [&](const std::string& id) {
    auto it = activity_index.find(id);
    return it == activity_index.end() ? p.activities.size() : it->second;
  };
  auto emit = [&](std::vector<Cell> head, const Line& l, bool with_flags) {
    std::vector<std::pair<std::string, std::int64_t>> acts(l.activities.begin(),
                                                           l.activities.end());
    std::stable_sort(acts.begin(), acts.end(), [&](const auto& a, const auto& b) {
      return activity_rank(a.first) < activity_rank(b.first);
    });
    std::vector<std::pair<std::string, Cell>> split;
    for (const auto& [id, seconds] : acts) split.emplace_back(id, Cell::of_seconds(seconds));
    head.push_back(Cell::of_seconds(l.planned));
    head.push_back(Cell::of_seconds(l.reported));
    head.push_back(Cell::of_seconds(l.reported - l.planned));
    head.push_back(Cell::of_entries(std::move(split)));
    head.push_back(Cell::of_list(with_flags ? ordered(l.flags) : std::vector<std::string>{}));
    return head;
  };
  auto add = [](Line& into, const Line& l) {
    into.planned += l.planned;
    into.reported += l.reported;
    for (const auto& [a, m] : l.activities) into.activities[a] += m;
    into.flags.insert(l.flags.begin(), l.flags.end());
  };

  Line total;
  if (show_person && show_month) {
    for (const auto& id : order) {
      for (const Month& m : months) {
        auto it = lines.find({id, m});
        if (it == lines.end()) continue;
        t.rows.push_back(emit({Cell::of_text(id), Cell::of_text(m.iso())}, it->second, true));
        add(total, it->second);
      }
    }
  } else if (show_person) {
    for (const auto& id : order) {
      Line sum;
      bool any = false;
      for (const Month& m : months) {
        auto it = lines.find({id, m});
        if (it == lines.end()) continue;
        add(sum, it->second);
        any = true;
      }
      if (!any) continue;
      t.rows.push_back(emit({Cell::of_text(id)}, sum, true));
      add(total, sum);
    }
  } else {
    for (const Month& m : months) {
      Line sum;
      for (const auto& id : order) {
        auto it = lines.find({id, m});
        if (it != lines.end()) add(sum, it->second);
      }
      t.rows.push_back(emit({Cell::of_text(m.iso())}, sum, true));
      add(total, sum);
    }
  }
  std::vector<Cell> head{Cell::of_code("total", "Totalt", "Total")};
  if (show_person && show_month) head.push_back(Cell::none());
  t.total = emit(std::move(head), total, false);
  doc.tables.push_back(std::move(t));
  return doc;
}

}  // namespace grantkit::reports
