#pragma once
// Runs one benchmark step as a child process and measures it the way a user
// would: wall-clock time and peak resident memory (getrusage via wait4).
#include <string>
#include <vector>

namespace graf::bench {

struct ChildRun {
    int exit_code = -1;
    std::string out;     ///< captured stdout
    double seconds = 0;  ///< wall clock
    double peak_rss_mb = 0;
};

/// Runs argv[0] (searched in PATH when it has no slash) with stdout captured
/// and stderr passed through. Throws std::runtime_error when it cannot start.
ChildRun run_child(const std::vector<std::string>& argv);

}  // namespace graf::bench
