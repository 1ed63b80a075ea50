// graf search [--db DIR] [options] QUERY
#include <fmt/ranges.h>

#include "app/cmd_search.hpp"
#include "app/option_bounds.hpp"
#include "searcher/open_index.hpp"
#include "searcher/query.hpp"
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
    if (r.expanded)
        fmt::print("Widened with words of its best hits: {} (--no-feedback: the query alone)\n",
                   fmt::join(r.expansion, ", "));
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
int explain(const SearchSettings& settings) {
    searcher::OpenIndex index =
        searcher::open_index(use_index(settings.index), settings.index.allow_partial);
    searcher::IndexQueryContext context(index.all, index.shards);
    fmt::print("{}", searcher::explain(searcher::parse_query(settings.request.query, context)));
    return kOk;
}

}  // namespace

cxxopts::Options search_options() {
    cxxopts::Options options("graf search",
                             "Ranked paragraphs for a query, with highlighted snippets.");
    add_db_option(options);
    add_partial_option(options);
    add_query_options(options, "paragraphs naming this person or organisation");
    options.add_options("Query")(
        "explain", "print how QUERY is read (its tree) and the Xapian query; search nothing");
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
        ("no-feedback", "do not widen long questions with words from their best hits")
        ("expand", "widen any free-word query with words from its best hits: more of a topic's articles, several times slower");
    options.add_options("Output")("color", "highlight with colour: auto, always, never",
                                  cxxopts::value<std::string>()->default_value("auto"), "WHEN");
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    return options;
}

SearchSettings search_settings(const cxxopts::ParseResult& args) {
    SearchSettings s;
    s.index = index_settings(args);
    searcher::SearchRequest& req = s.request;
    req.name = read_query(args, req);
    req.limit = bounded_number(args, "limit", 0, kMaxLimit);
    req.offset = bounded_number(args, "offset", 0, kMaxLimit);
    req.paragraphs = args.count("paragraphs") > 0;
    const std::string sort = args["sort"].as<std::string>();
    if (sort != "relevance" && sort != "date" && sort != "oldest")
        throw UsageError(
            fmt::format("--sort takes relevance, date (newest first) or oldest, not '{}'", sort));
    req.sort_by_date = sort == "date" || sort == "oldest";
    req.oldest_first = sort == "oldest";
    if (args.count("export")) {
        const std::string f = args["export"].as<std::string>();
        if (f != "jsonl" && f != "csv")
            throw UsageError(fmt::format("--export takes jsonl or csv, not '{}'", f));
        s.export_format = f == "csv" ? ExportFormat::Csv : ExportFormat::JsonLines;
        // Matching paragraphs unless whole articles are asked for.
        req.paragraphs = !args.count("articles");
        s.export_max = args.count("limit") ? req.limit : 0;
    } else if (args.count("articles")) {
        throw UsageError("--articles goes with --export");
    }
    req.snippet_chars = bounded_number(args, "snippet-chars", 20, kMaxSnippetChars);
    req.snippets = !args.count("no-snippets");
    req.feedback = !args.count("no-feedback");
    req.expand = args.count("expand") > 0;
    if (req.expand && !req.feedback)
        throw UsageError("--expand and --no-feedback contradict: give one");
    s.explain = args.count("explain") > 0;
    if (s.explain && req.query.empty()) throw UsageError("--explain needs a QUERY");
    if (req.query.empty() && req.name.empty())
        throw UsageError("give a query or --name (see `graf search --help`)");
    s.json = args.count("json") > 0;
    s.color = when_setting(args, "color");
    return s;
}

int run_search(const SearchSettings& settings) {
    if (settings.explain) return explain(settings);
    const searcher::SearchRequest& req = settings.request;
    searcher::Searcher s(use_index(settings.index), settings.index.allow_partial);
    if (settings.export_format) {
        export_results(s, req, *settings.export_format, settings.export_max);
        warn_stale_shards(s.stale_shards());
        return kOk;
    }
    searcher::SearchResult r = s.search(req);
    const int status = warn_missing_shards(r.missing_shards, r.shards);
    warn_stale_shards(s.stale_shards());
    if (settings.json)
        print_json(r, web::shown_query(req));
    else
        print_text(r, req, use_color(settings.color));
    return status;
}

}  // namespace graf::app
