// Random rule files, laid out at random and sprinkled with comments: formatting
// must keep the AST and the comments, and be idempotent. A fixed seed keeps the
// test reproducible; the failing file is printed in full.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "format/formatter.h"
#include "format/unified_diff.h"
#include "support/ast_dump.h"
#include "syntax/parser.h"

namespace {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  size_t below(size_t bound) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state_ >> 33) % bound);
  }
  bool chance(int percent) { return below(100) < static_cast<size_t>(percent); }
  template <class T>
  const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

 private:
  uint64_t state_;
};

// Generates the tokens of a valid rule file, following the grammar's levels.
class Generator {
 public:
  explicit Generator(Random& random) : random_(random) {}

  std::vector<std::string> file() {
    tokens_.clear();
    const size_t count = 1 + random_.below(5);
    for (size_t i = 0; i < count; ++i) declaration();
    return tokens_;
  }

 private:
  void emit(std::string token) { tokens_.push_back(std::move(token)); }

  std::string name() {
    static const std::vector<std::string> names = {
        "age", "city", "vip", "x", "город", "points_spent_30d", "a_rather_long_field_name",
        "young_urban", "email_buyers", "b"};
    return random_.pick(names);
  }

  std::string string_literal() {
    static const std::vector<std::string> strings = {
        "\"Москва\"", "\"email\"", "\"a \\\"quoted\\\" word\"", "\"\"",
        "\"Санкт-Петербург\"", "\"\\u{41F}\"", "\"tab\\there\""};
    return random_.pick(strings);
  }

  std::string number() {
    static const std::vector<std::string> numbers = {"0", "1", "42", "1_000", "12.50", "0.5"};
    return random_.pick(numbers);
  }

  std::string unit() {
    static const std::vector<std::string> units = {"day", "days", "week", "weeks",
                                                   "month", "months", "year", "years"};
    return random_.pick(units);
  }

  void list(bool numbers) {
    emit("[");
    const size_t count = random_.chance(20) ? random_.below(25) : random_.below(4);
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) emit(",");
      if (numbers) {
        if (random_.chance(20)) emit("-");
        emit(number());
      } else {
        emit(string_literal());
      }
    }
    if (count > 0 && random_.chance(20)) emit(",");
    emit("]");
  }

  void or_expr(int depth) {
    const size_t count = 1 + random_.below(depth == 0 && random_.chance(30) ? 8 : 3);
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) emit("or");
      and_expr(depth);
    }
  }

  void and_expr(int depth) {
    const size_t count = 1 + random_.below(depth == 0 && random_.chance(30) ? 8 : 3);
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) emit("and");
      not_expr(depth);
    }
  }

  void not_expr(int depth) {
    if (random_.chance(15)) {
      emit("not");
      not_expr(depth);
      return;
    }
    predicate(depth);
  }

  void predicate(int depth) {
    additive(depth);
    switch (random_.below(12)) {
      case 0: case 1: case 2: {
        static const std::vector<std::string> ops = {"=", "!=", "<", "<=", ">", ">="};
        emit(random_.pick(ops));
        additive(depth);
        break;
      }
      case 3:
        emit("between");
        additive(depth);
        emit("and");
        additive(depth);
        break;
      case 4:
        if (random_.chance(30)) emit("not");
        emit("in");
        list(random_.chance(40));
        break;
      case 5:
        emit("is");
        emit(random_.chance(50) ? "missing" : "present");
        break;
      case 6:
        emit("contains");
        if (random_.chance(50)) {
          emit(random_.chance(50) ? "any" : "all");
          list(false);
        } else {
          additive(depth);
        }
        break;
      case 7:
        emit("within");
        switch (random_.below(4)) {
          case 0: emit("last"); emit(std::to_string(random_.below(3))); emit(unit()); break;
          case 1: emit("next"); emit(std::to_string(random_.below(3))); emit(unit()); break;
          case 2: emit("this"); emit(random_.chance(50) ? "month" : "week"); break;
          default: emit("previous"); emit("year"); break;
        }
        break;
      default:
        break;
    }
  }

  void additive(int depth) {
    const size_t count = 1 + (random_.chance(25) ? random_.below(4) : 0);
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) emit(random_.chance(50) ? "+" : "-");
      multiplicative(depth);
    }
  }

  void multiplicative(int depth) {
    const size_t count = 1 + (random_.chance(15) ? random_.below(3) : 0);
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) emit(random_.chance(50) ? "*" : "/");
      unary(depth);
    }
  }

  void unary(int depth) {
    if (random_.chance(8)) {
      emit("-");
      unary(depth);
      return;
    }
    primary(depth);
  }

  void primary(int depth) {
    switch (random_.below(depth >= 2 ? 7 : 10)) {
      case 0: emit(number()); break;
      case 1: emit(string_literal()); break;
      case 2: emit(random_.chance(50) ? "2026-11-01" : "1990-02-28"); break;
      case 3: emit(std::to_string(random_.below(40))); emit(unit()); emit("ago"); break;
      case 4: emit("today"); break;
      case 5: emit(random_.chance(50) ? "true" : "false"); break;
      case 6: emit(name()); break;
      case 7: case 8:
        emit("(");
        or_expr(depth + 1);
        emit(")");
        break;
      default: {
        emit(random_.chance(50) ? "lower" : "coalesce");
        emit("(");
        const size_t count = random_.below(3);
        for (size_t i = 0; i < count; ++i) {
          if (i > 0) emit(",");
          or_expr(depth + 1);
        }
        emit(")");
        break;
      }
    }
  }

  void declaration() {
    switch (random_.below(6)) {
      case 0:
        emit("import");
        emit("\"lib.seg\"");
        break;
      case 1: {
        emit("schema");
        emit("customer");
        emit("{");
        const size_t count = random_.below(6);
        for (size_t i = 0; i < count; ++i) {
          if (random_.chance(20)) emit("key");
          emit(fmt::format("field_{}", i));
          emit(":");
          switch (random_.below(4)) {
            case 0: emit("int"); break;
            case 1: emit("decimal"); emit("("); emit("2"); emit(")"); break;
            case 2: {
              emit("enum");
              emit("(");
              const size_t members = 1 + random_.below(random_.chance(30) ? 20 : 3);
              for (size_t m = 0; m < members; ++m) {
                if (m > 0) emit(",");
                emit(fmt::format("\"member-{}\"", m));
              }
              emit(")");
              break;
            }
            default: emit("set"); emit("<"); emit("string"); emit(">"); break;
          }
        }
        emit("}");
        break;
      }
      case 2:
        emit("segment");
        emit(name() + "_seg");
        emit("=");
        or_expr(0);
        break;
      case 3: {
        emit("segment");
        emit("block_" + name());
        emit("{");
        std::vector<int> items = {0, 1, 2, 3, 3, 4};
        for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[random_.below(i)]);
        int metas = 0;
        for (int item : items) {
          if (item != 4 && random_.chance(40)) continue;
          switch (item) {
            case 0: emit("description"); emit(string_literal()); break;
            case 1: emit("owner"); emit("\"crm\""); break;
            case 2: emit("tags"); list(false); break;
            case 3: emit("meta"); emit(fmt::format("key{}", metas++)); emit("\"v\""); break;
            default: emit("where"); or_expr(0); break;
          }
        }
        emit("}");
        break;
      }
      case 4: {
        emit("partition");
        emit("p");
        emit("{");
        const size_t count = 1 + random_.below(5);
        for (size_t i = 0; i < count; ++i) {
          if (i > 0) emit(",");
          if (i + 1 == count && random_.chance(50)) emit("else");
          emit(name());
        }
        if (random_.chance(30)) emit(",");
        emit("}");
        break;
      }
      default: {
        emit("test");
        emit("\"a test\"");
        if (random_.chance(50)) {
          emit("as");
          emit("of");
          emit("2026-11-01");
        }
        emit("{");
        const size_t givens = random_.below(4);
        for (size_t g = 0; g < givens; ++g) {
          emit("given");
          emit("{");
          const size_t fields = random_.below(random_.chance(20) ? 10 : 3);
          for (size_t f = 0; f < fields; ++f) {
            if (f > 0) emit(",");
            emit(name());
            emit(":");
            switch (random_.below(3)) {
              case 0: if (random_.chance(30)) emit("-"); emit(number()); break;
              case 1: emit(string_literal()); break;
              default: list(random_.chance(50)); break;
            }
          }
          emit("}");
          emit("expect");
          const size_t expectations = 1 + random_.below(3);
          for (size_t e = 0; e < expectations; ++e) {
            if (e > 0) emit(",");
            if (random_.chance(40)) emit("not");
            emit(name());
          }
        }
        emit("}");
        break;
      }
    }
  }

  Random& random_;
  std::vector<std::string> tokens_;
};

// Joins tokens with random whitespace, blank lines and comments.
std::string lay_out(const std::vector<std::string>& tokens, Random& random, bool comments) {
  const char* density = std::getenv("SEGC_FUZZ_COMMENT_PERCENT");
  const size_t trailing = density != nullptr ? std::strtoul(density, nullptr, 10) : 6;
  const size_t own_line = trailing + trailing * 2 / 3;
  std::string text;
  int comment_number = 0;
  for (const std::string& token : tokens) {
    if (!text.empty()) {
      const size_t kind = random.below(100);
      if (comments && kind < trailing) {
        if (random.chance(30)) {
          text += fmt::format(" # segc: allow W0601 c{}\n", comment_number++);
        } else {
          text += fmt::format(" # c{}\n", comment_number++);
        }
      } else if (comments && kind < own_line) {
        text += fmt::format("\n  # c{}\n", comment_number++);
      } else if (kind < own_line + 4) {
        text += "\n\n";
      } else if (kind < own_line + 14) {
        text += "\n  ";
      } else if (kind < own_line + 17) {
        text += "\t";
      } else {
        text += " ";
      }
    }
    if (token == "segment" || token == "schema" || token == "partition" || token == "test" ||
        token == "import") {
      if (!text.empty()) text += "\n";
    }
    text += token;
  }
  if (comments && random.chance(30)) text += "  # at the end";
  text += "\n";
  return text;
}

struct Parse {
  segc::SourceManager sources;
  const segc::SourceFile* file = nullptr;
  segc::ParseResult result;
  bool clean = false;
};

std::unique_ptr<Parse> parse(const std::string& text) {
  auto parse = std::make_unique<Parse>();
  parse->file = &parse->sources.add("fuzz.seg", "fuzz.seg", text);
  auto result = segc::parse_module(*parse->file);
  REQUIRE(static_cast<bool>(result));
  parse->result = std::move(*result);
  parse->clean = !parse->result.has_syntax_errors &&
                 std::none_of(parse->result.diagnostics.begin(), parse->result.diagnostics.end(),
                              [](const segc::Diagnostic& d) {
                                return d.severity == segc::Severity::Error;
                              });
  return parse;
}

std::vector<std::string> sorted_comments(const segc::ast::Module& module) {
  std::vector<std::string> texts;
  for (const auto& comment : module.comments) texts.push_back(comment.text);
  std::sort(texts.begin(), texts.end());
  return texts;
}

}  // namespace

TEST_CASE("random rule files format faithfully and idempotently", "[format]") {
  // SEGC_FUZZ_SEED and SEGC_FUZZ_ROUNDS explore further; SEGC_FUZZ_DUMP=1
  // writes each input that fails to /tmp/fuzz_fail_ROUND.seg.
  const char* seed = std::getenv("SEGC_FUZZ_SEED");
  const char* rounds = std::getenv("SEGC_FUZZ_ROUNDS");
  Random random(seed != nullptr ? std::strtoull(seed, nullptr, 10) : 20261101);
  Generator generator(random);
  const segc::testing::AstDumpOptions canonical{.canonical_property_order = true};
  int formatted_files = 0;
  const int kRounds = rounds != nullptr ? std::atoi(rounds) : 1500;
  for (int round = 0; round < kRounds; ++round) {
    const std::vector<std::string> tokens = generator.file();
    const std::string text = lay_out(tokens, random, round % 4 != 0);
    auto original = parse(text);
    // Duplicate names and the like are the checker's business, but the parse
    // stage rejects a few generated files (a second `else`, an empty where).
    if (!original->clean) continue;
    ++formatted_files;
    const std::string once = segc::format_module(original->result.module, *original->file);
    auto reparsed = parse(once);
    INFO("round " << round << "\n--- input:\n" << text << "\n--- formatted:\n" << once);
    REQUIRE(reparsed->clean);
    CHECK(segc::testing::dump_module(reparsed->result.module, canonical) ==
          segc::testing::dump_module(original->result.module, canonical));
    CHECK(sorted_comments(reparsed->result.module) == sorted_comments(original->result.module));
    const std::string twice = segc::format_module(reparsed->result.module, *reparsed->file);
    INFO("--- not idempotent:\n" << segc::unified_diff(once, twice, "once", "twice"));
    CHECK(twice == once);
    if (twice != once && std::getenv("SEGC_FUZZ_DUMP")) {
      std::ofstream(fmt::format("/tmp/fuzz_fail_{}.seg", round)) << text;
    }
    CHECK(once.find(" \n") == std::string::npos);
    CHECK(once.find("\n\n\n") == std::string::npos);
  }
  CHECK(formatted_files > kRounds * 3 / 4);
}
