// Reading the table (runtime/table.h) for the current row: presence bits,
// values at the column's bind-time width, dictionary codes, set offsets,
// and earlier segments' membership bits.
#include "codegen/ir_emitter.h"
#include "codegen/run_args.h"

namespace segc::codegen {


// The table's arrays and the argument block's pointers to them do not change
// while a group function runs (calling_convention.md): loads from them carry
// !invariant.load, so that a store of a member word between two reads of a
// column does not force the second read (word code stores each member word
// as soon as it is computed, segment_function.cpp).
static llvm::Value* invariant(llvm::Value* load) {
  auto* instruction = llvm::cast<llvm::LoadInst>(load);
  instruction->setMetadata(llvm::LLVMContext::MD_invariant_load,
                           llvm::MDNode::get(instruction->getContext(), {}));
  return load;
}

llvm::Value* ExprEmitter::column_pointer(size_t field, int slot) {
  auto [entry, inserted] = column_pointers_.try_emplace({field, slot}, nullptr);
  if (inserted) {
    llvm::Value* columns = invariant(entry_.CreateLoad(entry_.getPtrTy(), position_.args));
    entry->second = invariant(entry_.CreateLoad(
        entry_.getPtrTy(), entry_.CreateConstGEP1_64(entry_.getPtrTy(), columns,
                                                     field * kSlotsPerField + static_cast<size_t>(slot))));
  }
  return entry->second;
}

// The row loop reads bitmaps one byte per row: the word's preamble spreads
// the current word into 64 bytes (a mask-to-vector move on AVX-512), so the
// row code stays as narrow as the columns it compares and the loop
// vectorises over many rows at once, where shifting the word by the row's
// bit would make every lane 64 bits wide.
llvm::Value* ExprEmitter::bitmap_bit(llvm::Value* words) {
  if (position_.whole_word) {  // the word is the 64 rows' bits
    return invariant(
        b_.CreateLoad(b_.getInt64Ty(), b_.CreateGEP(b_.getInt64Ty(), words, position_.word)));
  }
  auto [lanes, inserted] = bitmap_lanes_.try_emplace(words, nullptr);
  if (inserted) {
    llvm::IRBuilder<>& at = *position_.word_start;
    // On a cache line of its own: a 64-byte store split across two lines is
    // not forwarded to the vector load that reads it back, which stalls
    // every word for tens of cycles.
    llvm::AllocaInst* spread = entry_.CreateAlloca(llvm::ArrayType::get(entry_.getInt8Ty(), 64));
    spread->setAlignment(llvm::Align(64));
    lanes->second = spread;
    llvm::Value* word =
        at.CreateLoad(at.getInt64Ty(), at.CreateGEP(at.getInt64Ty(), words, position_.word));
    llvm::Value* bits = at.CreateBitCast(word, llvm::FixedVectorType::get(at.getInt1Ty(), 64));
    // Aligned as the alloca is, not as the vector type would be.
    at.CreateAlignedStore(at.CreateZExt(bits, llvm::FixedVectorType::get(at.getInt8Ty(), 64)),
                          lanes->second, spread->getAlign());
  }
  llvm::Value* lane =
      b_.CreateLoad(b_.getInt8Ty(), b_.CreateGEP(b_.getInt8Ty(), lanes->second, position_.bit));
  return b_.CreateTrunc(lane, b_.getInt1Ty());
}

llvm::Value* ExprEmitter::presence(size_t field) {
  return bitmap_bit(column_pointer(field, kPresenceSlot));
}

// The row's value, or in word code the 64 values from the word's first row
// (one unaligned vector load).
static llvm::Value* load_values(llvm::IRBuilder<>& b, llvm::Type* element, llvm::Value* column,
                                const RowPosition& position) {
  llvm::Value* slot = b.CreateGEP(element, column, position.row);
  if (!position.whole_word) return invariant(b.CreateLoad(element, slot));
  const llvm::Align align(element->getPrimitiveSizeInBits() / 8);
  return invariant(b.CreateAlignedLoad(llvm::FixedVectorType::get(element, 64), slot, align));
}

llvm::Value* ExprEmitter::stored_code(size_t field) {
  const runtime::Column& column = env_.table.columns[field];
  llvm::Type* stored = b_.getIntNTy(static_cast<unsigned>(column.width * 8));
  return load_values(b_, stored, column_pointer(field, kValuesSlot), position_);
}

llvm::Value* ExprEmitter::code(size_t field) {
  return b_.CreateZExt(stored_code(field), lanes(b_.getInt64Ty()));
}

llvm::Value* ExprEmitter::dictionary_index(size_t field) {
  const runtime::Column& column = env_.table.columns[field];
  return select(presence(field), code(field),
                         i64(static_cast<int64_t>(column.dictionary.size())));
}

std::optional<Val> ExprEmitter::field_value(size_t field) {
  const runtime::Column& column = env_.table.columns[field];
  const Type& type = env_.program.schema.fields[field].type;
  Val result{type, nullptr, presence(field)};
  switch (column.spec.kind) {
    case runtime::ColumnKind::Int:
    case runtime::ColumnKind::Decimal:
    case runtime::ColumnKind::Date: {
      llvm::Type* stored = b_.getIntNTy(static_cast<unsigned>(column.width * 8));
      result.value = b_.CreateSExt(
          load_values(b_, stored, column_pointer(field, kValuesSlot), position_),
          lanes(b_.getInt64Ty()));
      return result;
    }
    case runtime::ColumnKind::Float:
      result.value =
          load_values(b_, b_.getDoubleTy(), column_pointer(field, kValuesSlot), position_);
      return result;
    case runtime::ColumnKind::Bool:
      result.value = bitmap_bit(column_pointer(field, kValuesSlot));
      return result;
    case runtime::ColumnKind::Enum:
      result.value = code(field);
      return result;
    case runtime::ColumnKind::String: {
      llvm::Type* handle = llvm::StructType::get(b_.getPtrTy(), b_.getInt64Ty());
      const SegcString* strings = env_.host.strings_for(&column, column.dictionary);
      result.value = b_.CreateGEP(handle, address(strings), dictionary_index(field));
      return result;
    }
    case runtime::ColumnKind::StringSet:
      return std::nullopt;  // see ir_emit_text_sets.cpp
  }
  return std::nullopt;
}

// Row code only (set_size() without masks).
llvm::Value* ExprEmitter::set_offset(size_t field, llvm::Value* row) {
  llvm::Value* slot = b_.CreateGEP(b_.getInt32Ty(), column_pointer(field, kOffsetsSlot), row);
  return b_.CreateZExt(b_.CreateLoad(b_.getInt32Ty(), slot), b_.getInt64Ty());
}

Val ExprEmitter::segment_member(size_t segment) {
  auto [entry, inserted] = column_pointers_.try_emplace({SIZE_MAX - segment, 0}, nullptr);
  if (inserted) {
    llvm::Value* members = entry_.CreateLoad(
        entry_.getPtrTy(), entry_.CreateConstGEP1_64(entry_.getPtrTy(), position_.args, 1));
    entry->second = entry_.CreateLoad(
        entry_.getPtrTy(), entry_.CreateConstGEP1_64(entry_.getPtrTy(), members, segment));
  }
  return Val{Type::boolean(), bitmap_bit(entry->second), i1(true)};
}

}  // namespace segc::codegen
