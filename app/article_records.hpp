#pragma once
// An article's paragraphs read back from the index (their records), for
// `graf show` and `graf search --export --articles`.
#include <xapian.h>

#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace graf::app {

/// The article's paragraphs in order: by its full id, else by the id its
/// input gave it when exactly one article has that id. Throws
/// cxxopts::exceptions::exception (a usage error) naming the candidates, or
/// saying there is no such article.
/// `quotes`: when given, each paragraph's quotations as stored
/// (schema::kQuotesSlot, analysis::decode_quotes), in the same order.
std::vector<schema::ParagraphData> find_article(Xapian::Database& db, const std::string& id,
                                                std::vector<std::string>* quotes = nullptr);

}  // namespace graf::app
