#include "syntax/syntax_error_listener.h"

#include <Parser.h>
#include <ParserRuleContext.h>
#include <SegParser.h>
#include <Token.h>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "diagnostics/codes.h"

namespace segc {
namespace {

using grammar::SegParser;

// Groups of tokens that read better as one phrase than as a list.
struct TokenGroup {
  std::vector<size_t> types;
  const char* phrase;
};

const std::vector<TokenGroup>& token_groups() {
  static const std::vector<TokenGroup> groups = {
      {{SegParser::LPAREN, SegParser::IDENT, SegParser::INT, SegParser::DECIMAL,
        SegParser::STRING, SegParser::DATE, SegParser::TRUE, SegParser::FALSE,
        SegParser::TODAY, SegParser::MINUS, SegParser::NOT},
       "an expression"},
      {{SegParser::INT, SegParser::DECIMAL, SegParser::STRING, SegParser::DATE,
        SegParser::TRUE, SegParser::FALSE, SegParser::LBRACKET, SegParser::MINUS},
       "a value"},
      {{SegParser::EQ, SegParser::NE, SegParser::LT, SegParser::LE, SegParser::GT,
        SegParser::GE, SegParser::BETWEEN, SegParser::IN, SegParser::IS, SegParser::CONTAINS,
        SegParser::WITHIN},
       "a comparison such as '=', 'in' or 'between'"},
      {{SegParser::PLUS, SegParser::MINUS, SegParser::STAR, SegParser::SLASH},
       "an arithmetic operator"},
      {{SegParser::IMPORT, SegParser::SCHEMA, SegParser::SEGMENT, SegParser::PARTITION,
        SegParser::TEST},
       "a declaration (import, schema, segment, partition or test)"},
      {{SegParser::DESCRIPTION, SegParser::OWNER, SegParser::TAGS, SegParser::META,
        SegParser::WHERE},
       "a property (description, owner, tags, meta) or 'where'"},
      {{SegParser::DAY, SegParser::DAYS, SegParser::WEEK, SegParser::WEEKS, SegParser::MONTH,
        SegParser::MONTHS, SegParser::YEAR, SegParser::YEARS},
       "a time unit (days, weeks, months or years)"},
      {{SegParser::LAST, SegParser::NEXT, SegParser::THIS, SegParser::PREVIOUS},
       "a period such as 'last 30 days' or 'this month'"},
  };
  return groups;
}

std::string describe_expected(const antlr4::misc::IntervalSet& expected,
                              const antlr4::dfa::Vocabulary& vocabulary) {
  std::vector<size_t> remaining;
  for (ssize_t type : expected.toList()) remaining.push_back(static_cast<size_t>(type));
  auto has = [&](size_t type) {
    return std::find(remaining.begin(), remaining.end(), type) != remaining.end();
  };
  std::vector<std::string> phrases;
  // A group is named when most of it is expected; it then absorbs its members.
  // Groups expected in full go first: where only a value may stand (a test
  // value, a list element) that is "a value", not "an expression" that
  // happens to share most of its tokens.
  for (const bool complete_only : {true, false}) {
    for (const auto& group : token_groups()) {
      size_t present = 0;
      for (size_t type : group.types) present += has(type);
      if (present * 2 <= group.types.size() || present < 2) continue;
      if (complete_only && present != group.types.size()) continue;
      phrases.emplace_back(group.phrase);
      std::erase_if(remaining, [&](size_t type) {
        return std::find(group.types.begin(), group.types.end(), type) != group.types.end();
      });
    }
  }
  for (size_t type : remaining) phrases.push_back(describe_token_type(type, vocabulary));
  if (phrases.empty()) return {};
  std::string out = phrases[0];
  for (size_t i = 1; i < phrases.size(); ++i) {
    out += i + 1 == phrases.size() ? " or " : ", ";
    out += phrases[i];
  }
  return out;
}

bool is_keyword(size_t type) { return type >= SegParser::SCHEMA && type <= SegParser::YEARS; }

std::string describe_token(const antlr4::Token& token) {
  const size_t type = token.getType();
  std::string text = token.getText();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case SegParser::IDENT: return fmt::format("name '{}'", text);
    case SegParser::INT:
    case SegParser::DECIMAL: return fmt::format("number {}", text);
    case SegParser::STRING: return fmt::format("string {}", text);
    case SegParser::DATE: return fmt::format("date {}", text);
    default:
      if (is_keyword(type)) return fmt::format("keyword '{}'", text);
      return fmt::format("'{}'", text);
  }
}

// A name is wanted, but not an expression (which could start with one too).
bool wants_a_name(const antlr4::misc::IntervalSet& expected) {
  return expected.contains(static_cast<size_t>(SegParser::IDENT)) &&
         !expected.contains(static_cast<size_t>(SegParser::LPAREN));
}

bool names_follow(size_t type) {
  return type == SegParser::SEGMENT || type == SegParser::PARTITION ||
         type == SegParser::SCHEMA || type == SegParser::META || type == SegParser::ELSE;
}

size_t previous_token_type(antlr4::Parser& parser, const antlr4::Token& token) {
  auto* stream = parser.getTokenStream();
  for (size_t i = token.getTokenIndex(); i-- > 0;) {
    const antlr4::Token* previous = stream->get(i);
    if (previous->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return previous->getType();
  }
  return antlr4::Token::INVALID_TYPE;
}

}  // namespace

std::string describe_token_type(size_t type, const antlr4::dfa::Vocabulary& vocabulary) {
  switch (type) {
    case antlr4::Token::EOF: return "the end of the file";
    case SegParser::IDENT: return "a name";
    case SegParser::INT: return "a whole number";
    case SegParser::DECIMAL: return "a decimal number";
    case SegParser::STRING: return "a string in double quotes";
    case SegParser::DATE: return "a date (YYYY-MM-DD)";
    default: {
      std::string literal(vocabulary.getLiteralName(type));
      if (!literal.empty()) return literal;  // already quoted: 'and'
      return std::string(vocabulary.getDisplayName(type));
    }
  }
}

SourceRange token_range(FileId file, const antlr4::Token& token) {
  const auto line = static_cast<uint32_t>(token.getLine());
  const auto column = static_cast<uint32_t>(token.getCharPositionInLine()) + 1;
  uint32_t length = 1;
  if (token.getType() != antlr4::Token::EOF && token.getStopIndex() >= token.getStartIndex()) {
    length = static_cast<uint32_t>(token.getStopIndex() - token.getStartIndex() + 1);
  }
  return SourceRange{file, {line, column}, {line, column + length}};
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending,
                                      size_t, size_t, const std::string& message,
                                      std::exception_ptr) {
  saw_errors_ = true;
  auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
  size_t declaration_start = SIZE_MAX;  // SIZE_MAX: between declarations
  if (parser != nullptr) {
    for (auto* context = parser->getContext(); context != nullptr;
         context = dynamic_cast<antlr4::ParserRuleContext*>(context->parent)) {
      if (context->getRuleIndex() == SegParser::RuleDeclaration && context->getStart()) {
        declaration_start = context->getStart()->getTokenIndex();
        broken_declarations_.insert(declaration_start);
        break;
      }
    }
  }
  if (offending == nullptr || parser == nullptr) return;
  if (is_ignored(offending->getTokenIndex())) return;
  // ANTLR's recovery often trips again on the rest of the line it resynchronises
  // on; one error per declaration and line is the one worth reading.
  const auto line_key = std::make_pair(declaration_start, offending->getLine());
  if (line_key == last_reported_) return;
  last_reported_ = line_key;
  if (error_limit_ != 0 && reported_ >= error_limit_) {
    ++omitted_;
    return;
  }
  ++reported_;

  std::string expected;
  try {
    expected = describe_expected(parser->getExpectedTokens(), parser->getVocabulary());
  } catch (const std::exception&) {
    // No expectation to offer from this state; the message stands on its own.
  }
  const SourceRange range = token_range(file_, *offending);
  const size_t type = offending->getType();
  std::string text;
  std::string help;
  // A keyword where a name belongs ("segment last = ...") fails before ANTLR
  // knows that a name was wanted, so look at what came before.
  if (is_keyword(type) && names_follow(previous_token_type(*parser, *offending))) {
    diagnostics_.error(codes::kSyntaxError, range,
                       fmt::format("'{}' is a reserved word and cannot be used as a name",
                                   offending->getText()),
                       "choose another name, for example by adding a prefix or suffix");
    return;
  }
  if (message.rfind("missing ", 0) == 0 && !expected.empty()) {
    text = fmt::format("expected {} before {}", expected, describe_token(*offending));
  } else {
    text = fmt::format("unexpected {}", describe_token(*offending));
    if (!expected.empty()) help = fmt::format("expected {} here", expected);
  }
  if (type == SegParser::DOUBLE_EQ) {
    help = "Seg compares with a single '=': write `age = 30`";
  } else if ((type == SegParser::GT || type == SegParser::LT) &&
             previous_token_type(*parser, *offending) == SegParser::EQ) {
    // `age => 25`, `age =< 25`: the two characters the other way round.
    help = fmt::format("write '{}=' for '{} or equal'", offending->getText(),
                       type == SegParser::GT ? "greater than" : "less than");
  } else if (type == SegParser::IDENT && !parser->getExpectedTokens().contains(type) &&
             parser->getExpectedTokens().contains(static_cast<size_t>(SegParser::STRING))) {
    // `city: Москва` in a test, or a bare word in a list: text needs quotes.
    help = fmt::format("{}; text is written in double quotes: \"{}\"",
                       help.empty() ? "a value is needed here" : help, offending->getText());
  } else if (is_keyword(type) && wants_a_name(parser->getExpectedTokens())) {
    help = fmt::format("'{}' is a reserved word and cannot be used as a name; choose another name",
                       offending->getText());
  }
  diagnostics_.error(codes::kSyntaxError, range, std::move(text), std::move(help));
}

}  // namespace segc
