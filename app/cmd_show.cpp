// graf show [--db DIR] ARTICLE [--paragraph N] [--json]: one article whole.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "app/cli.hpp"
#include "app/option_bounds.hpp"
#include "schema/schema.hpp"
#include "searcher/open_index.hpp"

namespace graf::app {
namespace {

// The paragraphs of the documents matching `term`, by article key.
std::vector<std::pair<std::string, schema::ParagraphData>> records(Xapian::Database& db,
                                                                   const std::string& term) {
    std::vector<std::pair<std::string, schema::ParagraphData>> out;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        Xapian::Document doc = db.get_document(*it);
        const std::string record = doc.get_value(schema::kRecordSlot);
        out.emplace_back(
            doc.get_value(schema::kArticleSlot),
            record.empty() ? schema::decode_legacy(doc.get_data()) : schema::decode(record));
    }
    return out;
}

// The article's paragraphs in order: by its full id, else by the id its
// input gave it when exactly one article has that id. Throws
// cxxopts::exceptions::exception (a usage error) naming the candidates.
std::vector<schema::ParagraphData> find_article(Xapian::Database& db, const std::string& id) {
    auto found = records(db, schema::article_term(id));
    if (found.empty())
        found = records(db, std::string(schema::kLocalIdPrefix) + schema::article_key(id));
    std::set<std::string> keys;
    for (const auto& [key, data] : found) keys.insert(key);
    if (keys.empty())
        throw cxxopts::exceptions::exception(
            fmt::format("show: no article '{}' in this index; give an id as graf search prints it "
                        "(SOURCE:ID, e.g. bbc:politics/001)",
                        id));
    if (keys.size() > 1) {
        std::set<std::string> ids;
        for (const auto& [key, data] : found) ids.insert(data.id);
        std::string list;
        for (const std::string& i : ids) list += (list.empty() ? "" : ", ") + i;
        throw cxxopts::exceptions::exception(
            fmt::format("show: '{}' names {} articles from different sources: {}; give one of them",
                        id, keys.size(), list));
    }
    std::vector<schema::ParagraphData> out;
    for (auto& [key, data] : found) out.push_back(std::move(data));
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.paragraph < b.paragraph; });
    return out;
}

void print_text(const std::vector<schema::ParagraphData>& ps, unsigned chosen) {
    const schema::ParagraphData& a = ps.front();
    fmt::print("{}\n", a.title.empty() ? "(no title)" : a.title);
    std::string meta = a.id;
    if (!a.date.empty()) meta += " · " + a.date;
    if (!a.source.empty()) meta += " · " + a.source;
    fmt::print("{}\n", meta);
    if (!a.location.empty()) fmt::print("from: {}\n", a.location);
    if (!a.url.empty()) fmt::print("url:  {}\n", a.url);
    for (const schema::ParagraphData& p : ps)
        fmt::print("\n{}¶{} {}\n", p.paragraph == chosen ? "▶ " : "", p.paragraph, p.text);
}

void print_json(const std::vector<schema::ParagraphData>& ps, unsigned chosen) {
    const schema::ParagraphData& a = ps.front();
    nlohmann::json paragraphs = nlohmann::json::array();
    for (const schema::ParagraphData& p : ps)
        paragraphs.push_back(
            {{"paragraph", p.paragraph}, {"text", p.text}, {"chosen", p.paragraph == chosen}});
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
        std::vector<schema::ParagraphData> ps =
            find_article(index.all, args["article"].as<std::string>());
        if (chosen > ps.back().paragraph) {
            error("show: --paragraph {}: {} has {} paragraph{}", chosen, ps.front().id,
                  ps.back().paragraph, ps.back().paragraph == 1 ? "" : "s");
            return kUsage;
        }
        if (args.count("json"))
            print_json(ps, chosen);
        else
            print_text(ps, chosen);
    } catch (const searcher::IndexMissing& e) {
        error("{}", e.what());
        return kNothing;
    }
    return kOk;
}

}  // namespace graf::app
