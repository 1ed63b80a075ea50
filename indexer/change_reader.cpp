#include "indexer/change_reader.hpp"

#include <fmt/format.h>

#include "schema/schema.hpp"

namespace graf::indexer {

ChangeReader::ChangeReader(corpus::CorpusReader& reader, const KnownHashes& known, bool legacy,
                           std::size_t inputs, corpus::ProblemSink problems,
                           const std::atomic<bool>* stop, Counters& counters)
    : reader_(reader),
      known_(known),
      legacy_(legacy),
      problems_(std::move(problems)),
      stop_(stop),
      counters_(counters) {
    outcome_.per_input.resize(inputs);
}

std::optional<ArticleChange> ChangeReader::decide(const corpus::Article& article) {
    ArticleChange change;
    change.key = schema::article_key(schema::full_id(article.source_name, article.id));
    change.hash = content_hash(article);
    auto old = known_.find(change.key);
    if (old == known_.end() && legacy_) {
        // Schema 5 keyed an article by its input's id alone: replace it.
        const std::string legacy_key = schema::article_key(article.id);
        if (known_.count(legacy_key) && outcome_.seen.insert(legacy_key).second) {
            change.delete_key = legacy_key;
            outcome_.seen.insert(change.key);
            return change;
        }
    }
    if (!outcome_.seen.insert(change.key).second) {
        problems_({corpus::Problem::Kind::Warning, article.origin,
                   fmt::format("duplicate article id \"{}\": this one replaces the earlier one",
                               schema::full_id(article.source_name, article.id))});
        change.delete_key = change.key;
        return change;
    }
    if (old == known_.end()) return change;
    if (old->second == change.hash) return std::nullopt;
    change.delete_key = change.key;
    return change;
}

void ChangeReader::run(const Submit& submit) {
    try {
        auto job = std::make_shared<Job>();
        auto flush = [&] {
            if (job->articles.empty()) return true;
            if (!submit(std::move(job))) return false;
            job = std::make_shared<Job>();
            return true;
        };
        corpus::Article article;
        while (reader_.next(article)) {
            counters_.bytes_done = reader_.bytes_done();
            if (stop_requested()) {
                outcome_.interrupted = true;
                break;
            }
            ++outcome_.per_input[article.input];
            std::optional<ArticleChange> change = decide(article);
            if (!change) {
                ++outcome_.unchanged;
                ++counters_.articles;
                continue;
            }
            job->articles.push_back(std::move(article));
            job->changes.push_back(std::move(*change));
            if (job->articles.size() == kBatchArticles && !flush()) return;
        }
        counters_.bytes_done = reader_.bytes_done();
        flush();
    } catch (...) {
        outcome_.failure = std::current_exception();
    }
}

}  // namespace graf::indexer
