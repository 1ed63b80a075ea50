#pragma once
// Writes BM25's length normalisation into an article document's wdf
// (schema 10, schema::article_wdf): the searcher then ranks articles with
// b = 0 and reads no document length. Normalising needs the mean article
// length, which a writer learns as it goes: the running mean of every
// article document its database has had, kept in the database's metadata
// (schema::kArticleLengthsKey) and committed with the documents.
#include <xapian.h>

#include "schema/schema.hpp"

namespace graf::indexer {

class ArticleNorms {
  public:
    explicit ArticleNorms(schema::ArticleLengths so_far) : lengths_(so_far) {}
    /// `article` with its wdf normalised by its length against the mean so
    /// far (this article included); its length joins the mean.
    Xapian::Document normalise(const Xapian::Document& article);
    const schema::ArticleLengths& lengths() const { return lengths_; }

  private:
    schema::ArticleLengths lengths_;
};

}  // namespace graf::indexer
