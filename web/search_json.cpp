#include "web/search_json.hpp"

namespace graf::web {

// Built member by member with the strings moved in: nlohmann's initializer
// lists copy every string (and nested object) once more, which was a tenth
// of a name query's CPU time in `graf serve` (perf).
nlohmann::json search_json(searcher::SearchResult r, const std::string& query) {
    nlohmann::json hits = nlohmann::json::array();
    hits.get_ref<nlohmann::json::array_t&>().reserve(r.hits.size());
    for (searcher::Hit& h : r.hits) {
        nlohmann::json spans = nlohmann::json::array();
        for (auto [begin, length] : h.snippet.highlights)
            spans.push_back(nlohmann::json::array_t{begin, length});
        nlohmann::json hit = nlohmann::json::object();
        hit["rank"] = h.rank;
        hit["article"] = std::move(h.article);
        hit["id"] = std::move(h.id);
        hit["paragraph"] = h.paragraph;
        hit["title"] = std::move(h.title);
        hit["date"] = std::move(h.date);
        hit["source"] = std::move(h.source);
        hit["url"] = std::move(h.url);
        hit["score"] = h.score;
        hit["matching_paragraphs"] = h.matching_paragraphs;
        hit["duplicates"] = std::move(h.duplicates);
        hit["snippet"] = std::move(h.snippet.text);
        hit["highlights"] = std::move(spans);
        hits.push_back(std::move(hit));
    }
    nlohmann::json missing = nlohmann::json::array();
    for (searcher::MissingShard& m : r.missing_shards)
        missing.push_back({{"shard", std::move(m.shard)}, {"error", std::move(m.reason)}});
    nlohmann::json j = nlohmann::json::object();
    j["query"] = query;
    j["total_estimate"] = r.total_estimate;
    j["total_exact"] = r.total_exact;
    j["total_lower"] = r.total_lower;
    j["total_upper"] = r.total_upper;
    j["took_ms"] = r.took_ms;
    j["partial"] = !missing.empty();
    j["missing_shards"] = std::move(missing);
    j["hits"] = std::move(hits);
    if (r.suggestion) j["suggestion"] = std::move(*r.suggestion);
    j["expanded"] = r.expanded;
    j["expansion"] = r.expansion;
    return j;
}

nlohmann::json stats_json(const searcher::IndexSummary& s, std::size_t shards, bool merge_pending,
                          bool partial) {
    nlohmann::json sources = nlohmann::json::array();
    for (const auto& src : s.sources)
        sources.push_back({{"source", src.source}, {"paragraphs", src.paragraphs}});
    return {{"articles", s.articles},
            {"paragraphs", s.paragraphs},
            {"distinct_words", s.distinct_words},
            {"first_date", s.first_date},
            {"last_date", s.last_date},
            {"sources", sources},
            {"bytes_on_disk", s.bytes_on_disk},
            {"shards", shards},
            {"merge_pending", merge_pending},
            {"partial", partial}};
}

std::string shown_query(const searcher::SearchRequest& req) {
    if (req.name.empty()) return req.query;
    return (req.query.empty() ? "" : req.query + " ") + "name:\"" + req.name + "\"";
}

std::string dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace graf::web
