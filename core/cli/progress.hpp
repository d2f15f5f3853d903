// Progress bars on the terminal for the verbs that simulate; none when stderr is not a
// terminal, so logs and pipes never see them.
#pragma once

#include "study/execution.hpp"

#include <chrono>
#include <string>

namespace tandem::cli {

// A one-line bar on stderr, "  LABEL [=====     ] 3/20 replications"; empty (no bar)
// unless stderr is a terminal. The bar erases itself when done.
study::Progress terminal_progress(const std::string& label = "");

// A sweep's bar: "  point 3/9 [=====     ] 250/900 replications, about 12 s left", over
// all its points; point(i) is the progress of point i. Inert (empty callbacks) unless
// stderr is a terminal.
class SweepProgress {
 public:
  SweepProgress(int points, int replications);
  study::Progress point(int index);

 private:
  int points_, replications_;
  bool shown_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace tandem::cli
