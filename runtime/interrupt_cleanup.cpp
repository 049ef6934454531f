#include "runtime/interrupt_cleanup.h"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace segc::runtime {
namespace {

// The signal handler may only use async-signal-safe calls and cannot take
// locks, so the registry is a fixed table of slots, each an atomic state and
// a path buffer: a slot is claimed, filled, then armed, and the handler reads
// only armed slots. A buffer is allocated when its slot is first used and
// kept for reuse, never freed, so the handler (on whichever thread the signal
// lands) never reads freed memory.
enum SlotState : int { kFree = 0, kFilling = 1, kArmed = 2 };
struct Slot {
  std::atomic<int> state{kFree};
  char* path = nullptr;  // PATH_MAX bytes
};
Slot slots[RemoveOnInterrupt::kMaxFiles];

// SIGXFSZ: a write past the file size limit (ulimit -f) kills the process
// just as surely.
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};

void remove_and_reraise(int signal) {
  for (Slot& slot : slots) {
    if (slot.state.load(std::memory_order_acquire) == kArmed) ::unlink(slot.path);
  }
  // Die of the signal itself, so the parent sees the usual status.
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  ::sigaction(signal, &action, nullptr);
  ::raise(signal);
}

// On every registration, not once: a signal whose handler was not the
// default one at an earlier registration may have been reset since.
void install_handlers() {
  for (int signal : kSignals) {
    struct sigaction current {};
    if (::sigaction(signal, nullptr, &current) != 0) continue;
    if (current.sa_handler != SIG_DFL || (current.sa_flags & SA_SIGINFO) != 0) continue;
    struct sigaction action {};
    action.sa_handler = remove_and_reraise;
    sigemptyset(&action.sa_mask);
    for (int other : kSignals) sigaddset(&action.sa_mask, other);  // one cleanup at a time
    ::sigaction(signal, &action, nullptr);
  }
}

}  // namespace

RemoveOnInterrupt::RemoveOnInterrupt(const std::string& path) {
  install_handlers();
  if (path.size() >= PATH_MAX) return;
  for (int i = 0; i < kMaxFiles; ++i) {
    int expected = kFree;
    if (!slots[i].state.compare_exchange_strong(expected, kFilling, std::memory_order_acquire)) {
      continue;
    }
    if (slots[i].path == nullptr) slots[i].path = new char[PATH_MAX];
    std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
    slots[i].state.store(kArmed, std::memory_order_release);
    slot_ = i;
    return;
  }
}

RemoveOnInterrupt::~RemoveOnInterrupt() {
  if (slot_ >= 0) slots[slot_].state.store(kFree, std::memory_order_release);
}

}  // namespace segc::runtime
