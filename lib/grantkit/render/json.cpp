#include <set>

#include <fmt/format.h>

#include <grantkit/core/utf8.hpp>
#include <grantkit/render/render.hpp>

namespace grantkit::render {

namespace {

// JSON string escaping per RFC 8259 (control characters as \u00XX; UTF-8 passed through). A
// byte that is not UTF-8 (a folder name in Latin-1) is written as the text `\xNN`
// (core::utf8_or_escaped), so that the document is UTF-8 as RFC 8259 §8.1 requires.
void put_string(std::string& out, std::string_view s) {
  std::string escaped;
  if (!core::is_valid_utf8(s)) {
    escaped = core::utf8_or_escaped(s);
    s = escaped;
  }
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20)
          out += fmt::format("\\u{:04x}", c);
        else
          out += ch;
    }
  }
  out += '"';
}

void put_cell(std::string& out, const reports::Cell& c, const reports::Column* col) {
  using K = reports::Cell::Kind;
  switch (c.kind) {
    case K::empty:
      out += "null";
      break;
    case K::text:
    case K::date:
      put_string(out, c.text);
      break;
    case K::money:
      out += core::format_money_plain(c.money());
      break;
    case K::percent:
      out += core::format_percent_plain(core::Percent::from_millionths(c.number));
      break;
    case K::seconds:
      out += format_hours_plain(c.number);
      break;
    case K::integer:
      out += fmt::format("{}", c.number);
      break;
    case K::list: {
      out += '[';
      for (std::size_t i = 0; i < c.list.size(); ++i) {
        if (i) out += ',';
        put_string(out, c.list[i]);
      }
      out += ']';
      break;
    }
    case K::entries: {
      bool as_object = col == nullptr || col->as_object;
      out += as_object ? '{' : '[';
      for (std::size_t i = 0; i < c.entries.size(); ++i) {
        if (i) out += ',';
        const auto& [label, value] = c.entries[i];
        if (as_object) {
          put_string(out, label);
          out += ':';
          put_cell(out, value, nullptr);
        } else {
          out += '{';
          put_string(out, col->entry_key);
          out += ':';
          put_string(out, label);
          out += ',';
          put_string(out, col->value_key);
          out += ':';
          put_cell(out, value, nullptr);
          out += '}';
        }
      }
      out += as_object ? '}' : ']';
      break;
    }
  }
}

void put_row(std::string& out, const reports::Table& t, const std::vector<reports::Cell>& row,
             const char* indent) {
  out += indent;
  out += '{';
  for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
    if (i) out += ", ";
    put_string(out, t.columns[i].key);
    out += ": ";
    put_cell(out, row[i], &t.columns[i]);
  }
  out += '}';
}

// The version of a document's JSON schema (docs/schema/versions.txt): 2 for claim, whose costs
// gained deducted, late_costs and claimed, its aid financing_share and previously_deducted, its
// transactions late_from (the claim register); 2 for the monthly report and its summary, whose
// action list gained its amount and the routine table (README "Choices": triage of findings); 1
// for the others.
int schema_version(std::string_view report) {
  return report == "claim" || report == "report" || report == "summary" ? 2 : 1;
}

// The header fields of the contract: schema, project, currency, as_of, period (no closing brace).
std::string header_json(const reports::Document& doc, std::string_view report) {
  std::string out = "{\n";
  out += "  \"schema\": ";
  put_string(out, fmt::format("grantkit/{}/{}", report, schema_version(report)));
  out += ",\n  \"project\": {\"id\": ";
  put_string(out, doc.project_id);
  out += ", \"name\": ";
  put_string(out, doc.project_name);
  out += "},\n  \"currency\": ";
  put_string(out, doc.currency);
  out += ",\n  \"as_of\": ";
  put_string(out, core::format_iso(doc.as_of));
  out += ",\n  \"period\": {\"from\": ";
  put_string(out, core::format_iso(doc.period.from));
  out += ", \"to\": ";
  put_string(out, core::format_iso(doc.period.to));
  out += "}";
  return out;
}

// `,\n  "diagnostics": [...]\n}\n`: the closing part of every document.
std::string diagnostics_json(const core::Diagnostics& diagnostics) {
  std::string out = ",\n  \"diagnostics\": [";
  const auto& items = diagnostics.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& d = items[i];
    out += i ? ",\n    {" : "\n    {";
    out += "\"severity\": ";
    put_string(out, core::severity_name(d.severity));
    out += ", \"rule\": ";
    put_string(out, d.rule);
    out += ", \"message\": ";
    put_string(out, d.message);
    out += ", \"file\": ";
    if (d.place.file.empty())
      out += "null";
    else
      put_string(out, d.place.file);
    out += fmt::format(", \"line\": {}, \"column\": {}",
                       d.place.line > 0 ? std::to_string(d.place.line) : "null",
                       d.place.column > 0 ? std::to_string(d.place.column) : "null");
    // Only where known: the money at stake (kronor), and an accept's reason.
    if (d.amount) out += ", \"amount\": " + core::format_money_plain(*d.amount);
    if (!d.accepted.empty()) {
      out += ", \"accepted\": ";
      put_string(out, d.accepted);
    }
    out += "}";
  }
  out += items.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace

std::string render_json(const reports::Document& doc) {
  std::string out = header_json(doc, doc.report);
  for (const auto& t : doc.tables) {
    if (!t.presents.empty()) continue;  // the value itself is written below
    out += ",\n  ";
    put_string(out, t.key);
    out += ": [";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      out += r ? ",\n" : "\n";
      put_row(out, t, t.rows[r], "    ");
    }
    out += t.rows.empty() ? "]" : "\n  ]";
    if (t.total) {
      out += ",\n  ";
      put_string(out, t.key == "rows" ? std::string("total") : t.key + "_total");
      out += ": ";
      put_row(out, t, *t.total, "");
    }
  }
  for (const auto& [key, value] : doc.values) {
    out += ",\n  ";
    put_string(out, key);
    out += ": ";
    put_cell(out, value, nullptr);
  }
  return out + diagnostics_json(doc.diagnostics);
}

FindingCounts count_findings(const core::Diagnostics& diagnostics) {
  FindingCounts c;
  std::set<std::string> files;
  for (const auto& d : diagnostics.items()) {
    switch (d.severity) {
      case core::Severity::error:
        ++c.errors;
        break;
      case core::Severity::warning:
        ++c.warnings;
        break;
      case core::Severity::info:
        ++c.info;
        break;
    }
    if (d.severity != core::Severity::info && !d.place.file.empty()) files.insert(d.place.file);
  }
  c.files = files.size();
  return c;
}

std::string findings_summary(const FindingCounts& c, Lang lang) {
  if (lang == Lang::sv) {
    return fmt::format("{} fel, {} {} i {} {}", c.errors, c.warnings,
                       c.warnings == 1 ? "varning" : "varningar", c.files,
                       c.files == 1 ? "fil" : "filer");
  }
  return fmt::format("{} {}, {} {} in {} {}", c.errors, c.errors == 1 ? "error" : "errors",
                     c.warnings, c.warnings == 1 ? "warning" : "warnings", c.files,
                     c.files == 1 ? "file" : "files");
}

std::string render_validation_json(const Validation& v) {
  std::string out = "{\n  \"schema\": \"grantkit/validate/1\",\n  \"project\": ";
  if (v.project_id.empty()) {
    out += "null";
  } else {
    out += "{\"id\": ";
    put_string(out, v.project_id);
    out += ", \"name\": ";
    put_string(out, v.project_name);
    out += "}";
  }
  out += ",\n  \"as_of\": ";
  if (v.as_of)
    put_string(out, core::format_iso(*v.as_of));
  else
    out += "null";
  out += ",\n  \"period\": ";
  if (v.period) {
    out += "{\"from\": ";
    put_string(out, core::format_iso(v.period->from));
    out += ", \"to\": ";
    put_string(out, core::format_iso(v.period->to));
    out += "}";
  } else {
    out += "null";
  }
  FindingCounts c = count_findings(v.diagnostics);
  out += fmt::format(
      ",\n  \"counts\": {{\"errors\": {}, \"warnings\": {}, \"info\": {}, \"files\": {}}}",
      c.errors, c.warnings, c.info, c.files);
  return out + diagnostics_json(v.diagnostics);
}

std::string render_json(const reports::Bundle& bundle) {
  std::string out = header_json(bundle.header, bundle.header.report);
  out += ",\n  \"sections\": {";
  for (std::size_t i = 0; i < bundle.sections.size(); ++i) {
    const auto& [key, doc] = bundle.sections[i];
    out += i ? ",\n    " : "\n    ";
    put_string(out, key);
    out += ": ";
    // Each section is its report's own document, indented by four spaces.
    std::string inner = render_json(doc);
    while (!inner.empty() && inner.back() == '\n') inner.pop_back();
    for (char c : inner) {
      out += c;
      if (c == '\n') out += "    ";
    }
  }
  out += bundle.sections.empty() ? "}" : "\n  }";
  return out + diagnostics_json(bundle.header.diagnostics);
}

}  // namespace grantkit::render
