#pragma once
// Runs the real graf binary for end-to-end tests.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace graf::test {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
    long peak_rss_kb = 0;  ///< the child's peak resident memory (getrusage via wait4)
};

/// Runs `graf ARGS...` and waits for it.
RunResult run_graf(const std::vector<std::string>& args);
/// Runs `graf ARGS...` with `input` as its standard input (a file).
RunResult run_graf_with_stdin(const std::vector<std::string>& args, const std::string& input);
/// Runs another program of the project (the FTS5 peer, the bench driver);
/// standard input is `input`.
RunResult run_program(const std::string& binary, const std::vector<std::string>& args,
                      const std::filesystem::path& input = "/dev/null");
/// Starts `graf ARGS...` with output to /dev/null; returns its pid.
int start_graf(const std::vector<std::string>& args);
/// Starts another program (a server such as xapian-tcpsrv) with output to
/// /dev/null, or to the files `out` and `err`.
int start_program(const std::string& binary, const std::vector<std::string>& args,
                  const std::filesystem::path& out = "/dev/null",
                  const std::filesystem::path& err = "/dev/null");

/// GRAF_MAPPED_READS=0 for the graf processes started while it lives: they
/// read index blocks with pread, not from maps (app/mapped_reads.hpp).
struct PlainReads {
    PlainReads();
    ~PlainReads();
    PlainReads(const PlainReads&) = delete;
    PlainReads& operator=(const PlainReads&) = delete;
};

/// A fresh empty folder, removed when the object goes.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

std::filesystem::path sample_corpus();
/// ../shared beside the project, when this machine has it.
std::optional<std::filesystem::path> shared_dir();
void write_file(const std::filesystem::path& p, const std::string& bytes);
/// The file's bytes (empty when it cannot be read).
std::string read_file(const std::filesystem::path& p);

/// Index the bundled sample corpus into `db`; fails the test if graf fails.
void index_sample(const std::filesystem::path& db);
/// `graf search --json` parsed.
nlohmann::json search_json(const std::filesystem::path& db, std::vector<std::string> args);
/// Every paragraph `graf search --paragraphs` finds for `query` (up to 50),
/// as "article#paragraph"; "--" goes before the query, which may start with -.
std::set<std::string> paragraph_hits(const std::filesystem::path& db, const std::string& query);
/// `graf stats --json` parsed; fails the test if graf fails.
nlohmann::json stats_json(const std::filesystem::path& db);
/// `graf index --db DB ARGS...`.
RunResult index_into(const std::filesystem::path& db, std::vector<std::string> args);

}  // namespace graf::test
