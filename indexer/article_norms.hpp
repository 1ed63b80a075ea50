#pragma once
// Writes BM25's length normalisation into an article document's wdf
// (schema 10, schema::article_wdf): the searcher then ranks articles with
// b = 0 and reads no document length. The mean length it divides by is the
// index's: measured on the first kLengthSampleArticles articles written to
// it (WriterSet holds articles back until it has them, or the input ends),
// kept in metadata (schema::kArticleLengthsKey) and the same in every shard,
// so one database, a sharded index and a parallel build rank alike.
#include <xapian.h>

#include <cstddef>

namespace graf::indexer {

/// Articles whose lengths fix the mean of a new index.
inline constexpr std::size_t kLengthSampleArticles = 1000;

/// The length Xapian would store for `article`: its summed wdf (boolean
/// terms, markers and keys, count nothing).
double article_length(const Xapian::Document& article);

/// `article` with the wdf of its terms normalised by its length against
/// `mean` (schema::article_wdf); boolean terms and values as they were.
Xapian::Document normalised_article(const Xapian::Document& article, double mean);

}  // namespace graf::indexer
