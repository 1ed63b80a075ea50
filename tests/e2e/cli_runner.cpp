#include "e2e/cli_runner.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

extern char** environ;

namespace graf::test {
namespace fs = std::filesystem;

namespace {
int spawn(const std::string& binary, const std::vector<std::string>& args, const fs::path& out,
          const fs::path& err, const fs::path& in = "/dev/null") {
    std::vector<std::string> full = {binary};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : full) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE_MESSAGE(rc == 0, "cannot start " << binary);
    return pid;
}
}  // namespace

RunResult run_graf(const std::vector<std::string>& args) {
    return run_program(GRAF_BINARY, args);
}

RunResult run_graf_with_stdin(const std::vector<std::string>& args, const std::string& input) {
    TempDir io;
    write_file(io / "in", input);
    return run_program(GRAF_BINARY, args, io / "in");
}

RunResult run_program(const std::string& binary, const std::vector<std::string>& args,
                      const fs::path& input) {
    TempDir io;
    pid_t pid = spawn(binary, args, io / "out", io / "err", input);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    RunResult r;
    r.peak_rss_kb = usage.ru_maxrss;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(io / "out");
    r.err = read_file(io / "err");
    return r;
}

int start_program(const std::string& binary, const std::vector<std::string>& args,
                  const fs::path& out, const fs::path& err) {
    return spawn(binary, args, out, err);
}

int start_graf(const std::vector<std::string>& args) {
    return spawn(GRAF_BINARY, args, "/dev/null", "/dev/null");
}

PlainReads::PlainReads() {
    ::setenv("GRAF_MAPPED_READS", "0", 1);
}

PlainReads::~PlainReads() {
    ::unsetenv("GRAF_MAPPED_READS");
}

TempDir::TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "graf-e2e-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
}

fs::path sample_corpus() {
    return fs::path(GRAF_SOURCE_DIR) / "corpus" / "sample";
}

std::optional<fs::path> shared_dir() {
    fs::path p = fs::path(GRAF_SOURCE_DIR).parent_path() / "shared";
    if (fs::exists(p / "corpus")) return p;
    return std::nullopt;
}

void write_file(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void index_sample(const fs::path& db) {
    RunResult r = run_graf({"index", "--db", db.string(), sample_corpus().string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
}

nlohmann::json search_json(const fs::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--db", db.string(), "--json"});
    RunResult r = run_graf(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
}

std::set<std::string> paragraph_hits(const fs::path& db, const std::string& query) {
    nlohmann::json r = search_json(db, {"--paragraphs", "--limit", "50", "--", query});
    std::set<std::string> out;
    for (const auto& h : r["hits"])
        out.insert(h["article"].get<std::string>() + "#" +
                   std::to_string(h["paragraph"].get<int>()));
    return out;
}

nlohmann::json stats_json(const fs::path& db) {
    RunResult r = run_graf({"stats", "--db", db.string(), "--json"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
}

RunResult index_into(const fs::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"index", "--db", db.string()});
    return run_graf(args);
}

}  // namespace graf::test
