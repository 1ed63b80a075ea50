#pragma once
// The live status line of `graf index --progress` on stderr.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "indexer/pipeline.hpp"

namespace graf::indexer {

/// Prints the counters every half second until destroyed (if enabled).
class ProgressLine {
  public:
    ProgressLine(bool enabled, const Counters& counters, std::uint64_t total_bytes);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

  private:
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopped_ = false;
};

}  // namespace graf::indexer
