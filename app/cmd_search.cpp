// graf search [--db DIR] [options] QUERY
#include "app/cli.hpp"
#include "searcher/query.hpp"
#include "searcher/searcher.hpp"
#include "web/search_json.hpp"

namespace graf::app {
namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMark = "\x1b[1;33m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

std::string highlighted(const searcher::Snippet& s, bool color, const char* open,
                        const char* close) {
    std::string out;
    std::size_t at = 0;
    for (auto [begin, length] : s.highlights) {
        out.append(s.text, at, begin - at);
        out += color ? open : "";
        out.append(s.text, begin, length);
        out += color ? close : "";
        at = begin + length;
    }
    out.append(s.text, at, std::string::npos);
    return out;
}

void print_text(const searcher::SearchResult& r, const searcher::SearchRequest& req, bool color) {
    for (const searcher::Hit& h : r.hits) {
        std::string heading = h.title.empty() ? h.article : h.title;
        fmt::print("{:>3}. {}{}{}\n", h.rank, color ? kBold : "", heading, color ? kReset : "");
        std::string meta = fmt::format("{} ¶{}", h.article, h.paragraph);
        if (!h.date.empty()) meta += " · " + h.date;
        if (!h.source.empty()) meta += " · " + h.source;
        if (!req.paragraphs && h.matching_paragraphs > 1)
            meta += fmt::format(" · +{} more matching paragraph{}", h.matching_paragraphs - 1,
                                h.matching_paragraphs > 2 ? "s" : "");
        fmt::print("     {}{}{}\n", color ? kDim : "", meta, color ? kReset : "");
        if (req.snippets) fmt::print("     {}\n", highlighted(h.snippet, color, kMark, kReset));
        fmt::print("\n");
    }
    if (r.suggestion) fmt::print("Did you mean: {}\n", *r.suggestion);
    const char* unit = req.paragraphs ? "paragraph" : "article";
    if (r.hits.empty())
        fmt::print("No matching {}s ({:.1f} ms)\n", unit, r.took_ms);
    else
        fmt::print("{}{} matching {}{}; showing {}-{} ({:.1f} ms)\n", r.total_exact ? "" : "About ",
                   r.total_estimate, unit, r.total_estimate == 1 ? "" : "s", r.hits.front().rank,
                   r.hits.back().rank, r.took_ms);
}

void print_json(const searcher::SearchResult& r, const std::string& query) {
    fmt::print("{}\n", web::dump(web::search_json(r, query)));
}

}  // namespace

int run_search(int argc, char** argv) {
    cxxopts::Options options("graf search",
                             "Ranked paragraphs for a query, with highlighted snippets.");
    add_db_option(options);
    add_partial_option(options);
    // clang-format off
    options.add_options("Query")
        ("name", "paragraphs naming this person or organisation", cxxopts::value<std::string>(), "\"FULL NAME\"")
        ("since", "only articles dated on or after (YYYY[-MM[-DD]])", cxxopts::value<std::string>(), "DATE")
        ("until", "only articles dated on or before", cxxopts::value<std::string>(), "DATE")
        ("query", "the query", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    // clang-format off
    options.add_options("Results")
        ("limit", "hits to show", cxxopts::value<std::size_t>()->default_value("10"), "N")
        ("offset", "hits to skip (paging)", cxxopts::value<std::size_t>()->default_value("0"), "N")
        ("paragraphs", "every matching paragraph, not the best one per article")
        ("sort", "relevance or date (newest first)", cxxopts::value<std::string>()->default_value("relevance"), "BY")
        ("snippet-chars", "snippet length in characters", cxxopts::value<std::size_t>()->default_value("240"), "N")
        ("no-snippets", "no snippets (faster)");
    // clang-format on
    // clang-format off
    options.add_options("Output")("color", "highlight with colour: auto, always, never",
                                  cxxopts::value<std::string>()->default_value("auto"), "WHEN");
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    options.parse_positional({"query"});
    options.positional_help("QUERY");
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;

    searcher::SearchRequest req;
    if (args.count("query"))
        for (const auto& w : args["query"].as<std::vector<std::string>>())
            req.query += (req.query.empty() ? "" : " ") + w;
    if (args.count("name")) req.name = args["name"].as<std::string>();
    if (args.count("since")) req.since = args["since"].as<std::string>();
    if (args.count("until")) req.until = args["until"].as<std::string>();
    req.limit = args["limit"].as<std::size_t>();
    req.offset = args["offset"].as<std::size_t>();
    req.paragraphs = args.count("paragraphs") > 0;
    const std::string sort = args["sort"].as<std::string>();
    if (sort != "relevance" && sort != "date") {
        error("search: --sort takes relevance or date");
        return kUsage;
    }
    req.sort_by_date = sort == "date";
    req.snippet_chars = std::max<std::size_t>(20, args["snippet-chars"].as<std::size_t>());
    req.snippets = !args.count("no-snippets");
    if (req.query.empty() && req.name.empty()) {
        error("search: give a query or --name (see `graf search --help`)");
        return kUsage;
    }
    const bool color = use_color(args["color"].as<std::string>());

    int status = kOk;
    try {
        searcher::Searcher s(db_option(args), args.count("allow-partial") > 0);
        searcher::SearchResult r = s.search(req);
        status = warn_missing_shards(r.missing_shards, r.shards);
        warn_stale_shards(s.stale_shards());
        if (args.count("json"))
            print_json(r, web::shown_query(req));
        else
            print_text(r, req, color);
    } catch (const searcher::QueryError& e) {
        error("query error: {}", e.what());
        return kUsage;
    } catch (const searcher::IndexMissing& e) {
        error("{}", e.what());
        return kNothing;
    } catch (const Xapian::WildcardError& e) {
        error("query error: a wildcard matches more than {} words; make it longer",
              searcher::kWildcardLimit);
        return kUsage;
    } catch (const Xapian::QueryParserError& e) {
        error("query error: {}", e.get_msg());
        return kUsage;
    }
    return status;
}

}  // namespace graf::app
