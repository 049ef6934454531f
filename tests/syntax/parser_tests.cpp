// The parse stage: every construct of grammar/Seg.g4 comes out as the AST of
// syntax/ast.h, and bad input comes out as diagnostics with stable codes and
// positions in code points, never as a crash.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "diagnostics/codes.h"
#include "syntax/parser.h"

namespace {

using namespace segc;
using namespace segc::ast;

// ---- helpers ---------------------------------------------------------------

ParseResult parse(std::string text) {
  SourceManager sources;
  const SourceFile& file = sources.add("t.seg", "/t.seg", std::move(text));
  auto result = parse_module(file);
  if (!result) {
    FAIL("parse_module failed: " << llvm::toString(result.takeError()));
  }
  return std::move(*result);
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::ostringstream out;
  for (const auto& d : diagnostics) {
    out << d.range.begin.line << ":" << d.range.begin.column << " " << d.code << " " << d.message
        << "\n";
  }
  return out.str();
}

// Parses text that must be free of diagnostics.
ParseResult parse_clean(std::string text) {
  ParseResult result = parse(std::move(text));
  INFO(describe(result.diagnostics));
  REQUIRE(result.diagnostics.empty());
  REQUIRE_FALSE(result.has_syntax_errors);
  return result;
}

template <class T>
const T& decl(const ParseResult& result, size_t index) {
  REQUIRE(index < result.module.declarations.size());
  const T* node = std::get_if<T>(&result.module.declarations[index].node);
  REQUIRE(node != nullptr);
  return *node;
}

const SegmentDecl& segment(const ParseResult& result, size_t index = 0) {
  return decl<SegmentDecl>(result, index);
}

std::string unit_name(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::Day: return "day";
    case TimeUnit::Week: return "week";
    case TimeUnit::Month: return "month";
    case TimeUnit::Year: return "year";
  }
  return "?";
}

std::string duration_text(const DurationLiteral& d) {
  return "(dur " + std::to_string(d.amount) + " " + unit_name(d.unit) + ")";
}

// A compact, unambiguous rendering of an expression tree.
std::string sexpr(const Expr& expr);

std::string sexpr_list(const std::vector<ExprPtr>& items, const char* separator = " ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += sexpr(*items[i]);
  }
  return out;
}

std::string sexpr(const Expr& expr) {
  struct Visitor {
    std::string operator()(const IntLiteral& n) { return std::to_string(n.value); }
    std::string operator()(const DecimalLiteral& n) {
      return "(dec " + std::to_string(n.unscaled) + " " + std::to_string(n.scale) + ")";
    }
    std::string operator()(const StringLiteral& n) { return "\"" + n.value + "\""; }
    std::string operator()(const BoolLiteral& n) { return n.value ? "true" : "false"; }
    std::string operator()(const DateLiteral& n) { return "(date " + std::to_string(n.days) + ")"; }
    std::string operator()(const DurationLiteral& n) { return duration_text(n); }
    std::string operator()(const ListLiteral& n) { return "[" + sexpr_list(n.elements, ", ") + "]"; }
    std::string operator()(const TodayExpr&) { return "today"; }
    std::string operator()(const AgoExpr& n) { return "(ago " + duration_text(n.duration) + ")"; }
    std::string operator()(const NameRef& n) { return n.name; }
    std::string operator()(const CallExpr& n) {
      return "(call " + n.function.name + (n.arguments.empty() ? "" : " ") +
             sexpr_list(n.arguments) + ")";
    }
    std::string operator()(const NegateExpr& n) { return "(neg " + sexpr(*n.operand) + ")"; }
    std::string operator()(const NotExpr& n) { return "(not " + sexpr(*n.operand) + ")"; }
    std::string operator()(const LogicalExpr& n) {
      return std::string(n.op == LogicalOp::And ? "(and " : "(or ") + sexpr_list(n.operands) + ")";
    }
    std::string operator()(const ArithmeticExpr& n) {
      std::string out = "(" + sexpr(*n.operands.at(0));
      for (size_t i = 0; i < n.ops.size(); ++i) {
        out += " " + std::string(spelling(n.ops[i])) + " " + sexpr(*n.operands.at(i + 1));
      }
      return out + ")";
    }
    std::string operator()(const CompareExpr& n) {
      return "(" + std::string(spelling(n.op)) + " " + sexpr(*n.lhs) + " " + sexpr(*n.rhs) +
             ")";
    }
    std::string operator()(const BetweenExpr& n) {
      return "(between " + sexpr(*n.value) + " " + sexpr(*n.low) + " " + sexpr(*n.high) + ")";
    }
    std::string operator()(const InExpr& n) {
      return std::string(n.negated ? "(not-in " : "(in ") + sexpr(*n.value) + " " +
             sexpr(*n.list) + ")";
    }
    std::string operator()(const IsMissingExpr& n) {
      return std::string(n.present ? "(is-present " : "(is-missing ") + sexpr(*n.operand) + ")";
    }
    std::string operator()(const ContainsExpr& n) {
      const char* head = n.mode == ContainsMode::Any   ? "(contains-any "
                         : n.mode == ContainsMode::All ? "(contains-all "
                                                       : "(contains ";
      return head + sexpr(*n.haystack) + " " + sexpr(*n.needle) + ")";
    }
    std::string operator()(const WithinExpr& n) {
      const Period& p = n.period;
      std::string period;
      switch (p.kind) {
        case PeriodKind::Last: period = "last " + std::to_string(p.amount) + " "; break;
        case PeriodKind::Next: period = "next " + std::to_string(p.amount) + " "; break;
        case PeriodKind::This: period = "this "; break;
        case PeriodKind::Previous: period = "previous "; break;
      }
      return "(within " + sexpr(*n.value) + " " + period + unit_name(p.unit) + ")";
    }
    std::string operator()(const ParenExpr& n) { return "(paren " + sexpr(*n.inner) + ")"; }
  };
  return std::visit(Visitor{}, expr.node);
}

// The expression of `segment s = TEXT`, rendered.
std::string shape(const std::string& text) {
  ParseResult result = parse_clean("segment s = " + text + "\n");
  REQUIRE(result.module.declarations.size() == 1);
  return sexpr(*segment(result).where);
}

// The value of a single-element list given as a test value, for literal checks.
ParseResult parse_expr(const std::string& text) { return parse_clean("segment s = " + text + "\n"); }

const Expr& where_of(const ParseResult& result) {
  const SegmentDecl& s = segment(result);
  REQUIRE(s.where != nullptr);
  return *s.where;
}

SourceRange range(uint32_t line, uint32_t column, uint32_t end_line, uint32_t end_column) {
  return SourceRange{0, {line, column}, {end_line, end_column}};
}

std::vector<std::string> codes_of(const ParseResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) out.push_back(d.code);
  return out;
}

const Diagnostic* find_diagnostic(const ParseResult& result, std::string_view code) {
  for (const auto& d : result.diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

size_t count_code(const ParseResult& result, std::string_view code) {
  size_t n = 0;
  for (const auto& d : result.diagnostics) n += d.code == code;
  return n;
}

std::vector<std::string> segment_names(const ParseResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.module.declarations) {
    if (const auto* s = std::get_if<SegmentDecl>(&d.node)) out.push_back(s->name.name);
  }
  return out;
}

std::string repeat(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// Runs the parser on `text` in a child process; true when it finished without
// crashing (a stack overflow would otherwise take the whole test run down).
bool parses_without_crashing(const std::string& text, std::string* first_code = nullptr) {
  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // Catch's handlers would report the crash as a failure of this process.
    for (int signal_number : {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE}) {
      std::signal(signal_number, SIG_DFL);
    }
    close(pipe_fds[0]);
    SourceManager sources;
    auto result = parse_module(sources.add("t.seg", "/t.seg", text));
    std::string code = "none";
    if (!result) {
      llvm::consumeError(result.takeError());
      code = "internal";
    } else if (!result->diagnostics.empty()) {
      code = result->diagnostics.front().code;
    }
    if (write(pipe_fds[1], code.data(), code.size()) < 0) _exit(2);
    _exit(0);
  }
  close(pipe_fds[1]);
  std::string code;
  char buffer[64];
  ssize_t n;
  while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) code.append(buffer, static_cast<size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (first_code != nullptr) *first_code = code;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<segc::SourceRange> {
  static std::string convert(const segc::SourceRange& r) {
    return std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column) + "-" +
           std::to_string(r.end.line) + ":" + std::to_string(r.end.column);
  }
};
template <>
struct StringMaker<segc::Position> {
  static std::string convert(const segc::Position& p) {
    return std::to_string(p.line) + ":" + std::to_string(p.column);
  }
};
}  // namespace Catch

// ---- files and declarations --------------------------------------------------

TEST_CASE("an empty file or one with only comments has no declarations", "[parser]") {
  for (const char* text : {"", "\n\n", "   \t\n", "# just a comment\n", "# no newline at the end"}) {
    ParseResult result = parse_clean(text);
    CHECK(result.module.declarations.empty());
    CHECK(result.module.file == 0);
  }
}

TEST_CASE("imports keep the decoded path and its range", "[parser]") {
  ParseResult result = parse_clean("import \"schema.seg\"\nimport \"std/lifecycle.seg\"\n");
  REQUIRE(result.module.declarations.size() == 2);
  const auto& first = decl<ImportDecl>(result, 0);
  CHECK(first.path == "schema.seg");
  CHECK(first.path_range == range(1, 8, 1, 20));
  CHECK(first.range == range(1, 1, 1, 20));
  CHECK(result.module.declarations[0].range == range(1, 1, 1, 20));
  CHECK(decl<ImportDecl>(result, 1).path == "std/lifecycle.seg");
}

TEST_CASE("an import path may hold escapes and Cyrillic", "[parser]") {
  ParseResult result = parse_clean("import \"правила/ноябрь \\\"1\\\".seg\"\n");
  CHECK(decl<ImportDecl>(result, 0).path == "правила/ноябрь \"1\".seg");
}

TEST_CASE("a schema holds every field type with the key and type arguments", "[parser]") {
  ParseResult result = parse_clean(R"(schema customer {
  key customer_id: int
  total_spent: decimal(2)
  gender: enum("F", "M")
  tier: enum("bronze", "silver", "gold",)
  interests: set<string>
  clv_trend: float
  opted_in: bool
  city: string
  birth_date: date
}
)");
  const auto& schema = decl<SchemaDecl>(result, 0);
  CHECK(schema.name.name == "customer");
  CHECK(schema.range == range(1, 1, 11, 2));
  REQUIRE(schema.fields.size() == 9);

  const FieldDecl& key = schema.fields[0];
  CHECK(key.is_key);
  CHECK(key.name.name == "customer_id");
  CHECK(key.name.range == range(2, 7, 2, 18));
  CHECK(key.type.name.name == "int");
  CHECK_FALSE(key.type.has_parens);
  CHECK(key.type.arguments.empty());
  CHECK(key.type.element == nullptr);
  CHECK(key.range == range(2, 3, 2, 23));

  const TypeRef& decimal = schema.fields[1].type;
  CHECK_FALSE(schema.fields[1].is_key);
  CHECK(decimal.name.name == "decimal");
  CHECK(decimal.has_parens);
  REQUIRE(decimal.arguments.size() == 1);
  CHECK_FALSE(decimal.arguments[0].is_string);
  CHECK(decimal.arguments[0].int_value == 2);
  CHECK(decimal.arguments[0].text == "2");
  CHECK(decimal.arguments[0].range == range(3, 24, 3, 25));
  CHECK(decimal.range == range(3, 16, 3, 26));

  const TypeRef& gender = schema.fields[2].type;
  CHECK(gender.name.name == "enum");
  REQUIRE(gender.arguments.size() == 2);
  CHECK(gender.arguments[0].is_string);
  CHECK(gender.arguments[0].string_value == "F");
  CHECK(gender.arguments[0].text == "\"F\"");
  CHECK(gender.arguments[1].string_value == "M");

  const TypeRef& tier = schema.fields[3].type;  // a trailing comma is allowed
  REQUIRE(tier.arguments.size() == 3);
  CHECK(tier.arguments[2].string_value == "gold");

  const TypeRef& set = schema.fields[4].type;
  CHECK(set.name.name == "set");
  CHECK_FALSE(set.has_parens);
  REQUIRE(set.element != nullptr);
  CHECK(set.element->name.name == "string");
  CHECK(set.element->element == nullptr);
  CHECK(set.range == range(6, 14, 6, 25));

  CHECK(schema.fields[5].type.name.name == "float");
  CHECK(schema.fields[6].type.name.name == "bool");
  CHECK(schema.fields[7].type.name.name == "string");
  CHECK(schema.fields[8].type.name.name == "date");
}

TEST_CASE("type syntax is parsed without judging it", "[parser]") {
  // Unknown types, `key` on several fields and nested sets are the type checker's business.
  ParseResult result = parse_clean(
      "schema s {\n  key a: money(1, \"x\")\n  key b: set<set<int>>\n  c: decimal(2,)\n}\n");
  const auto& schema = decl<SchemaDecl>(result, 0);
  REQUIRE(schema.fields.size() == 3);
  CHECK(schema.fields[0].type.name.name == "money");
  REQUIRE(schema.fields[0].type.arguments.size() == 2);
  CHECK(schema.fields[0].type.arguments[1].is_string);
  CHECK(schema.fields[1].is_key);
  REQUIRE(schema.fields[1].type.element != nullptr);
  REQUIRE(schema.fields[1].type.element->element != nullptr);
  CHECK(schema.fields[1].type.element->element->name.name == "int");
  CHECK(schema.fields[2].type.has_parens);
  CHECK(schema.fields[2].type.arguments.size() == 1);
  CHECK(decl<SchemaDecl>(parse_clean("schema empty {}"), 0).fields.empty());
}

TEST_CASE("a short segment", "[parser]") {
  ParseResult result = parse_clean("segment cat_people = interests contains \"cats\"\n");
  const SegmentDecl& s = segment(result);
  CHECK(s.name.name == "cat_people");
  CHECK(s.name.range == range(1, 9, 1, 19));
  CHECK_FALSE(s.block_form);
  CHECK(s.properties.empty());
  REQUIRE(s.where != nullptr);
  CHECK(sexpr(*s.where) == "(contains interests \"cats\")");
  CHECK(s.where->range == range(1, 22, 1, 47));
  CHECK(s.where_range == s.where->range);
  CHECK(s.range == range(1, 1, 1, 47));
}

TEST_CASE("a block segment with every property", "[parser]") {
  ParseResult result = parse_clean(R"(segment young_urban {
  description "25-40 year olds in the two capitals"
  owner "crm-team"
  tags ["geo", "demographic"]
  meta offer_code "NOV-10"
  meta campaign "nov-2026"
  where age between 25 and 40
    and city in ["Москва", "Санкт-Петербург"]
}
)");
  const SegmentDecl& s = segment(result);
  CHECK(s.name.name == "young_urban");
  CHECK(s.block_form);
  REQUIRE(s.properties.size() == 5);
  CHECK(s.properties[0].kind == PropertyKind::Description);
  CHECK(s.properties[0].text.value == "25-40 year olds in the two capitals");
  CHECK(s.properties[0].text.range == range(2, 15, 2, 52));
  CHECK(s.properties[0].range == range(2, 3, 2, 52));
  CHECK(s.properties[1].kind == PropertyKind::Owner);
  CHECK(s.properties[1].text.value == "crm-team");
  CHECK(s.properties[2].kind == PropertyKind::Tags);
  REQUIRE(s.properties[2].tags.size() == 2);
  CHECK(s.properties[2].tags[0].value == "geo");
  CHECK(s.properties[2].tags[1].value == "demographic");
  CHECK(s.properties[2].tags[1].range == range(4, 16, 4, 29));
  CHECK(s.properties[3].kind == PropertyKind::Meta);
  CHECK(s.properties[3].meta_key.name == "offer_code");
  CHECK(s.properties[3].text.value == "NOV-10");
  CHECK(s.properties[4].meta_key.name == "campaign");
  CHECK(s.properties[4].text.value == "nov-2026");
  REQUIRE(s.where != nullptr);
  CHECK(sexpr(*s.where) ==
        "(and (between age 25 40) (in city [\"Москва\", \"Санкт-Петербург\"]))");
  // The where clause spans two lines; the end column counts code points.
  CHECK(s.where_range == range(7, 3, 8, 46));
  CHECK(s.where->range == range(7, 9, 8, 46));
  CHECK(s.range == range(1, 1, 9, 2));
}

TEST_CASE("block properties may come in any order and tags may be empty", "[parser]") {
  ParseResult result = parse_clean(
      "segment s {\n  where x\n  tags []\n  owner \"a\"\n  description \"b\"\n}\n");
  const SegmentDecl& s = segment(result);
  REQUIRE(s.properties.size() == 3);
  CHECK(s.properties[0].kind == PropertyKind::Tags);
  CHECK(s.properties[0].tags.empty());
  CHECK(s.properties[1].kind == PropertyKind::Owner);
  CHECK(s.properties[2].kind == PropertyKind::Description);
  CHECK(s.where_range == range(2, 3, 2, 10));
  CHECK(sexpr(*s.where) == "x");
}

TEST_CASE("tags must be strings", "[parser]") {
  ParseResult result = parse("segment s {\n  tags [\"a\", 1, -2]\n  where x\n}\n");
  CHECK(count_code(result, codes::kBadListElement) == 2);
  CHECK_FALSE(result.has_syntax_errors);
  REQUIRE(result.module.declarations.size() == 1);
  REQUIRE(segment(result).properties.size() == 1);
  CHECK(segment(result).properties[0].tags.size() == 1);
}

TEST_CASE("partitions list segments in order with an optional else", "[parser]") {
  ParseResult result = parse_clean(R"(partition november {
  vip_lapsed,
  promo_target,
  cat_people,
  else everyone_else
}

partition two { a, b, }
partition only_rest { else rest }
)");
  const auto& november = decl<PartitionDecl>(result, 0);
  CHECK(november.name.name == "november");
  REQUIRE(november.items.size() == 4);
  CHECK(november.items[0].segment.name == "vip_lapsed");
  CHECK_FALSE(november.items[0].is_else);
  CHECK(november.items[0].range == range(2, 3, 2, 13));
  CHECK(november.items[2].segment.name == "cat_people");
  CHECK(november.items[3].is_else);
  CHECK(november.items[3].segment.name == "everyone_else");
  CHECK(november.items[3].segment.range == range(5, 8, 5, 21));
  CHECK(november.items[3].range == range(5, 3, 5, 21));
  CHECK(november.range == range(1, 1, 6, 2));

  const auto& two = decl<PartitionDecl>(result, 1);
  REQUIRE(two.items.size() == 2);
  CHECK_FALSE(two.items[1].is_else);
  const auto& only_rest = decl<PartitionDecl>(result, 2);
  REQUIRE(only_rest.items.size() == 1);
  CHECK(only_rest.items[0].is_else);
}

TEST_CASE("tests with as of and given values of every kind and negated expectations", "[parser]") {
  ParseResult result = parse_clean(R"(test "young urban" as of 2026-11-01 {
  given { age: 30, city: "Москва", total_spent: 12.50, clv_trend: -0.25, n: -7 } expect young_urban
  given { interests: ["cats", "dogs"], opted_in: true, birth_date: 1990-11-05, } expect a, not b
  given {} expect not young_urban
}

test "no date" {
}
)");
  const auto& test = decl<TestDecl>(result, 0);
  CHECK(test.name.value == "young urban");
  CHECK(test.name.range == range(1, 6, 1, 19));
  REQUIRE(test.as_of.has_value());
  CHECK(*test.as_of == 20758);  // 2026-11-01
  CHECK(test.as_of_range == range(1, 26, 1, 36));
  REQUIRE(test.givens.size() == 3);

  const GivenClause& first = test.givens[0];
  REQUIRE(first.fields.size() == 5);
  CHECK(first.fields[0].field.name == "age");
  CHECK(sexpr(*first.fields[0].value) == "30");
  CHECK(first.fields[0].range == range(2, 11, 2, 18));
  CHECK(sexpr(*first.fields[1].value) == "\"Москва\"");
  CHECK(sexpr(*first.fields[2].value) == "(dec 1250 2)");
  // Signed test values are literals, not negations.
  const auto* trend = first.fields[3].value->as<DecimalLiteral>();
  REQUIRE(trend != nullptr);
  CHECK(trend->unscaled == -25);
  CHECK(trend->scale == 2);
  CHECK(trend->text == "-0.25");
  CHECK(first.fields[3].value->range == range(2, 67, 2, 72));
  const auto* n = first.fields[4].value->as<IntLiteral>();
  REQUIRE(n != nullptr);
  CHECK(n->value == -7);
  CHECK(n->text == "-7");
  REQUIRE(first.expectations.size() == 1);
  CHECK_FALSE(first.expectations[0].negated);
  CHECK(first.expectations[0].segment.name == "young_urban");
  CHECK(first.range.begin == Position{2, 3});

  const GivenClause& second = test.givens[1];
  REQUIRE(second.fields.size() == 3);
  CHECK(sexpr(*second.fields[0].value) == "[\"cats\", \"dogs\"]");
  CHECK(sexpr(*second.fields[1].value) == "true");
  CHECK(sexpr(*second.fields[2].value) == "(date 7613)");  // 1990-11-05
  REQUIRE(second.expectations.size() == 2);
  CHECK_FALSE(second.expectations[0].negated);
  CHECK(second.expectations[1].negated);
  CHECK(second.expectations[1].segment.name == "b");
  CHECK(second.expectations[1].range == range(3, 92, 3, 97));

  CHECK(test.givens[2].fields.empty());
  CHECK(test.givens[2].expectations[0].negated);

  const auto& no_date = decl<TestDecl>(result, 1);
  CHECK(no_date.name.value == "no date");
  CHECK_FALSE(no_date.as_of.has_value());
  CHECK(no_date.givens.empty());
}

TEST_CASE("declarations of every kind keep their order", "[parser]") {
  ParseResult result = parse_clean(
      "import \"a.seg\"\nschema s { key id: int }\nsegment x = y\npartition p { x }\n"
      "test \"t\" { given { id: 1 } expect x }\n");
  REQUIRE(result.module.declarations.size() == 5);
  CHECK(std::holds_alternative<ImportDecl>(result.module.declarations[0].node));
  CHECK(std::holds_alternative<SchemaDecl>(result.module.declarations[1].node));
  CHECK(std::holds_alternative<SegmentDecl>(result.module.declarations[2].node));
  CHECK(std::holds_alternative<PartitionDecl>(result.module.declarations[3].node));
  CHECK(std::holds_alternative<TestDecl>(result.module.declarations[4].node));
  CHECK(result.module.declarations[3].range == range(4, 1, 4, 18));
  CHECK(result.module.broken_names.empty());
}

// ---- expressions: structure and precedence -------------------------------------

TEST_CASE("and / or chains are flat n-ary nodes", "[parser]") {
  CHECK(shape("a or b or c") == "(or a b c)");
  CHECK(shape("a and b and c and d") == "(and a b c d)");
  CHECK(shape("a and b or c and d and e or f") == "(or (and a b) (and c d e) f)");
  CHECK(shape("a or b and c") == "(or a (and b c))");
}

TEST_CASE("not binds looser than comparisons and tighter than and", "[parser]") {
  CHECK(shape("not a = b and c") == "(and (not (= a b)) c)");
  CHECK(shape("not a and not b or c") == "(or (and (not a) (not b)) c)");
  CHECK(shape("not not a") == "(not (not a))");
  CHECK(shape("not x in [1]") == "(not (in x [1]))");
  CHECK(shape("not (a or b)") == "(not (paren (or a b)))");
}

TEST_CASE("arithmetic precedence: unary minus before multiplication before addition", "[parser]") {
  CHECK(shape("-a * b") == "((neg a) * b)");
  CHECK(shape("a + b * c") == "(a + (b * c))");
  CHECK(shape("a * b + c") == "((a * b) + c)");
  CHECK(shape("a - b + c - d") == "(a - b + c - d)");
  CHECK(shape("a * b / c * d") == "(a * b / c * d)");
  CHECK(shape("- - a") == "(neg (neg a))");
  CHECK(shape("a - -b") == "(a - (neg b))");
  CHECK(shape("a * -b") == "(a * (neg b))");
  CHECK(shape("x = -5") == "(= x (neg 5))");
  CHECK(shape("x > -1.5") == "(> x (neg (dec 15 1)))");
  CHECK(shape("a + b > c * 2") == "(> (a + b) (c * 2))");
  CHECK(shape("total_spent / max(orders_count, 1) >= 3000") ==
        "(>= (total_spent / (call max orders_count 1)) 3000)");
}

TEST_CASE("an n-ary arithmetic node has one operator between each pair of operands", "[parser]") {
  ParseResult result = parse_expr("a + b - c + d");
  const auto* arithmetic = where_of(result).as<ArithmeticExpr>();
  REQUIRE(arithmetic != nullptr);
  REQUIRE(arithmetic->operands.size() == 4);
  REQUIRE(arithmetic->ops.size() == 3);
  CHECK(arithmetic->ops[0] == ArithmeticOp::Add);
  CHECK(arithmetic->ops[1] == ArithmeticOp::Subtract);
  CHECK(arithmetic->ops[2] == ArithmeticOp::Add);
}

TEST_CASE("parentheses are kept as nodes with their range", "[parser]") {
  CHECK(shape("(a + b) * c") == "((paren (a + b)) * c)");
  CHECK(shape("((a))") == "(paren (paren a))");
  CHECK(shape("a and (b or c)") == "(and a (paren (or b c)))");
  ParseResult result = parse_expr("(a)");
  CHECK(where_of(result).range == range(1, 13, 1, 16));
  CHECK(skip_parens(where_of(result)).range == range(1, 14, 1, 15));
  ParseResult nested = parse_expr("((x = 1))");
  CHECK(sexpr(skip_parens(where_of(nested))) == "(= x 1)");
}

TEST_CASE("every comparison operator", "[parser]") {
  CHECK(shape("a = b") == "(= a b)");
  CHECK(shape("a != b") == "(!= a b)");
  CHECK(shape("a < b") == "(< a b)");
  CHECK(shape("a <= b") == "(<= a b)");
  CHECK(shape("a > b") == "(> a b)");
  CHECK(shape("a >= b") == "(>= a b)");
  CHECK(shape("tier >= \"gold\"") == "(>= tier \"gold\")");
  ParseResult result = parse_expr("age >= 18");
  const auto* compare = where_of(result).as<CompareExpr>();
  REQUIRE(compare != nullptr);
  CHECK(compare->op == CompareOp::Ge);
  CHECK(compare->lhs->range == range(1, 13, 1, 16));
  CHECK(compare->rhs->range == range(1, 20, 1, 22));
  CHECK(where_of(result).range == range(1, 13, 1, 22));
}

TEST_CASE("between keeps its own and apart from the logical and", "[parser]") {
  CHECK(shape("age between 25 and 40") == "(between age 25 40)");
  CHECK(shape("age between 25 and 40 and x") == "(and (between age 25 40) x)");
  CHECK(shape("x between a + 1 and b * 2 or y") == "(or (between x (a + 1) (b * 2)) y)");
  CHECK(shape("d between 2026-01-01 and today") == "(between d (date 20454) today)");
  CHECK(shape("x between -5 and -1") == "(between x (neg 5) (neg 1))");
}

TEST_CASE("in and not in take a list literal of signed constants", "[parser]") {
  CHECK(shape("x in [1, 2, 3]") == "(in x [1, 2, 3])");
  CHECK(shape("x not in [\"a\"]") == "(not-in x [\"a\"])");
  CHECK(shape("x in []") == "(in x [])");
  CHECK(shape("x in [1, 2,]") == "(in x [1, 2])");
  CHECK(shape("channel in [\"email\", \"sms\"] and x") ==
        "(and (in channel [\"email\", \"sms\"]) x)");
  ParseResult result = parse_expr("x in [-1, 2.50, -0.5, 2026-11-01, true, \"s\"]");
  const auto* in = where_of(result).as<InExpr>();
  REQUIRE(in != nullptr);
  CHECK_FALSE(in->negated);
  const auto* list = in->list->as<ListLiteral>();
  REQUIRE(list != nullptr);
  REQUIRE(list->elements.size() == 6);
  // A minus sign in a list is part of the literal, not a negation.
  const auto* minus_one = list->elements[0]->as<IntLiteral>();
  REQUIRE(minus_one != nullptr);
  CHECK(minus_one->value == -1);
  CHECK(minus_one->text == "-1");
  CHECK(list->elements[0]->range == range(1, 19, 1, 21));
  CHECK(sexpr(*list->elements[1]) == "(dec 250 2)");
  CHECK(sexpr(*list->elements[2]) == "(dec -5 1)");
  CHECK(sexpr(*list->elements[3]) == "(date 20758)");
  CHECK(sexpr(*list->elements[4]) == "true");
  CHECK(sexpr(*list->elements[5]) == "\"s\"");
  CHECK(in->list->range == range(1, 18, 1, 57));
}

TEST_CASE("is missing and is present", "[parser]") {
  CHECK(shape("age is missing") == "(is-missing age)");
  CHECK(shape("age is present") == "(is-present age)");
  CHECK(shape("channel != \"sms\" or channel is missing") ==
        "(or (!= channel \"sms\") (is-missing channel))");
  CHECK(shape("not a is missing") == "(not (is-missing a))");
}

TEST_CASE("contains and contains any and contains all", "[parser]") {
  CHECK(shape("interests contains \"cats\"") == "(contains interests \"cats\")");
  CHECK(shape("interests contains any [\"cats\", \"dogs\"]") ==
        "(contains-any interests [\"cats\", \"dogs\"])");
  CHECK(shape("interests contains all [\"cats\"]") == "(contains-all interests [\"cats\"])");
  CHECK(shape("lower(city) contains \"мос\" + x") ==
        "(contains (call lower city) (\"мос\" + x))");
}

TEST_CASE("within every kind of period", "[parser]") {
  CHECK(shape("d within last 30 days") == "(within d last 30 day)");
  CHECK(shape("d within last 1 day") == "(within d last 1 day)");
  CHECK(shape("d within next 7 days") == "(within d next 7 day)");
  CHECK(shape("d within last 2 weeks") == "(within d last 2 week)");
  CHECK(shape("d within next 1 week") == "(within d next 1 week)");
  CHECK(shape("d within last 3 months") == "(within d last 3 month)");
  CHECK(shape("d within last 1 month") == "(within d last 1 month)");
  CHECK(shape("d within next 2 years") == "(within d next 2 year)");
  CHECK(shape("d within last 1 year") == "(within d last 1 year)");
  CHECK(shape("d within this week") == "(within d this week)");
  CHECK(shape("d within previous week") == "(within d previous week)");
  CHECK(shape("d within this month") == "(within d this month)");
  CHECK(shape("d within previous month") == "(within d previous month)");
  CHECK(shape("d within this year") == "(within d this year)");
  CHECK(shape("d within previous year") == "(within d previous year)");
  CHECK(shape("d + 1 year within next 14 days and x") ==
        "(and (within (d + (dur 1 year)) next 14 day) x)");
  ParseResult result = parse_expr("last_purchase within last 30 days");
  const auto* within = where_of(result).as<WithinExpr>();
  REQUIRE(within != nullptr);
  CHECK(within->period.kind == PeriodKind::Last);
  CHECK(within->period.amount == 30);
  CHECK(within->period.unit == TimeUnit::Day);
  CHECK(within->period.range == range(1, 34, 1, 46));
}

TEST_CASE("today and ago and durations", "[parser]") {
  CHECK(shape("today") == "today");
  CHECK(shape("d < 30 days ago") == "(< d (ago (dur 30 day)))");
  CHECK(shape("d >= 2 weeks ago") == "(>= d (ago (dur 2 week)))");
  CHECK(shape("d > 1 month ago") == "(> d (ago (dur 1 month)))");
  CHECK(shape("d < 5 years ago") == "(< d (ago (dur 5 year)))");
  CHECK(shape("d >= today - 14 days") == "(>= d (today - (dur 14 day)))");
  CHECK(shape("d + 7 days <= today") == "(<= (d + (dur 7 day)) today)");
  CHECK(shape("d - 1 month") == "(d - (dur 1 month))");
  CHECK(shape("d + 1_000 days") == "(d + (dur 1000 day))");
  ParseResult result = parse_expr("30 days ago");
  CHECK(where_of(result).range == range(1, 13, 1, 24));
}

TEST_CASE("function calls with zero or one or several arguments", "[parser]") {
  CHECK(shape("lower(city) = \"казань\"") == "(= (call lower city) \"казань\")");
  CHECK(shape("f()") == "(call f)");
  CHECK(shape("min(a, b)") == "(call min a b)");
  CHECK(shape("coalesce(days_since(d), 0) > 3") ==
        "(> (call coalesce (call days_since d) 0) 3)");
  CHECK(shape("f(a and b, not c, x in [1])") == "(call f (and a b) (not c) (in x [1]))");
  CHECK(shape("bucket(100, \"nov-2026\") < 10") == "(< (call bucket 100 \"nov-2026\") 10)");
  ParseResult result = parse_expr("starts_with(phone, \"+7\")");
  const auto* call = where_of(result).as<CallExpr>();
  REQUIRE(call != nullptr);
  CHECK(call->function.name == "starts_with");
  CHECK(call->function.range == range(1, 13, 1, 24));
  REQUIRE(call->arguments.size() == 2);
  CHECK(call->arguments[1]->range == range(1, 32, 1, 36));
  CHECK(where_of(result).range == range(1, 13, 1, 37));
}

// ---- literals -------------------------------------------------------------------

TEST_CASE("integer literals with digit separators", "[parser]") {
  ParseResult result = parse_expr("1_000_000");
  const auto* n = where_of(result).as<IntLiteral>();
  REQUIRE(n != nullptr);
  CHECK(n->value == 1000000);
  CHECK(n->text == "1_000_000");
  CHECK(shape("0") == "0");
  CHECK(shape("9223372036854775807") == "9223372036854775807");
  CHECK(shape("x in [-9223372036854775808]") == "(in x [-9223372036854775808])");
}

TEST_CASE("decimal literals keep the unscaled value and the scale", "[parser]") {
  auto check = [](const std::string& text, int64_t unscaled, int scale) {
    ParseResult result = parse_expr(text);
    const auto* d = where_of(result).as<DecimalLiteral>();
    REQUIRE(d != nullptr);
    CHECK(d->unscaled == unscaled);
    CHECK(d->scale == scale);
    CHECK(d->text == text);
  };
  check("12.50", 1250, 2);
  check("0.5", 5, 1);
  check("10000.00", 1000000, 2);
  check("1_000.25", 100025, 2);
  check("0.000000001", 1, 9);
  check("0.123456789012345678", 123456789012345678, 18);
}

TEST_CASE("strings decode every escape and keep Cyrillic as UTF-8", "[parser]") {
  ParseResult result = parse_expr(R"(x = "q\"b\\s\nn\tt\u{41F}\u{1F600}\u{a}")");
  const auto* compare = where_of(result).as<CompareExpr>();
  REQUIRE(compare != nullptr);
  const auto* text = compare->rhs->as<StringLiteral>();
  REQUIRE(text != nullptr);
  CHECK(text->value == "q\"b\\s\nn\tt\xD0\x9F\xF0\x9F\x98\x80\n");
  CHECK(text->value == "q\"b\\s\nn\ttП😀\n");
  CHECK(shape("city = \"Санкт-Петербург\"") == "(= city \"Санкт-Петербург\")");
  CHECK(shape("x = \"\"") == "(= x \"\")");
  CHECK(shape("x = \"# not a comment\"") == "(= x \"# not a comment\")");
}

TEST_CASE("date literals are days since 1970-01-01", "[parser]") {
  CHECK(shape("1970-01-01") == "(date 0)");
  CHECK(shape("1969-12-31") == "(date -1)");
  CHECK(shape("2000-01-01") == "(date 10957)");
  CHECK(shape("2024-02-29") == "(date 19782)");
  CHECK(shape("2026-11-01") == "(date 20758)");
  CHECK(shape("d = 2026-11-01 - 1 day") == "(= d ((date 20758) - (dur 1 day)))");
}

TEST_CASE("boolean literals", "[parser]") {
  CHECK(shape("opted_in = true") == "(= opted_in true)");
  CHECK(shape("false") == "false");
}

TEST_CASE("identifiers may be Cyrillic; columns count code points", "[parser]") {
  ParseResult result = parse_clean("segment молодые = возраст > 18 and город = \"Москва\"\n");
  const SegmentDecl& s = segment(result);
  CHECK(s.name.name == "молодые");
  CHECK(s.name.range == range(1, 9, 1, 16));
  CHECK(sexpr(*s.where) == "(and (> возраст 18) (= город \"Москва\"))");
  const auto* logical = s.where->as<LogicalExpr>();
  REQUIRE(logical != nullptr);
  CHECK(logical->operands[0]->range == range(1, 19, 1, 31));
  CHECK(logical->operands[1]->range == range(1, 36, 1, 52));
  CHECK(s.range == range(1, 1, 1, 52));
  CHECK(shape("_x1 and Ёлка_2 and CamelCase") == "(and _x1 Ёлка_2 CamelCase)");
}

TEST_CASE("keywords are reserved only in lower case", "[parser]") {
  CHECK(shape("And and Segment") == "(and And Segment)");
}

// ---- comments -------------------------------------------------------------------

TEST_CASE("comments are collected in order as own-line or trailing", "[parser]") {
  ParseResult result = parse_clean(
      "# header\n"
      "segment a = x  # trailing\n"
      "\n"
      "  # indented, own line\n"
      "segment b {\n"
      "  where y # in a block\n"
      "}\n"
      "#last");
  const auto& comments = result.module.comments;
  REQUIRE(comments.size() == 5);
  CHECK(comments[0].text == "# header");
  CHECK(comments[0].own_line);
  CHECK(comments[0].range == range(1, 1, 1, 9));
  CHECK(comments[1].text == "# trailing");
  CHECK_FALSE(comments[1].own_line);
  CHECK(comments[1].range == range(2, 16, 2, 26));
  CHECK(comments[2].text == "# indented, own line");
  CHECK(comments[2].own_line);
  CHECK(comments[2].range.begin == Position{4, 3});
  CHECK_FALSE(comments[3].own_line);
  CHECK(comments[4].text == "#last");
  CHECK(comments[4].own_line);
  CHECK(result.module.declarations.size() == 2);
}

TEST_CASE("comment columns count code points after Cyrillic text", "[parser]") {
  ParseResult result = parse_clean("segment a = город = \"Москва\" # Москва\n");
  REQUIRE(result.module.comments.size() == 1);
  CHECK(result.module.comments[0].range == range(1, 30, 1, 38));
  CHECK(result.module.comments[0].text == "# Москва");
  CHECK_FALSE(result.module.comments[0].own_line);
}

TEST_CASE("line endings: CRLF and a byte order mark", "[parser]") {
  ParseResult result = parse_clean("\xEF\xBB\xBFsegment a = x\r\nsegment b = y = 1\r\n");
  REQUIRE(result.module.declarations.size() == 2);
  CHECK(segment(result, 0).range == range(1, 1, 1, 14));
  CHECK(segment(result, 1).range == range(2, 1, 2, 18));
}

// ---- syntax errors --------------------------------------------------------------

TEST_CASE("a raw NUL in a string is refused like \\u{0}", "[parser]") {
  // Found by fuzz_rules: `import "a<NUL>b.seg"` parsed, and segc fmt printed
  // it as "a\u{0}b.seg", which does not (tests/fuzz/corpus/rules/raw-nul-in-string).
  for (const std::string& text : {std::string("segment a = x = \"a\0b\"\n", 22),
                                  std::string("import \"a\0b.seg\"\n", 17)}) {
    ParseResult result = parse(text);
    INFO(describe(result.diagnostics));
    const Diagnostic* nul = find_diagnostic(result, codes::kInvalidEscape);
    REQUIRE(nul != nullptr);
    CHECK(nul->message == "a string cannot hold the character U+0000 (NUL)");
  }
}

TEST_CASE("several errors in one file are all reported", "[parser]") {
  ParseResult result = parse(
      "segment a = (x\n"                     // 1: missing ')'
      "segment b = x @ 1\n"                  // 2: E0102 at 2:15
      "segment c = \"open\n"                 // 3: E0103 at 3:13
      "segment d = x = \"\\q\"\n"            // 4: E0104 at 4:18
      "segment e = d = 2026-02-30\n"         // 5: E0106 at 5:17
      "segment f = x = 99999999999999999999\n"  // 6: E0105 at 6:17
      "segment ok = x = 1\n");
  INFO(describe(result.diagnostics));
  CHECK(result.has_syntax_errors);
  const Diagnostic* paren = find_diagnostic(result, codes::kSyntaxError);
  REQUIRE(paren != nullptr);
  CHECK(paren->range.begin == Position{2, 1});
  CHECK(paren->message.find("')'") != std::string::npos);
  const Diagnostic* character = find_diagnostic(result, codes::kUnexpectedCharacter);
  REQUIRE(character != nullptr);
  CHECK(character->range == range(2, 15, 2, 16));
  const Diagnostic* unterminated = find_diagnostic(result, codes::kUnterminatedString);
  REQUIRE(unterminated != nullptr);
  CHECK(unterminated->range == range(3, 13, 3, 18));
  const Diagnostic* escape = find_diagnostic(result, codes::kInvalidEscape);
  REQUIRE(escape != nullptr);
  CHECK(escape->range == range(4, 18, 4, 20));
  const Diagnostic* date = find_diagnostic(result, codes::kInvalidDate);
  REQUIRE(date != nullptr);
  CHECK(date->range == range(5, 17, 5, 27));
  const Diagnostic* number = find_diagnostic(result, codes::kNumberOutOfRange);
  REQUIRE(number != nullptr);
  CHECK(number->range.begin == Position{6, 17});
  CHECK(number->range.end == Position{6, 37});
  // The declaration after all of them is intact.
  const auto names = segment_names(result);
  CHECK(std::find(names.begin(), names.end(), "ok") != names.end());
  CHECK(std::find(names.begin(), names.end(), "a") == names.end());
  const auto& broken = result.module.broken_names;
  CHECK(std::find(broken.begin(), broken.end(), "a") != broken.end());
}

TEST_CASE("error columns count code points after Cyrillic text", "[parser]") {
  ParseResult result = parse("segment город = city = \"Москва\" and @\n");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == codes::kUnexpectedCharacter);
  CHECK(result.diagnostics[0].range == range(1, 37, 1, 38));

  ParseResult syntax = parse("segment город = \"Москва\" = = 1\n");
  REQUIRE_FALSE(syntax.diagnostics.empty());
  CHECK(syntax.diagnostics[0].code == codes::kSyntaxError);
  CHECK(syntax.diagnostics[0].range == range(1, 28, 1, 29));

  ParseResult escape = parse("segment s = x = \"мо\\x\"\n");
  REQUIRE(escape.diagnostics.size() == 1);
  CHECK(escape.diagnostics[0].code == codes::kInvalidEscape);
  CHECK(escape.diagnostics[0].range == range(1, 20, 1, 22));

  ParseResult unterminated = parse("segment s =\n  город = \"Моск\n");
  REQUIRE(unterminated.diagnostics.size() == 1);
  CHECK(unterminated.diagnostics[0].code == codes::kUnterminatedString);
  CHECK(unterminated.diagnostics[0].range == range(2, 11, 2, 16));
}

TEST_CASE("a broken declaration does not stop the following ones", "[parser]") {
  ParseResult result = parse(
      "segment a = (x and\n"
      "segment b = y = 1\n"
      "partition p { a b }\n"
      "segment c { description \"x\"\n"
      "segment d = z\n");
  INFO(describe(result.diagnostics));
  CHECK(result.has_syntax_errors);
  CHECK(count_code(result, codes::kSyntaxError) >= 3);
  const auto names = segment_names(result);
  CHECK(std::find(names.begin(), names.end(), "d") != names.end());
  auto broken = result.module.broken_names;
  std::sort(broken.begin(), broken.end());
  CHECK(std::find(broken.begin(), broken.end(), "c") != broken.end());
  CHECK(std::find(broken.begin(), broken.end(), "p") != broken.end());
  for (const auto& d : result.diagnostics) CHECK(d.range.valid());
}

TEST_CASE("a declaration left unfinished does not swallow the next one", "[parser]") {
  // Error recovery must not delete the next declaration's keyword and read its
  // name as the missing operand (`x and b = y`).
  for (const char* text : {"segment a = x and\nsegment b = y\n", "segment a = age >\nsegment b = y\n",
                           "segment a = x =\nsegment b = y\n"}) {
    ParseResult result = parse(text);
    INFO(text << describe(result.diagnostics));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == codes::kSyntaxError);
    CHECK(result.diagnostics[0].range.begin == Position{2, 1});
    CHECK(segment_names(result) == std::vector<std::string>{"b"});
    CHECK(result.module.broken_names == std::vector<std::string>{"a"});
  }
}

TEST_CASE("junk after a complete declaration leaves that declaration out", "[parser]") {
  // The error is raised after the declaration ended; the truncated declaration
  // (`segment b = x`) must not stay in the module as if the user wrote it.
  for (const char* text : {"segment b = x == 1\nsegment c = y\n", "segment b = x @ 1\nsegment c = y\n",
                           "segment b = x = 1 2\nsegment c = y\n", "segment b = x = 1)\nsegment c = y\n"}) {
    ParseResult result = parse(text);
    INFO(text << describe(result.diagnostics));
    CHECK(result.diagnostics.size() == 1);
    CHECK(segment_names(result) == std::vector<std::string>{"c"});
    CHECK(result.module.broken_names == std::vector<std::string>{"b"});
  }
}

TEST_CASE("a reserved word cannot be a name", "[parser]") {
  ParseResult result = parse("segment last = x\nsegment ok = y\npartition in { ok }\nschema and { x: int }\n");
  INFO(describe(result.diagnostics));
  REQUIRE(result.diagnostics.size() == 3);
  for (const auto& d : result.diagnostics) {
    CHECK(d.code == codes::kSyntaxError);
    CHECK(d.message.find("reserved word") != std::string::npos);
  }
  CHECK(result.diagnostics[0].range == range(1, 9, 1, 13));
  CHECK(result.diagnostics[0].message.find("'last'") != std::string::npos);
  CHECK(result.diagnostics[1].range == range(3, 11, 3, 13));
  CHECK(result.diagnostics[2].range == range(4, 8, 4, 11));
  CHECK(segment_names(result) == std::vector<std::string>{"ok"});

  ParseResult meta = parse("segment s {\n  meta tags \"x\"\n  where y\n}\n");
  REQUIRE_FALSE(meta.diagnostics.empty());
  CHECK(meta.diagnostics[0].message.find("reserved word") != std::string::npos);
  CHECK(meta.diagnostics[0].range == range(2, 8, 2, 12));
}

TEST_CASE("== gets a hint to write a single =", "[parser]") {
  ParseResult result = parse("segment s = age == 30\n");
  REQUIRE_FALSE(result.diagnostics.empty());
  CHECK(result.diagnostics[0].code == codes::kSyntaxError);
  CHECK(result.diagnostics[0].range == range(1, 17, 1, 19));
  CHECK(result.diagnostics[0].help.find("single '='") != std::string::npos);
  CHECK(result.has_syntax_errors);
}

TEST_CASE("unterminated strings", "[parser]") {
  ParseResult result = parse("segment s = city = \"Москва\nsegment t = y\n");
  INFO(describe(result.diagnostics));
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == codes::kUnterminatedString);
  CHECK(result.diagnostics[0].range == range(1, 20, 1, 27));
  CHECK(result.has_syntax_errors);
  CHECK(segment_names(result) == std::vector<std::string>{"t"});

  ParseResult at_end = parse("segment s = x = \"abc");
  REQUIRE(at_end.diagnostics.size() == 1);
  CHECK(at_end.diagnostics[0].code == codes::kUnterminatedString);

  ParseResult escaped_quote = parse("segment s = x = \"abc\\\"\n");
  REQUIRE(escaped_quote.diagnostics.size() == 1);
  CHECK(escaped_quote.diagnostics[0].code == codes::kUnterminatedString);
}

TEST_CASE("invalid escapes", "[parser]") {
  auto check = [](const std::string& literal, uint32_t column, uint32_t end_column) {
    ParseResult result = parse("segment s = x = " + literal + "\n");
    INFO(literal << "\n" << describe(result.diagnostics));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == codes::kInvalidEscape);
    CHECK(result.diagnostics[0].range.begin == Position{1, column});
    CHECK(result.diagnostics[0].range.end == Position{1, end_column});
  };
  check(R"("\q")", 18, 20);
  check(R"("ab\x41")", 20, 22);
  check(R"("\u{D800}")", 18, 26);    // a surrogate
  check(R"("\u{110000}")", 18, 28);  // past the last code point
  check(R"("\u{}")", 18, 20);
  check(R"("\u41F")", 18, 20);
  check(R"("\u{12G}")", 18, 20);
  check(R"("\u{0}")", 18, 23);
  check(R"("ok \u{41F} \q")", 29, 31);
}

TEST_CASE("dates that are not on the calendar", "[parser]") {
  ParseResult result = parse("segment s = d = 2026-02-30\n");
  REQUIRE(result.diagnostics.size() == 1);
  const Diagnostic& d = result.diagnostics[0];
  CHECK(d.code == codes::kInvalidDate);
  CHECK(d.range == range(1, 17, 1, 27));
  CHECK(d.message.find("2026-02-30") != std::string::npos);
  CHECK(d.help.find("28") != std::string::npos);
  CHECK_FALSE(result.has_syntax_errors);

  for (const char* date : {"2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00"}) {
    ParseResult bad = parse(std::string("segment s = d = ") + date + "\n");
    INFO(date);
    CHECK(codes_of(bad) == std::vector<std::string>{"E0106"});
  }
  ParseResult test = parse("test \"t\" as of 2026-02-30 {\n}\n");
  REQUIRE(test.diagnostics.size() == 1);
  CHECK(test.diagnostics[0].code == codes::kInvalidDate);
  CHECK(test.diagnostics[0].range == range(1, 16, 1, 26));
  ParseResult given = parse("test \"t\" {\n  given { d: 2026-02-30 } expect s\n}\n");
  CHECK(codes_of(given) == std::vector<std::string>{"E0106"});
}

TEST_CASE("numbers that do not fit", "[parser]") {
  ParseResult result = parse("segment s = x = 9223372036854775808\n");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == codes::kNumberOutOfRange);
  CHECK(result.diagnostics[0].range == range(1, 17, 1, 36));

  CHECK(codes_of(parse("segment s = x in [-9223372036854775809]\n")) ==
        std::vector<std::string>{"E0105"});
  CHECK(codes_of(parse("segment s = x = 99_999_999_999_999_999_999\n")) ==
        std::vector<std::string>{"E0105"});
  CHECK(codes_of(parse("segment s = x = 1.1234567890123456789\n")) ==
        std::vector<std::string>{"E0105"});
  CHECK(codes_of(parse("segment s = x = 99999999999999999999.5\n")) ==
        std::vector<std::string>{"E0105"});
  CHECK(codes_of(parse("segment s = d within last 99999999999999999999 days\n")) ==
        std::vector<std::string>{"E0105"});
  CHECK(codes_of(parse("segment s = d < 99999999999999999999 days ago\n")) ==
        std::vector<std::string>{"E0105"});
  CHECK(codes_of(parse("schema s { x: decimal(99999999999999999999) }\n")) ==
        std::vector<std::string>{"E0105"});
  CHECK(codes_of(parse("test \"t\" {\n  given { n: -99999999999999999999 } expect s\n}\n")) ==
        std::vector<std::string>{"E0105"});
}

TEST_CASE("invalid UTF-8 is reported at its line and column", "[parser]") {
  ParseResult result = parse("segment a = x\nsegment б = \xFF\n");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == codes::kInvalidUtf8);
  CHECK(result.diagnostics[0].range.begin == Position{2, 13});
  CHECK(result.has_syntax_errors);
  CHECK(result.module.declarations.empty());

  for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\x80", "\xF5\x80\x80\x80"}) {
    ParseResult r = parse(std::string("segment s = \"") + bad + "\"\n");
    INFO(describe(r.diagnostics));
    CHECK(codes_of(r) == std::vector<std::string>{"E0003"});
  }
}

TEST_CASE("unexpected characters", "[parser]") {
  ParseResult result = parse("segment s = a & b\n");
  REQUIRE_FALSE(result.diagnostics.empty());
  CHECK(result.diagnostics[0].code == codes::kUnexpectedCharacter);
  CHECK(result.diagnostics[0].range == range(1, 15, 1, 16));
  CHECK(result.diagnostics[0].help.find("'and'") != std::string::npos);
  // A run of bad characters is one mistake.
  ParseResult run = parse("segment s = a $$$ b\n");
  CHECK(count_code(run, codes::kUnexpectedCharacter) == 1);
  CHECK(codes_of(parse("segment s = city = 'Москва'\n")).front() == "E0102");
  CHECK(codes_of(parse("segment s = x = 1;\n")).front() == "E0102");
}

TEST_CASE("a segment block needs exactly one where", "[parser]") {
  ParseResult result = parse("segment s {\n  description \"no rule\"\n}\nsegment t = x\n");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == codes::kMissingWhere);
  CHECK(result.diagnostics[0].range == range(1, 9, 1, 10));
  CHECK(result.diagnostics[0].message.find("'s'") != std::string::npos);
  CHECK(result.module.declarations.size() == 2);
  CHECK(codes_of(parse("segment s {}\n")) == std::vector<std::string>{"E0107"});

  ParseResult twice = parse("segment s {\n  where x\n  where y\n}\n");
  REQUIRE(twice.diagnostics.size() == 1);
  CHECK(twice.diagnostics[0].code == codes::kMissingWhere);
  CHECK(twice.diagnostics[0].range.begin == Position{3, 3});
  REQUIRE(twice.diagnostics[0].related.size() == 1);
  CHECK(twice.diagnostics[0].related[0].range.begin == Position{2, 3});
}

TEST_CASE("a property given twice", "[parser]") {
  ParseResult result = parse(
      "segment s {\n  description \"a\"\n  owner \"o\"\n  description \"b\"\n  where x\n}\n");
  REQUIRE(result.diagnostics.size() == 1);
  const Diagnostic& d = result.diagnostics[0];
  CHECK(d.code == codes::kDuplicateProperty);
  CHECK(d.range == range(4, 3, 4, 18));
  REQUIRE(d.related.size() == 1);
  CHECK(d.related[0].range == range(2, 3, 2, 18));

  CHECK(codes_of(parse("segment s {\n  owner \"a\"\n  owner \"b\"\n  where x\n}\n")) ==
        std::vector<std::string>{"E0108"});
  CHECK(codes_of(parse("segment s {\n  tags []\n  tags [\"a\"]\n  where x\n}\n")) ==
        std::vector<std::string>{"E0108"});
  CHECK(codes_of(parse("segment s {\n  meta a \"1\"\n  meta a \"2\"\n  where x\n}\n")) ==
        std::vector<std::string>{"E0108"});
  // Different meta keys are different properties.
  parse_clean("segment s {\n  meta a \"1\"\n  meta b \"2\"\n  where x\n}\n");
}

TEST_CASE("else must be the last group of a partition", "[parser]") {
  ParseResult result = parse("partition p {\n  a,\n  else rest,\n  b\n}\n");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == codes::kMisplacedElse);
  CHECK(result.diagnostics[0].range == range(3, 3, 3, 12));
  CHECK(codes_of(parse("partition p { else a, else b }\n")) == std::vector<std::string>{"E0109"});
}

TEST_CASE("syntax errors in schemas and partitions and tests", "[parser]") {
  CHECK(codes_of(parse("schema s { x int }\n")) == std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("partition p { }\n")) == std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("test \"t\" { given { a: } expect x }\n")) ==
        std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("test \"t\" { given { a: 1 } }\n")) == std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("test t { }\n")) == std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("import lifecycle\n")) == std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("segment s = x between 1\n")) == std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("segment s = d within 30 days\n")) == std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("segment s = d within this day\n")) == std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("segment s = x in y\n")) == std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("segment s = a < b < c\n")) == std::vector<std::string>{"E0101"});
  CHECK(codes_of(parse("segment s = x in [[1]]\n")) == std::vector<std::string>{"E0205"});
  CHECK(codes_of(parse("segment s = x in [-\"a\"]\n")) == std::vector<std::string>{"E0211"});
}

// ---- limits ---------------------------------------------------------------------

TEST_CASE("nesting up to 256 levels is fine and deeper is E0004", "[parser]") {
  parse_clean("segment s = " + repeat("(", 256) + "x" + repeat(")", 256) + "\n");
  parse_clean("segment s = " + repeat("not ", 256) + "x\n");
  parse_clean("segment s = " + repeat("-", 256) + "x > 1\n");

  ParseResult deep = parse("segment s = " + repeat("(", 257) + "x" + repeat(")", 257) + "\n");
  REQUIRE(deep.diagnostics.size() == 1);
  CHECK(deep.diagnostics[0].code == codes::kNestingTooDeep);
  CHECK(deep.diagnostics[0].range == range(1, 269, 1, 270));
  CHECK(deep.has_syntax_errors);

  // Sequences of `not` and `-` at one level do not add up.
  parse_clean("segment s = " + repeat("not a and ", 1000) + "x\n");
  parse_clean("segment s = x in [" + repeat("-1, ", 1000) + "-1]\n");
  parse_clean("segment s = " + repeat("-a * ", 1000) + "x > 1\n");
}

TEST_CASE("ten thousand nested parentheses or nots or minuses are errors and not crashes", "[parser]") {
  const size_t n = 10'000;
  struct Case {
    std::string text;
    uint32_t column;  // where the 257th level opens
  };
  const std::vector<Case> cases = {
      {"segment s = " + repeat("(", n) + "x" + repeat(")", n) + "\n", 269},
      {"segment s = " + repeat("(", n) + "x\n", 269},
      {"segment s = " + repeat("not ", n) + "x\n", 1037},
      {"segment s = " + repeat("-", n) + "x > 1\n", 269},
      {"segment s = " + repeat("- ", n) + "x > 1\n", 525},
      {"segment s = " + repeat("not (", n) + "x" + repeat(")", n) + "\n", 653},
      {"segment s = " + repeat("f(", n) + "x" + repeat(")", n) + "\n", 526},
      {"segment s = x in " + repeat("[", n) + repeat("]", n) + "\n", 274},
      {"test \"t\" {\n  given { a: " + repeat("[", n) + "\n", 268},  // { { and 255 [
  };
  for (const Case& c : cases) {
    ParseResult result = parse(c.text);
    INFO(c.text.substr(0, 40) << "...\n" << describe(result.diagnostics));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == codes::kNestingTooDeep);
    CHECK(result.diagnostics[0].range.begin.column == c.column);
    CHECK(result.has_syntax_errors);
    CHECK(result.module.declarations.empty());
  }
  // A nesting error anywhere in a file is one diagnostic.
  ParseResult later = parse("segment ok = x\n\nsegment s = " + repeat("(", n) + "x\n");
  CHECK(codes_of(later) == std::vector<std::string>{"E0004"});
  CHECK(later.diagnostics[0].range.begin == Position{3, 269});
}

TEST_CASE("deeply nested set types do not crash the parser", "[parser]") {
  // `set<set<...>>` recurses in SegParser::typeRef once per level; the
  // nesting check must stop it before the stack runs out.
  std::string code;
  const size_t n = 100'000;
  const std::string text =
      "schema s {\n  x: " + repeat("set<", n) + "string" + repeat(">", n) + "\n}\n";
  CHECK(parses_without_crashing(text, &code));
  CHECK(code == "E0004");
}

TEST_CASE("a list of 200000 elements is E0005 and 100000 is fine", "[parser]") {
  std::string big = "segment s = x in [0";
  for (int i = 1; i < 200'000; ++i) big += ", " + std::to_string(i);
  big += "]\n";
  ParseResult result = parse(big);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == codes::kListTooLong);
  CHECK(result.diagnostics[0].range.begin == Position{1, 18});
  CHECK(result.diagnostics[0].message.find("200000") != std::string::npos);

  std::string limit = "segment s = x in [0";
  for (int i = 1; i < 100'000; ++i) limit += ", 1";
  limit += "]\n";
  ParseResult ok = parse_clean(limit);
  const auto* in = where_of(ok).as<InExpr>();
  REQUIRE(in != nullptr);
  CHECK(in->list->as<ListLiteral>()->elements.size() == 100'000);
}

TEST_CASE("arbitrary bytes never crash the parser", "[parser]") {
  // Every prefix of a realistic file, and a few mangled variants of it.
  const std::string text =
      "import \"schema.seg\"\n"
      "segment young_urban {\n  description \"молодые\"\n  tags [\"geo\"]\n"
      "  meta offer_code \"A\\u{41F}\"\n  where age between 25 and 40 and city in [\"Москва\", -1]\n}\n"
      "segment s = not (a or b) and -x * 2 >= 3 and d within last 30 days and e < 2 weeks ago\n"
      "partition p { s, young_urban, else rest }\n"
      "test \"t\" as of 2026-11-01 {\n  given { age: 30, s: [\"x\"] } expect s, not young_urban\n}\n";
  for (size_t cut = 0; cut <= text.size(); ++cut) {
    auto result = parse(text.substr(0, cut));
    (void)result;
  }
  for (size_t i = 0; i < text.size(); i += 7) {
    std::string mangled = text;
    mangled.erase(i, 1);
    auto result = parse(mangled);
    (void)result;
  }
  SUCCEED("no crash");
}

// ---- the error limit ----------------------------------------------------------

namespace {

ParseResult parse_limited(const std::string& text, size_t error_limit) {
  SourceManager sources;
  auto result = parse_module(sources.add("t.seg", "/t.seg", text), error_limit);
  if (!result) FAIL("parse_module failed: " << llvm::toString(result.takeError()));
  return std::move(*result);
}

std::string repeated(const std::string& piece, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("past the error limit, bad characters are counted, not kept", "[parser]") {
  ParseResult result = parse_limited(repeated("@ ", 250), 100);
  REQUIRE(result.diagnostics.size() == 100);
  CHECK(result.omitted_errors == 150);
  CHECK(result.has_syntax_errors);
  for (size_t i = 0; i < 100; ++i) {
    CHECK(result.diagnostics[i].code == "E0102");
    CHECK(result.diagnostics[i].range.begin.column == 2 * i + 1);
  }
}

TEST_CASE("past the error limit, syntax errors are counted, not kept", "[parser]") {
  ParseResult result = parse_limited(repeated("segment a = )\n", 250), 100);
  REQUIRE(result.diagnostics.size() == 100);
  CHECK(result.omitted_errors == 150);
  CHECK(result.diagnostics.back().code == "E0101");
  CHECK(result.diagnostics.back().range.begin.line == 100);
}

TEST_CASE("lexical and syntax errors each keep their first N", "[parser]") {
  // The lexical errors (lines 4-6) are found before the syntax errors (lines
  // 1-3); each kind keeps its own first two, so the first two of the file
  // by position are among those kept.
  ParseResult result = parse_limited(repeated("segment a = )\n", 3) + repeated("@\n", 3), 2);
  std::vector<uint32_t> lines;
  for (const Diagnostic& d : result.diagnostics) lines.push_back(d.range.begin.line);
  std::sort(lines.begin(), lines.end());
  CHECK(lines == std::vector<uint32_t>{1, 2, 4, 5});
  CHECK(result.omitted_errors == 2);
}

TEST_CASE("a long run of bad characters is one error with a short message", "[parser]") {
  ParseResult result = parse_limited(repeated("@", 100'000), 100);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == "E0102");
  CHECK(result.diagnostics[0].range.end.column == 100'001);
  CHECK(result.diagnostics[0].message.size() < 80);
  CHECK(result.diagnostics[0].message.starts_with("unexpected characters '@@@@"));
}
