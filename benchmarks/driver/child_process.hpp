#pragma once
// Runs one benchmark step as a child process and measures it the way a user
// would: wall-clock time and peak resident memory (getrusage via wait4).
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
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

/// run_child for a step that must succeed (exit 0, or 3: graf indexed with
/// some inputs skipped); throws naming the command otherwise.
ChildRun run_step(const std::vector<std::string>& argv);

/// The last line of the step's stdout that is a JSON object (its --json summary).
nlohmann::ordered_json json_summary(const ChildRun& run, const std::string& what);

/// Bytes of a file, or of every file under a folder.
std::uint64_t bytes_on_disk(const std::filesystem::path& path);

}  // namespace graf::bench
