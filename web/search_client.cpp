#include "web/search_client.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "searcher/query_error.hpp"

namespace graf::web {

SearchClient::SearchClient(const std::string& url) : url_(url) {
    while (url_.size() > 1 && url_.back() == '/') url_.pop_back();
    if (url_.rfind("http://", 0) != 0)
        throw ServerError(fmt::format("--url takes http://HOST:PORT, not '{}'", url));
    client_ = std::make_unique<httplib::Client>(url_);
    if (!client_->is_valid())
        throw ServerError(fmt::format("--url takes http://HOST:PORT, not '{}'", url));
    client_->set_keep_alive(true);
    // The request goes out in one write; no delayed-ACK wait either way.
    client_->set_tcp_nodelay(true);
}

SearchClient::~SearchClient() = default;

SearchClient::Answer SearchClient::search(const searcher::SearchRequest& request) {
    const std::string& name = request.name;
    httplib::Params params{{name.empty() ? "q" : "name", name.empty() ? request.query : name},
                           {"limit", std::to_string(request.limit)}};
    if (!request.snippets) params.emplace("snippets", "0");
    if (request.expand) params.emplace("expand", "1");
    httplib::Result res = client_->Get("/api/search", params, httplib::Headers{});
    if (!res)
        throw ServerError(fmt::format("{}: no answer ({})", url_, httplib::to_string(res.error())));
    const nlohmann::json body = nlohmann::json::parse(res->body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        throw ServerError(
            fmt::format("{}/api/search answered HTTP {} without JSON", url_, res->status));
    if (res->status == 400) {
        // The server's message is `graf search`'s, "query error: …", which
        // QueryError puts back.
        std::string message = body.value("error", "bad request");
        const std::string prefix = "query error: ";
        if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
        throw searcher::QueryError(message);
    }
    if (res->status != 200)
        throw ServerError(fmt::format("{}/api/search answered HTTP {}: {}", url_, res->status,
                                      body.value("error", "")));
    return {body["hits"].size(), body["total_estimate"].get<std::uint64_t>()};
}

}  // namespace graf::web
