// graf show [--db DIR] ARTICLE [--paragraph N] [--json]: one article whole.
#include <nlohmann/json.hpp>

#include <set>

#include "analysis/quotes.hpp"
#include "app/cmd_show.hpp"
#include "app/option_bounds.hpp"
#include "searcher/open_index.hpp"
#include "searcher/quote_search.hpp"
#include "web/article.hpp"

namespace graf::app {
namespace {

// A typo catcher: no article has a million paragraphs.
constexpr std::uint64_t kMaxParagraph = 1'000'000;

// A quotation's first and last words, for the line under its paragraph.
std::string brief(const std::string& text, const analysis::Quote& q) {
    std::string s = text.substr(q.begin, q.end - q.begin);
    if (s.size() <= 70) return s;
    std::size_t cut = 50;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "…";
}

void print_text(const web::Article& a, unsigned chosen) {
    fmt::print("{}\n", a.title.empty() ? "(no title)" : a.title);
    std::string meta = a.id;
    if (!a.date.empty()) meta += " · " + a.date;
    if (!a.source.empty()) meta += " · " + a.source;
    fmt::print("{}\n", meta);
    if (!a.location.empty()) fmt::print("from: {}\n", a.location);
    if (!a.url.empty()) fmt::print("url:  {}\n", a.url);
    for (const web::ArticleParagraph& p : a.paragraphs) {
        fmt::print("\n{}¶{} {}\n", p.number == chosen ? "▶ " : "", p.number, p.text);
        // Each quotation and its speaker under the paragraph.
        for (const analysis::Quote& q : analysis::decode_quotes(p.quotes)) {
            if (q.end > p.text.size() || q.begin > q.end) continue;
            fmt::print("   ❝ {}{}{} — {}\n", q.continues ? "… " : "", brief(p.text, q),
                       q.open ? " …" : "",
                       q.speaker.empty() ? "(unattributed)"
                                         : fmt::format("{} ({})", searcher::display_name(q.speaker),
                                                       analysis::pattern_name(q.pattern)));
        }
    }
}

void print_json(const web::Article& a, unsigned chosen) {
    nlohmann::json j = web::article_json(a, chosen);
    j["location"] = a.location;
    // A paragraph's highlights are a query's: show has none.
    for (nlohmann::json& p : j["paragraphs"]) p.erase("highlights");
    fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

cxxopts::Options show_options() {
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
    return options;
}

ShowSettings show_settings(const cxxopts::ParseResult& args) {
    ShowSettings s;
    s.index = index_settings(args);
    if (!args.count("article"))
        throw UsageError("give an article id, as graf search prints it (see `graf show --help`)");
    s.article = args["article"].as<std::string>();
    if (args.count("paragraph"))
        s.paragraph = static_cast<unsigned>(bounded_number(args, "paragraph", 1, kMaxParagraph));
    s.json = args.count("json") > 0;
    return s;
}

int run_show(const ShowSettings& settings) {
    searcher::OpenIndex index = searcher::open_index(use_index(settings.index));
    warn_stale_shards(index.stale);
    const std::vector<web::Article> found = web::find_articles(index.all, settings.article);
    if (found.empty())
        throw UsageError(
            fmt::format("no article '{}' in this index; give an id as graf search prints it "
                        "(SOURCE:ID, e.g. bbc:politics/001)",
                        settings.article));
    if (found.size() > 1) {
        std::set<std::string> sorted;
        for (const web::Article& a : found) sorted.insert(a.id);
        std::string ids;
        for (const std::string& id : sorted) ids += (ids.empty() ? "" : ", ") + id;
        throw UsageError(
            fmt::format("'{}' names {} articles from different sources: {}; give "
                        "one of them",
                        settings.article, found.size(), ids));
    }
    const web::Article& a = found.front();
    const unsigned last = a.paragraphs.back().number;
    if (settings.paragraph > last)
        throw UsageError(fmt::format("--paragraph {}: {} has {} paragraph{}", settings.paragraph,
                                     a.id, last, last == 1 ? "" : "s"));
    if (settings.json)
        print_json(a, settings.paragraph);
    else
        print_text(a, settings.paragraph);
    return kOk;
}

}  // namespace graf::app
