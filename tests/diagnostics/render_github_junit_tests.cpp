// The CI formats: GitHub workflow commands (whose escaping decides whether an
// annotation lands on the right file at all), the step-summary table, and
// JUnit XML (which must stay well-formed whatever the messages contain).
#include <algorithm>
#include <catch2/catch.hpp>

#include "render_fixture.h"

using namespace segc;
using namespace segc::test;

TEST_CASE("github: one workflow command per diagnostic", "[render]") {
  RenderFixture f;
  std::string out = render_diagnostics(DiagnosticFormat::Github,
                                       {f.enum_error(), f.age_warning(), f.no_file_error()},
                                       f.sources, f.options());
  CHECK(out ==
        "::error file=rules/retail.seg,line=3,endLine=3,col=33,endColumn=40,title=E0203::"
        "unknown value \"emial\" for enum field 'channel'%0Ahelp: did you mean \"email\"?\n"
        "::warning file=rules/retail.seg,line=4,endLine=4,col=6,endColumn=9,title=W0601::"
        "customers without 'age' drop out%0Ahelp: add `or age is missing`\n"
        "::error title=E0304::no schema is visible\n");
}

TEST_CASE("github: escapes % and newlines in messages, also : and , in properties; CR as \\u{D}",
          "[render]") {
  SourceManager sources;
  FileId id =
      sources.add("odd,dir/a:b.seg", std::string(kRepoRoot) + "/odd,dir/a:b.seg", "x\n").id();
  auto d =
      diagnostic(Severity::Error, "E01:,%", range(id, 1, 1, 1, 2), "100% sure: a, b\r\nnext::line");
  RenderOptions options;
  options.base_directory = kRepoRoot;
  CHECK(render_diagnostics(DiagnosticFormat::Github, {d}, sources, options) ==
        "::error file=odd%2Cdir/a%3Ab.seg,line=1,endLine=1,col=1,endColumn=2,title=E01%3A%2C%25::"
        "100%25 sure: a, b\\u{D}%0Anext::line\n");
}

TEST_CASE("github: related notes follow the message; multi-line ranges drop columns", "[render]") {
  RenderFixture f;
  auto multi_line = diagnostic(Severity::Error, codes::kMissingWhere, range(f.retail, 2, 9, 3, 5),
                               "segment block without a condition");
  std::string out = render_diagnostics(DiagnosticFormat::Github, {f.duplicate_error(), multi_line},
                                       f.sources, f.options());
  CHECK(out ==
        "::error file=rules/retail.seg,line=2,endLine=2,col=9,endColumn=12,title=E0301::"
        "segment 'vip' is declared twice%0Anote: rules/schema.seg:4:9: first declared here\n"
        "::error file=rules/retail.seg,line=2,endLine=3,title=E0107::"
        "segment block without a condition\n");
}

TEST_CASE("github: step summary is a Markdown table with escaped cells", "[render]") {
  RenderFixture f;
  auto piped = diagnostic(Severity::Error, codes::kBadOperand, range(f.retail, 4, 6, 4, 9),
                          "'|' needs sets, not <int> a|b");
  std::string summary =
      render_github_step_summary({f.enum_error(), piped, f.age_warning()}, f.sources);
  CHECK(summary ==
        "### segc: 2 errors, 1 warning\n"
        "\n"
        "| Severity | Code | Location | Message |\n"
        "| --- | --- | --- | --- |\n"
        "| error | E0203 | rules/retail.seg:3:33 | unknown value \"emial\" for enum field "
        "'channel'<br>help: did you mean \"email\"? |\n"
        "| error | E0211 | rules/retail.seg:4:6 | '\\|' needs sets, not \\<int\\> a\\|b |\n"
        "| warning | W0601 | rules/retail.seg:4:6 | customers without 'age' drop out<br>help: "
        "add \\`or age is missing\\` |\n");
  CHECK(render_github_step_summary(std::vector<Diagnostic>{}, f.sources) == "### segc: no problems found\n");
}

TEST_CASE("junit: one test case per checked file, failures per error", "[render]") {
  RenderFixture f;
  FileId clean = f.sources
                     .add("rules/clean.seg", std::string(kRepoRoot) + "/rules/clean.seg",
                          "segment x where true\n")
                     .id();
  RenderOptions options = f.options();
  options.checked_files = {clean, f.retail};
  // schema.seg is only imported: its finding gets a case after the checked files.
  auto in_schema = diagnostic(Severity::Error, codes::kBadKey, range(f.schema, 2, 3, 2, 6),
                              "key must be int or string");
  std::string out = render_diagnostics(
      DiagnosticFormat::Junit, {f.duplicate_error(), f.enum_error(), f.age_warning(), in_schema},
      f.sources, options);

  CHECK(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
  CHECK(out.find("<testsuite name=\"segc check\" tests=\"3\" failures=\"2\"") != std::string::npos);
  size_t clean_case = out.find("<testcase classname=\"segc.check\" name=\"rules/clean.seg\"/>");
  size_t retail_case = out.find("<testcase classname=\"segc.check\" name=\"rules/retail.seg\">");
  size_t schema_case = out.find("<testcase classname=\"segc.check\" name=\"rules/schema.seg\">");
  REQUIRE(clean_case != std::string::npos);
  REQUIRE(retail_case != std::string::npos);
  REQUIRE(schema_case != std::string::npos);
  CHECK(clean_case < retail_case);
  CHECK(retail_case < schema_case);

  // The failure text is the plain text rendering, XML-escaped.
  CHECK(out.find("<failure message=\"unknown value &quot;emial&quot; for enum field "
                 "&apos;channel&apos;\" type=\"E0203\">rules/retail.seg:3:33: error[E0203]: "
                 "unknown value &quot;emial&quot; for enum field &apos;channel&apos;\n"
                 "    3 |   city = &quot;Москва&quot; and channel = &quot;emial&quot;\n"
                 "      |                                 ^~~~~~~\n"
                 "      = help: did you mean &quot;email&quot;?\n</failure>") != std::string::npos);
  CHECK(
      out.find("<failure message=\"segment &apos;vip&apos; is declared twice\" type=\"E0301\">") !=
      std::string::npos);
  CHECK(out.find("<system-out>rules/retail.seg:4:6: warning[W0601]") != std::string::npos);
  CHECK(out.find("type=\"W0601\"") == std::string::npos);  // warnings are not failures
  CHECK(out.ends_with("  </testsuite>\n</testsuites>\n"));
}

TEST_CASE("junit: escapes markup and drops characters XML cannot hold", "[render]") {
  SourceManager sources;
  FileId id = sources.add("a&b<c>.seg", std::string(kRepoRoot) + "/a&b<c>.seg", "x\n").id();
  auto d = diagnostic(Severity::Error, codes::kUnexpectedCharacter, range(id, 1, 1, 1, 2),
                      "bad <&>\"' \x01\x1b char\nsecond line \xFF");
  RenderOptions options;
  options.checked_files = {id};
  std::string out = render_diagnostics(DiagnosticFormat::Junit, {d}, sources, options);
  CHECK(out.find("name=\"a&amp;b&lt;c&gt;.seg\"") != std::string::npos);
  CHECK(out.find("message=\"bad &lt;&amp;&gt;&quot;&apos;  char&#10;second line \xEF\xBF\xBD\"") !=
        std::string::npos);
  bool only_xml_characters = std::all_of(out.begin(), out.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t';
  });
  CHECK(only_xml_characters);
}

TEST_CASE("junit: a diagnostic without a file gets its own case", "[render]") {
  RenderFixture f;
  RenderOptions options = f.options();
  std::string out =
      render_diagnostics(DiagnosticFormat::Junit, {f.no_file_error()}, f.sources, options);
  CHECK(out.find("<testcase classname=\"segc.check\" name=\"rules/retail.seg\"/>") !=
        std::string::npos);
  CHECK(out.find("<testcase classname=\"segc.check\" name=\"(no file)\">\n"
                 "      <failure message=\"no schema is visible\" type=\"E0304\">"
                 "error[E0304]: no schema is visible\n</failure>") != std::string::npos);
  CHECK(out.find("tests=\"2\" failures=\"1\"") != std::string::npos);
}

TEST_CASE("github and junit: diagnostics left out by the limit are counted", "[render]") {
  RenderFixture f;
  DiagnosticList list;
  list.add(f.enum_error());
  list.add(f.duplicate_error());
  list.sort_and_deduplicate();
  list.apply_limit(1);
  const std::string github = render_diagnostics(DiagnosticFormat::Github, list, f.sources, f.options());
  CHECK(github.find("title=E0203") == std::string::npos);
  CHECK(github.ends_with("::notice file=rules/retail.seg,title=segc::1 more error not shown "
                         "(--error-limit 0 shows all)\n"));
  const std::string summary = render_github_step_summary(list, f.sources);
  CHECK(summary.find("| E0301 |") != std::string::npos);
  CHECK(summary.ends_with("\nrules/retail.seg: 1 more error not shown (--error-limit 0 shows all)\n"));
  const std::string junit = render_diagnostics(DiagnosticFormat::Junit, list, f.sources, f.options());
  CHECK(junit.find("<system-out>rules/retail.seg: note: 1 more error not shown (--error-limit 0 "
                   "shows all)\n</system-out>") != std::string::npos);
}
