#include "benchmarks/driver/child_process.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <sstream>
#include <stdexcept>

namespace graf::bench {

ChildRun run_child(const std::vector<std::string>& argv) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    const auto started = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        execvp(args[0], args.data());
        dprintf(STDERR_FILENO, "benchmark driver: cannot run %s: %s\n", args[0],
                std::strerror(errno));
        _exit(127);
    }
    close(pipe_fds[1]);
    ChildRun run;
    char buffer[65536];
    for (;;) {
        ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
        if (n > 0)
            run.out.append(buffer, static_cast<std::size_t>(n));
        else if (n == 0 || errno != EINTR)
            break;
    }
    close(pipe_fds[0]);
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    run.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (run.exit_code == 127) throw std::runtime_error("cannot run " + argv[0]);
    return run;
}

ChildRun run_step(const std::vector<std::string>& argv) {
    ChildRun r = run_child(argv);
    if (r.exit_code != 0 && r.exit_code != 3)
        throw std::runtime_error(
            fmt::format("`{}` failed with exit code {}", fmt::join(argv, " "), r.exit_code));
    return r;
}

nlohmann::ordered_json json_summary(const ChildRun& run, const std::string& what) {
    std::istringstream lines(run.out);
    std::string line, last;
    while (std::getline(lines, line))
        if (!line.empty() && line[0] == '{') last = line;
    if (last.empty()) throw std::runtime_error(what + " printed no JSON summary");
    return nlohmann::ordered_json::parse(last);
}

std::uint64_t bytes_on_disk(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
    std::uint64_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(path, ec))
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    return total;
}

}  // namespace graf::bench
