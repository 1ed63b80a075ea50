#include "indexer/shard_writer.hpp"

#include <fmt/format.h>

#include "indexer/article_norms.hpp"
#include "indexer/compactor.hpp"
#include "schema/layout.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {
namespace fs = std::filesystem;

namespace {

Xapian::WritableDatabase open_for_writing(const fs::path& db) {
    std::error_code ec;
    if (fs::is_directory(db, ec) && !fs::is_empty(db, ec) && !schema::is_database(db))
        throw IndexError(fmt::format(
            "{}: this folder is not a graf index and not empty; choose another --db", db.string()));
    // Xapian reports a folder it cannot write as a lock held by someone
    // else: ask the file system first, so the user is not told to wait.
    if (std::string why = schema::writable_problem(db, false); !why.empty()) throw IndexError(why);
    try {
        return Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OPEN, kBlockSize);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(fmt::format(
            "{}: another graf index is writing to this index; wait for it to finish", db.string()));
    } catch (const Xapian::Error& e) {
        throw IndexError(fmt::format("{}: cannot open the index for writing: {}", db.string(),
                                     e.get_description()));
    }
}

KnownHashes load_hashes(const Xapian::Database& db) {
    KnownHashes hashes;
    const std::string prefix(schema::kHashKeyPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        hashes.emplace((*it).substr(prefix.size()), db.get_metadata(*it));
    return hashes;
}

}  // namespace

ShardWriter::ShardWriter(const fs::path& path, std::size_t commit_paragraphs)
    : path_(path),
      db_(open_for_writing(path)),
      known_(load_hashes(db_)),
      commit_paragraphs_(commit_paragraphs) {
    was_empty_ = known_.empty() && db_.get_doccount() == 0;
    legacy_ = !was_empty_ && db_.get_metadata(std::string(schema::kVersionKey)) != schema::kVersion;
    db_.begin_transaction();
    // A new index holds this schema alone from its first commit: a reader
    // meanwhile must not be told it was "built by another version". (An old
    // one learns the version in finish(), once every article is rewritten.)
    if (was_empty_)
        db_.set_metadata(std::string(schema::kVersionKey), std::string(schema::kVersion));
}

schema::ArticleLengths ShardWriter::length_sample() const {
    if (legacy_) return {};
    return schema::parse_article_lengths(db_.get_metadata(std::string(schema::kArticleLengthsKey)));
}

std::optional<schema::RecordCompressor> ShardWriter::record_compressor() const {
    if (legacy_) return std::nullopt;
    const std::string id = db_.get_metadata(std::string(schema::kRecordDictCurrentKey));
    if (id.empty()) return std::nullopt;
    std::string dictionary = db_.get_metadata(schema::record_dictionary_key(id));
    if (dictionary.empty()) return std::nullopt;
    return schema::RecordCompressor(std::move(dictionary));
}

void ShardWriter::keep_dictionary(const schema::RecordCompressor& records) {
    const std::string key = schema::record_dictionary_key(records.id());
    if (db_.get_metadata(key).empty()) db_.set_metadata(key, records.dictionary());
}

void ShardWriter::delete_article(const std::string& key) {
    db_.delete_document(std::string(schema::kArticlePrefix) + key);
    db_.delete_document(std::string(schema::kArticleDocPrefix) + key);
    db_.set_metadata(std::string(schema::kHashKeyPrefix) + key, "");
}

void ShardWriter::write(AnalyzedArticle& a, IndexStats& stats, Counters& counters) {
    const ArticleChange& c = a.change;
    if (!c.delete_key.empty()) delete_article(c.delete_key);
    // The paragraphs, then the article document, one after the other: the
    // searcher finds an article's paragraphs by id (searcher/docid_list.hpp).
    // Records analysed before the dictionary existed are stored here (the
    // first articles train it, held back meanwhile).
    store_records(a, a.records);
    for (Xapian::Document& doc : a.paragraphs) db_.add_document(doc);
    db_.add_document(normalised_article(a.article, a.mean_length));
    db_.set_metadata(std::string(schema::kHashKeyPrefix) + c.key, c.hash);
    for (const auto& [stem, word] : a.new_variants) add_variant(stem, word);
    (c.delete_key.empty() ? stats.articles_added : stats.articles_replaced)++;
    stats.paragraphs += a.paragraphs.size();
    ++counters.articles;
    counters.paragraphs += a.paragraphs.size();
    count_and_commit(a.paragraphs.size());
}

void ShardWriter::remove(const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
        delete_article(key);
        count_and_commit(1);
    }
}

// Each commit is atomic (a transaction): a crash loses at most the paragraphs
// since the last one, and never leaves an article half written or its hash
// out of step with its text.
void ShardWriter::count_and_commit(std::size_t paragraphs) {
    pending_ += paragraphs;
    if (pending_ < commit_paragraphs_) return;
    flush_variants();
    db_.commit_transaction();
    db_.begin_transaction();
    pending_ = 0;
}

void ShardWriter::finish() {
    flush_variants();
    db_.set_metadata(std::string(schema::kVersionKey), std::string(schema::kVersion));
    db_.commit_transaction();
    db_.close();
}

void ShardWriter::cancel() noexcept {
    try {
        db_.cancel_transaction();
    } catch (...) {
    }
}

// Variant lists are read once, extended in memory and written with the
// commit they belong to, so a crash never leaves a word searchable without
// its stem entry (or the reverse).
void ShardWriter::add_variant(const std::string& stem, const std::string& word) {
    auto [it, loaded] = variants_.try_emplace(stem);
    if (loaded) it->second.list = db_.get_metadata(schema::stem_key(stem));
    if (schema::add_variant(it->second.list, word)) it->second.changed = true;
}

void ShardWriter::flush_variants() {
    for (const auto& [stem, v] : variants_)
        if (v.changed) db_.set_metadata(schema::stem_key(stem), v.list);
    variants_.clear();  // bounded memory: a later batch rereads what it needs
}

}  // namespace graf::indexer
