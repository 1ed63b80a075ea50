#pragma once
// The JSON objects graf prints with --json and serves over HTTP: one
// definition, so `graf search --json` and GET /api/search cannot drift apart.
#include <nlohmann/json.hpp>

#include <string>

#include "searcher/index_info.hpp"
#include "searcher/searcher.hpp"

namespace graf::web {

/// `query` is the query as shown to the user (with name:"…" when --name was given).
/// Takes the result by value: its strings are moved into the JSON.
nlohmann::json search_json(searcher::SearchResult result, const std::string& query);

/// What an index holds, as `graf stats --json` prints it (which adds "db")
/// and GET /api/stats serves it.
nlohmann::json stats_json(const searcher::IndexSummary& summary, std::size_t shards,
                          bool merge_pending, bool partial);

/// The query as `graf search` shows it: QUERY name:"NAME".
std::string shown_query(const searcher::SearchRequest& request);

/// dump() that replaces invalid UTF-8 instead of throwing (corpus text is repaired at
/// indexing, but a query string comes from anywhere).
std::string dump(const nlohmann::json& j);

}  // namespace graf::web
