// The lexer's input stream: non-ASCII text must reach the lexer as ASCII
// stand-ins (ANTLR's lexer caches its decisions for characters up to 127
// only and re-simulates its ATN for every other one, which made Cyrillic
// rules several times slower to check than Latin ones), and must lex into
// exactly the tokens the plain stream gives.
#include <CommonTokenStream.h>
#include <SegLexer.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "syntax/lexer_input.h"

namespace {

struct Lexed {
  size_t type, channel, start, stop, line, column;
  std::string text;
  friend bool operator==(const Lexed&, const Lexed&) = default;
};

std::ostream& operator<<(std::ostream& out, const Lexed& t) {
  return out << t.type << "@" << t.line << ":" << t.column << "[" << t.start << "," << t.stop
             << "] '" << t.text << "'";
}

std::vector<Lexed> lex(antlr4::CharStream& input) {
  segc::grammar::SegLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  std::vector<Lexed> out;
  for (const antlr4::Token* token : tokens.getTokens()) {
    out.push_back({token->getType(), token->getChannel(), token->getStartIndex(),
                   token->getStopIndex(), token->getLine(), token->getCharPositionInLine(),
                   token->getText()});
  }
  return out;
}

}  // namespace

TEST_CASE("lexer input: non-ASCII letters and symbols reach the lexer as ASCII", "[lexer]") {
  segc::LexerInput input(
      "segment москва = город = \"Санкт-Петербург → ёлка\" # комментарий ✓ 日本語 😀\n");
  size_t above_ascii = 0;
  while (input.LA(1) != antlr4::IntStream::EOF) {
    if (input.LA(1) > 127) ++above_ascii;
    input.consume();
  }
  CHECK(above_ascii == 0);
}

TEST_CASE("lexer input: the tokens are those of the plain input stream", "[lexer]") {
  const std::vector<std::string> texts = {
      "segment лояльные = возраст >= 18 and город = \"Москва\"\n",
      // Cyrillic look-alikes of Latin letters ('а', 'і', 'о'): names, never
      // the keywords `as`, `in`, `or`, `of` they look like.
      "аs as sа іn оr оf тест test\n",
      // Arabic-Indic digit: it may continue a name but not start one or a number.
      "x٣ ٣ _٣٣\n",
      // Symbols outside strings are unexpected characters, inside they are text.
      "a → b \"→ ✓ \\я\" # → ✓\n",
      // No-break space and line separator are not white space in Seg.
      "a\u00A0b\u2028c\n",
      "😀segment \"😀\" ǅx ⅷ\n",
      "\"unterminated ёж\nnext\n",
  };
  for (const std::string& text : texts) {
    INFO(text);
    antlr4::ANTLRInputStream plain(text);
    segc::LexerInput fast(text);
    CHECK(lex(fast) == lex(plain));
  }
}
