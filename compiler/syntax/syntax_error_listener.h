// Collects every syntax error ANTLR reports, in words a marketer can follow.
#pragma once

#include <BaseErrorListener.h>
#include <Vocabulary.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "diagnostics/diagnostic.h"

namespace segc {

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  // Past `error_limit` reported errors (0: no limit) the rest are only counted:
  // on a file of garbage the parser trips at almost every token.
  SyntaxErrorListener(FileId file, DiagnosticList& diagnostics, size_t error_limit)
      : file_(file), diagnostics_(diagnostics), error_limit_(error_limit) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                   size_t column, const std::string& message, std::exception_ptr error) override;

  // Tokens already reported by the lexical checks; errors at them are not
  // reported a second time. Called in increasing token order.
  void ignore_token(size_t token_index) { ignored_tokens_.push_back(token_index); }
  bool is_ignored(size_t token_index) const {
    return std::binary_search(ignored_tokens_.begin(), ignored_tokens_.end(), token_index);
  }

  // The declarations (by their first token index) in which an error occurred.
  const std::set<size_t>& broken_declarations() const { return broken_declarations_; }
  bool saw_errors() const { return saw_errors_; }
  // Errors past the limit, counted but not reported.
  size_t omitted() const { return omitted_; }

 private:
  FileId file_;
  DiagnosticList& diagnostics_;
  size_t error_limit_;
  size_t reported_ = 0;
  size_t omitted_ = 0;
  // Sorted; a vector, since a file of garbage has millions (a set node costs
  // six times as much).
  std::vector<size_t> ignored_tokens_;
  std::set<size_t> broken_declarations_;
  bool saw_errors_ = false;
  std::pair<size_t, size_t> last_reported_{SIZE_MAX, 0};  // (declaration, line)
};

// Human words for a token type: "'and'", "a string", "a name", "the end of the file".
std::string describe_token_type(size_t type, const antlr4::dfa::Vocabulary& vocabulary);

SourceRange token_range(FileId file, const antlr4::Token& token);

}  // namespace segc
