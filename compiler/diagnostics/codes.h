// Every diagnostic code segc emits. Codes are stable: once released, a code
// keeps its meaning. docs/diagnostics.md lists each with an example, and a test
// checks that the two lists agree.
#pragma once

#include <span>
#include <string_view>

#include "diagnostics/diagnostic.h"

namespace segc::codes {

// Input limits and encoding (LANGUAGE.md section 9).
inline constexpr std::string_view kCannotReadFile = "E0001";
inline constexpr std::string_view kFileTooLarge = "E0002";
inline constexpr std::string_view kInvalidUtf8 = "E0003";
inline constexpr std::string_view kNestingTooDeep = "E0004";
inline constexpr std::string_view kListTooLong = "E0005";

// Lexical and syntax errors.
inline constexpr std::string_view kSyntaxError = "E0101";
inline constexpr std::string_view kUnexpectedCharacter = "E0102";
inline constexpr std::string_view kUnterminatedString = "E0103";
inline constexpr std::string_view kInvalidEscape = "E0104";
inline constexpr std::string_view kNumberOutOfRange = "E0105";
inline constexpr std::string_view kInvalidDate = "E0106";
inline constexpr std::string_view kMissingWhere = "E0107";
inline constexpr std::string_view kDuplicateProperty = "E0108";
inline constexpr std::string_view kMisplacedElse = "E0109";

// Expressions and types.
inline constexpr std::string_view kTypeMismatch = "E0201";
inline constexpr std::string_view kUnknownName = "E0202";
inline constexpr std::string_view kUnknownEnumValue = "E0203";
inline constexpr std::string_view kNotACondition = "E0204";
inline constexpr std::string_view kBadListElement = "E0205";
inline constexpr std::string_view kUnknownFunction = "E0206";
inline constexpr std::string_view kWrongArgumentCount = "E0207";
inline constexpr std::string_view kWrongArgumentType = "E0208";
inline constexpr std::string_view kInvalidRegex = "E0209";
inline constexpr std::string_view kArgumentNotConstant = "E0210";
inline constexpr std::string_view kBadOperand = "E0211";

// Declarations, schema, imports and references.
inline constexpr std::string_view kDuplicateName = "E0301";
inline constexpr std::string_view kImportNotFound = "E0302";
inline constexpr std::string_view kImportCycle = "E0303";
inline constexpr std::string_view kNoSchema = "E0304";
inline constexpr std::string_view kSecondSchema = "E0305";
inline constexpr std::string_view kSegmentCycle = "E0306";
inline constexpr std::string_view kBadKey = "E0307";
inline constexpr std::string_view kUnknownType = "E0308";
inline constexpr std::string_view kBadTypeArguments = "E0309";
inline constexpr std::string_view kNotASegment = "E0310";
inline constexpr std::string_view kDuplicateEntry = "E0311";
inline constexpr std::string_view kBadTestValue = "E0312";
inline constexpr std::string_view kOutsideRulesRoot = "E0313";
inline constexpr std::string_view kNotRegularFile = "E0314";
inline constexpr std::string_view kUnreadableFolderEntry = "E0315";

// Warnings (LANGUAGE.md section 6); errors under --werror.
inline constexpr std::string_view kMissingDropsOut = "W0601";
inline constexpr std::string_view kConstantComparison = "W0602";
inline constexpr std::string_view kEmptyRange = "W0603";
inline constexpr std::string_view kContradiction = "W0604";
inline constexpr std::string_view kUnusedImport = "W0605";

// Warnings about the rules on the data they run on (segc run, explain):
// evaluate/data_lints.h.
inline constexpr std::string_view kValueNotInData = "W0701";
inline constexpr std::string_view kNoMembers = "W0702";
inline constexpr std::string_view kEveryCustomer = "W0703";
inline constexpr std::string_view kFieldAlwaysMissing = "W0704";
inline constexpr std::string_view kPaddedValues = "W0705";

struct CodeInfo {
  std::string_view code;
  Severity severity;
  std::string_view title;  // short description for SARIF rules and the docs
};

std::span<const CodeInfo> all_codes();
const CodeInfo* find_code(std::string_view code);

}  // namespace segc::codes
