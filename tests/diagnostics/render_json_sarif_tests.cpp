// The JSON and SARIF formats, parsed back: the fields tools read must be there
// with the right values, and SARIF fingerprints must survive edits above.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "render_fixture.h"

using namespace segc;
using namespace segc::test;
using nlohmann::json;

namespace {

json render_as(DiagnosticFormat format, const std::vector<Diagnostic>& diagnostics,
               const SourceManager& sources, const RenderOptions& options) {
  std::string out = render_diagnostics(format, diagnostics, sources, options);
  REQUIRE(out.ends_with("}\n"));
  return json::parse(out);
}

}  // namespace

TEST_CASE("json: counts, positions in code points, help and related", "[render]") {
  RenderFixture f;
  json doc = render_as(DiagnosticFormat::Json,
                       {f.duplicate_error(), f.enum_error(), f.age_warning(), f.no_file_error()},
                       f.sources, f.options());
  CHECK(doc["format_version"] == 1);
  CHECK(doc["error_count"] == 3);
  CHECK(doc["warning_count"] == 1);
  REQUIRE(doc["diagnostics"].size() == 4);

  const json& duplicate = doc["diagnostics"][0];
  CHECK(duplicate["file"] == "rules/retail.seg");
  CHECK(duplicate["severity"] == "error");
  CHECK(duplicate["code"] == "E0301");
  CHECK(duplicate["help"].is_null());
  REQUIRE(duplicate["related"].size() == 1);
  CHECK(duplicate["related"][0] == json{{"file", "rules/schema.seg"},
                                        {"line", 4},
                                        {"column", 9},
                                        {"end_line", 4},
                                        {"end_column", 12},
                                        {"message", "first declared here"}});

  const json& enum_value = doc["diagnostics"][1];
  CHECK(enum_value["line"] == 3);
  CHECK(enum_value["column"] == 33);
  CHECK(enum_value["end_line"] == 3);
  CHECK(enum_value["end_column"] == 40);
  CHECK(enum_value["message"] == "unknown value \"emial\" for enum field 'channel'");
  CHECK(enum_value["help"] == "did you mean \"email\"?");
  CHECK(enum_value["related"] == json::array());

  CHECK(doc["diagnostics"][2]["severity"] == "warning");

  const json& no_file = doc["diagnostics"][3];
  for (const char* key : {"file", "line", "column", "end_line", "end_column"}) {
    CHECK(no_file[key].is_null());
  }
}

TEST_CASE("json: keys in documented order, two-space indent, UTF-8 kept", "[render]") {
  RenderFixture f;
  auto d = diagnostic(Severity::Error, codes::kUnknownName, range(f.retail, 5, 24, 5, 31),
                      "unknown name 'возраст'");
  std::string out = render_diagnostics(DiagnosticFormat::Json, {d}, f.sources, f.options());
  CHECK(out.starts_with("{\n  \"format_version\": 1,\n  \"error_count\": 1,\n"));
  CHECK(out.find("\"message\": \"unknown name 'возраст'\"") != std::string::npos);
  CHECK(out.find("\"file\"") < out.find("\"severity\""));
}

TEST_CASE("json: a message with invalid UTF-8 does not throw", "[render]") {
  RenderFixture f;
  auto d = diagnostic(Severity::Error, codes::kInvalidUtf8, range(f.retail, 1, 1, 1, 2),
                      "bad byte \xFF here");
  json doc;
  REQUIRE_NOTHROW(doc = render_as(DiagnosticFormat::Json, {d}, f.sources, f.options()));
  CHECK(doc["diagnostics"][0]["message"] == "bad byte \xEF\xBF\xBD here");
}

TEST_CASE("json: no diagnostics is an empty list", "[render]") {
  RenderFixture f;
  json doc = render_as(DiagnosticFormat::Json, {}, f.sources, f.options());
  CHECK(doc["error_count"] == 0);
  CHECK(doc["diagnostics"] == json::array());
}

TEST_CASE("sarif: required fields, rules and results", "[render]") {
  RenderFixture f;
  json log = render_as(DiagnosticFormat::Sarif,
                       {f.duplicate_error(), f.enum_error(), f.age_warning(), f.no_file_error()},
                       f.sources, f.options());
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "segc");
  CHECK(driver["version"] == SEGC_VERSION);
  CHECK(driver["informationUri"].get<std::string>().starts_with("https://"));
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == std::string("file://") + kRepoRoot + "/");

  // One rule per code used, each with the catalogue's title and level.
  const json& rules = driver["rules"];
  std::vector<std::string> ids;
  for (const json& rule : rules) ids.push_back(rule["id"]);
  CHECK(ids == std::vector<std::string>{"E0203", "E0301", "E0304", "W0601"});
  CHECK(rules[0]["shortDescription"]["text"] == codes::find_code("E0203")->title);
  CHECK(rules[3]["defaultConfiguration"]["level"] == "warning");

  const json& results = run["results"];
  REQUIRE(results.size() == 4);
  for (const json& result : results) {
    CHECK(result["message"]["text"].is_string());
    CHECK(rules[result["ruleIndex"].get<size_t>()]["id"] == result["ruleId"]);
  }

  const json& enum_value = results[1];
  CHECK(enum_value["level"] == "error");
  CHECK(enum_value["message"]["text"] ==
        "unknown value \"emial\" for enum field 'channel'\nhelp: did you mean \"email\"?");
  const json& physical = enum_value["locations"][0]["physicalLocation"];
  CHECK(physical["artifactLocation"] ==
        json{{"uri", "rules/retail.seg"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(physical["region"] ==
        json{{"startLine", 3}, {"startColumn", 33}, {"endLine", 3}, {"endColumn", 40}});

  const json& related = results[0]["relatedLocations"];
  REQUIRE(related.size() == 1);
  CHECK(related[0]["message"]["text"] == "first declared here");
  CHECK(related[0]["physicalLocation"]["artifactLocation"]["uri"] == "rules/schema.seg");

  CHECK(results[2]["level"] == "warning");
  CHECK_FALSE(results[3].contains("locations"));
}

TEST_CASE("sarif: URIs are relative, percent-encoded, absolute outside the base", "[render]") {
  SourceManager sources;
  FileId spaced =
      sources.add("my rules/a b#1.seg", std::string(kRepoRoot) + "/my rules/a b#1.seg", "x\n").id();
  FileId cyrillic = sources.add("правила.seg", std::string(kRepoRoot) + "/правила.seg", "x\n").id();
  FileId outside =
      sources.add("../elsewhere/lib.seg", "/nonexistent-elsewhere/lib.seg", "x\n").id();
  std::vector<Diagnostic> diagnostics;
  for (FileId id : {spaced, cyrillic, outside}) {
    diagnostics.push_back(
        diagnostic(Severity::Error, codes::kSyntaxError, range(id, 1, 1, 1, 2), "bad"));
  }
  RenderOptions options;
  options.base_directory = std::string(kRepoRoot) + "/";  // a trailing slash changes nothing
  json log = render_as(DiagnosticFormat::Sarif, diagnostics, sources, options);
  auto artifact = [&](size_t i) {
    return log["runs"][0]["results"][i]["locations"][0]["physicalLocation"]["artifactLocation"];
  };
  CHECK(artifact(0)["uri"] == "my%20rules/a%20b%231.seg");
  CHECK(artifact(1)["uri"] == "%D0%BF%D1%80%D0%B0%D0%B2%D0%B8%D0%BB%D0%B0.seg");
  CHECK(artifact(1)["uriBaseId"] == "%SRCROOT%");
  CHECK(artifact(2) == json{{"uri", "file:///nonexistent-elsewhere/lib.seg"}});
}

TEST_CASE("sarif: fingerprints survive edits above and tell findings apart", "[render]") {
  auto fingerprint_of = [](const std::string& prefix, uint32_t line, const std::string& message) {
    SourceManager sources;
    FileId id = sources
                    .add("rules/a.seg", std::string(kRepoRoot) + "/rules/a.seg",
                         prefix + "segment vip where age > 200\n")
                    .id();
    auto d = diagnostic(Severity::Warning, codes::kConstantComparison,
                        range(id, line, 19, line, 28), message);
    RenderOptions options;
    options.base_directory = kRepoRoot;
    json log = render_as(DiagnosticFormat::Sarif, {d}, sources, options);
    return log["runs"][0]["results"][0]["partialFingerprints"]["segcFingerprint/v1"]
        .get<std::string>();
  };
  std::string original = fingerprint_of("", 1, "always false");
  CHECK(original.size() == 32 + 2);  // MD5 in hex, then ":1"
  CHECK(original.ends_with(":1"));
  CHECK(fingerprint_of("# a comment\n\n", 3, "always false") == original);
  CHECK(fingerprint_of("", 1, "always true") != original);
}

TEST_CASE("sarif: identical findings on identical lines get distinct fingerprints", "[render]") {
  SourceManager sources;
  FileId id = sources.add("a.seg", std::string(kRepoRoot) + "/a.seg", "x\nx\n").id();
  std::vector<Diagnostic> diagnostics = {
      diagnostic(Severity::Error, codes::kSyntaxError, range(id, 1, 1, 1, 2), "bad"),
      diagnostic(Severity::Error, codes::kSyntaxError, range(id, 2, 1, 2, 2), "bad")};
  RenderOptions options;
  options.base_directory = kRepoRoot;
  json log = render_as(DiagnosticFormat::Sarif, diagnostics, sources, options);
  std::string first = log["runs"][0]["results"][0]["partialFingerprints"]["segcFingerprint/v1"];
  std::string second = log["runs"][0]["results"][1]["partialFingerprints"]["segcFingerprint/v1"];
  CHECK(first.substr(0, 32) == second.substr(0, 32));
  CHECK(first.ends_with(":1"));
  CHECK(second.ends_with(":2"));
}

TEST_CASE("json: diagnostics left out by the limit are counted", "[render]") {
  RenderFixture f;
  const DiagnosticList list = f.limited_list();
  json doc = json::parse(render_diagnostics(DiagnosticFormat::Json, list, f.sources, f.options()));
  CHECK(doc["error_count"] == 7);
  CHECK(doc["warning_count"] == 2);
  CHECK(doc["omitted_error_count"] == 6);
  CHECK(doc["omitted_warning_count"] == 1);
  CHECK(doc["diagnostics"].size() == 2);
  CHECK(doc["omitted"] == json::parse(R"([
    {"file": "rules/retail.seg", "error_count": 6, "warning_count": 0},
    {"file": "rules/schema.seg", "error_count": 0, "warning_count": 1}])"));

  // Without omissions the fields are there, with zeros.
  json full = render_as(DiagnosticFormat::Json, {f.enum_error()}, f.sources, f.options());
  CHECK(full["omitted_error_count"] == 0);
  CHECK(full["omitted"] == json::array());
}

TEST_CASE("sarif: diagnostics left out by the limit are tool notifications", "[render]") {
  RenderFixture f;
  const DiagnosticList list = f.limited_list();
  json log = json::parse(render_diagnostics(DiagnosticFormat::Sarif, list, f.sources, f.options()));
  const json& run = log["runs"][0];
  CHECK(run["results"].size() == 2);
  CHECK(run["properties"]["omittedErrorCount"] == 6);
  CHECK(run["properties"]["omittedWarningCount"] == 1);
  REQUIRE(run["invocations"].size() == 1);
  const json& invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == true);
  const json& notifications = invocation["toolExecutionNotifications"];
  REQUIRE(notifications.size() == 2);
  CHECK(notifications[0]["level"] == "note");
  CHECK(notifications[0]["message"]["text"] ==
        "6 more errors not shown (--error-limit 0 shows all)");
  CHECK(notifications[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "rules/retail.seg");
  CHECK(notifications[1]["message"]["text"] ==
        "1 more warning not shown (--error-limit 0 shows all)");
}

TEST_CASE("json and sarif: NUL and ESC in a message are JSON escapes, the text whole", "[render]") {
  RenderFixture f;
  using namespace std::string_literals;
  auto d = diagnostic(Severity::Error, codes::kUnknownEnumValue, range(f.retail, 3, 33, 3, 40),
                      "value \"a\0b\x1b]0;t\x07\" here"s);
  const std::string out = render_diagnostics(DiagnosticFormat::Json, {d}, f.sources, f.options());
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\0') == std::string::npos);
  CHECK(json::parse(out)["diagnostics"][0]["message"] == "value \"a\0b\x1b]0;t\x07\" here"s);
  const std::string sarif = render_diagnostics(DiagnosticFormat::Sarif, {d}, f.sources, f.options());
  CHECK(sarif.find('\x1b') == std::string::npos);
  CHECK(json::parse(sarif)["runs"][0]["results"][0]["message"]["text"] ==
        "value \"a\0b\x1b]0;t\x07\" here"s);
}
