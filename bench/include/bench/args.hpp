#pragma once
// Command-line spelling shared by `graf bench` and the peer.
#include <string>
#include <vector>

namespace graf::bench {

/// The benchmark literature (and graf's docs) spell the hit count `--k 10`;
/// cxxopts reads a one-letter option only as `-k`. Returns the arguments with
/// `--k N` / `--k=N` rewritten to `-k N`; keep it alive while argv() is used.
class BenchArgs {
  public:
    BenchArgs(int argc, char** argv);
    int argc() const { return static_cast<int>(pointers_.size()); }
    char** argv() { return pointers_.data(); }

  private:
    std::vector<std::string> args_;
    std::vector<char*> pointers_;
};

}  // namespace graf::bench
