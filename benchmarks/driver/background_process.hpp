#pragma once
// A server the benchmark needs while it runs (xapian-tcpsrv serving a shard):
// started in the background, stopped when the object goes.
#include <sys/types.h>

#include <string>
#include <vector>

namespace graf::bench {

class BackgroundProcess {
  public:
    /// Starts argv (argv[0] searched in PATH) with output discarded. Throws
    /// std::runtime_error when it cannot start.
    explicit BackgroundProcess(const std::vector<std::string>& argv);
    ~BackgroundProcess();
    BackgroundProcess(BackgroundProcess&& other) noexcept;
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(BackgroundProcess&&) = delete;

  private:
    pid_t pid_ = -1;
};

/// Waits until something accepts TCP connections on 127.0.0.1:port; throws
/// std::runtime_error naming the port after `seconds`.
void wait_for_port(int port, double seconds);

}  // namespace graf::bench
