// The report page: text from rules and data never becomes markup, only the
// page's own style and script are allowed to run (the Content-Security-Policy
// hashes must match them), and the same data gives the same bytes.
#include <catch2/catch.hpp>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/Support/Base64.h>
#include <llvm/Support/SHA256.h>

#include "report/html_report.h"

namespace segc::report {
namespace {

std::string between(const std::string& text, const std::string& open, const std::string& close) {
  const size_t start = text.find(open);
  REQUIRE(start != std::string::npos);
  const size_t end = text.find(close, start + open.size());
  REQUIRE(end != std::string::npos);
  return text.substr(start + open.size(), end - start - open.size());
}

std::string hash(const std::string& text) {
  const auto digest =
      llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
  return "'sha256-" + llvm::encodeBase64(digest) + "'";
}

size_t occurrences(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

ReportData hostile_report() {
  ReportData data;
  data.data_path = "customers<script>.csv";
  data.rows = 10;
  data.as_of = 20727;
  data.rule_files = {{"rules/\"a\".seg", "00ff"}};
  SegmentSummary evil{"evil", "rules/a.seg", 3, {}, 4};
  evil.properties.description = "<script>alert(1)</script><img src=x onerror=alert(2)>";
  evil.properties.owner = "\"><svg onload=alert(3)>";
  evil.properties.tags = {"</title><script>"};
  evil.properties.meta = {{"offer_code", "' onmouseover='alert(4)"}};
  data.segments = {evil, {"москва", "rules/a.seg", 9, {}, 6}};
  data.partitions = {{"nov", "rules/a.seg", {{"evil", false, 4}, {"<b>rest</b>", true, 6}}}};
  runtime::Bitmap a(10), b(10);
  for (size_t row = 0; row < 4; ++row) a.set(row);
  for (size_t row = 2; row < 8; ++row) b.set(row);
  const RowSet set_a(a), set_b(b);  // the matrix keeps the counts only
  data.overlaps = OverlapMatrix({&set_a, &set_b}, 1);
  // Per segment, then per partition group.
  FieldProfile city{"city", {"<i>Москва</i>", "(missing)"}, {7, 3}, {{3, 1}, {5, 1}, {3, 1}, {4, 2}}};
  data.profiles = {city};
  data.history = {{20700, "runs/<old>", 10, {{"evil", 2}, {"<retired>", 1}}, {"aa"}, false},
                  {20727, "this run", 10, {{"evil", 4}, {"москва", 6}}, {"00ff"}, true}};
  data.warnings = {{"rules/a.seg:3:1", "W0702", "segment '<evil>' has no members", "<help>"}};
  return data;
}

}  // namespace

TEST_CASE("report: rule and data text is escaped; only the page's own style and script may run", "[report]") {
  const std::string page = render_html_report(hostile_report(), {});
  CHECK(occurrences(page, "<script") == 1);  // the page's own, at the end
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);  // as text
  CHECK(page.find("<svg onload") == std::string::npos);
  CHECK(page.find("' onmouseover") == std::string::npos);
  CHECK(page.find("<b>rest") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("москва") != std::string::npos);
  const std::string policy = between(page, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  CHECK_THAT(policy, Catch::StartsWith("default-src 'none';"));
  CHECK_THAT(policy, Catch::Contains("style-src " + hash(between(page, "<style>", "</style>")) + ";"));
  CHECK_THAT(policy, Catch::Contains("script-src " + hash(between(page, "<script>", "</script>")) + ";"));
  CHECK(page.find("http://") == std::string::npos);
  CHECK(page.find("https://") == std::string::npos);
}

TEST_CASE("report: the page shows every section's numbers, the same bytes every time", "[report]") {
  const ReportData data = hostile_report();
  const std::string page = render_html_report(data, {});
  CHECK(page == render_html_report(data, {}));
  CHECK_THAT(page, Catch::Contains("<h2 id=\"segments-title\">Segments</h2>"));
  CHECK_THAT(page, Catch::Contains("40.0%"));                // evil: 4 of 10
  CHECK_THAT(page, Catch::Contains("evil and москва: 2 in both, Jaccard 0.25"));  // rows 2, 3 of 8
  CHECK_THAT(page, Catch::Contains("<h2 id=\"partitions-title\">Partitions</h2>"));
  CHECK_THAT(page, Catch::Contains("&lt;b&gt;rest&lt;/b&gt;</a> <span class=\"muted\">(else)</span>"));
  CHECK_THAT(page, Catch::Contains("<h2 id=\"history-title\">Sizes over time</h2>"));
  CHECK_THAT(page, Catch::Contains("share over time: 2026-09-04 20.0%, 2026-10-01 40.0%"));
  CHECK_THAT(page, Catch::Contains("The rules were not these</strong> in the run of 2026-09-04 (<code>runs/&lt;old&gt;</code>)"));
  CHECK_THAT(page, Catch::Contains("In earlier runs but not in these rules (not shown): &lt;retired&gt;."));
  CHECK_THAT(page, Catch::Contains("Data warnings (1)"));
  CHECK_THAT(page, Catch::Contains("75.0% of members, 70.0% of all"));  // evil's city: 3 of 4, base 7 of 10
  CHECK_THAT(page, Catch::Contains("aria-label=\"Overlap heat map of all 2 segments; the table of most overlapping pairs below gives the numbers\""));
}

}  // namespace segc::report
