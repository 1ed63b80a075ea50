#include "web/search_json.hpp"

namespace graf::web {

nlohmann::json search_json(const searcher::SearchResult& r, const std::string& query) {
    nlohmann::json hits = nlohmann::json::array();
    for (const searcher::Hit& h : r.hits) {
        nlohmann::json spans = nlohmann::json::array();
        for (auto [begin, length] : h.snippet.highlights) spans.push_back({begin, length});
        hits.push_back({{"rank", h.rank},
                        {"article", h.article},
                        {"id", h.id},
                        {"paragraph", h.paragraph},
                        {"title", h.title},
                        {"date", h.date},
                        {"source", h.source},
                        {"url", h.url},
                        {"score", h.score},
                        {"matching_paragraphs", h.matching_paragraphs},
                        {"snippet", h.snippet.text},
                        {"highlights", spans}});
    }
    nlohmann::json missing = nlohmann::json::array();
    for (const searcher::MissingShard& m : r.missing_shards)
        missing.push_back({{"shard", m.shard}, {"error", m.reason}});
    nlohmann::json j = {{"query", query},
                        {"total_estimate", r.total_estimate},
                        {"total_exact", r.total_exact},
                        {"total_lower", r.total_lower},
                        {"total_upper", r.total_upper},
                        {"took_ms", r.took_ms},
                        {"partial", !r.missing_shards.empty()},
                        {"missing_shards", missing},
                        {"hits", hits}};
    if (r.suggestion) j["suggestion"] = *r.suggestion;
    j["expanded"] = r.expanded;
    return j;
}

std::string shown_query(const searcher::SearchRequest& req) {
    if (req.name.empty()) return req.query;
    return (req.query.empty() ? "" : req.query + " ") + "name:\"" + req.name + "\"";
}

std::string display_name(std::string name) {
    bool start = true;
    for (char& c : name) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        start = c == ' ' || c == '-';
    }
    return name;
}

std::string dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace graf::web
