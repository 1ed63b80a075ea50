#pragma once
// The one retry policy for what a compaction's swap (schema/layout.hpp) or a
// concurrent commit makes briefly unavailable: retry every `step` until
// `budget` has passed since the first attempt. One deadline, however many
// places retry, so delays never multiply.
#include <chrono>
#include <thread>

namespace graf::schema {

class RetryBudget {
  public:
    using Clock = std::chrono::steady_clock;
    /// A swap takes milliseconds; a second outlasts any.
    explicit RetryBudget(std::chrono::milliseconds budget = std::chrono::milliseconds(1000),
                         std::chrono::milliseconds step = std::chrono::milliseconds(10))
        : deadline_(Clock::now() + budget), step_(step) {}

    /// Whether another attempt may follow this one.
    bool left() const { return Clock::now() < deadline_; }
    /// Sleeps before the next attempt; false (without sleeping) when the budget is spent.
    bool wait() const {
        if (!left()) return false;
        std::this_thread::sleep_for(step_);
        return true;
    }

  private:
    Clock::time_point deadline_;
    std::chrono::milliseconds step_;
};

}  // namespace graf::schema
