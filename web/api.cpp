#include "web/api.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/fold.hpp"
#include "analysis/name_kind.hpp"
#include "schema/layout.hpp"
#include "searcher/index_info.hpp"
#include "searcher/query.hpp"
#include "searcher/reading_error.hpp"
#include "web/article.hpp"
#include "web/facets.hpp"
#include "web/params.hpp"
#include "web/search_json.hpp"
#include "web/timeline.hpp"

namespace graf::web {

namespace {

// The options of `graf search` that make sense over HTTP (not --export,
// --explain or --color), under the same names as far as URLs allow.
const std::set<std::string> kSearchParams = {
    "q",      "name",       "since",    "until",    "source", "sort",         "limit",
    "offset", "paragraphs", "snippets", "feedback", "expand", "snippet_chars"};

// As `graf search --snippet-chars` allows.
constexpr std::size_t kMaxSnippetChars = 1000000;
const std::set<std::string> kFilterParams = {"q", "name", "since", "until", "source"};

// Most names one /api/names call returns.
constexpr std::size_t kMaxTop = 1000;

// The client's mistake (a parameter, a query) is a 400; an index that cannot
// answer is a 503. The message is what the command line prints after "graf: CMD: ".
ApiResponse error_response(const Error& e) {
    return {e.exit_code() == kUsage ? 400 : 503, {{"error", e.what()}}};
}

Filters filters_of(const Params& p) {
    Filters f{p.text("q"), p.text("name"), p.date("since"), p.date("until"), p.text("source")};
    if (f.source.find('"') != std::string::npos)
        throw ParamError("parameter 'source' may not contain '\"'");
    if (f.query.empty() && f.name.empty() && f.source.empty() && f.since.empty() && f.until.empty())
        throw ParamError("give parameter 'q' (a query) or 'name'");
    return f;
}

ApiResponse search(Archive& a, const QueryParams& given) {
    Params p(given, kSearchParams);
    searcher::SearchRequest req = to_request(filters_of(p));
    const std::string sort = p.choice("sort", {"relevance", "date", "oldest"}, "relevance");
    req.sort_by_date = sort != "relevance";
    req.oldest_first = sort == "oldest";
    req.limit = p.number("limit", 10, 0, 100);  // 0: the count only, as `--limit 0`
    req.offset = p.number("offset", 0, 0, 100000);
    req.paragraphs = p.flag("paragraphs");
    req.snippets = p.flag("snippets", true);
    req.feedback = p.flag("feedback", true);
    req.expand = p.flag("expand");
    if (req.expand && !req.feedback)
        throw ParamError("parameters 'expand' and 'feedback=0' contradict: give one");
    req.snippet_chars = p.number("snippet_chars", 240, 20, kMaxSnippetChars);
    searcher::SearchResult r = a.searcher().search(req);
    return {200, search_json(std::move(r), shown_query(req))};
}

ApiResponse timeline(Archive& a, const QueryParams& given) {
    std::set<std::string> known = kFilterParams;
    known.insert("by");
    Params p(given, known);
    const Filters f = filters_of(p);
    const Granularity by =
        *parse_granularity(p.choice("by", {"day", "week", "month", "year"}, "month"));
    searcher::HighlightSpec unused;
    const Xapian::Query q = a.compile(f, unused);
    try {
        Timeline t = a.with_retry([&] { return web::timeline(a.database(), q, by, a.local()); });
        return {200, timeline_json(t, shown_query(to_request(f)))};
    } catch (const TimelineTooLong& e) {
        throw ParamError(fmt::format("parameter '{}'", e.what()));
    }
}

ApiResponse facets(Archive& a, const QueryParams& given) {
    std::set<std::string> known = kFilterParams;
    known.insert("top");
    Params p(given, known);
    const Filters f = filters_of(p);
    const std::size_t top = p.number("top", 10, 1, 100);
    searcher::HighlightSpec unused;
    const Xapian::Query q = a.compile(f, unused);
    Facets result = a.with_retry([&] { return web::facets(a.database(), q, top, "", a.local()); });
    return {200, facets_json(result, shown_query(to_request(f)))};
}

// The most mentioned names, as `graf names --json`: of the whole index, or
// with a query the names of its matches (as /api/facets counts them).
ApiResponse names(Archive& a, const QueryParams& given) {
    std::set<std::string> known = kFilterParams;
    known.insert({"prefix", "top", "kind"});
    Params p(given, known);
    const std::size_t top = p.number("top", 20, 1, kMaxTop);
    const std::string prefix = p.text("prefix");
    std::string bad;
    const std::vector<analysis::NameKind> kinds =
        analysis::parse_kinds(p.text("kind", "person,organisation"), bad);
    if (kinds.empty())
        throw ParamError(fmt::format(
            "parameter 'kind': '{}' is not person, organisation, place, event, fragment, other "
            "or all",
            bad));
    if (std::any_of(kFilterParams.begin(), kFilterParams.end(),
                    [&](const std::string& k) { return p.has(k); })) {
        searcher::HighlightSpec unused;
        const Xapian::Query q = a.compile(filters_of(p), unused);
        Facets f = a.with_retry([&] {
            return web::facets(a.database(), q, top, analysis::fold(prefix), a.local(), kinds);
        });
        return {200, names_json(f.names)};
    }
    return {200, names_json(a.with_retry(
                     [&] { return web::index_names(a.database(), top, prefix, kinds); }))};
}

ApiResponse stats(Archive& a, const QueryParams& given) {
    Params p(given, {});
    searcher::IndexSummary s =
        a.with_retry([&] { return searcher::summarize(a.database(), a.path()); });
    // As `graf stats --json` without "db": the server's folders are not the
    // reader's business. The shards are not opened again: a remote one costs a connect.
    return {200, stats_json(s, a.shard_count(), schema::read_stub(a.path()).merge_pending, false)};
}

ApiResponse article(Archive& a, const std::string& id, const QueryParams& given) {
    Params p(given, {"p", "q", "name"});
    const auto marked = static_cast<unsigned>(p.number("p", 0, 1, 10000000));
    std::optional<searcher::HighlightSpec> highlight;
    if (!p.text("q").empty() || !p.text("name").empty()) {
        highlight.emplace();
        a.compile(Filters{p.text("q"), p.text("name"), "", "", ""}, *highlight);
    }
    std::vector<Article> articles = a.with_retry([&] { return find_articles(a.database(), id); });
    if (articles.empty())
        return {404, {{"error", fmt::format("no article '{}' in this index", id.substr(0, 200))}}};
    // An input's id in several sources: the first (`graf show` lists them all).
    Article* found = &articles.front();
    if (highlight) highlight_article(*found, *highlight, a.stemmer());
    if (marked && (marked > found->paragraphs.back().number ||
                   std::none_of(found->paragraphs.begin(), found->paragraphs.end(),
                                [&](const ArticleParagraph& x) { return x.number == marked; })))
        throw ParamError(fmt::format("parameter 'p': article '{}' has no paragraph {} (it has {})",
                                     id, marked, found->paragraphs.size()));
    return {200, article_json(*found, marked)};
}

}  // namespace

class Api::Lease {
  public:
    explicit Lease(Api& api) : api_(api), archive_(api.borrow()) {}
    ~Lease() {
        if (archive_) api_.give_back(std::move(archive_));
    }
    Archive& operator*() { return *archive_; }
    /// A handle that failed mid-read is not trusted again.
    void discard() { archive_.reset(); }

  private:
    Api& api_;
    std::unique_ptr<Archive> archive_;
};

Api::Api(const std::filesystem::path& db) : db_(db) {
    idle_.push_back(std::make_unique<Archive>(db_));
}

std::unique_ptr<Archive> Api::borrow() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!idle_.empty()) {
            std::unique_ptr<Archive> a = std::move(idle_.back());
            idle_.pop_back();
            return a;
        }
    }
    return std::make_unique<Archive>(db_);  // opened outside the lock
}

void Api::give_back(std::unique_ptr<Archive> archive) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(archive));
}

ApiResponse Api::route(Archive& a, const std::string& path, const QueryParams& params) {
    if (path == "/api/search") return search(a, params);
    if (path == "/api/timeline") return timeline(a, params);
    if (path == "/api/facets") return facets(a, params);
    if (path == "/api/names") return names(a, params);
    if (path == "/api/stats") return stats(a, params);
    const std::string article_prefix = "/api/article/";
    if (path.rfind(article_prefix, 0) == 0 && path.size() > article_prefix.size())
        return article(a, path.substr(article_prefix.size()), params);
    return {404, {{"error", fmt::format("no such endpoint: {}", path.substr(0, 200))}}};
}

// A request that meets a discarded revision starts again on the newest: the
// reads outside Archive::with_retry (refreshing the revision, its metadata)
// failed so under a loaded machine, with commits every 50 paragraphs. A
// document its own match found but could not read (DocNotFoundError, seen
// in the same test under four parallel runs) is the same race.
ApiResponse Api::handle(const std::string& path, const QueryParams& params) {
    constexpr int kTries = 5;
    try {
        Lease lease(*this);
        for (int attempt = 1;; ++attempt) {
            try {
                (*lease).refresh();
                return route(*lease, path, params);
            } catch (const Xapian::Error& e) {
                const std::string_view type = e.get_type();
                const bool race = type == "DatabaseModifiedError" || type == "DocNotFoundError";
                if (race && attempt < kTries) continue;
                lease.discard();
                throw;
            }
        }
    } catch (const Error& e) {
        return error_response(e);
    } catch (const Xapian::Error&) {
        return error_response(searcher::reading_error());
    }
}

}  // namespace graf::web
