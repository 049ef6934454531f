#include "codegen/interpreter_fallback.h"

#include <bit>

#include "codegen/runtime_helpers.h"

namespace segc::codegen {

bool encode_value(const evaluate::Value& value, const Type& type, int64_t& bits) {
  using evaluate::Value;
  if (const auto* flag = std::get_if<bool>(&value)) {
    bits = *flag ? 1 : 0;
    return true;
  }
  if (const auto* integer = std::get_if<int64_t>(&value)) {
    if (type.is(TypeKind::Decimal)) {
      __int128 scaled = *integer;
      for (int i = 0; i < type.scale; ++i) scaled *= 10;
      if (scaled > INT64_MAX || scaled < INT64_MIN) return false;
      bits = static_cast<int64_t>(scaled);
      return true;
    }
    if (type.is(TypeKind::Float)) {
      bits = std::bit_cast<int64_t>(static_cast<double>(*integer));
      return true;
    }
    bits = *integer;
    return true;
  }
  if (const auto* decimal = std::get_if<evaluate::DecimalValue>(&value)) {
    if (type.is(TypeKind::Float)) {
      double result = static_cast<double>(decimal->unscaled);
      double divisor = 1;
      for (int i = 0; i < decimal->scale; ++i) divisor *= 10;
      bits = std::bit_cast<int64_t>(result / divisor);
      return true;
    }
    __int128 scaled = decimal->unscaled;
    for (int i = decimal->scale; i < type.scale; ++i) scaled *= 10;
    if (scaled > INT64_MAX || scaled < INT64_MIN || decimal->scale > type.scale) return false;
    bits = static_cast<int64_t>(scaled);
    return true;
  }
  if (const auto* real = std::get_if<double>(&value)) {
    bits = std::bit_cast<int64_t>(*real);
    return true;
  }
  if (const auto* date = std::get_if<evaluate::DateValue>(&value)) {
    bits = date->days;
    return true;
  }
  if (const auto* member = std::get_if<evaluate::EnumValue>(&value)) {
    bits = member->index;
    return true;
  }
  return false;  // Missing, strings and sets never travel this way
}

}  // namespace segc::codegen

extern "C" int32_t segc_interpret_row(const void* site_pointer, const void* state_pointer,
                                      uint64_t row, int64_t* out) {
  const auto& site = *static_cast<const segc::codegen::FallbackSite*>(site_pointer);
  const auto& state = *static_cast<const segc::codegen::RunState*>(state_pointer);
  try {
    const segc::evaluate::TableRowView view(*state.program, *state.table, *state.membership,
                                            static_cast<size_t>(row));
    const segc::evaluate::Value value =
        segc::evaluate::evaluate_expression(*site.program, *site.expr, view, site.context);
    int64_t bits = 0;
    if (!segc::codegen::encode_value(value, site.type, bits)) return 0;
    *out = bits;
    return 1;
  } catch (...) {
    // The interpreter does not throw on data; this keeps JIT frames
    // exception-free should an allocation fail.
    return 0;
  }
}
