// `segc fmt`: golden layouts, idempotence, meaning and comments preserved.
//
// Golden files: tests/golden/format/NAME.seg formats to NAME.out. Set
// SEGC_UPDATE_GOLDEN=1 to rewrite the .out files from the current formatter
// (then review the change with git diff).
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "format/formatter.h"
#include "format/unified_diff.h"
#include "support/ast_dump.h"
#include "syntax/parser.h"

namespace {

namespace fs = std::filesystem;
using segc::testing::dump_module;

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  REQUIRE(stream);
  return std::string((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
}

struct Parsed {
  segc::SourceManager sources;
  const segc::SourceFile* file = nullptr;
  std::optional<segc::ParseResult> result;

  bool clean() const {
    if (!result || result->has_syntax_errors) return false;
    return std::none_of(result->diagnostics.begin(), result->diagnostics.end(),
                        [](const segc::Diagnostic& d) {
                          return d.severity == segc::Severity::Error;
                        });
  }
  std::string errors() const {
    std::string out;
    if (result) {
      for (const auto& d : result->diagnostics) {
        out += fmt::format("{}:{}: {} {}\n", d.range.begin.line, d.range.begin.column, d.code,
                           d.message);
      }
    }
    return out;
  }
};

std::unique_ptr<Parsed> parse(const std::string& text, const std::string& name = "test.seg") {
  auto parsed = std::make_unique<Parsed>();
  parsed->file = &parsed->sources.add(name, name, text);
  auto result = segc::parse_module(*parsed->file);
  REQUIRE(static_cast<bool>(result));
  parsed->result = std::move(*result);
  return parsed;
}

// Formats text that must parse cleanly.
std::string format_text(const std::string& text, const std::string& name = "test.seg") {
  auto parsed = parse(text, name);
  INFO(name << " does not parse:\n" << parsed->errors());
  REQUIRE(parsed->clean());
  return segc::format_module(parsed->result->module, *parsed->file);
}

std::string show_diff(const std::string& expected, const std::string& actual) {
  return segc::unified_diff(expected, actual, "expected", "actual");
}

std::vector<std::string> comment_texts(const segc::ast::Module& module) {
  std::vector<std::string> texts;
  for (const auto& comment : module.comments) {
    std::string text = comment.text;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
    texts.push_back(text);
  }
  return texts;
}

// Whether some block segment lists its items in another order than `segc fmt`
// prints them (which moves their comments along).
bool has_reordered_items(const segc::ast::Module& module) {
  for (const auto& declaration : module.declarations) {
    const auto* segment = std::get_if<segc::ast::SegmentDecl>(&declaration.node);
    if (segment == nullptr || !segment->block_form) continue;
    std::vector<std::pair<segc::Position, int>> items;
    for (const auto& property : segment->properties) {
      items.emplace_back(property.range.begin, static_cast<int>(property.kind));
    }
    if (segment->where) items.emplace_back(segment->where_range.begin, 99);
    std::sort(items.begin(), items.end());
    for (size_t i = 1; i < items.size(); ++i) {
      if (items[i].second < items[i - 1].second) return true;
    }
  }
  return false;
}

// The properties every formatting must have: the output parses cleanly to the
// same AST with the same comments, is itself formatted, and obeys the layout
// rules that do not depend on the input.
void check_format_invariants(const std::string& text, const std::string& name) {
  auto original = parse(text, name);
  REQUIRE(original->clean());
  const std::string once = segc::format_module(original->result->module, *original->file);
  auto reparsed = parse(once, name);
  INFO(name << "\n--- input:\n" << text << "\n--- formatted:\n" << once);
  INFO("formatted text does not parse:\n" << reparsed->errors());
  REQUIRE(reparsed->clean());
  // Block segment properties are put in their canonical order, and their
  // comments move with them.
  const segc::testing::AstDumpOptions canonical{.canonical_property_order = true};
  CHECK(dump_module(reparsed->result->module, canonical) ==
        dump_module(original->result->module, canonical));
  auto comments_before = comment_texts(original->result->module);
  auto comments_after = comment_texts(reparsed->result->module);
  if (has_reordered_items(original->result->module)) {
    std::sort(comments_before.begin(), comments_before.end());
    std::sort(comments_after.begin(), comments_after.end());
  }
  CHECK(comments_after == comments_before);
  const std::string twice = segc::format_module(reparsed->result->module, *reparsed->file);
  INFO("not idempotent:\n" << show_diff(once, twice));
  CHECK(twice == once);
  CHECK(once.find('\r') == std::string::npos);
  CHECK(once.find('\t') == std::string::npos);  // no tab outside comments in the inputs
  CHECK(once.find(" \n") == std::string::npos);
  CHECK(once.find("\n\n\n") == std::string::npos);
  CHECK((once.empty() || (once.back() == '\n' && !once.ends_with("\n\n"))));
  CHECK(!once.starts_with("\n"));
}

fs::path source_dir() { return fs::path(SEGC_SOURCE_DIR); }

std::vector<fs::path> golden_inputs() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests/golden/format")) {
    if (entry.path().extension() == ".seg") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

TEST_CASE("golden layouts", "[format]") {
  const auto inputs = golden_inputs();
  REQUIRE(!inputs.empty());
  const bool update = std::getenv("SEGC_UPDATE_GOLDEN") != nullptr;
  for (const fs::path& input : inputs) {
    DYNAMIC_SECTION(input.filename().string()) {
      fs::path expected_path = input;
      expected_path.replace_extension(".out");
      const std::string actual = format_text(read_file(input), input.filename().string());
      if (update) {
        std::ofstream(expected_path, std::ios::binary) << actual;
      }
      const std::string expected = read_file(expected_path);
      INFO("formatting " << input.filename().string() << " differs from "
                         << expected_path.filename().string() << ":\n"
                         << show_diff(expected, actual));
      CHECK(actual == expected);
      // The expected layout is a fixed point.
      const std::string again = format_text(expected, expected_path.filename().string());
      INFO("formatting " << expected_path.filename().string() << " changes it:\n"
                         << show_diff(expected, again));
      CHECK(again == expected);
      check_format_invariants(read_file(input), input.filename().string());
    }
  }
}

TEST_CASE("every rule file in the repository formats idempotently and keeps its meaning",
          "[format]") {
  std::vector<fs::path> files;
  const fs::path root = source_dir();
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name.starts_with("build") || name.starts_with("."))) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".seg") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= golden_inputs().size());
  size_t checked = 0;
  for (const fs::path& path : files) {
    const std::string text = read_file(path);
    if (!parse(text)->clean()) continue;  // deliberately broken inputs of other tests
    ++checked;
    check_format_invariants(text, fs::relative(path, root).string());
  }
  CHECK(checked > 0);
}

// Inserts a comment at every place where whitespace may stand (outside strings
// and comments), as a trailing comment and as an own-line comment, and checks
// that nothing is lost and the result is stable.
TEST_CASE("comments anywhere are kept and formatting stays idempotent", "[format]") {
  const std::vector<std::string> samples = {
      "schema s { key id: int  gender: enum(\"F\", \"M\") labels: set<string> }\n",
      "segment a = x and (y or z) and f(a, b) > 1 and not w\n",
      "segment b = c in [\"x\", \"y\"] and d between 1 and 2 and e within last 30 days and "
      "g contains any [\"q\"] and h is missing and k > 3 days ago and -m < 2 + 3 * n\n",
      "segment c { description \"d\" owner \"o\" tags [\"t\", \"u\"] meta k \"v\" where x or y }\n",
      "segment d { where a meta k \"v\" description \"d\" }\n",
      "partition p { a, b, else c }\n",
      "test \"t\" as of 2026-11-01 { given { a: 1, b: [\"x\"], c: -2 } expect x, not y "
      "given {} expect z }\n",
      "import \"a.seg\" import \"b.seg\" segment e = d within this month and today > 2026-01-01\n",
      "segment long = aaaaaaaaaa and bbbbbbbbbbbbb and ccccccccccccc and dddddddddddddd and "
      "eeeeeeeeeeeeeee and fffffffffff and (g or h and i) or jjjjjjjjjj\n",
      "segment f { where a and b or c and not (d or e) tags [\"x\"] }\n",
  };
  // Where a comment may be inserted: before a space or newline that is not in
  // a string or a comment.
  auto comment_places = [](const std::string& text) {
    std::vector<size_t> places;
    bool in_string = false;
    bool in_comment = false;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (in_comment) {
        in_comment = c != '\n';
        if (in_comment) continue;
      } else if (in_string) {
        if (c == '\\') ++i;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      if (c == '#') in_comment = true;
      if (c == ' ' || c == '\n') places.push_back(i);
    }
    return places;
  };
  SECTION("in every golden input, at a sample of places") {
    for (const fs::path& input : golden_inputs()) {
      const std::string text = read_file(input);
      const auto places = comment_places(text);
      const size_t step = std::max<size_t>(1, places.size() / 60);
      size_t variant = 0;
      for (size_t i = 0; i < places.size(); i += step) {
        std::string changed = text;
        const char* forms[] = {" # fuzz\n", "\n# fuzz\n", "\n\n# fuzz\n\n"};
        changed.insert(places[i], forms[variant++ % 3]);
        check_format_invariants(changed, fmt::format("{} with a comment at byte {}",
                                                     input.filename().string(), places[i]));
      }
    }
  }
  SECTION("several comments at random places") {
    uint64_t state = 12345;
    auto next = [&state](size_t bound) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return static_cast<size_t>((state >> 33) % bound);
    };
    for (int round = 0; round < 400; ++round) {
      const std::string& sample = samples[next(samples.size())];
      std::string text = sample;
      const int count = 2 + static_cast<int>(next(4));
      for (int k = 0; k < count; ++k) {
        const auto places = comment_places(text);
        const char* forms[] = {" # r\n", "\n# r\n", "\n\n# r\n"};
        text.insert(places[next(places.size())], forms[next(3)]);
      }
      check_format_invariants(text, fmt::format("round {}", round));
    }
  }
  SECTION("in small samples, at every place") {
    for (const std::string& sample : samples) {
      REQUIRE(parse(sample)->clean());
      const std::vector<size_t> places = comment_places(sample);
      size_t variant = 0;
      for (size_t place : places) {
        for (const char* form : {" # c{}\n", "\n# c{}\n", "\n\n  # c{}\n\n"}) {
          std::string text = sample;
          text.insert(place, fmt::format(fmt::runtime(form), variant++));
          check_format_invariants(text, fmt::format("variant {} of: {}", variant, sample));
        }
      }
      // Two comments in a row at every place, one trailing and one own-line.
      for (size_t place : places) {
        std::string text = sample;
        text.insert(place, fmt::format(" # t{}\n# o{}\n", variant, variant));
        ++variant;
        check_format_invariants(text, fmt::format("pair variant {} of: {}", variant, sample));
      }
    }
  }
}

TEST_CASE("line endings, byte order marks and tabs are normalised", "[format]") {
  CHECK(format_text("segment a = x\r\n\r\n\r\nsegment b = y\r\n") ==
        "segment a = x\n\nsegment b = y\n");
  CHECK(format_text("\xEF\xBB\xBFsegment a = x") == "segment a = x\n");
  CHECK(format_text("schema s {\n\tage:\tint\t# years\t\n}\n") ==
        "schema s {\n  age: int  # years\n}\n");
  CHECK(format_text("") == "");
  CHECK(format_text("\n\n  \n") == "");
  CHECK(format_text("# only\n\n\n") == "# only\n");
}

TEST_CASE("durations are singular exactly when the amount is 1", "[format]") {
  CHECK(format_text("segment a = d + 1 days > 1 weeks ago and d within last 1 months") ==
        "segment a = d + 1 day > 1 week ago and d within last 1 month\n");
  CHECK(format_text("segment a = d - 2 year < 0 day ago and d within next 2 week") ==
        "segment a = d - 2 years < 0 days ago and d within next 2 weeks\n");
}

TEST_CASE("a line of exactly the maximum width is not broken", "[format]") {
  // `segment a = ` is 12 columns; pad the name to reach exactly 100.
  const std::string name(100 - std::string("segment a = ").size(), 'x');
  CHECK(format_text("segment a = " + name) == "segment a = " + name + "\n");
  const std::string longer = name + "y";
  CHECK(format_text("segment a = " + longer) == "segment a =\n  " + longer + "\n");
  // Width counts code points, not bytes.
  const std::string cyrillic = "город = \"" + std::string() + "Москва\"";
  std::string wide = "segment a = x";
  while (segc::count_code_points(wide) + segc::count_code_points(" and " + cyrillic) <= 100) {
    wide += " and " + cyrillic;
  }
  CHECK(format_text(wide) == wide + "\n");
}

TEST_CASE("very long lists format in linear time, one element per line", "[format]") {
  std::string text = "segment big = code in [";
  for (int i = 0; i < 100'000; ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(i);
  }
  text += "]\n";
  const std::string formatted = format_text(text);
  CHECK(formatted.starts_with("segment big =\n  code in [\n    0,\n    1,\n"));
  CHECK(formatted.ends_with("    99999,\n  ]\n"));
  CHECK(std::count(formatted.begin(), formatted.end(), '\n') == 100'000 + 3);
  CHECK(format_text(formatted) == formatted);
}

TEST_CASE("deeply nested expressions format", "[format]") {
  std::string text = "segment deep = ";
  for (int i = 0; i < 200; ++i) text += "(";
  text += "a or b";
  for (int i = 0; i < 200; ++i) text += ")";
  check_format_invariants(text + "\n", "deep parens");
  std::string nots = "segment nots = ";
  for (int i = 0; i < 200; ++i) nots += "not ";
  nots += "x";
  check_format_invariants(nots + "\n", "deep nots");
}

TEST_CASE("unified diff", "[format]") {
  CHECK(segc::unified_diff("a\n", "a\n", "x", "y").empty());
  CHECK(segc::unified_diff("a\nb\nc\n", "a\nB\nc\n", "x", "y") ==
        "--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  CHECK(segc::unified_diff("", "new\n", "x", "y") == "--- x\n+++ y\n@@ -0,0 +1 @@\n+new\n");
  CHECK(segc::unified_diff("a", "a\n", "x", "y") ==
        "--- x\n+++ y\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n");
  // Changes far apart make separate hunks with three lines of context.
  std::string before;
  for (int i = 1; i <= 20; ++i) before += fmt::format("{}\n", i);
  std::string after = before;
  after.replace(after.find("2\n"), 2, "two\n");
  after.replace(after.find("19\n"), 3, "nineteen\n");
  CHECK(segc::unified_diff(before, after, "x", "y") ==
        "--- x\n+++ y\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
        "@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
  // A large rewrite still produces a diff that applies.
  std::string big_before;
  std::string big_after;
  for (int i = 0; i < 5000; ++i) {
    big_before += fmt::format("line {}\n", i);
    big_after += fmt::format("line {}\n", i % 2 == 0 ? i : -i);
  }
  const std::string big = segc::unified_diff(big_before, big_after, "x", "y");
  CHECK(std::count(big.begin(), big.end(), '\n') > 5000);
}
