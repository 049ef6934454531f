// A small, fully specified pseudo-random generator for segc-datagen.
//
// The standard library's distributions are implementation-defined and differ
// between libstdc++ versions, so every draw here is integer arithmetic on
// splitmix64 output: the same seed gives the same bytes on every platform.
#pragma once

#include <cstdint>
#include <span>

namespace segc::datagen {

// splitmix64 (Steele, Lea, Flood 2014), one 64-bit state word per customer.
class Random {
public:
  // Each row gets its own stream, derived from (seed, row key), so row k is
  // the same whatever --rows says: a small file is a prefix of a big one.
  Random(std::uint64_t seed, std::uint64_t row) : state_(mix(seed ^ mix(row + 0x632BE59BD9B4E019ull))) {}

  std::uint64_t next() {
    state_ += 0x9E3779B97F4A7C15ull;
    return mix(state_);
  }

  // Uniform in [0, n) by Lemire's multiply-shift (bias below 2^-40 here).
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }

  // Uniform in [lo, hi], both inclusive.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // True with probability per_mille / 1000.
  bool chance(unsigned per_mille) { return below(1000) < per_mille; }

  // Index i with probability weights[i] / sum(weights).
  std::size_t pick(std::span<const unsigned> weights) {
    std::uint64_t total = 0;
    for (unsigned w : weights) total += w;
    std::uint64_t draw = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (draw < weights[i]) return i;
      draw -= weights[i];
    }
    return weights.size() - 1;
  }

private:
  static std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  std::uint64_t state_;
};

// A distribution given by points of its inverse CDF, interpolated linearly:
// {0, 300}, {500'000, 1500}, {1'000'000, 25000} puts the median at 1500.
struct Quantile {
  std::uint32_t at;  // cumulative probability in millionths, ascending, 0 first, 1'000'000 last
  std::int64_t value;
};

inline std::int64_t draw(Random& random, std::span<const Quantile> curve) {
  const auto u = static_cast<std::int64_t>(random.below(1'000'000));
  for (std::size_t i = 1; i < curve.size(); ++i) {
    if (u < curve[i].at || i + 1 == curve.size()) {
      const Quantile& lo = curve[i - 1];
      const Quantile& hi = curve[i];
      return lo.value + (hi.value - lo.value) * (u - lo.at) / (hi.at - lo.at);
    }
  }
  return curve.front().value;
}

}  // namespace segc::datagen
