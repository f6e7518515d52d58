#include <grantkit/core/i18n.hpp>

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace grantkit::core {

namespace {

constexpr const char* kDomain = "grantkit";
Language g_language = Language::library;
bool g_catalogue = false;

// The folder holding sv/LC_MESSAGES/grantkit.mo, or empty: beside the program in its build tree
// (build/cli/grantkit → build/locale), under its install prefix (bin/grantkit →
// share/locale), or the folder configured at build time.
std::string find_locale_dir() {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    candidates.push_back(dir.parent_path() / "locale");
    candidates.push_back(dir / "locale");
    candidates.push_back(dir.parent_path() / "share" / "locale");
  }
#ifdef GRANTKIT_LOCALE_DIR
  candidates.emplace_back(GRANTKIT_LOCALE_DIR);
#endif
  for (const auto& c : candidates) {
    if (fs::is_regular_file(c / "sv" / "LC_MESSAGES" / "grantkit.mo", ec)) return c.string();
  }
  return "";
}

}  // namespace

bool set_language(Language lang) {
  g_language = lang;
  g_catalogue = false;
  if (lang != Language::sv) return true;
  std::string dir = find_locale_dir();
  if (dir.empty()) return false;
  // glibc ignores LANGUAGE when the messages locale is "C" (intl/dcigettext.c), and a user's
  // sv_SE locale may not be generated: C.UTF-8 is built into glibc and is not "C".
  bool have_locale = false;
  for (const char* name : {"C.UTF-8", "C.utf8", "sv_SE.UTF-8", "en_US.UTF-8"}) {
    if (std::setlocale(LC_MESSAGES, name) != nullptr) {
      have_locale = true;
      break;
    }
  }
  if (!have_locale) return false;
  if (::setenv("LANGUAGE", "sv", 1) != 0) return false;
  if (bindtextdomain(kDomain, dir.c_str()) == nullptr) return false;
  if (bind_textdomain_codeset(kDomain, "UTF-8") == nullptr) return false;
  textdomain(kDomain);  // also makes gettext forget lookups cached under another LANGUAGE
  g_catalogue = true;
  return true;
}

Language language() {
  return g_language;
}

const char* translate(const char* msgid) {
  if (!g_catalogue || msgid == nullptr || msgid[0] == '\0') return msgid;
  return dgettext(kDomain, msgid);
}

std::string format_kr(Money m, bool always_decimals) {
  bool decimals = always_decimals || m.ore() % 100 != 0;
  if (g_language == Language::en) return format_money_human(m, decimals, ",", '.') + " kr";
  return format_money_human(m, decimals) + " kr";
}

std::string message_percent(Percent p) {
  return format_percent_human(p, 4, g_language == Language::en ? '.' : ',');
}

}  // namespace grantkit::core
