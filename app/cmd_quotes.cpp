// graf quotes [--db DIR] [--name "Full Name"] [QUERY] [--json]: quotations,
// not paragraphs, each with its speaker (searcher/quote_search.hpp).
#include <nlohmann/json.hpp>

#include "app/cmd_quotes.hpp"
#include "app/option_bounds.hpp"
#include "searcher/query.hpp"

namespace graf::app {
namespace {

constexpr std::uint64_t kMaxLimit = 1'000'000;

std::string marked(const searcher::QuoteHit& h, bool color) {
    if (!color) return h.text;
    std::string out;
    std::size_t at = 0;
    for (auto [begin, length] : h.highlights) {
        out.append(h.text, at, begin - at);
        out += "\x1b[1;33m";
        out.append(h.text, begin, length);
        out += "\x1b[0m";
        at = begin + length;
    }
    out.append(h.text, at, std::string::npos);
    return out;
}

std::string speaker_text(const searcher::QuoteHit& h) {
    if (h.speaker.empty()) return "(unattributed)";
    return searcher::display_name(h.speaker);
}

// "¶3" or, for a quotation over several paragraphs, "¶3–5".
std::string paragraphs_text(const searcher::QuoteHit& h) {
    const unsigned last = h.pieces.empty() ? h.paragraph : h.pieces.back().paragraph;
    return last == h.paragraph ? fmt::format("¶{}", h.paragraph)
                               : fmt::format("¶{}–{}", h.paragraph, last);
}

void print_text(const searcher::QuoteResult& r, bool color) {
    for (const searcher::QuoteHit& h : r.hits) {
        std::string meta = fmt::format("{} {}", h.id, paragraphs_text(h));
        if (!h.date.empty()) meta += " · " + h.date;
        if (!h.source.empty()) meta += " · " + h.source;
        if (!h.speaker.empty()) meta += " · " + h.pattern;
        fmt::print("{:>3}. {}{}{}\n", h.rank, color ? "\x1b[1m" : "", speaker_text(h),
                   color ? "\x1b[0m" : "");
        fmt::print("     {}{}{}\n", color ? "\x1b[2m" : "", meta, color ? "\x1b[0m" : "");
        // The marks as the paragraph has them are not kept: “ ” for all; a
        // quotation over several paragraphs has a line for each.
        std::string body = marked(h, color);
        for (std::size_t nl = body.find('\n'); nl != std::string::npos; nl = body.find('\n', nl))
            body.replace(nl, 1, "\n      "), nl += 7;
        fmt::print("     {}“{}{}\n\n", h.continues ? "… " : "", body, h.open ? " …" : "”");
    }
    if (r.hits.empty())
        fmt::print("No matching quotations ({:.1f} ms)\n", r.took_ms);
    else
        fmt::print("{} quotation{}{} ({:.1f} ms); the paragraph: `graf show ID --paragraph N`\n",
                   r.hits.size(), r.hits.size() == 1 ? "" : "s",
                   r.more ? ", more with --offset" : "", r.took_ms);
}

void print_json(const searcher::QuoteResult& r) {
    nlohmann::json hits = nlohmann::json::array();
    for (const searcher::QuoteHit& h : r.hits) {
        nlohmann::json marks = nlohmann::json::array();
        for (auto [b, l] : h.highlights) marks.push_back({b, l});
        nlohmann::json pieces = nlohmann::json::array();
        nlohmann::json paragraphs = nlohmann::json::array();
        for (const searcher::QuotePiece& piece : h.pieces) {
            pieces.push_back(
                {{"paragraph", piece.paragraph}, {"begin", piece.begin}, {"end", piece.end}});
            if (paragraphs.empty() || paragraphs.back() != piece.paragraph)
                paragraphs.push_back(piece.paragraph);
        }
        hits.push_back(
            {{"rank", h.rank},
             {"speaker", h.speaker.empty() ? nlohmann::json() : nlohmann::json(h.speaker)},
             {"speaker_display", h.speaker.empty() ? "" : searcher::display_name(h.speaker)},
             {"pattern", h.pattern},
             {"id", h.id},
             {"article", h.article},
             {"title", h.title},
             {"date", h.date},
             {"source", h.source},
             {"paragraph", h.paragraph},
             {"paragraphs", paragraphs},
             {"begin", h.begin},
             {"end", h.end},
             {"pieces", pieces},
             {"text", h.text},
             {"highlights", marks},
             {"open", h.open},
             {"continues", h.continues},
             {"score", h.score}});
    }
    nlohmann::json j = {{"hits", hits}, {"more", r.more}, {"took_ms", r.took_ms}};
    fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

cxxopts::Options quotes_options() {
    cxxopts::Options options("graf quotes",
                             "Quotations (not paragraphs) and who said them: words and phrases "
                             "match inside the quotation; --name picks the speaker.");
    add_db_option(options);
    add_query_options(options, "quotations attributed to this person", "[QUERY]");
    // clang-format off
    options.add_options("Query")
        ("limit", "quotations to show", cxxopts::value<std::string>()->default_value("10"), "N")
        ("offset", "quotations to skip (paging)", cxxopts::value<std::string>()->default_value("0"), "N")
        ("color", "highlight with colour: auto, always, never", cxxopts::value<std::string>()->default_value("auto"), "WHEN");
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    return options;
}

QuotesSettings quotes_settings(const cxxopts::ParseResult& args) {
    QuotesSettings s;
    s.index = index_settings(args);
    searcher::QuoteRequest& req = s.request;
    req.speaker = read_query(args, req);
    req.limit = bounded_number(args, "limit", 1, kMaxLimit);
    req.offset = bounded_number(args, "offset", 0, kMaxLimit);
    if (req.query.empty() && req.speaker.empty())
        throw UsageError("give a query or --name (see `graf quotes --help`)");
    s.json = args.count("json") > 0;
    s.color = when_setting(args, "color");
    return s;
}

int run_quotes(const QuotesSettings& settings) {
    searcher::QuoteSearcher s(use_index(settings.index));
    warn_stale_shards(s.stale_shards());
    const searcher::QuoteResult r = s.search(settings.request);
    if (settings.json)
        print_json(r);
    else
        print_text(r, use_color(settings.color));
    return kOk;
}

}  // namespace graf::app
