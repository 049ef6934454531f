#include "diagnostics/codes.h"

#include <array>

namespace segc::codes {
namespace {

constexpr auto E = Severity::Error;
constexpr auto W = Severity::Warning;

constexpr std::array kCodes = {
    CodeInfo{kCannotReadFile, E, "file cannot be read"},
    CodeInfo{kFileTooLarge, E, "file larger than 16 MiB"},
    CodeInfo{kInvalidUtf8, E, "file is not valid UTF-8"},
    CodeInfo{kNestingTooDeep, E, "nesting deeper than 256 levels"},
    CodeInfo{kListTooLong, E, "list longer than 100,000 elements"},
    CodeInfo{kSyntaxError, E, "syntax error"},
    CodeInfo{kUnexpectedCharacter, E, "character that cannot start a token"},
    CodeInfo{kUnterminatedString, E, "string literal without closing quote"},
    CodeInfo{kInvalidEscape, E, "invalid escape sequence in a string"},
    CodeInfo{kNumberOutOfRange, E, "number literal out of range"},
    CodeInfo{kInvalidDate, E, "date literal that is not a calendar date"},
    CodeInfo{kMissingWhere, E, "segment block without exactly one where clause"},
    CodeInfo{kDuplicateProperty, E, "segment property given twice"},
    CodeInfo{kMisplacedElse, E, "partition else group misplaced or repeated"},
    CodeInfo{kTypeMismatch, E, "operands of incompatible types"},
    CodeInfo{kUnknownName, E, "name that is neither a field nor a segment"},
    CodeInfo{kUnknownEnumValue, E, "string that is not a value of the enum"},
    CodeInfo{kNotACondition, E, "expression that is not a condition"},
    CodeInfo{kBadListElement, E, "list element of the wrong type"},
    CodeInfo{kUnknownFunction, E, "unknown function"},
    CodeInfo{kWrongArgumentCount, E, "wrong number of function arguments"},
    CodeInfo{kWrongArgumentType, E, "function argument of the wrong type"},
    CodeInfo{kInvalidRegex, E, "invalid regular expression"},
    CodeInfo{kArgumentNotConstant, E, "argument that must be a literal"},
    CodeInfo{kBadOperand, E, "operator applied to a value it does not accept"},
    CodeInfo{kDuplicateName, E, "two declarations of one name"},
    CodeInfo{kImportNotFound, E, "imported file not found"},
    CodeInfo{kImportCycle, E, "files that import each other"},
    CodeInfo{kNoSchema, E, "no schema visible"},
    CodeInfo{kSecondSchema, E, "more than one schema"},
    CodeInfo{kSegmentCycle, E, "segments that reference each other in a cycle"},
    CodeInfo{kBadKey, E, "schema key missing, repeated or of the wrong type"},
    CodeInfo{kUnknownType, E, "unknown field type"},
    CodeInfo{kBadTypeArguments, E, "invalid arguments of a field type"},
    CodeInfo{kNotASegment, E, "name that must be a segment"},
    CodeInfo{kDuplicateEntry, E, "entry listed twice"},
    CodeInfo{kBadTestValue, E, "test value that does not fit the field"},
    CodeInfo{kOutsideRulesRoot, E, "file outside the rules' root"},
    CodeInfo{kNotRegularFile, E, "rule file that is not a regular file"},
    CodeInfo{kUnreadableFolderEntry, E, "rule file or folder that cannot be read"},
    CodeInfo{kMissingDropsOut, W, "customers with a missing value silently drop out"},
    CodeInfo{kConstantComparison, W, "comparison that is always true or always false"},
    CodeInfo{kEmptyRange, W, "between with an empty range"},
    CodeInfo{kContradiction, W, "conditions that contradict each other"},
    CodeInfo{kUnusedImport, W, "import whose declarations are not used"},
    CodeInfo{kValueNotInData, W, "a value that no customer in the data has"},
    CodeInfo{kNoMembers, W, "a segment without members in the data"},
    CodeInfo{kEveryCustomer, W, "a segment that holds every customer in the data"},
    CodeInfo{kFieldAlwaysMissing, W, "a field the rules read that is missing on every row"},
    CodeInfo{kPaddedValues, W, "string values with leading or trailing spaces, compared with ="},
};

}  // namespace

std::span<const CodeInfo> all_codes() { return kCodes; }

const CodeInfo* find_code(std::string_view code) {
  for (const auto& info : kCodes) {
    if (info.code == code) return &info;
  }
  return nullptr;
}

}  // namespace segc::codes
