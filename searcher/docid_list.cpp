#include "searcher/docid_list.hpp"

#include <algorithm>
#include <set>

#include "schema/schema.hpp"
#include "searcher/open_index.hpp"

namespace graf::searcher {

DocidListSource::DocidListSource(std::shared_ptr<const DocidsByShard> ids) : all_(std::move(ids)) {}

void DocidListSource::init(const Xapian::Database& db) {
    const auto found = all_->find(db.get_uuid());
    shard_ = found != all_->end() ? &found->second : nullptr;
    at_ = kBefore;
}

bool DocidListSource::at_end() const {
    return !shard_ || (at_ != kBefore && at_ >= shard_->size());
}

void DocidListSource::next(double) {
    at_ = at_ == kBefore ? 0 : at_ + 1;
}

void DocidListSource::skip_to(Xapian::docid did, double) {
    if (!shard_) return;
    if (at_ == kBefore) at_ = 0;
    const auto from = shard_->begin() + static_cast<std::ptrdiff_t>(std::min(at_, shard_->size()));
    at_ = static_cast<std::size_t>(std::lower_bound(from, shard_->end(), did) - shard_->begin());
}

std::string DocidListSource::get_description() const {
    return "graf::DocidListSource(" + std::to_string(size_of(*all_)) + " documents)";
}

Xapian::Query docid_list_query(DocidsByShard ids) {
    auto shared = std::make_shared<const DocidsByShard>(std::move(ids));
    return Xapian::Query((new DocidListSource(std::move(shared)))->release());
}

ShardDocid locate(Xapian::docid combined, std::size_t shards) {
    const auto n = static_cast<Xapian::docid>(std::max<std::size_t>(1, shards));
    return {static_cast<std::size_t>((combined - 1) % n), (combined - 1) / n + 1};
}

Xapian::docid combined_id(ShardDocid at, std::size_t shards) {
    const auto n = static_cast<Xapian::docid>(std::max<std::size_t>(1, shards));
    return (at.local - 1) * n + static_cast<Xapian::docid>(at.shard) + 1;
}

std::vector<Xapian::docid> paragraph_ids(ShardDocid article, unsigned paragraphs) {
    std::vector<Xapian::docid> ids;
    const Xapian::docid from = article.local > paragraphs ? article.local - paragraphs : 1;
    for (Xapian::docid l = from; l < article.local; ++l) ids.push_back(l);
    return ids;
}

namespace {

// The paragraphs `query` matches, by shard, each shard's local ids sorted.
std::vector<std::vector<Xapian::docid>> matches_by_shard(const Xapian::Database& all,
                                                         std::size_t shards,
                                                         const Xapian::Query& query) {
    Xapian::Enquire enquire(all);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet matches = enquire.get_mset(0, all.get_doccount());
    std::vector<std::vector<Xapian::docid>> local(shards);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        const ShardDocid at = locate(*it, shards);
        local[at.shard].push_back(at.local);
    }
    for (auto& ids : local) std::sort(ids.begin(), ids.end());
    return local;
}

}  // namespace

DocidsByShard article_documents_of(const Xapian::Database& all,
                                   const std::vector<Xapian::Database>& shards,
                                   const std::vector<std::string>& uuids,
                                   const Xapian::Query& paragraphs) {
    const auto local = matches_by_shard(all, shards.size(), paragraphs);
    DocidsByShard articles;
    const std::string marker(schema::kArticleDocMarker);
    for (std::size_t s = 0; s < shards.size(); ++s) {
        if (local[s].empty()) continue;
        std::vector<Xapian::docid>& out = articles[uuids[s]];
        Xapian::PostingIterator article = shards[s].postlist_begin(marker);
        const Xapian::PostingIterator end = shards[s].postlist_end(marker);
        for (Xapian::docid paragraph : local[s]) {
            article.skip_to(paragraph + 1);
            if (article == end) break;
            if (out.empty() || out.back() != *article) out.push_back(*article);
        }
    }
    return articles;
}

std::optional<ArticleParagraphs> paragraphs_of_articles(const Xapian::Database& all,
                                                        const std::vector<Xapian::Database>& shards,
                                                        const std::vector<std::string>& uuids,
                                                        const Xapian::Query& paragraphs,
                                                        std::size_t limit) {
    const auto local = matches_by_shard(all, shards.size(), paragraphs);
    ArticleParagraphs out;
    const std::string marker(schema::kArticleDocMarker);
    for (std::size_t s = 0; s < shards.size() && out.articles <= limit; ++s) {
        const std::vector<Xapian::docid>& matched = local[s];
        if (matched.empty()) continue;
        if (shards[s].get_termfreq(marker) == 0) return std::nullopt;
        std::vector<Xapian::docid>& ids = out.ids[uuids[s]];
        // Along the articles in id order: one with a match (a paragraph,
        // an id between the previous article document and its own; or the
        // article document itself) gives every id in that span.
        auto next_match = matched.begin();
        Xapian::docid previous = 0;
        for (auto article = shards[s].postlist_begin(marker);
             article != shards[s].postlist_end(marker) && next_match != matched.end() &&
             out.articles <= limit;
             ++article) {
            const Xapian::docid at = *article;
            if (*next_match <= at) {
                for (Xapian::docid id = previous + 1; id < at; ++id) ids.push_back(id);
                ++out.articles;
            }
            while (next_match != matched.end() && *next_match <= at) ++next_match;
            previous = at;
        }
    }
    return out;
}

std::size_t size_of(const DocidsByShard& ids) {
    std::size_t n = 0;
    for (const auto& [uuid, list] : ids) n += list.size();
    return n;
}

std::vector<std::string> local_shard_uuids(const std::vector<Xapian::Database>& shards) {
    std::vector<std::string> uuids;
    std::set<std::string> seen;
    for (const Xapian::Database& shard : shards) {
        if (is_remote(shard)) return {};
        std::string uuid = shard.get_uuid();
        if (uuid.empty() || !seen.insert(uuid).second) return {};
        uuids.push_back(std::move(uuid));
    }
    return uuids;
}

}  // namespace graf::searcher
