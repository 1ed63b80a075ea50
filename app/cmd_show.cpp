// graf show [--db DIR] ARTICLE [--paragraph N] [--json]: one article whole.
#include <nlohmann/json.hpp>

#include "analysis/quotes.hpp"
#include "app/article_records.hpp"
#include "app/cli.hpp"
#include "app/option_bounds.hpp"
#include "schema/schema.hpp"
#include "searcher/open_index.hpp"
#include "searcher/quote_search.hpp"
#include "web/article.hpp"

namespace graf::app {
namespace {

using Quotes = std::vector<std::string>;

// A quotation's first and last words, for the line under its paragraph.
std::string brief(const std::string& text, const analysis::Quote& q) {
    std::string s = text.substr(q.begin, q.end - q.begin);
    if (s.size() <= 70) return s;
    std::size_t cut = 50;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "…";
}

void print_text(const std::vector<schema::ParagraphData>& ps, const Quotes& quotes,
                unsigned chosen) {
    const schema::ParagraphData& a = ps.front();
    fmt::print("{}\n", a.title.empty() ? "(no title)" : a.title);
    std::string meta = a.id;
    if (!a.date.empty()) meta += " · " + a.date;
    if (!a.source.empty()) meta += " · " + a.source;
    fmt::print("{}\n", meta);
    if (!a.location.empty()) fmt::print("from: {}\n", a.location);
    if (!a.url.empty()) fmt::print("url:  {}\n", a.url);
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const schema::ParagraphData& p = ps[i];
        fmt::print("\n{}¶{} {}\n", p.paragraph == chosen ? "▶ " : "", p.paragraph, p.text);
        // Each quotation and its speaker under the paragraph.
        for (const analysis::Quote& q : analysis::decode_quotes(quotes[i])) {
            if (q.end > p.text.size() || q.begin > q.end) continue;
            fmt::print("   ❝ {}{}{} — {}\n", q.continues ? "… " : "", brief(p.text, q),
                       q.open ? " …" : "",
                       q.speaker.empty() ? "(unattributed)"
                                         : fmt::format("{} ({})", searcher::display_name(q.speaker),
                                                       analysis::pattern_name(q.pattern)));
        }
    }
}

void print_json(const std::vector<schema::ParagraphData>& ps, const Quotes& quotes,
                unsigned chosen) {
    const schema::ParagraphData& a = ps.front();
    nlohmann::json paragraphs = nlohmann::json::array();
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const schema::ParagraphData& p = ps[i];
        paragraphs.push_back({{"paragraph", p.paragraph},
                              {"text", p.text},
                              {"chosen", p.paragraph == chosen},
                              {"quotes", web::quotes_json(quotes[i])}});
    }
    nlohmann::json j = {{"id", a.id},
                        {"article", a.article},
                        {"title", a.title},
                        {"date", a.date},
                        {"source", a.source},
                        {"url", a.url},
                        {"location", a.location},
                        {"paragraphs", paragraphs}};
    j["paragraph"] = chosen ? nlohmann::json(chosen) : nlohmann::json();
    fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

int run_show(int argc, char** argv) {
    cxxopts::Options options("graf show",
                             "One article: title, date, source, where it came from, and every "
                             "paragraph numbered.");
    add_db_option(options);
    // clang-format off
    options.add_options("Show")
        ("p,paragraph", "mark this paragraph (as graf search's ¶N)", cxxopts::value<std::string>(), "N")
        ("article", "the article's id, as graf search prints it", cxxopts::value<std::string>());
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    options.parse_positional({"article"});
    options.positional_help("ARTICLE");
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;
    if (!args.count("article")) {
        error("show: give an article id, as graf search prints it (see `graf show --help`)");
        return kUsage;
    }
    const unsigned chosen =
        args.count("paragraph")
            ? static_cast<unsigned>(bounded_number(args, "paragraph", 1, 1'000'000))
            : 0;
    try {
        searcher::OpenIndex index = searcher::open_index(db_option(args));
        warn_stale_shards(index.stale);
        Quotes quotes;
        std::vector<schema::ParagraphData> ps =
            find_article(index.all, args["article"].as<std::string>(), &quotes);
        if (chosen > ps.back().paragraph) {
            error("show: --paragraph {}: {} has {} paragraph{}", chosen, ps.front().id,
                  ps.back().paragraph, ps.back().paragraph == 1 ? "" : "s");
            return kUsage;
        }
        if (args.count("json"))
            print_json(ps, quotes, chosen);
        else
            print_text(ps, quotes, chosen);
    } catch (const searcher::IndexMissing& e) {
        error("{}", e.what());
        return kNothing;
    }
    return kOk;
}

}  // namespace graf::app
