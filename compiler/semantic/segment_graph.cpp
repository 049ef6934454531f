#include "semantic/segment_graph.h"

#include <fmt/format.h>

#include "diagnostics/codes.h"

namespace segc {
namespace {

// The range of the first reference from segment `from` to segment `to`.
SourceRange reference_range(const CheckedProgram& program, size_t from, size_t to) {
  for (const auto& [expr, meaning] : program.names) {
    if (meaning.kind != NameMeaning::Kind::Segment || meaning.index != to) continue;
    const SourceRange& where = program.segments[from].declaration->range;
    const SourceRange& range = expr->range;
    if (range.file == where.file && where.begin <= range.begin && range.end <= where.end) {
      return range;
    }
  }
  return program.segments[from].declaration->name.range;
}

}  // namespace

std::vector<size_t> order_segments(const CheckedProgram& program, DiagnosticList& diagnostics) {
  const size_t count = program.segments.size();
  enum class State { New, Active, Done, InCycle };
  std::vector<State> state(count, State::New);
  std::vector<size_t> order;
  order.reserve(count);
  struct Frame {
    size_t segment;
    size_t next_reference;
  };
  // Iterative depth-first search: generated rule files can chain thousands of
  // segments, more than the call stack should be trusted with.
  for (size_t start = 0; start < count; ++start) {
    if (state[start] != State::New) continue;
    std::vector<Frame> stack{{start, 0}};
    state[start] = State::Active;
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const auto& references = program.segments[frame.segment].references;
      if (frame.next_reference == references.size()) {
        if (state[frame.segment] == State::Active) {
          state[frame.segment] = State::Done;
          order.push_back(frame.segment);
        }
        stack.pop_back();
        continue;
      }
      const size_t next = references[frame.next_reference++];
      if (state[next] == State::New) {
        state[next] = State::Active;
        stack.push_back({next, 0});
      } else if (state[next] == State::Active) {
        // The cycle is the part of the stack from `next` to the top.
        size_t first = stack.size() - 1;
        while (stack[first].segment != next) --first;
        std::string chain;
        for (size_t i = first; i < stack.size(); ++i) {
          chain += program.segments[stack[i].segment].name + " -> ";
          state[stack[i].segment] = State::InCycle;
        }
        chain += program.segments[next].name;
        diagnostics.error(codes::kSegmentCycle,
                          reference_range(program, frame.segment, next),
                          fmt::format("segments reference each other in a cycle: {}", chain),
                          "a segment cannot depend on itself; remove one of these references");
      }
    }
  }
  return order;
}

}  // namespace segc
