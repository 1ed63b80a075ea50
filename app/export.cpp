#include "app/export.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unordered_map>

#include "web/article.hpp"

namespace graf::app {
namespace {

// Hits fetched per search; each page is one search from its offset.
constexpr std::size_t kPage = 1000;
// Larger than any paragraph (corpus splits them at 64 KB): the snippet is the text.
constexpr std::size_t kWholeText = 1'000'000;

struct Row {
    const searcher::Hit& hit;
    std::string text;  ///< the paragraph, or the article's paragraphs joined by blank lines
    nlohmann::json paragraphs;  ///< articles: every paragraph's text
    std::string location;       ///< where the article was read (paragraph 1's record holds it)
};

// The hit's article, whole: its full id names exactly one.
web::Article article_of(const Xapian::Database& db, const searcher::Hit& hit) {
    std::vector<web::Article> found = web::find_articles(db, hit.id);
    if (found.empty())
        throw Error(kNothing, fmt::format("{} was deleted from the index during the export; run "
                                          "it again",
                                          hit.id));
    return std::move(found.front());
}

void write_jsonl(const Row& row, bool articles) {
    const searcher::Hit& h = row.hit;
    nlohmann::json j = {{"id", h.id},
                        {"article", h.article},
                        {"title", h.title},
                        {"date", h.date},
                        {"source", h.source},
                        {"url", h.url},
                        {"location", row.location},
                        {"score", h.score}};
    if (articles) {
        j["best_paragraph"] = h.paragraph;
        j["matching_paragraphs"] = h.matching_paragraphs;
        j["paragraphs"] = row.paragraphs;
    } else {
        j["paragraph"] = h.paragraph;
        j["text"] = row.text;
    }
    fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void write_csv(const Row& row) {
    const searcher::Hit& h = row.hit;
    const std::string number = std::to_string(h.paragraph);
    std::string line;
    for (const std::string* f : {&h.id, &h.article, &number, &h.title, &h.date, &h.source, &h.url,
                                 &row.location, &row.text}) {
        if (!line.empty()) line += ',';
        line += csv_field(*f);
    }
    fmt::print("{}\r\n", line);
}

}  // namespace

std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::size_t export_results(searcher::Searcher& searcher, searcher::SearchRequest request,
                           ExportFormat format, std::size_t max) {
    const bool articles = !request.paragraphs;
    request.snippets = true;
    request.snippet_chars = kWholeText;
    request.suggest = false;
    if (format == ExportFormat::Csv)
        fmt::print("id,article,{},title,date,source,url,location,text\r\n",
                   articles ? "best_paragraph" : "paragraph");
    std::size_t written = 0;
    std::unordered_map<std::string, std::string> locations;  // by id, for paragraph rows
    for (request.offset = 0;; request.offset += kPage) {
        request.limit = max ? std::min(kPage, max - written) : kPage;
        searcher::SearchResult page = searcher.search(request);
        for (const searcher::Hit& h : page.hits) {
            Row row{h, {}, nlohmann::json::array(), {}};
            if (articles) {
                const web::Article a = article_of(searcher.database(), h);
                row.location = a.location;
                for (const web::ArticleParagraph& p : a.paragraphs) {
                    row.text += (row.text.empty() ? "" : "\n\n") + p.text;
                    row.paragraphs.push_back(p.text);
                }
            } else {
                row.text = h.snippet.text;
                auto [it, fresh] = locations.try_emplace(h.id);
                if (fresh) it->second = article_of(searcher.database(), h).location;
                row.location = it->second;
            }
            format == ExportFormat::Csv ? write_csv(row) : write_jsonl(row, articles);
        }
        written += page.hits.size();
        std::fflush(stdout);  // streamed: a reader sees each page as it comes
        if (page.hits.size() < request.limit || (max && written >= max)) return written;
    }
}

}  // namespace graf::app
