#pragma once
// One worker's handle on the index for the web API and `graf timeline`:
// a Searcher for ranked hits, and the index's shards for the counts the
// Searcher does not offer (timelines, facets, whole articles). Xapian
// handles are not thread-safe, so every worker thread has its own Archive.
#include <xapian.h>

#include <filesystem>
#include <string>
#include <utility>

#include "analysis/stemmer.hpp"
#include "searcher/highlight.hpp"
#include "searcher/open_index.hpp"
#include "searcher/searcher.hpp"
#include "searcher/stem_variant_memo.hpp"

namespace graf::web {

/// What to match: the query language, --name, a date range and a source.
struct Filters {
    std::string query, name, since, until, source;
};

/// The search the filters describe (source becomes a `source:"…"` filter).
searcher::SearchRequest to_request(const Filters& filters);

class Archive {
  public:
    explicit Archive(const std::filesystem::path& db);
    searcher::Searcher& searcher() { return searcher_; }
    Xapian::Database& database() { return index_.all; }
    const std::filesystem::path& path() const { return path_; }
    analysis::Stemmer& stemmer() { return stemmer_; }
    /// Every shard is on this machine (none is `remote`): match spies of
    /// graf's own can run (xapian-tcpsrv runs only Xapian's).
    bool local() const { return local_; }
    std::size_t shard_count() const { return index_.shards.size(); }

    /// Takes the index's newest committed revision (a `graf index` may have
    /// committed since the last request); cheap when nothing changed.
    void refresh();

    /// The Xapian query `graf search` runs for these filters; throws
    /// QueryError like it. `highlight` receives what to highlight.
    Xapian::Query compile(const Filters& filters, searcher::HighlightSpec& highlight);

    /// Runs `read` against the index, taking the newest revision when a
    /// concurrent `graf index` commit invalidated the one being read.
    template <typename Read>
    auto with_retry(Read&& read) {
        for (int attempt = 0;; ++attempt) {
            try {
                return read();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt + 1 >= kRetries) throw;
                index_.all.reopen();
                variants_.clear();
                searcher::learn_record_dictionaries(index_);
            }
        }
    }

  private:
    // Xapian keeps one old revision readable: a read that outlasts two
    // commits fails however often it is retried (`graf index --commit-every
    // 1` beside /api/stats, which walks every term, in the e2e test); the
    // default of 5,000 paragraphs per commit leaves seconds between them.
    static constexpr int kRetries = 5;
    std::filesystem::path path_;
    searcher::Searcher searcher_;
    searcher::OpenIndex index_;
    searcher::StemVariantMemo variants_;  ///< for compile(), read once per revision
    analysis::Stemmer stemmer_;
    bool local_ = true;
};

}  // namespace graf::web
