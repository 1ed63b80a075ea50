#include "indexer/progress_line.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace graf::indexer {
namespace {

std::string format_duration(double seconds) {
    auto s = static_cast<long>(seconds + 0.5);
    return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                     : fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

ProgressLine::ProgressLine(bool enabled, const Counters& c, std::uint64_t total_bytes) {
    if (!enabled) return;
    thread_ = std::thread([this, &c, total_bytes] {
        const auto start = std::chrono::steady_clock::now();
        std::unique_lock lock(mutex_);
        while (!cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stopped_; })) {
            double secs =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            double done = static_cast<double>(c.bytes_done.load());
            double rate = done / secs;
            std::string eta =
                rate > 0 && total_bytes > done
                    ? format_duration((static_cast<double>(total_bytes) - done) / rate)
                    : "-";
            fmt::print(stderr, "\r\x1b[Kindexing: {} articles, {} paragraphs, {:.1f} MB/s, ETA {}",
                       c.articles.load(), c.paragraphs.load(), rate / 1e6, eta);
            std::fflush(stderr);
        }
        fmt::print(stderr, "\r\x1b[K");
    });
}

ProgressLine::~ProgressLine() {
    if (!thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

}  // namespace graf::indexer
