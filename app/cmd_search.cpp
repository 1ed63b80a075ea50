// graf search [--db DIR] [options] QUERY
#include <fmt/ranges.h>

#include "app/cli.hpp"
#include "app/export.hpp"
#include "app/option_bounds.hpp"
#include "searcher/open_index.hpp"
#include "searcher/query.hpp"
#include "searcher/searcher.hpp"
#include "web/search_json.hpp"

namespace graf::app {
namespace {

// Typo catchers: a page of a million hits, a snippet of a whole dump.
constexpr std::uint64_t kMaxLimit = 1'000'000;
constexpr std::uint64_t kMaxSnippetChars = 1'000'000;

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

// "22 matching articles" when counted; an estimate says how far off it may be.
std::string total_text(const searcher::SearchResult& r, const char* unit) {
    const std::string counted =
        fmt::format("{} matching {}{}", r.total_estimate, unit, r.total_estimate == 1 ? "" : "s");
    if (r.total_exact) return counted;
    return fmt::format("About {} (at least {}, at most {})", counted, r.total_lower, r.total_upper);
}

void print_text(const searcher::SearchResult& r, const searcher::SearchRequest& req, bool color) {
    for (const searcher::Hit& h : r.hits) {
        std::string heading = h.title.empty() ? h.article : h.title;
        fmt::print("{:>3}. {}{}{}\n", h.rank, color ? kBold : "", heading, color ? kReset : "");
        // The id and paragraph are what `graf show` takes to open the hit.
        std::string meta = fmt::format("{} ¶{}", h.id, h.paragraph);
        if (!h.date.empty()) meta += " · " + h.date;
        if (!h.source.empty()) meta += " · " + h.source;
        if (!req.paragraphs && h.matching_paragraphs > 1)
            meta += fmt::format(" · +{} more matching paragraph{}", h.matching_paragraphs - 1,
                                h.matching_paragraphs > 2 ? "s" : "");
        if (!h.duplicates.empty())
            meta += fmt::format(" · also: {}", fmt::join(h.duplicates, ", "));
        fmt::print("     {}{}{}\n", color ? kDim : "", meta, color ? kReset : "");
        if (req.snippets) fmt::print("     {}\n", highlighted(h.snippet, color, kMark, kReset));
        fmt::print("\n");
    }
    if (r.suggestion) fmt::print("Did you mean: {}\n", *r.suggestion);
    const char* unit = req.paragraphs ? "paragraph" : "article";
    if (r.hits.empty() && (r.total_estimate == 0 || (req.offset == 0 && req.limit > 0)))
        fmt::print("No matching {}s ({:.1f} ms)\n", unit, r.took_ms);
    else if (r.hits.empty())  // --limit 0, or an offset past the end: the count stands
        fmt::print("{}; none shown (--limit {}, --offset {}) ({:.1f} ms)\n", total_text(r, unit),
                   req.limit, req.offset, r.took_ms);
    else
        fmt::print("{}; showing {}-{} ({:.1f} ms); open one with `graf show ID --paragraph N`\n",
                   total_text(r, unit), r.hits.front().rank, r.hits.back().rank, r.took_ms);
}

void print_json(const searcher::SearchResult& r, const std::string& query) {
    fmt::print("{}\n", web::dump(web::search_json(r, query)));
}

// --explain: the query as the Searcher compiles it, on this index (NOT
// names the articles it excludes; words list their stem variants).
int explain(const cxxopts::ParseResult& args, const std::string& query) {
    if (query.empty()) {
        error("search: --explain needs a QUERY");
        return kUsage;
    }
    searcher::OpenIndex index = searcher::open_index(db_option(args), args.count("allow-partial"));
    searcher::IndexQueryContext context(index.all, index.shards);
    fmt::print("{}", searcher::explain(searcher::parse_query(query, context)));
    return kOk;
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
        ("explain", "print how QUERY is read (its tree) and the Xapian query; search nothing")
        ("query", "the query", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    // clang-format off
    options.add_options("Results")
        ("limit", "hits to show (0: count only)", cxxopts::value<std::string>()->default_value("10"), "N")
        ("offset", "hits to skip (paging)", cxxopts::value<std::string>()->default_value("0"), "N")
        ("paragraphs", "every matching paragraph, not the best one per article")
        ("sort", "relevance, date (newest first) or oldest", cxxopts::value<std::string>()->default_value("relevance"), "BY")
        ("export", "write every match with its full text and metadata: jsonl or csv", cxxopts::value<std::string>(), "FORMAT")
        ("articles", "with --export: whole articles (every paragraph), not matching paragraphs")
        ("snippet-chars", "snippet length in characters", cxxopts::value<std::string>()->default_value("240"), "N")
        ("no-snippets", "no snippets (faster)")
        ("no-feedback", "do not widen long questions with words from their best hits");
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

    QueryArgs asked = query_args(args);
    searcher::SearchRequest req;
    req.query = std::move(asked.query);
    req.name = std::move(asked.name);
    req.since = std::move(asked.since);
    req.until = std::move(asked.until);
    req.limit = bounded_number(args, "limit", 0, kMaxLimit);
    req.offset = bounded_number(args, "offset", 0, kMaxLimit);
    req.paragraphs = args.count("paragraphs") > 0;
    const std::string sort = args["sort"].as<std::string>();
    if (sort != "relevance" && sort != "date" && sort != "oldest") {
        error("search: --sort takes relevance, date (newest first) or oldest, not '{}'", sort);
        return kUsage;
    }
    req.sort_by_date = sort == "date" || sort == "oldest";
    req.oldest_first = sort == "oldest";
    std::optional<ExportFormat> export_format;
    if (args.count("export")) {
        const std::string f = args["export"].as<std::string>();
        if (f != "jsonl" && f != "csv") {
            error("search: --export takes jsonl or csv, not '{}'", f);
            return kUsage;
        }
        export_format = f == "csv" ? ExportFormat::Csv : ExportFormat::JsonLines;
        // Matching paragraphs unless whole articles are asked for.
        req.paragraphs = !args.count("articles");
    } else if (args.count("articles")) {
        error("search: --articles goes with --export");
        return kUsage;
    }
    req.snippet_chars = bounded_number(args, "snippet-chars", 20, kMaxSnippetChars);
    req.snippets = !args.count("no-snippets");
    req.feedback = !args.count("no-feedback");
    if (req.query.empty() && req.name.empty()) {
        error("search: give a query or --name (see `graf search --help`)");
        return kUsage;
    }
    const bool color = use_color(args["color"].as<std::string>());

    return with_query_errors([&] {
        if (args.count("explain")) return explain(args, req.query);
        searcher::Searcher s(db_option(args), args.count("allow-partial") > 0);
        if (export_format) {
            export_results(s, req, *export_format, args.count("limit") ? req.limit : 0);
            warn_stale_shards(s.stale_shards());
            return static_cast<int>(kOk);
        }
        searcher::SearchResult r = s.search(req);
        const int status = warn_missing_shards(r.missing_shards, r.shards);
        warn_stale_shards(s.stale_shards());
        if (args.count("json"))
            print_json(r, web::shown_query(req));
        else
            print_text(r, req, color);
        return status;
    });
}

}  // namespace graf::app
