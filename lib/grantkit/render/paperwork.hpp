#pragma once
// The files of `grantkit paperwork`: Min ansökan's expense CSV, staff cost rows, time reports,
// attestations and in-kind summaries, rendered from reports::Paperwork (no figure recomputed).
// Every file is in Swedish: Min ansökan and Tillväxtverket's attachments are.
#include <string>
#include <string_view>
#include <vector>

#include <grantkit/core/file.hpp>
#include <grantkit/render/render.hpp>
#include <grantkit/reports/paperwork.hpp>

namespace grantkit::render {

// The name of the marker file in every paperwork folder (core::write_folder_atomically replaces
// only folders holding it).
inline constexpr const char* kPaperworkMarker = ".grantkit-paperwork";

// Min ansökan's expense list as CSV: the header `Ver.nr`, `Ver.text`, `Bokförd`, `Betalad`,
// `Konto`, `Kontonamn`, `Leverantör`, `Belopp`, then one line per ExpenseLine. Dates YYYY-MM-DD;
// `Belopp` in kronor with two decimals (the dialect's decimal mark, no grouping, `-` for a
// credit); an empty numeric column (`Konto`, `Belopp`) is written `0`, never left empty or `-`;
// text that a spreadsheet would take for a formula is prefixed with '. excel_sv: semicolons,
// decimal comma, UTF-8 with a BOM, CRLF (what Swedish Excel reads as columns); rfc4180: commas, dot
// decimal, UTF-8 without a BOM, CRLF.
std::string render_expense_csv(const reports::ExpenseList& list, CsvDialect dialect);

// Staff cost rows as CSV (Swedish headers): person (role pseudonym), an empty column for the
// personal identity number (never stored by grantkit), role, organisation, funding, basis, start
// in the project, from, to, share (%), monthly salary, hours, hourly rate, index steps, cost.
// Money with two decimals and hours with at most two, in the dialect's decimal mark; an unknown
// salary, rate or cost is left empty (unknown, not 0).
std::string render_staff_costs_csv(const std::vector<reports::StaffCostRow>& rows,
                                   CsvDialect dialect);

// One person's time reports as CSV: person, role, organisation, month, date (empty for a month
// row), activity, activity name, hours.
std::string render_time_sheets_csv(const std::vector<const reports::TimeSheet*>& sheets,
                                   CsvDialect dialect);

// One person's time reports as a printable page (A4, one page a month): each month's rows, the
// total and signature lines for the person and the attesting manager.
std::string render_time_sheets_html(const reports::Paperwork& pw,
                                    const std::vector<const reports::TimeSheet*>& sheets);

// One person's attestations of working-time share (one A4 page per staff entry): organisation,
// role, share, period, the hours it implies (annual hours × share × share of the year) and
// signature lines for the person and the employer.
std::string render_attestations_html(
    const reports::Paperwork& pw,
    const std::vector<const reports::ShareAttestation*>& attestations);

// A co-financier's in-kind summary (one A4 page): persons, hours, hourly rate, value, the payroll
// overhead on them, the total and the co-financier's signature line.
std::string render_in_kind_html(const reports::Paperwork& pw,
                                const reports::InKindSummary& summary);

// A file name part from an id: ASCII letters, digits, `.`, `_` and `-` kept, å ä → a, ö → o, é
// → e, anything else `-`.
std::string file_name_part(std::string_view id);

// Every file of the paperwork folder, in this order: index.html (what the folder holds, with the
// totals), utgifter.csv (utgifter-<organisation>.csv each when the ledger sources name several
// applicant organisations), personalkostnader.csv, tidrapport-<person>.html and .csv,
// intyg-arbetstid-<person>.html, bidrag-i-annat-an-pengar-<financier>.html, indikatorer.csv
// (the `indicators` report's CSV, when the project has indicators). CSV files in `dialect`.
std::vector<core::FolderFile> paperwork_files(const reports::Paperwork& pw, CsvDialect dialect);

}  // namespace grantkit::render
