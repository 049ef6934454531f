// The text format, compared character for character: the caret must sit under
// the right code point even after Cyrillic letters and tabs.
#include <catch2/catch.hpp>

#include "render_fixture.h"

using namespace segc;
using namespace segc::test;

namespace {

std::string text(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                 bool color = false) {
  RenderOptions options;
  options.color = color;
  return render_diagnostics(DiagnosticFormat::Text, diagnostics, sources, options);
}

}  // namespace

TEST_CASE("text: caret counts code points, not bytes, after Cyrillic text", "[render]") {
  RenderFixture f;
  CHECK(text({f.enum_error()}, f.sources) ==
        "rules/retail.seg:3:33: error[E0203]: unknown value \"emial\" for enum field 'channel'\n"
        "    3 |   city = \"Москва\" and channel = \"emial\"\n"
        "      |                                 ^~~~~~~\n"
        "      = help: did you mean \"email\"?\n");
}

TEST_CASE("text: a Cyrillic range gets one tilde per letter", "[render]") {
  RenderFixture f;
  auto d = diagnostic(Severity::Error, codes::kUnknownName, range(f.retail, 5, 24, 5, 31),
                      "unknown name 'возраст'");
  CHECK(text({d}, f.sources) ==
        "rules/retail.seg:5:24: error[E0202]: unknown name 'возраст'\n"
        "    5 | segment лояльные where возраст > 200\n"
        "      |                        ^~~~~~~\n");
}

TEST_CASE("text: tabs before the caret are repeated so it lines up", "[render]") {
  RenderFixture f;
  CHECK(text({f.age_warning()}, f.sources) ==
        "rules/retail.seg:4:6: warning[W0601]: customers without 'age' drop out\n"
        "    4 | \tand age >= 18\n"
        "      | \t    ^~~\n"
        "      = help: add `or age is missing`\n");
}

TEST_CASE("text: tabs after Cyrillic text are found by code point, not byte", "[render]") {
  SourceManager sources;
  FileId id = sources.add("ru.seg", "/nonexistent/ru.seg", "\tгород\t= \"Мск\" and\n").id();
  auto d = diagnostic(Severity::Error, codes::kTypeMismatch, range(id, 1, 10, 2, 1),
                      "строка не сравнивается с числом");
  // Tabs at columns 1 and 7; the range runs past the line, so the tildes go
  // to its last code point (column 18), not to its last byte.
  CHECK(render_diagnostics(DiagnosticFormat::Text, {d}, sources, {}) ==
        "ru.seg:1:10: error[E0201]: строка не сравнивается с числом\n"
        "    1 | \tгород\t= \"Мск\" and\n"
        "      | \t     \t  ^~~~~~~~~\n");
}

TEST_CASE("text: related locations print as notes with their own excerpt", "[render]") {
  RenderFixture f;
  CHECK(text({f.duplicate_error()}, f.sources) ==
        "rules/retail.seg:2:9: error[E0301]: segment 'vip' is declared twice\n"
        "    2 | segment vip where\n"
        "      |         ^~~\n"
        "rules/schema.seg:4:9: note: first declared here\n"
        "    4 | segment vip where true\n"
        "      |         ^~~\n");
}

TEST_CASE("text: several diagnostics follow each other without a summary", "[render]") {
  RenderFixture f;
  std::string out = text({f.duplicate_error(), f.enum_error(), f.no_file_error()}, f.sources);
  CHECK(out.find("rules/retail.seg:2:9: error[E0301]") == 0);
  CHECK(out.find("rules/retail.seg:3:33: error[E0203]") != std::string::npos);
  CHECK(
      out.ends_with("      = help: did you mean \"email\"?\nerror[E0304]: no schema is visible\n"));
  CHECK(out.find("errors") == std::string::npos);
}

TEST_CASE("text: a diagnostic without a file has no location or excerpt", "[render]") {
  RenderFixture f;
  CHECK(text({f.no_file_error()}, f.sources) == "error[E0304]: no schema is visible\n");
}

TEST_CASE("text: a range over several lines is marked to the end of its first line", "[render]") {
  RenderFixture f;
  auto d = diagnostic(Severity::Error, codes::kMissingWhere, range(f.retail, 2, 9, 3, 5),
                      "segment block without a condition");
  CHECK(text({d}, f.sources) ==
        "rules/retail.seg:2:9: error[E0107]: segment block without a condition\n"
        "    2 | segment vip where\n"
        "      |         ^~~~~~~~~\n");
}

TEST_CASE("text: an empty range or one at the end of the line is a lone caret", "[render]") {
  RenderFixture f;
  auto at_end = diagnostic(Severity::Error, codes::kSyntaxError, range(f.retail, 2, 18, 2, 19),
                           "expected a condition");
  CHECK(text({at_end}, f.sources) ==
        "rules/retail.seg:2:18: error[E0101]: expected a condition\n"
        "    2 | segment vip where\n"
        "      |                  ^\n");
  auto empty = diagnostic(Severity::Error, codes::kSyntaxError, range(f.retail, 2, 1, 2, 1),
                          "expected a declaration");
  CHECK(text({empty}, f.sources).ends_with("      | ^\n"));
}

TEST_CASE("text: the gutter widens for line numbers over 9999", "[render]") {
  SourceManager sources;
  std::string big(10'000, '\n');
  big += "segment x where true\n";
  FileId id = sources.add("big.seg", "/nonexistent/big.seg", big).id();
  auto d =
      diagnostic(Severity::Error, codes::kSyntaxError, range(id, 10'001, 9, 10'001, 10), "bad");
  CHECK(text({d}, sources) ==
        "big.seg:10001:9: error[E0101]: bad\n"
        " 10001 | segment x where true\n"
        "       |         ^\n");
}

TEST_CASE("text: control characters in the source are not echoed to the terminal", "[render]") {
  SourceManager sources;
  FileId id = sources.add("evil.seg", "/nonexistent/evil.seg", "a\x1b[2Jb = 1\n").id();
  auto d = diagnostic(Severity::Error, codes::kUnexpectedCharacter, range(id, 1, 2, 1, 3),
                      "unexpected character");
  std::string out = text({d}, sources);
  CHECK(out.find('\x1b') == std::string::npos);
  // Written as Seg writes it, and marked over its whole width.
  CHECK(out.find("    1 | a\\u{1B}[2Jb = 1\n      |  ^~~~~~\n") != std::string::npos);
}

TEST_CASE("text: colour only when asked for", "[render]") {
  RenderFixture f;
  std::string plain = text({f.enum_error(), f.age_warning()}, f.sources);
  CHECK(plain.find('\x1b') == std::string::npos);
  std::string coloured = text({f.enum_error(), f.age_warning()}, f.sources, true);
  CHECK(coloured.find("\x1b[1;31merror[E0203]:\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1;35mwarning[W0601]:\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1mrules/retail.seg:3:33: \x1b[0m") != std::string::npos);
}

TEST_CASE("text: a long line is cut to a window around the caret", "[render]") {
  SourceManager sources;
  const std::string line = std::string(300, 'a') + " = \"Москва\" " + std::string(300, 'b');
  FileId id = sources.add("long.seg", "/nonexistent/long.seg", line + "\n").id();
  // The '=' is column 302; the window starts 40 columns before it and is 100 wide.
  auto d = diagnostic(Severity::Error, codes::kSyntaxError, range(id, 1, 302, 1, 303),
                      "unexpected '='");
  CHECK(render_diagnostics(DiagnosticFormat::Text, {d}, sources, {}) ==
        "long.seg:1:302: error[E0101]: unexpected '='\n"
        "    1 | ..." + std::string(39, 'a') + " = \"Москва\" " + std::string(49, 'b') + "...\n"
        "      | " + std::string(3 + 40, ' ') + "^\n");
}

TEST_CASE("text: a window at the start of a long line, tildes cut at its end", "[render]") {
  SourceManager sources;
  FileId id = sources.add("long.seg", "/nonexistent/long.seg",
                          "\tsegment " + std::string(1000, 'x') + "\n").id();
  auto d = diagnostic(Severity::Error, codes::kSyntaxError, range(id, 1, 3, 1, 900),
                      "too long");
  CHECK(render_diagnostics(DiagnosticFormat::Text, {d}, sources, {}) ==
        "long.seg:1:3: error[E0101]: too long\n"
        "    1 | \tsegment " + std::string(91, 'x') + "...\n"
        "      | \t ^" + std::string(97, '~') + "\n");
}

TEST_CASE("text: many diagnostics on one long line stay small", "[render]") {
  SourceManager sources;
  std::string line;
  for (int i = 0; i < 20'000; ++i) line += "@ ";
  FileId id = sources.add("flood.seg", "/nonexistent/flood.seg", line + "\n").id();
  std::vector<Diagnostic> diagnostics;
  for (uint32_t column = 1; column < 40'000; column += 400) {
    diagnostics.push_back(diagnostic(Severity::Error, codes::kUnexpectedCharacter,
                                     range(id, 1, column, 1, column + 1), "unexpected '@'"));
  }
  const std::string out = render_diagnostics(DiagnosticFormat::Text, diagnostics, sources, {});
  CHECK(out.size() < diagnostics.size() * 300);
}

TEST_CASE("text: errors left out by the limit are counted in a note", "[render]") {
  RenderFixture f;
  const std::string out = render_diagnostics(DiagnosticFormat::Text, f.limited_list(), f.sources, {});
  CHECK(out.find("error[E0301]") != std::string::npos);
  CHECK(out.find("error[E0203]") == std::string::npos);
  CHECK(out.ends_with(
      "rules/retail.seg: note: 6 more errors not shown (--error-limit 0 shows all)\n"
      "rules/schema.seg: note: 1 more warning not shown (--error-limit 0 shows all)\n"));
}

TEST_CASE("text: the caret lines up after escaped control characters", "[render]") {
  SourceManager sources;
  // NUL, ESC and a right-to-left override before the flagged name.
  FileId id = sources.add("evil.seg", "/nonexistent/evil.seg",
                          std::string("s = \"\0\x1b\xE2\x80\xAE\" and agee\n", 21)).id();
  auto d = diagnostic(Severity::Error, codes::kUnknownName, range(id, 1, 15, 1, 19),
                      "unknown name 'agee'\x1b]0;x\x07", "did you mean 'age'?\r");
  CHECK(text({d}, sources) ==
        "evil.seg:1:15: error[E0202]: unknown name 'agee'\\u{1B}]0;x\\u{7}\n"
        "    1 | s = \"\\u{0}\\u{1B}\\u{202E}\" and agee\n"
        "      | " + std::string(30, ' ') + "^~~~\n"
        "      = help: did you mean 'age'?\\u{D}\n");
}

// The parser's E0003 counts a byte that is not part of a character as a
// column of its own; the excerpt must agree, or the caret points past it.
TEST_CASE("text: the caret lands on a byte that is not UTF-8, stray or cut short", "[render]") {
  SourceManager sources;
  FileId stray = sources.add("stray.seg", "/nonexistent/stray.seg", "s = \"ab\x80" "cd\"\n").id();
  FileId cut = sources.add("cut.seg", "/nonexistent/cut.seg", "s = \"\xD0\xBC\xC3" "cd\" \xD0\xBC\n").id();
  auto at = [](FileId file, uint32_t column) {
    return diagnostic(Severity::Error, codes::kInvalidUtf8, range(file, 1, column, 1, column + 1), "not UTF-8");
  };
  CHECK(text({at(stray, 8)}, sources) ==
        "stray.seg:1:8: error[E0003]: not UTF-8\n"
        "    1 | s = \"ab\\x{80}cd\"\n"
        "      |        ^~~~~~\n");
  // The caret and what follows the bad byte: 'м' (2 bytes) before it, 'c' after it.
  CHECK(text({at(cut, 7)}, sources) ==
        "cut.seg:1:7: error[E0003]: not UTF-8\n"
        "    1 | s = \"м\\x{C3}cd\" м\n"
        "      |       ^~~~~~\n");
  // The second 'м', column 12, is shown in column 17: after the 6 columns of \x{C3}.
  auto after = diagnostic(Severity::Error, codes::kUnknownName, range(cut, 1, 12, 1, 13), "after");
  CHECK(text({after}, sources).find("      | " + std::string(16, ' ') + "^\n") != std::string::npos);
}
