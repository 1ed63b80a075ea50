#pragma once
// The reading stage of `graf index`: articles in corpus order, each given its
// key and content hash (computed once, here), minus those whose hash is
// unchanged since the last run; batches go to the analysis pool.
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <unordered_set>
#include <vector>

#include "corpus/corpus_reader.hpp"
#include "indexer/pipeline.hpp"

namespace graf::indexer {

/// What reading found, for the finishing stage (prune) and the summary.
struct ReadOutcome {
    std::unordered_set<std::string> seen;  ///< keys of every article read (and old keys replaced)
    std::vector<std::uint64_t> per_input;  ///< articles read from each CORPUS argument
    std::uint64_t unchanged = 0;
    bool interrupted = false;
    /// An unexpected failure (out of memory on a hostile file) ends reading
    /// instead of the process; the writer commits what was analysed first.
    std::exception_ptr failure;
};

class ChangeReader {
  public:
    /// Takes a batch; false stops reading (the pipeline is shutting down).
    using Submit = std::function<bool(std::shared_ptr<Job>)>;
    /// `legacy`: the index holds articles keyed by an older schema (the
    /// input's id alone); such an article is replaced under its new key.
    ChangeReader(corpus::CorpusReader& reader, const KnownHashes& known, bool legacy,
                 std::size_t inputs, corpus::ProblemSink problems, const std::atomic<bool>* stop,
                 Counters& counters);

    /// Reads to the end (or until stopped); never throws.
    void run(const Submit& submit);
    ReadOutcome& outcome() { return outcome_; }

  private:
    /// The change to make for `article`, or nothing when it is unchanged.
    std::optional<ArticleChange> decide(const corpus::Article& article);
    bool stop_requested() const { return stop_ && stop_->load(); }

    corpus::CorpusReader& reader_;
    const KnownHashes& known_;
    bool legacy_;
    corpus::ProblemSink problems_;
    const std::atomic<bool>* stop_;
    Counters& counters_;
    ReadOutcome outcome_;
};

}  // namespace graf::indexer
