#include "format/unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace segc {
namespace {

// Lines keep their '\n', so that a last line without one differs from the
// same text with one.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op : char { Equal = ' ', Delete = '-', Insert = '+' };

struct Edit {
  Op op;
  uint32_t a;  // line index in `before` (for Insert: lines of `before` consumed so far)
  uint32_t b;  // line index in `after` (for Delete: lines of `after` consumed so far)
};

// Past this many differing lines, the middle is shown as replaced wholesale:
// Myers' algorithm keeps O(D^2) state.
constexpr int64_t kMaxEditDistance = 2000;

// Myers' O(ND) diff of a[0..n) and b[0..m) (line ids); appends the edits with
// offsets added. Returns false when the distance exceeds the cap.
bool myers(const std::vector<int>& a, const std::vector<int>& b, uint32_t a_offset,
           uint32_t b_offset, std::vector<Edit>& edits) {
  const int64_t n = static_cast<int64_t>(a.size());
  const int64_t m = static_cast<int64_t>(b.size());
  const int64_t max = std::min<int64_t>(n + m, kMaxEditDistance);
  const int64_t offset = max + 1;
  std::vector<int64_t> v(static_cast<size_t>(2 * max + 3), 0);
  std::vector<std::vector<int64_t>> trace;  // v[-d-1 .. d+1] before step d
  int64_t found = -1;
  for (int64_t d = 0; d <= max && found < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
    for (int64_t k = -d; k <= d; k += 2) {
      int64_t x;
      if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
        x = v[offset + k + 1];
      } else {
        x = v[offset + k - 1] + 1;
      }
      int64_t y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return false;

  std::vector<Edit> reversed;
  int64_t x = n;
  int64_t y = m;
  for (int64_t d = found; d >= 0; --d) {
    const std::vector<int64_t>& saved = trace[static_cast<size_t>(d)];
    auto at = [&](int64_t k) { return saved[static_cast<size_t>(k + d + 1)]; };
    const int64_t k = x - y;
    int64_t previous_k;
    if (k == -d || (k != d && at(k - 1) < at(k + 1))) {
      previous_k = k + 1;
    } else {
      previous_k = k - 1;
    }
    const int64_t previous_x = d == 0 ? 0 : at(previous_k);
    const int64_t previous_y = d == 0 ? 0 : previous_x - previous_k;
    while (x > previous_x && y > previous_y) {
      --x;
      --y;
      reversed.push_back(Edit{Op::Equal, static_cast<uint32_t>(x + a_offset),
                              static_cast<uint32_t>(y + b_offset)});
    }
    if (d > 0) {
      if (x == previous_x) {
        --y;
        reversed.push_back(Edit{Op::Insert, static_cast<uint32_t>(x + a_offset),
                                static_cast<uint32_t>(y + b_offset)});
      } else {
        --x;
        reversed.push_back(Edit{Op::Delete, static_cast<uint32_t>(x + a_offset),
                                static_cast<uint32_t>(y + b_offset)});
      }
    }
    x = previous_x;
    y = previous_y;
  }
  edits.insert(edits.end(), reversed.rbegin(), reversed.rend());
  return true;
}

std::vector<Edit> diff_lines(const std::vector<std::string_view>& a,
                             const std::vector<std::string_view>& b) {
  std::vector<Edit> edits;
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    edits.push_back(Edit{Op::Equal, static_cast<uint32_t>(prefix), static_cast<uint32_t>(prefix)});
    ++prefix;
  }
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  // Number the distinct lines of the middle so that comparisons are cheap.
  std::unordered_map<std::string_view, int> ids;
  auto number = [&](const std::vector<std::string_view>& lines, size_t end) {
    std::vector<int> out;
    out.reserve(end - prefix);
    for (size_t i = prefix; i < end; ++i) {
      out.push_back(ids.emplace(lines[i], static_cast<int>(ids.size())).first->second);
    }
    return out;
  };
  const std::vector<int> a_ids = number(a, a.size() - suffix);
  const std::vector<int> b_ids = number(b, b.size() - suffix);
  if (!myers(a_ids, b_ids, static_cast<uint32_t>(prefix), static_cast<uint32_t>(prefix), edits)) {
    for (size_t i = prefix; i < a.size() - suffix; ++i) {
      edits.push_back(Edit{Op::Delete, static_cast<uint32_t>(i), static_cast<uint32_t>(prefix)});
    }
    for (size_t i = prefix; i < b.size() - suffix; ++i) {
      edits.push_back(
          Edit{Op::Insert, static_cast<uint32_t>(a.size() - suffix), static_cast<uint32_t>(i)});
    }
  }
  for (size_t i = 0; i < suffix; ++i) {
    edits.push_back(Edit{Op::Equal, static_cast<uint32_t>(a.size() - suffix + i),
                         static_cast<uint32_t>(b.size() - suffix + i)});
  }
  return edits;
}

std::string range_text(uint32_t start, uint32_t count) {
  // `start` is 0-based; an empty range names the line before it.
  if (count == 0) return fmt::format("{},0", start);
  if (count == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", start + 1, count);
}

void append_line(std::string& out, char marker, std::string_view line) {
  out.push_back(marker);
  if (!line.empty() && line.back() == '\n') {
    out.append(line);
  } else {
    out.append(line);
    out.append("\n\\ No newline at end of file\n");
  }
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view before_label, std::string_view after_label,
                         int context) {
  if (before == after) return {};
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  const std::vector<Edit> edits = diff_lines(a, b);
  const size_t ctx = static_cast<size_t>(std::max(context, 0));

  std::string out = fmt::format("--- {}\n+++ {}\n", before_label, after_label);
  size_t i = 0;
  while (i < edits.size()) {
    size_t first_change = i;
    while (first_change < edits.size() && edits[first_change].op == Op::Equal) ++first_change;
    if (first_change == edits.size()) break;
    const size_t start = first_change - std::min(ctx, first_change - i);
    // Extend over changes separated by at most 2 * context unchanged lines.
    size_t last_change = first_change;
    size_t j = first_change + 1;
    while (j < edits.size()) {
      if (edits[j].op != Op::Equal) {
        last_change = j++;
        continue;
      }
      size_t run_end = j;
      while (run_end < edits.size() && edits[run_end].op == Op::Equal) ++run_end;
      if (run_end == edits.size() || run_end - j > 2 * ctx) break;
      j = run_end;
    }
    const size_t end = std::min(edits.size(), last_change + 1 + ctx);

    uint32_t old_count = 0;
    uint32_t new_count = 0;
    for (size_t k = start; k < end; ++k) {
      if (edits[k].op != Op::Insert) ++old_count;
      if (edits[k].op != Op::Delete) ++new_count;
    }
    out += fmt::format("@@ -{} +{} @@\n", range_text(edits[start].a, old_count),
                       range_text(edits[start].b, new_count));
    for (size_t k = start; k < end; ++k) {
      const Edit& edit = edits[k];
      append_line(out, static_cast<char>(edit.op), edit.op == Op::Insert ? b[edit.b] : a[edit.a]);
    }
    i = end;
  }
  return out;
}

}  // namespace segc
