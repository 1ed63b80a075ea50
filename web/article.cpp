#include "web/article.hpp"

#include <xapian.h>

#include <algorithm>

#include "analysis/name_kind.hpp"
#include "analysis/quotes.hpp"
#include "analysis/tokenizer.hpp"
#include "schema/record_codec.hpp"
#include "schema/schema.hpp"

namespace graf::web {

std::vector<Article> find_articles(const Xapian::Database& db, const std::string& id) {
    // The full id ("bbc:politics/001"), else the input's own id.
    std::string term = schema::article_term(id);
    const bool full = db.postlist_begin(term) != db.postlist_end(term);
    if (!full) term = std::string(schema::kLocalIdPrefix) + schema::article_key(id);
    std::vector<Article> found;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        Xapian::Document doc = db.get_document(*it);
        schema::ParagraphData data = schema::read_record(doc);
        std::string unique = data.id.empty() ? data.article : data.id;
        if ((full ? unique : data.article) != id) continue;  // a hashed long id shared by another
        auto a = std::find_if(found.begin(), found.end(),
                              [&](const Article& x) { return x.id == unique; });
        if (a == found.end())
            a = found.insert(found.end(), {std::move(unique),
                                           data.article,
                                           data.title,
                                           data.date,
                                           data.source,
                                           data.url,
                                           {},
                                           {}});
        if (a->location.empty()) a->location = std::move(data.location);  // paragraph 1 has it
        a->paragraphs.push_back(
            {data.paragraph, std::move(data.text), {}, doc.get_value(schema::kQuotesSlot)});
    }
    for (Article& a : found)
        std::sort(a.paragraphs.begin(), a.paragraphs.end(),
                  [](const ArticleParagraph& x, const ArticleParagraph& y) {
                      return x.number < y.number;
                  });
    return found;
}

void highlight_article(Article& article, const searcher::HighlightSpec& highlight,
                       analysis::Stemmer& stemmer) {
    std::vector<analysis::Token> tokens;
    for (ArticleParagraph& p : article.paragraphs) {
        analysis::tokenize(p.text, tokens);
        // Spans may overlap (a name inside a phrase); the page wants them disjoint.
        std::uint32_t end = 0;
        for (const searcher::MatchSpan& m : searcher::find_matches(tokens, highlight, stemmer)) {
            if (!p.highlights.empty() && m.begin < end) {
                end = std::max(end, m.end);
                p.highlights.back().second = end - p.highlights.back().first;
                continue;
            }
            p.highlights.emplace_back(m.begin, m.end - m.begin);
            end = m.end;
        }
    }
}

nlohmann::json article_json(const Article& a, unsigned chosen) {
    nlohmann::json paragraphs = nlohmann::json::array();
    for (const ArticleParagraph& p : a.paragraphs) {
        nlohmann::json spans = nlohmann::json::array();
        for (auto [begin, length] : p.highlights) spans.push_back({begin, length});
        paragraphs.push_back({{"paragraph", p.number},
                              {"text", p.text},
                              {"chosen", p.number == chosen},
                              {"quotes", quotes_json(p.quotes)},
                              {"highlights", spans}});
    }
    nlohmann::json j = {
        {"id", a.id},         {"article", a.article}, {"title", a.title},        {"date", a.date},
        {"source", a.source}, {"url", a.url},         {"paragraphs", paragraphs}};
    j["paragraph"] = chosen ? nlohmann::json(chosen) : nlohmann::json(nullptr);
    return j;
}

nlohmann::json quotes_json(std::string_view stored) {
    nlohmann::json out = nlohmann::json::array();
    for (const analysis::Quote& q : analysis::decode_quotes(stored))
        out.push_back(
            {{"begin", q.begin},
             {"end", q.end},
             {"speaker", q.speaker.empty() ? nlohmann::json() : nlohmann::json(q.speaker)},
             {"speaker_display", analysis::display_name(q.speaker)},
             {"pattern", analysis::pattern_name(q.pattern)},
             {"open", q.open},
             {"continues", q.continues}});
    return out;
}

}  // namespace graf::web
