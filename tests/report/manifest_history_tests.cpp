// --history reads the manifests of earlier runs: the counts of segments and
// partition groups, and a clear message for anything that is not one.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "report/manifest_history.h"

namespace segc::report {
namespace {

namespace fs = std::filesystem;

fs::path write_manifest(const std::string& name, const std::string& text) {
  const fs::path folder = fs::temp_directory_path() / ("segc-history-test-" + std::to_string(::getpid())) / name;
  fs::create_directories(folder);
  std::ofstream(folder / "manifest.json") << text;
  return folder;
}

std::string read_error(const fs::path& path) {
  std::string error;
  CHECK_FALSE(read_history_point(path.string(), error).has_value());
  return error;
}

}  // namespace

TEST_CASE("report: a manifest gives its date, rows and member counts", "[report]") {
  const fs::path folder = write_manifest("good", R"({"format_version": 1, "as_of": "2026-10-01",
    "data": {"path": "c.csv", "rows": 200, "rejected_rows": 0},
    "rule_files": [{"path": "b.seg", "sha256": "bb"}, {"path": "a.seg", "sha256": "aa"}],
    "segments": [{"name": "adults", "members": 150}, {"name": "москва", "members": 0}],
    "partitions": [{"name": "nov", "groups": [{"name": "vip", "members": 20}, {"name": "rest", "else": true, "members": 180}]}]})");
  std::string error;
  const auto point = read_history_point(folder.string(), error);
  REQUIRE(point.has_value());
  CHECK(error.empty());
  CHECK(point->as_of == 20727);  // 2026-10-01
  CHECK(point->rows == 200);
  CHECK(point->members == std::map<std::string, uint64_t>{{"adults", 150}, {"москва", 0}, {"nov.vip", 20}, {"nov.rest", 180}});
  CHECK(point->rule_hashes == std::vector<std::string>{"aa", "bb"});
  // The file itself may be named too.
  CHECK(read_history_point((folder / "manifest.json").string(), error).has_value());

  std::vector<HistoryPoint> points{{20400, "c", 1, {}, {}, false},
                                   {20300, "a", 1, {}, {}, false},
                                   {20400, "d", 1, {}, {}, true},
                                   {20350, "b", 1, {}, {}, false}};
  sort_history(points);
  CHECK(points[0].source == "a");
  CHECK(points[1].source == "b");
  CHECK(points[2].source == "c");
  CHECK(points[3].source == "d");
}

TEST_CASE("report: what is not a manifest is refused with the reason", "[report]") {
  const fs::path root = fs::temp_directory_path() / ("segc-history-test-" + std::to_string(::getpid()));
  fs::create_directories(root / "empty");
  CHECK_THAT(read_error(root / "empty"), Catch::Contains("no manifest.json here"));
  CHECK_THAT(read_error(root / "nowhere"), Catch::Contains("no such folder or file"));
  CHECK_THAT(read_error(write_manifest("broken", "{\"format_version\": 1,")), Catch::Contains("not valid JSON"));
  CHECK_THAT(read_error(write_manifest("array", "[1, 2]")), Catch::Contains("format_version 1"));
  CHECK_THAT(read_error(write_manifest("v2", R"({"format_version": 2})")), Catch::Contains("format_version 1"));
  CHECK_THAT(read_error(write_manifest("date", R"({"format_version": 1, "as_of": "2026-13-01"})")),
             Catch::Contains("as_of"));
  CHECK_THAT(read_error(write_manifest("rows", R"({"format_version": 1, "as_of": "2026-01-01", "data": {"rows": -5}})")),
             Catch::Contains("rows"));
  CHECK_THAT(read_error(write_manifest("segments", R"({"format_version": 1, "as_of": "2026-01-01", "data": {"rows": 5},
               "segments": [{"name": "a"}]})")),
             Catch::Contains("\"members\" count"));
  CHECK_THAT(read_error(write_manifest("groups", R"({"format_version": 1, "as_of": "2026-01-01", "data": {"rows": 5},
               "segments": [], "partitions": [{"name": "p"}]})")),
             Catch::Contains("partition"));
  fs::remove_all(root);
}

}  // namespace segc::report
