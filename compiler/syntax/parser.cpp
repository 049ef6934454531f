#include "syntax/parser.h"

#include <CommonTokenStream.h>
#include <DefaultErrorStrategy.h>
#include <SegLexer.h>
#include <SegParser.h>
#include <fmt/format.h>
#include <llvm/Support/ConvertUTF.h>

#include "diagnostics/codes.h"
#include "syntax/lexer_input.h"
#include "syntax/parse_tree_to_ast.h"
#include "syntax/syntax_error_listener.h"

namespace segc {
namespace {

using grammar::SegLexer;

// Reports the first byte sequence that is not UTF-8; ANTLR cannot read past it.
bool check_utf8(const SourceFile& file, DiagnosticList& diagnostics) {
  const auto* begin = reinterpret_cast<const llvm::UTF8*>(file.text().data());
  const auto* cursor = begin;
  if (llvm::isLegalUTF8String(&cursor, begin + file.text().size())) return true;
  const size_t offset = static_cast<size_t>(cursor - begin);
  uint32_t line = 1;
  uint32_t column = 1;
  for (size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(file.text()[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  diagnostics.error(
      codes::kInvalidUtf8, SourceRange{file.id(), {line, column}, {line, column + 1}},
      fmt::format("the file is not valid UTF-8: byte 0x{:02X} at offset {} is not part of a UTF-8 character",
                  static_cast<unsigned char>(file.text()[offset]), offset),
      "save the file as UTF-8 (most editors offer this under 'Save with encoding')");
  return false;
}

bool ends_operand(size_t type) {
  switch (type) {
    case SegLexer::IDENT: case SegLexer::INT: case SegLexer::DECIMAL: case SegLexer::STRING:
    case SegLexer::DATE: case SegLexer::TRUE: case SegLexer::FALSE: case SegLexer::TODAY:
    case SegLexer::RPAREN: case SegLexer::RBRACKET: case SegLexer::AGO: case SegLexer::MISSING:
    case SegLexer::PRESENT: case SegLexer::DAY: case SegLexer::DAYS: case SegLexer::WEEK:
    case SegLexer::WEEKS: case SegLexer::MONTH: case SegLexer::MONTHS: case SegLexer::YEAR:
    case SegLexer::YEARS:
      return true;
    default:
      return false;
  }
}

// The parser recurses once per bracket and once per prefix operator. Before
// parsing, bound that nesting so that no input, however deep, can exhaust the
// stack: each open bracket counts one level, and so does each `not` or unary
// `-` that is still open (a `not` closes at `and`, `or`, `,` or the bracket
// that encloses it; a `-` closes at the end of its operand). The `<` of a
// schema's `set<...>` types counts like a bracket.
bool check_nesting(const std::vector<antlr4::Token*>& tokens, FileId file,
                   DiagnosticList& diagnostics) {
  struct Level {
    uint32_t open_nots = 0;
    uint32_t open_minuses = 0;
  };
  std::vector<Level> levels(1);
  uint32_t depth = 0;
  size_t previous = antlr4::Token::INVALID_TYPE;
  // Inside a schema's braces `<` and `>` are the brackets of `set<...>`.
  bool schema_next = false;
  size_t schema_level = 0;  // levels.size() inside the schema's braces; 0 outside
  for (const antlr4::Token* token : tokens) {
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    size_t type = token->getType();
    if (type == SegLexer::SCHEMA) schema_next = true;
    if (type == SegLexer::LBRACE && schema_next) {
      schema_next = false;
      schema_level = levels.size() + 1;
    }
    if (schema_level != 0 && levels.size() >= schema_level) {
      if (type == SegLexer::LT) type = SegLexer::LPAREN;
      if (type == SegLexer::GT && levels.size() > schema_level) type = SegLexer::RPAREN;
    }
    if (type == SegLexer::RBRACE && levels.size() == schema_level) schema_level = 0;
    Level& level = levels.back();
    switch (type) {
      case SegLexer::LPAREN: case SegLexer::LBRACKET: case SegLexer::LBRACE:
        levels.emplace_back();
        depth += 1;
        break;
      case SegLexer::RPAREN: case SegLexer::RBRACKET: case SegLexer::RBRACE:
        if (levels.size() > 1) {
          depth -= 1 + levels.back().open_nots + levels.back().open_minuses;
          levels.pop_back();
          depth -= levels.back().open_minuses;
          levels.back().open_minuses = 0;
        }
        break;
      case SegLexer::NOT:
        if (!ends_operand(previous)) {
          ++level.open_nots;
          ++depth;
        }
        break;
      case SegLexer::MINUS:
        if (!ends_operand(previous)) {
          ++level.open_minuses;
          ++depth;
        }
        break;
      case SegLexer::AND: case SegLexer::OR: case SegLexer::COMMA: case SegLexer::SEGMENT:
      case SegLexer::PARTITION: case SegLexer::TEST: case SegLexer::SCHEMA:
      case SegLexer::IMPORT: case SegLexer::GIVEN: case SegLexer::EXPECT:
        depth -= level.open_nots + level.open_minuses;
        level.open_nots = level.open_minuses = 0;
        break;
      default:
        if (ends_operand(type)) {
          depth -= level.open_minuses;
          level.open_minuses = 0;
        }
        break;
    }
    if (depth > kMaxNestingDepth) {
      diagnostics.error(codes::kNestingTooDeep, token_range(file, *token),
                        fmt::format("expressions are nested more than {} levels deep here",
                                    kMaxNestingDepth),
                        "split the rule into smaller segments that refer to each other");
      return false;
    }
    previous = type;
  }
  return true;
}

// A run of unexpected characters is quoted up to this many code points.
constexpr size_t kMaxQuotedRun = 20;

// Lexical problems and comments; returns false when a token could not be read.
// Past `error_limit` problems (0: no limit) the rest are only counted in
// `omitted`.
bool check_tokens(const std::vector<antlr4::Token*>& tokens, const SourceFile& file,
                  DiagnosticList& diagnostics, SyntaxErrorListener& listener,
                  std::vector<ast::Comment>& comments, size_t error_limit, size_t& omitted) {
  bool ok = true;
  const antlr4::Token* previous = nullptr;
  std::string bad_run;  // the text of adjacent unexpected characters, quoted
  size_t bad_run_length = 0;  // code points in the run
  bool bad_run_reported = false;
  size_t reported = 0;
  auto report = [&](std::string_view code, const SourceRange& range, std::string message,
                    std::string help) {
    if (error_limit != 0 && reported >= error_limit) {
      ++omitted;
      return false;
    }
    ++reported;
    diagnostics.error(code, range, std::move(message), std::move(help));
    return true;
  };
  for (const antlr4::Token* token : tokens) {
    const SourceRange range = token_range(file.id(), *token);
    switch (token->getType()) {
      case SegLexer::COMMENT: {
        std::string_view line = file.line_text(range.begin.line);
        const size_t indent = line.find_first_not_of(" \t");
        comments.push_back(
            ast::Comment{token->getText(), range, indent == range.begin.column - 1});
        break;
      }
      case SegLexer::UNEXPECTED_CHAR: {
        ok = false;
        listener.ignore_token(token->getTokenIndex());
        // A run of unreadable characters is one mistake, not many.
        if (previous != nullptr && previous->getType() == SegLexer::UNEXPECTED_CHAR &&
            token_range(file.id(), *previous).end == range.begin) {
          if (!bad_run_reported) break;  // the run's start was past the limit
          // Quoting a megabyte of garbage helps nobody; the range covers it all.
          if (++bad_run_length <= kMaxQuotedRun) bad_run += token->getText();
          if (bad_run_length == kMaxQuotedRun + 1) bad_run += "...";
          diagnostics.items().back().range.end = range.end;
          if (bad_run_length <= kMaxQuotedRun + 1) {
            diagnostics.items().back().message =
                fmt::format("unexpected characters '{}'", bad_run);
          }
          break;
        }
        const std::string text = token->getText();
        bad_run = text;
        bad_run_length = 1;
        std::string help;
        if (text == "'") help = "strings are written in double quotes: \"Москва\"";
        else if (text == "&") help = "write 'and' to combine conditions";
        else if (text == "|") help = "write 'or' for alternatives";
        else if (text == "!") help = "write 'not' to negate a condition, or '!=' for 'not equal'";
        else if (text == ";") help = "Seg needs no semicolons; remove it";
        else if (text == ".") help = "decimals need digits on both sides of the point: 0.5";
        bad_run_reported = report(codes::kUnexpectedCharacter, range,
                                  fmt::format("unexpected character '{}'", text), help);
        break;
      }
      case SegLexer::UNTERMINATED_STRING:
        ok = false;
        listener.ignore_token(token->getTokenIndex());
        report(codes::kUnterminatedString, range, "this string has no closing double quote",
               "end the string with \" on the same line");
        break;
      case SegLexer::DOUBLE_EQ:
        ok = false;
        listener.ignore_token(token->getTokenIndex());
        report(codes::kSyntaxError, range, "unexpected '=='",
               "Seg compares with a single '=': write `age = 30`");
        break;
      default:
        break;
    }
    if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) previous = token;
  }
  return ok;
}

// ANTLR's default recovery may drop one unexpected token when the token after
// it fits: after `segment a = age > 1 and` it would drop the next line's
// `segment` and read its name as the missing operand, losing that whole
// declaration. A keyword that starts a declaration is never dropped, so the
// incomplete declaration ends there and the next one parses normally.
// Recovery that stops at such a keyword also ends the error condition, so that
// a mistake in the next declaration is reported too (ANTLR otherwise stays
// silent until a token has been matched, which loses errors such as a
// reserved word used as the next segment's name).
class KeepDeclarationsStrategy : public antlr4::DefaultErrorStrategy {
 public:
  void recover(antlr4::Parser* recognizer, std::exception_ptr error) override {
    antlr4::DefaultErrorStrategy::recover(recognizer, error);
    // Only once per token: when the declaration starting here fails at once,
    // the default guard must see the repeat and skip a token, or the parser
    // would retry the same token forever.
    const size_t index = recognizer->getInputStream()->index();
    if (index != released_at_ && starts_declaration(recognizer->getCurrentToken()->getType())) {
      released_at_ = index;
      endErrorCondition(recognizer);
    }
  }

 protected:
  antlr4::Token* singleTokenDeletion(antlr4::Parser* recognizer) override {
    if (starts_declaration(recognizer->getCurrentToken()->getType())) return nullptr;
    return antlr4::DefaultErrorStrategy::singleTokenDeletion(recognizer);
  }

 private:
  size_t released_at_ = SIZE_MAX;

  static bool starts_declaration(size_t type) {
    return type == SegLexer::SEGMENT || type == SegLexer::PARTITION || type == SegLexer::TEST ||
           type == SegLexer::SCHEMA || type == SegLexer::IMPORT;
  }
};

}  // namespace

llvm::Expected<ParseResult> parse_module(const SourceFile& file, size_t error_limit) {
  ParseResult result;
  result.module.file = file.id();
  DiagnosticList diagnostics;
  auto finish = [&](bool syntax_errors) {
    result.has_syntax_errors = syntax_errors;
    result.diagnostics = std::move(diagnostics.items());
    return std::move(result);
  };
  if (!check_utf8(file, diagnostics)) return finish(true);
  try {
    LexerInput input(file.text());
    SegLexer lexer(&input);
    lexer.removeErrorListeners();  // every character lexes; bad ones as UNEXPECTED_CHAR
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    SyntaxErrorListener listener(file.id(), diagnostics, error_limit);
    size_t lexical_omitted = 0;
    const bool lexically_ok = check_tokens(tokens.getTokens(), file, diagnostics, listener,
                                           result.module.comments, error_limit, lexical_omitted);
    result.omitted_errors = lexical_omitted;
    if (!check_nesting(tokens.getTokens(), file.id(), diagnostics)) return finish(true);

    grammar::SegParser parser(&tokens);
    parser.removeErrorListeners();
    parser.setErrorHandler(std::make_shared<KeepDeclarationsStrategy>());
    parser.addErrorListener(&listener);
    grammar::SegParser::FileContext* tree = parser.file();
    result.module = parse_tree_to_ast(tree, file, listener.broken_declarations(), diagnostics,
                                      std::move(result.module.comments));
    result.omitted_errors += listener.omitted();
    return finish(!lexically_ok || listener.saw_errors());
  } catch (const std::exception& error) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the parser failed on %s: %s", file.display_path().c_str(),
                                   error.what());
  }
}

}  // namespace segc
