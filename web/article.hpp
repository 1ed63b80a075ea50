#pragma once
// A whole article read back from the index (GET /api/article/ID): every
// paragraph's display record, in order, optionally with a query's highlights.
#include <xapian.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/stemmer.hpp"
#include "searcher/highlight.hpp"

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
    std::vector<ArticleParagraph> paragraphs;
};

/// nullopt when the index holds no article with this id. With `highlight`,
/// each paragraph gets the spans the query matches.
std::optional<Article> read_article(const Xapian::Database& db, const std::string& id,
                                    const searcher::HighlightSpec* highlight,
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
