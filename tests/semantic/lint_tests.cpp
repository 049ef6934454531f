// The warnings of LANGUAGE.md section 6 (W0601..W0605), `# segc: allow`
// comments and --werror, through the same pipeline as `segc check`: each case
// writes small rule files to a temporary folder and checks which codes are
// reported where, and that the legitimate variants of each rule are quiet.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "diagnostics/codes.h"
#include "driver/check_driver.h"

namespace {

namespace fs = std::filesystem;

// The schema of LANGUAGE.md section 3. Single-file cases append it after the
// rules, so that the rules start on line 1.
constexpr const char* kSchema = R"(
schema customer {
  key customer_id: int
  age: int
  gender: enum("F", "M")
  city: string
  birth_date: date
  signup_date: date
  last_purchase: date
  total_spent: decimal(2)
  orders_count: int
  points_spent_30d: int
  clv_trend: float
  channel: enum("email", "sms", "push", "none")
  registered_via: enum("app", "web")
  tier: enum("bronze", "silver", "gold", "platinum")
  interests: set<string>
  referrals: int
  opted_in: bool
}
)";

// A temporary folder of rule files, removed with the object.
class RuleFolder {
 public:
  RuleFolder() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("segc-lint-tests-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~RuleFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  RuleFolder(const RuleFolder&) = delete;
  RuleFolder& operator=(const RuleFolder&) = delete;

  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

 private:
  fs::path path_;
};

struct Finding {
  std::string code;
  uint32_t line = 0;
  uint32_t column = 0;
  segc::Severity severity = segc::Severity::Warning;
  std::string message;
  std::vector<segc::RelatedLocation> related;
  std::string file;
};

std::string describe(const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const auto& f : findings) {
    out << f.file << ":" << f.line << ":" << f.column << " " << f.code << " " << f.message << "\n";
  }
  return out.str();
}

std::vector<Finding> check_files(const std::string& root, bool werror = false) {
  segc::CheckSettings settings;
  settings.warnings_as_errors = werror;
  settings.stdlib_directory = std::string(SEGC_SOURCE_DIR) + "/stdlib";
  auto outcome = segc::run_check({root}, settings);
  if (!outcome) {
    FAIL("run_check failed: " << llvm::toString(outcome.takeError()));
  }
  REQUIRE((*outcome)->usage_error.empty());
  std::vector<Finding> findings;
  for (const segc::Diagnostic& d : (*outcome)->diagnostics.items()) {
    findings.push_back(Finding{
        d.code, d.range.begin.line, d.range.begin.column, d.severity, d.message, d.related,
        fs::path((*outcome)->sources.file(d.range.file).display_path()).filename().string()});
  }
  return findings;
}

// Checks `rules` followed by the schema, in one file.
std::vector<Finding> check(const std::string& rules, bool werror = false) {
  RuleFolder folder;
  return check_files(folder.write("rules.seg", rules + kSchema), werror);
}

std::vector<Finding> with_code(const std::vector<Finding>& findings, std::string_view code) {
  std::vector<Finding> out;
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.code == code; });
  return out;
}

// Asserts that `rules` produce exactly one diagnostic, `code` at line:column.
Finding expect_one(const std::string& rules, std::string_view code, uint32_t line,
                   uint32_t column) {
  const auto findings = check(rules);
  INFO(rules << "\n" << describe(findings));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == code);
  CHECK(findings[0].line == line);
  CHECK(findings[0].column == column);
  CHECK(findings[0].severity == segc::Severity::Warning);
  return findings[0];
}

void expect_none(const std::string& rules) {
  const auto findings = check(rules);
  INFO(rules << "\n" << describe(findings));
  CHECK(findings.empty());
}

}  // namespace

// ---- W0601 -------------------------------------------------------------------

TEST_CASE("W0601: negations over a field that may be missing", "[lint]") {
  auto f = expect_one("segment not_sms = channel != \"sms\"\n", "W0601", 1, 19);
  CHECK(f.message == "customers with no 'channel' are left out of this condition");
  expect_one("segment s = channel not in [\"sms\", \"push\"]\n", "W0601", 1, 13);
  expect_one("segment s = not opted_in\n", "W0601", 1, 13);
  // Through function calls, the field is still the one that is missing.
  f = expect_one("segment s = not lower(city) = \"x\"\n", "W0601", 1, 13);
  CHECK(f.message.find("'city'") != std::string::npos);
  // Deeper in the expression, at the negation itself.
  expect_one("segment s = age > 3 or\n  (tier = \"gold\" and city != \"Москва\")\n", "W0601", 2,
             22);
}

TEST_CASE("W0601: one warning per field and negation", "[lint]") {
  const auto findings = check("segment s = not (age > 3 or age < 1 or city = \"a\")\n");
  INFO(describe(findings));
  REQUIRE(findings.size() == 2);
  for (const auto& f : findings) {
    CHECK(f.code == "W0601");
    CHECK(f.line == 1);
    CHECK(f.column == 13);
  }
  CHECK(findings[0].message != findings[1].message);
}

TEST_CASE("W0601: handled missing values are not reported", "[lint]") {
  expect_none("segment s = channel != \"sms\" or channel is missing\n");
  expect_none("segment s = channel is present and channel != \"sms\"\n");
  expect_none("segment s = coalesce(channel, \"none\") != \"sms\"\n");
  expect_none("segment vip = tier = \"gold\"\nsegment s = not vip\n");
  // Another condition of the chain already needs the value.
  expect_none("segment s = age > 18 and age != 30\n");
  // The key is always present; an empty set is a value, not a missing one.
  expect_none("segment s = customer_id != 3\n");
  expect_none("segment s = not interests contains \"cats\"\n");
  // `is missing` is never unknown.
  expect_none("segment s = not (age is missing)\n");
}

// ---- W0602 -------------------------------------------------------------------

TEST_CASE("W0602: enum comparisons against the first or last member", "[lint]") {
  auto f = expect_one("segment s = tier >= \"bronze\"\n", "W0602", 1, 13);
  CHECK(f.message == "this comparison is always true for 'tier': \"bronze\" is its lowest value");
  f = expect_one("segment s = tier < \"bronze\"\n", "W0602", 1, 13);
  CHECK(f.message.find("always false") != std::string::npos);
  expect_one("segment s = tier <= \"platinum\"\n", "W0602", 1, 13);
  expect_one("segment s = tier > \"platinum\"\n", "W0602", 1, 13);
  expect_one("segment s = \"bronze\" <= tier\n", "W0602", 1, 13);
  expect_one("segment s = tier in [\"bronze\", \"silver\", \"gold\", \"platinum\"]\n", "W0602", 1,
             13);
}

TEST_CASE("W0602: functions with a known range", "[lint]") {
  expect_one("segment s = size(interests) < 0\n", "W0602", 1, 13);
  expect_one("segment s = length(city) >= 0\n", "W0602", 1, 13);
  expect_one("segment s = month_of(birth_date) = 13\n", "W0602", 1, 13);
  expect_one("segment s = day_of_month(birth_date) > 31\n", "W0602", 1, 13);
  expect_one("segment s = day_of_week(birth_date) > 7\n", "W0602", 1, 13);
  expect_one("segment s = days_until_birthday(birth_date) <= 365\n", "W0602", 1, 13);
  auto f = expect_one("segment s = bucket(100, \"s\") < 100\n", "W0602", 1, 13);
  CHECK(f.message.find("always true") != std::string::npos);
  expect_one("segment s = abs(clv_trend) < 0\n", "W0602", 1, 13);
  expect_one("segment s = 0 > abs(total_spent)\n", "W0602", 1, 13);
  expect_one("segment s = month_of(birth_date) = 2.5\n", "W0602", 1, 13);
  expect_one("segment s = month_of(birth_date) between 13 and 20\n", "W0602", 1, 13);
  expect_one("segment s = month_of(birth_date) in [0, 13]\n", "W0602", 1, 13);
}

TEST_CASE("W0602: decimals with more digits than their scale, and self-comparisons", "[lint]") {
  auto f = expect_one("segment s = total_spent = 10.005\n", "W0602", 1, 13);
  CHECK(f.message.find("always false") != std::string::npos);
  expect_one("segment s = age = 30.5\n", "W0602", 1, 13);
  expect_one("segment s = age = age\n", "W0602", 1, 13);
  expect_one("segment s = lower(city) < lower(city)\n", "W0602", 1, 13);
  // `!=` is always true here, and also drops customers without a value.
  const auto findings = check("segment s = total_spent != 10.005\n");
  CHECK(with_code(findings, "W0602").size() == 1);
  CHECK(with_code(findings, "W0601").size() == 1);
}

TEST_CASE("W0602: comparisons the types do not decide are quiet", "[lint]") {
  expect_none("segment s = tier > \"bronze\"\n");
  expect_none("segment s = tier >= \"silver\"\n");
  expect_none("segment s = month_of(birth_date) = 12\n");
  expect_none("segment s = bucket(100, \"s\") < 10\n");
  expect_none("segment s = total_spent = 10.50\n");
  expect_none("segment s = total_spent > 10.005\n");
  // An int may be negative: nothing is guessed from the field's name.
  expect_none("segment s = age < 0\n");
  expect_none("segment s = age = referrals\n");
}

// ---- W0603 -------------------------------------------------------------------

TEST_CASE("W0603: between with an empty range", "[lint]") {
  auto f = expect_one("segment s = age between 40 and 25\n", "W0603", 1, 13);
  CHECK(f.message == "this range is empty: 40 is greater than 25, so no customer matches");
  expect_one("segment s = age between 10.5 and 10\n", "W0603", 1, 13);
  expect_one("segment s = total_spent between 10 and 9.99\n", "W0603", 1, 13);
  expect_one("segment s = age between -1 and -2\n", "W0603", 1, 13);
  expect_one("segment s = signup_date between 2026-02-01 and 2026-01-31\n", "W0603", 1, 13);
  expect_one("segment s = tier between \"gold\" and \"silver\"\n", "W0603", 1, 13);
  expect_one("segment s = days_since(last_purchase) between 180 and 61\n", "W0603", 1, 13);
}

TEST_CASE("W0603: ranges in order are quiet", "[lint]") {
  expect_none("segment s = age between 25 and 40\n");
  expect_none("segment s = age between 25 and 25\n");
  expect_none("segment s = age between 9.99 and 10\n");
  expect_none("segment s = tier between \"silver\" and \"gold\"\n");
  expect_none("segment s = days_since(last_purchase) between 61 and 180\n");
}

// ---- W0604 -------------------------------------------------------------------

TEST_CASE("W0604: contradicting conditions on one field", "[lint]") {
  auto f = expect_one("segment s = age > 40 and age < 30\n", "W0604", 1, 26);
  REQUIRE(f.related.size() == 1);
  CHECK(f.related[0].range.begin.line == 1);
  CHECK(f.related[0].range.begin.column == 13);
  expect_one("segment s = age = 30 and age = 40\n", "W0604", 1, 26);
  expect_one("segment s = channel = \"email\" and channel = \"sms\"\n", "W0604", 1, 35);
  expect_one("segment s = age between 10 and 20 and age > 30\n", "W0604", 1, 39);
  expect_one("segment s = age in [1, 2] and age = 3\n", "W0604", 1, 31);
  expect_one("segment s = age is missing and age > 3\n", "W0604", 1, 32);
  // Whole numbers: nothing lies strictly between 3 and 4.
  expect_one("segment s = age > 3 and age < 4\n", "W0604", 1, 25);
  // Mixed int and decimal literals compare exactly.
  expect_one("segment s = total_spent > 10 and total_spent < 9.995\n", "W0604", 1, 34);
  expect_one("segment s = clv_trend >= 0.5 and clv_trend < 0.5\n", "W0604", 1, 34);
  // On the grid of a decimal(2): `> 10` is `>= 10.01`, `< 10.01` is `<= 10.00`.
  expect_one("segment s = total_spent > 10 and total_spent < 10.01\n", "W0604", 1, 34);
  expect_one("segment s = signup_date > 2026-01-01 and signup_date < 2025-12-01\n", "W0604", 1, 42);
  expect_one("segment s = tier >= \"gold\" and tier = \"silver\"\n", "W0604", 1, 32);
}

TEST_CASE("W0604: through parentheses and nested and-chains", "[lint]") {
  auto f =
      expect_one("segment s = (age > 40 and city = \"x\") and\n  (tier = \"gold\" and age < 30)\n",
                 "W0604", 2, 22);
  REQUIRE(f.related.size() == 1);
  CHECK(f.related[0].range.begin.line == 1);
  CHECK(f.related[0].range.begin.column == 14);
  // An `and` chain inside an `or` is checked on its own.
  expect_one("segment s = city = \"x\" or (age > 40 and age < 30)\n", "W0604", 1, 41);
}

TEST_CASE("W0604: conditions that can hold together are quiet", "[lint]") {
  expect_none("segment s = age > 30 and age < 40\n");
  expect_none("segment s = age >= 30 and age <= 30\n");
  expect_none("segment s = age > 40 or age < 30\n");
  expect_none("segment s = not (age > 40) and age > 30 and age < 50\n");
  expect_none("segment s = age in [1, 2, 3] and age between 3 and 10\n");
  expect_none("segment s = channel != \"sms\" and channel = \"email\"\n");
  expect_none("segment s = total_spent > 10 and total_spent < 10.02\n");
}

TEST_CASE("W0604: once per pair", "[lint]") {
  const auto findings = check("segment s = age > 40 and age < 30 and age < 20\n");
  INFO(describe(findings));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].column == 26);
  CHECK(findings[1].column == 39);
}

TEST_CASE("lints: very wide and-chains stay linear", "[lint]") {
  std::string rules = "segment wide = age > 0";
  for (int i = 1; i <= 50'000; ++i) rules += " and age != " + std::to_string(i);
  rules += " and age = 7\n";
  const auto findings = check(rules);
  INFO(findings.size());
  // `age = 7` contradicts `age != 7`, and that is all.
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "W0604");
}

// ---- W0605 -------------------------------------------------------------------

TEST_CASE("W0605: unused imports", "[lint]") {
  RuleFolder folder;
  folder.write("schema.seg", kSchema);
  folder.write("lib.seg", "segment vip = tier = \"gold\"\n");
  folder.write("other.seg", "segment adults = age >= 18\n");
  const std::string main = folder.write("main.seg",
                                        "import \"schema.seg\"\n"
                                        "import \"lib.seg\"\n"
                                        "import \"other.seg\"\n"
                                        "import \"std/lifecycle.seg\"\n"
                                        "segment target = vip and age > 30\n");
  const auto findings = check_files(main);
  INFO(describe(findings));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].code == "W0605");
  CHECK(findings[0].line == 3);
  CHECK(findings[0].column == 8);
  CHECK(findings[0].message == "nothing from \"other.seg\" is used in this file");
  CHECK(findings[1].line == 4);
  CHECK(findings[1].message == "nothing from \"std/lifecycle.seg\" is used in this file");
}

TEST_CASE("W0605: used imports are quiet", "[lint]") {
  RuleFolder folder;
  folder.write("schema.seg", kSchema);
  folder.write("lib.seg", "import \"schema.seg\"\nsegment vip = tier = \"gold\"\n");
  folder.write("mid.seg",
               "import \"lib.seg\"\nimport \"std/lifecycle.seg\"\n"
               "segment vip_lapsed = vip and lapsed\n");
  folder.write("tested.seg", "segment adults = age >= 18\n");
  folder.write("grouped.seg", "segment kids = age < 18\n");
  // Imports for what the imported file imports, for partitions and tests.
  folder.write("main.seg",
               "import \"mid.seg\"\n"
               "import \"tested.seg\"\n"
               "import \"grouped.seg\"\n"
               "segment target = vip and active_30d\n"
               "partition p { kids, else rest }\n"
               "test \"t\" { given { age: 20 } expect adults }\n");
  // A file of imports only gathers a rule set and refers to nothing.
  const std::string all = folder.write("all.seg", "import \"main.seg\"\nimport \"schema.seg\"\n");
  const auto findings = check_files(all);
  INFO(describe(findings));
  CHECK(findings.empty());
}

TEST_CASE("W0605: bucket() uses the schema's key", "[lint]") {
  // Issue 16: a file whose only use of the schema was bucket() was told to
  // remove the import, and removing it is an error (bucket hashes the key).
  RuleFolder folder;
  folder.write("schema.seg", kSchema);
  const std::string main = folder.write("holdout.seg",
                                        "import \"schema.seg\"\n"
                                        "segment holdout = bucket(100, \"nov-2026\") < 10\n");
  const auto findings = check_files(main);
  INFO(describe(findings));
  CHECK(findings.empty());
}

TEST_CASE("W0605: not guessed when an imported file has errors", "[lint]") {
  RuleFolder folder;
  folder.write("schema.seg", kSchema);
  folder.write("broken.seg", "segment typo = agee > 3\n");
  const std::string main = folder.write("main.seg",
                                        "import \"schema.seg\"\n"
                                        "import \"broken.seg\"\n"
                                        "segment adults = age >= 18\n");
  const auto findings = check_files(main);
  INFO(describe(findings));
  CHECK(with_code(findings, "W0605").empty());
  CHECK(with_code(findings, "E0202").size() == 1);
}

// ---- allow comments and --werror ------------------------------------------------

TEST_CASE("allow comments silence exactly that warning on that line", "[lint]") {
  const auto findings = check(
      "segment a = channel != \"sms\"  # segc: allow W0601\n"
      "segment b = channel != \"sms\"\n"
      "segment c = channel != \"sms\"  # segc: allow W0602\n"
      "segment d = channel != \"sms\" and tier < \"bronze\"  # segc: allow W0602, W0601\n"
      "# segc: allow W0601 -- the campaign leaves them out on purpose\n"
      "segment e = channel != \"sms\"\n"
      "segment f = channel != \"sms\" and tier < \"bronze\"  # segc: allow W0602\n");
  INFO(describe(findings));
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].line == 2);
  CHECK(findings[0].code == "W0601");
  CHECK(findings[1].line == 3);
  CHECK(findings[1].code == "W0601");
  CHECK(findings[2].line == 7);
  CHECK(findings[2].code == "W0601");
}

TEST_CASE("allow comments never silence errors", "[lint]") {
  const auto findings = check("segment a = channel = \"emial\"  # segc: allow E0203\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "E0203");
}

TEST_CASE("werror turns warnings into errors, after allow comments", "[lint]") {
  const std::string rules =
      "segment a = age between 40 and 25\n"
      "segment b = channel != \"sms\"  # segc: allow W0601\n";
  auto findings = check(rules, true);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "W0603");
  CHECK(findings[0].severity == segc::Severity::Error);
  findings = check(rules, false);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == segc::Severity::Warning);
}

// ---- lints and errors ------------------------------------------------------------

TEST_CASE("lints stay quiet on expressions with errors", "[lint]") {
  // The misspelt member is E0203; no contradiction is guessed from it.
  auto findings = check("segment s = channel = \"emial\" and channel = \"sms\"\n");
  INFO(describe(findings));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "E0203");
  findings = check("segment s = age = 99999999999999999999 and age = 5\n");
  INFO(describe(findings));
  CHECK(with_code(findings, "W0604").empty());
  findings = check("segment s = not agee = 3\n");
  CHECK(with_code(findings, "W0601").empty());
  findings = check("segment s = tier between \"gold\" and \"silvr\"\n");
  CHECK(with_code(findings, "W0603").empty());
}
