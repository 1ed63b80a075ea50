#pragma once
// One database being written (the index, or one shard of it): its own
// transaction, content hashes and stem variants. Used from one thread.
#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/article_analyzer.hpp"
#include "indexer/index_builder.hpp"
#include "indexer/pipeline.hpp"
#include "schema/record_codec.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {

class ShardWriter {
  public:
    /// Opens (or creates) the database; throws IndexError naming why not
    /// (not a graf index, not writable, locked by another run).
    ShardWriter(const std::filesystem::path& path, std::size_t commit_paragraphs);

    const std::filesystem::path& path() const { return path_; }
    const KnownHashes& known() const { return known_; }
    bool was_empty() const { return was_empty_; }
    /// Written by an older schema, so its keys may be the input's ids alone.
    bool legacy() const { return legacy_; }
    /// The article lengths the index's mean is measured on (none yet: a new
    /// index, or one of an older schema).
    schema::ArticleLengths length_sample() const;
    /// The dictionary the database's new records are compressed with (none
    /// yet: a new or small index, or one of an older schema).
    std::optional<schema::RecordCompressor> record_compressor() const;
    /// Stores this dictionary in the database unless it is there already.
    void keep_dictionary(const schema::RecordCompressor& records);
    Xapian::doccount paragraphs() const { return db_.get_doccount(); }

    /// Deletes the article's old version (if any) and adds the new one;
    /// commits every `commit_paragraphs`.
    void write(AnalyzedArticle& a, IndexStats& stats, Counters& counters);
    /// Sets a metadata entry, committed with the rest of the run.
    void set_metadata(const std::string& key, const std::string& value) {
        db_.set_metadata(key, value);
    }
    /// Deletes these articles (keys); commits as write() does.
    void remove(const std::vector<std::string>& keys);
    /// Commits what is pending and closes the database.
    void finish();
    void cancel() noexcept;

  private:
    void delete_article(const std::string& key);
    void count_and_commit(std::size_t paragraphs);
    void add_variant(const std::string& stem, const std::string& word);
    void flush_variants();

    struct Variants {
        std::string list;
        bool changed = false;
    };

    std::filesystem::path path_;
    Xapian::WritableDatabase db_;
    KnownHashes known_;
    std::size_t commit_paragraphs_;
    bool was_empty_ = false;
    bool legacy_ = false;
    std::size_t pending_ = 0;
    std::unordered_map<std::string, Variants> variants_;  ///< stems touched since the last commit
};

}  // namespace graf::indexer
