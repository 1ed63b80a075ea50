#pragma once
// A whole article read back from the index (`graf show`, GET
// /api/article/ID): every paragraph's display record, in order, optionally
// with a query's highlights.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "analysis/stemmer.hpp"
#include "searcher/highlight.hpp"

namespace Xapian {
class Database;
}

namespace graf::web {

struct ArticleParagraph {
    unsigned number = 0;  ///< from 1
    std::string text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> highlights;  ///< [byte, length]
    std::string quotes;  ///< its quotations as stored (schema::kQuotesSlot)
};

struct Article {
    std::string id;       ///< unique: SOURCE:ID (schema 6; older indexes: the input's id)
    std::string article;  ///< the id its input gave it
    std::string title, date, source, url;
    std::string location;                      ///< where it was read: a file, or feed:line
    std::vector<ArticleParagraph> paragraphs;  ///< in order
};

/// The articles `id` names, each with every paragraph in order: the one
/// whose full id (SOURCE:ID) it is, else each whose input gave it this id
/// (one per source that has it), in index order. Empty when none. The one
/// reader of whole articles: `graf show`, `graf search --export --articles`
/// and GET /api/article.
std::vector<Article> find_articles(const Xapian::Database& db, const std::string& id);

/// Marks in each paragraph the spans `highlight` matches, disjoint (a name
/// inside a phrase is one span).
void highlight_article(Article& article, const searcher::HighlightSpec& highlight,
                       analysis::Stemmer& stemmer);

/// `graf show --json`'s object without "location" (where the server read the
/// file is not the reader's business), each paragraph with its highlights.
/// `chosen`: the paragraph to show as the hit (0: none).
nlohmann::json article_json(const Article& a, unsigned chosen);

/// A paragraph's stored quotations (schema::kQuotesSlot) as `graf show --json`
/// and /api/article give them: [{"begin", "end", "speaker", "pattern", "open",
/// "continues"}], offsets into the paragraph's text.
nlohmann::json quotes_json(std::string_view stored);

}  // namespace graf::web
