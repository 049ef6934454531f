#include "syntax/lexer_input.h"

#include <SegLexer.h>
#include <atn/ATN.h>
#include <atn/ATNState.h>
#include <atn/Transition.h>
#include <misc/IntervalSet.h>

#include <algorithm>

namespace segc {
namespace {

// The only lexer rule that tells non-ASCII characters apart is IDENT,
// `[\p{L}_] [\p{L}\p{Nd}_]*`; every other rule takes any non-ASCII character
// (in strings and comments) or none (UNEXPECTED_CHAR takes them one by one).
// The two sets are read from the lexer's own ATN, so that they agree with the
// Unicode tables of the ANTLR tool that generated it.
struct NameCharacters {
  antlr4::misc::IntervalSet first;  // may start a name
  antlr4::misc::IntervalSet rest;   // may continue one
};

NameCharacters read_name_characters() {
  antlr4::ANTLRInputStream empty;
  grammar::SegLexer lexer(&empty);
  const std::vector<std::string>& rules = lexer.getRuleNames();
  const size_t ident = static_cast<size_t>(
      std::find(rules.begin(), rules.end(), "IDENT") - rules.begin());
  NameCharacters sets;
  for (const antlr4::atn::ATNState* state : lexer.getATN().states) {
    if (state == nullptr || state->ruleIndex != ident) continue;
    for (const antlr4::atn::Transition* transition : state->transitions) {
      if (transition->isEpsilon()) continue;
      const antlr4::misc::IntervalSet label = transition->label();
      if (!label.contains(size_t{'a'})) continue;
      (label.contains(size_t{'0'}) ? sets.rest : sets.first).addAll(label);
    }
  }
  return sets;
}

const NameCharacters& name_characters() {
  static const NameCharacters sets = read_name_characters();
  return sets;
}

// 'Z' is a letter like any non-ASCII letter, and since no keyword contains
// it, a name with a stand-in cannot turn into a keyword ("аs", Cyrillic а,
// stays a name). '@' is, like any other non-ASCII character, text inside a
// string or comment and an unexpected character elsewhere. A character that
// may continue a name but not start one (a non-ASCII digit) has no ASCII
// twin and stays itself; such characters are rare.
constexpr char32_t kLetterStandIn = U'Z';
constexpr char32_t kOtherStandIn = U'@';

}  // namespace

LexerInput::LexerInput(const std::string& utf8) : antlr4::ANTLRInputStream(utf8), decided_(_data) {
  const NameCharacters& names = name_characters();
  // One decision per distinct character: a Cyrillic text uses a few dozen.
  char32_t last = 0;
  char32_t last_stand_in = 0;
  for (char32_t& c : decided_) {
    if (c < 0x80) continue;
    if (c != last) {
      last = c;
      const bool first = names.first.contains(static_cast<size_t>(c));
      const bool rest = names.rest.contains(static_cast<size_t>(c));
      last_stand_in = first ? kLetterStandIn : rest ? c : kOtherStandIn;
    }
    c = last_stand_in;
  }
}

// ANTLRInputStream::LA, reading the stand-ins.
size_t LexerInput::LA(ssize_t i) {
  if (i == 0) return 0;  // undefined
  ssize_t position = static_cast<ssize_t>(p);
  if (i < 0) {
    ++i;  // LA(-1) is the character before the current one
    if (position + i - 1 < 0) return antlr4::IntStream::EOF;
  }
  if (position + i - 1 >= static_cast<ssize_t>(decided_.size())) return antlr4::IntStream::EOF;
  return decided_[static_cast<size_t>(position + i - 1)];
}

}  // namespace segc
