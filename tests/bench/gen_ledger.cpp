// gen_ledger: writes N deterministic ledger rows over the S2i2 project period as the same
// transactions in three forms — a CSV export, an SIE 4 file (CP437) and an hledger/ledger journal
// with an equivalent monthly budget — plus a grantkit project folder reading them, so that grantkit
// and its peers do the same work in the benchmark (scripts/bench). One row in ten belongs to
// another project and must be filtered out.
//
// usage: gen_ledger ROWS SEED OUT_DIR [csv,sie,journal]
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// splitmix64: a small, well-known deterministic generator (the same seed gives the same files).
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
};

struct Kind {
  int account;           // BAS account
  const char* category;  // grantkit cost category
  const char* journal;   // hledger/ledger account segment
  const char* text;      // UTF-8 text with Swedish letters
  std::int64_t min_ore, max_ore;
};

const Kind kKinds[] = {
    {7210, "personal", "personal", "Lön tjänsteman, processledning", 1500000, 4500000},
    {6550, "externa_tjanster", "externa_tjanster", "Konsultarvode analys, överenskommelse", 500000,
     6000000},
    {5810, "resor_och_logi", "resor_och_logi", "Tåg Malmö–Stockholm, möte", 40000, 300000},
    {5830, "resor_och_logi", "resor_och_logi", "Hotell Göteborg, övernattning", 90000, 250000},
    {6990, "ovriga_kostnader", "ovriga_kostnader", "Förtäring workshop, Ängelholm", 20000, 400000},
    {5410, "investeringar_materiel_lokaler", "investeringar_materiel_lokaler",
     "Förbrukningsmaterial, Åhus", 10000, 200000},
};
const char* const kActivities[] = {"A3.1", "A3.2", "A3.3", "A3.4", "A3.5"};
const std::int64_t kActivityBudget[] = {210000, 700000, 1300000, 385000, 350000};

// Days since 2021-06-01 → date, over 2021-06-01..2022-11-30 (548 days).
struct Ymd {
  int y, m, d;
};
Ymd date_of(int offset) {
  static const int days_in[] = {30, 31, 31, 30, 31, 30, 31, 31, 28,
                                31, 30, 31, 30, 31, 31, 30, 31, 30};
  int y = 2021, m = 6, i = 0;
  while (offset >= days_in[i]) {
    offset -= days_in[i++];
    if (++m == 13) {
      m = 1;
      ++y;
    }
  }
  return {y, m, offset + 1};
}

// UTF-8 Swedish letters → CP437 bytes for the SIE file (PC8, SIE 4B §5).
std::string cp437(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    std::string_view two = s.substr(i, 2), three = s.substr(i, 3);
    if (two == "å")
      out += '\x86';
    else if (two == "ä")
      out += '\x84';
    else if (two == "ö")
      out += '\x94';
    else if (two == "Å")
      out += '\x8F';
    else if (two == "Ä")
      out += '\x8E';
    else if (two == "Ö")
      out += '\x99';
    else if (two == "é")
      out += '\x82';
    else if (three == "–") {
      out += '-';
      i += 2;
      continue;
    } else
      out += '?';
    i += 1;
  }
  return out;
}

void money(std::string& out, std::int64_t ore) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(ore / 100),
                static_cast<long long>(ore % 100));
  out += buf;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: gen_ledger ROWS SEED OUT_DIR [csv,sie,journal]\n");
    return 2;
  }
  const std::int64_t rows = std::atoll(argv[1]);
  Rng rng{static_cast<std::uint64_t>(std::atoll(argv[2]))};
  const std::filesystem::path out(argv[3]);
  const std::string formats = argc > 4 ? argv[4] : "csv,sie,journal";
  const bool want_csv = formats.find("csv") != std::string::npos;
  const bool want_sie = formats.find("sie") != std::string::npos;
  const bool want_journal = formats.find("journal") != std::string::npos;
  std::filesystem::create_directories(out);

  std::ofstream csv, sie, journal;
  if (want_csv) {
    csv.open(out / "ledger.csv", std::ios::binary);
    csv << "date,voucher,account,amount,text,category,activity,project\n";
  }
  if (want_sie) {
    sie.open(out / "ledger.se", std::ios::binary);
    sie << "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#PROGRAM \"gen_ledger\" 1\n#GEN 20221231\n"
        << "#FNAMN \"" << cp437("Region Skåne (benchmark)") << "\"\n#RAR 0 20210101 20221231\n"
        << "#DIM 6 \"Projekt\"\n#DIM 20 \"Aktivitet\"\n#OBJEKT 6 \"S2I2\" \"S2i2 SDK\"\n#OBJEKT 6 "
           "\"ANNAT\" \"Annat projekt\"\n";
    for (const auto& k : kKinds) sie << "#KONTO " << k.account << " \"" << cp437(k.text) << "\"\n";
    sie << "#KONTO 1930 \"Bank\"\n";
  }
  if (want_journal) {
    journal.open(out / "ledger.journal", std::ios::binary);
    // The same monthly budget as grantkit's: each activity's budget spread over its 18 months.
    journal << "; generated by gen_ledger: the same transactions as ledger.csv and ledger.se\n"
            << "~ monthly from 2021-06-01 to 2022-12-01\n";
    for (int a = 0; a < 5; ++a) {
      std::string line = "    Kostnader:S2I2:";
      line += kActivities[a];
      line += "    ";
      money(line, kActivityBudget[a] * 100 / 18);
      journal << line << " SEK\n";
    }
    journal << "    Tillgangar:Bank\n\n";
  }

  // The 548 days of 2021-06-01..2022-11-30 as ISO and SIE (YYYYMMDD) dates.
  std::vector<std::string> iso, sie_date;
  for (int day = 0; day < 548; ++day) {
    Ymd d = date_of(day);
    std::string y = std::to_string(d.y), m = (d.m < 10 ? "0" : "") + std::to_string(d.m),
                dd = (d.d < 10 ? "0" : "") + std::to_string(d.d);
    iso.push_back(y + "-" + m + "-" + dd);
    sie_date.push_back(y + m + dd);
  }
  std::string c, s, j;
  c.reserve(1 << 20);
  s.reserve(1 << 20);
  j.reserve(1 << 20);
  for (std::int64_t i = 0; i < rows; ++i) {
    const Kind& k = kKinds[rng.below(std::size(kKinds))];
    int a = static_cast<int>(rng.below(5));
    bool other = rng.below(10) == 0;
    const char* project = other ? "ANNAT" : "S2I2";
    int day = static_cast<int>(rng.below(548));
    std::int64_t ore =
        k.min_ore +
        static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(k.max_ore - k.min_ore)));
    const char* date = iso[static_cast<std::size_t>(day)].c_str();
    const char* compact = sie_date[static_cast<std::size_t>(day)].c_str();
    std::string voucher = "V" + std::to_string(i + 1);
    if (want_csv) {
      c += date;
      c += ',';
      c += voucher;
      c += ',';
      c += std::to_string(k.account);
      c += ',';
      money(c, ore);
      c += ",\"";
      c += k.text;
      c += "\",";
      c += k.category;
      c += ',';
      c += kActivities[a];
      c += ',';
      c += project;
      c += '\n';
    }
    if (want_sie) {
      s += "#VER \"A\" \"";
      s += voucher.substr(1);
      s += "\" ";
      s += compact;
      s += " \"";
      s += cp437(k.text);
      s += "\"\n{\n";
      s += "#TRANS ";
      s += std::to_string(k.account);
      s += " {6 \"";
      s += project;
      s += "\" 20 \"";
      s += kActivities[a];
      s += "\"} ";
      money(s, ore);
      s += "\n#TRANS 1930 {} -";
      money(s, ore);
      s += "\n}\n";
    }
    if (want_journal) {
      j += date;
      j += " ";
      j += voucher;
      j += " ";
      j += k.text;
      j += "\n    Kostnader:";
      j += project;
      j += ':';
      j += kActivities[a];
      j += ':';
      j += k.journal;
      j += "    ";
      money(j, ore);
      j += " SEK\n    Tillgangar:Bank\n\n";
    }
    if (c.size() > (1 << 20)) {
      csv << c;
      c.clear();
    }
    if (s.size() > (1 << 20)) {
      sie << s;
      s.clear();
    }
    if (j.size() > (1 << 20)) {
      journal << j;
      j.clear();
    }
  }
  if (want_csv) csv << c;
  if (want_sie) sie << s;
  if (want_journal) journal << j;

  // grantkit project folders reading the CSV and the SIE file: the S2i2 plan's activities and
  // budget.
  auto project = [&](const char* dir, const char* source) {
    std::filesystem::create_directories(out / dir);
    std::ofstream y(out / dir / "project.yaml", std::ios::binary);
    y << "schema: grantkit/project/1\n"
         "# generated by gen_ledger for the benchmark: the S2i2 SDK plan over generated "
         "transactions\n"
         "project: {id: s2i2-sdk-bench, name: \"S2i2 SDK (benchmark)\", owner: Region Skåne, "
         "programme: erdf-2014-2020, currency: SEK}\n"
         "organisations:\n  - {id: region-skane, name: Region Skåne, role: owner}\n"
         "decision:\n  case_id: \"20303832\"\n  date: 2021-04-29\n  eligible: {from: 2021-06-01, "
         "to: 2023-03-31}\n"
         "  aid: {rate: null, max: null}\n  rates: {payroll_overhead: 0%}\n  budget: {total: "
         "2945000}\n"
         "full_time: {from: 2021-06-01, to: 2022-11-30}\nactivities:\n";
    for (int a = 0; a < 5; ++a) {
      y << "  - {id: " << kActivities[a] << ", budget: " << kActivityBudget[a]
        << ", period: {from: 2021-06-01, to: 2022-11-30}}\n";
    }
    y << "sources:\n  ledger:\n    - " << source << "\n";
  };
  if (want_csv) {
    project("grantkit-csv",
            "{path: \"../ledger.csv\", allow_outside: true, format: csv, project: {column: "
            "project, object: S2I2}}");
  }
  if (want_sie) {
    project("grantkit-sie",
            "{path: \"../ledger.se\", allow_outside: true, format: sie, accounts: bas, "
            "activity_dimension: 20, "
            "project: {dimension: 6, object: S2I2}}");
  }
  return 0;
}
