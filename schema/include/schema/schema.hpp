#pragma once
// The index schema: the one definition of what indexer writes and searcher
// reads. One Xapian document per paragraph. ARCHITECTURE.md documents it.
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace graf::schema {

/// Bumped when the schema changes; every article is re-indexed then.
inline constexpr std::string_view kVersion = "12";

// Term prefixes (Xapian convention: single capitals; X for multi-letter).
inline constexpr std::string_view kArticlePrefix =
    "XA";                                              ///< boolean: every paragraph of an article
// "S" + a title word was on every paragraph until schema 11; titles are the
// article documents' alone (kArticleTitlePrefix).
inline constexpr std::string_view kNamePrefix = "XN";  ///< XNsteve bannon: a person or organisation
inline constexpr std::string_view kPairPrefix =
    "XP";  ///< XPjames baker: adjacent words, one capitalised
/// Corpus-level name resolution (schema 7): `XFbaker james baker` for every
/// mention of a person, by surname, so a query can see who else a surname
/// names; `XUreagan` for "President Reagan" and `XVreagan` for a bare
/// "Reagan" in an article that named no one of that surname in full.
inline constexpr std::string_view kSurnamePrefix = "XF";
inline constexpr std::string_view kTitledSurnamePrefix = "XU";
inline constexpr std::string_view kBareSurnamePrefix = "XV";
/// `XIdempsey g` for "G Dempsey" in an article that named no Dempsey of
/// that initial (team sheets), so the corpus can tell which Dempsey.
inline constexpr std::string_view kInitialSurnamePrefix = "XI";
/// `XRfox dr liam fox`: a rank written with a person ("Dr Liam Fox", or
/// "Dr Fox" in an article that named Liam Fox), so `--name "Dr Fox"` finds
/// Liam Fox and `--name "Liam Fox"` the articles that say only "Dr Fox".
inline constexpr std::string_view kRankPrefix = "XR";
/// `XWlabour`: the paragraph writes the word with a capital or in capitals
/// (schema 11; not a function word, not a paragraph in capitals or without
/// any), so `graf names` can tell a one-word organisation ("Labour", "BBC")
/// from a common word and count the paragraphs that name it.
inline constexpr std::string_view kCapitalisedPrefix = "XW";
inline constexpr std::string_view kSourcePrefix = "XSRC";  ///< boolean: folded source label
// "D" + YYYYMMDD was a boolean date term until schema 9, read by nothing: the
// date is kDateSlot alone.
/// Article documents (one per article, beside its paragraphs): every body
/// word as `A<word>` and every title word as `AS<word>`, wdf = occurrences,
/// no positions, so an article is ranked as a whole, its title as a field of
/// its own. They share no term or value with paragraphs that a paragraph
/// query or filter matches (their own id term, date slot and marker), so
/// only a bare "everything" needs all_paragraphs().
inline constexpr std::string_view kArticleWordPrefix = "A";
inline constexpr std::string_view kArticleTitlePrefix = "AS";
/// ANsteve bannon: a name the article's paragraphs mention (schema 7), wdf =
/// mentions, surname-only ones resolved: `--name` ranks articles by it.
inline constexpr std::string_view kArticleNamePrefix = "AN";
/// boolean, article documents (schema 7): AXSRC + the folded source label,
/// so `source:` alone counts articles exactly (a paragraph filter never
/// meets it: XSRC there would make article documents paragraph hits).
inline constexpr std::string_view kArticleSourcePrefix = "AXSRC";
inline constexpr std::string_view kArticleDocPrefix = "XB";  ///< boolean: XB + article key
/// boolean, article documents (schema 7): XH + text_hash, the articles
/// with the same title and text.
inline constexpr std::string_view kTextHashPrefix = "XH";
/// Boolean, on every article document: counts them, and excludes them from MatchAll.
inline constexpr std::string_view kArticleDocMarker = "XKarticle";
/// boolean: the id the input gives the article (schema 6), so `article:`
/// finds it by that id too; XA holds the full id ("SOURCE:ID").
inline constexpr std::string_view kLocalIdPrefix = "XL";
/// Quotations (schema 7, analysis/quotes.hpp): a word inside a quotation,
/// with the paragraph's positions (said:"good authority"); the word after
/// the prefix is folded lower case, so XQS terms never collide with these.
inline constexpr std::string_view kQuotePrefix = "XQ";
/// XQSelon musk: the speaker of a quotation in the paragraph; wdf = quotes.
inline constexpr std::string_view kSpeakerPrefix = "XQS";
/// Boolean, on every paragraph that holds a quotation (graf quotes' universe).
inline constexpr std::string_view kQuoteMarker = "XKquote";

// Value slots.
inline constexpr Xapian::valueno kArticleSlot = 0;  ///< article id: the collapse key
inline constexpr Xapian::valueno kDateSlot = 1;     ///< YYYYMMDD, sorts as a string
// Slot 2 held the paragraph number until schema 5 (it is in the record).
/// The paragraph's display record (encode below). A value, not the document
/// data: Xapian deflates document data, and inflating ten records was 15-24%
/// of a name query's time; values are stored as they are. Since schema 11
/// the record is compressed with the index's own dictionary
/// (record_codec.hpp: read it with read_record).
inline constexpr Xapian::valueno kRecordSlot = 3;
/// Article documents: the hash of the article's title and text (text_hash)
/// and, since schema 8, its paragraph count: "HASH COUNT"
/// (article_collapse_value). The article ranking collapses on it, so
/// identical articles under other ids show once (their counts are alike
/// too), and reads each hit's paragraph count from the collapse key with no
/// value read of its own. The hash is also the boolean term kTextHashPrefix,
/// to list the others.
inline constexpr Xapian::valueno kTextHashSlot = 4;
/// Article documents' date (YYYYMMDD):
/// --since/--until on the article ranking, never met by a paragraph filter.
inline constexpr Xapian::valueno kArticleDateSlot = 5;
/// The paragraph's quotations (schema 7): one line each, "BEGIN END PATTERN
/// FLAGS SPEAKER" (analysis::encode_quotes), byte offsets into the record's
/// text, so graf quotes cuts a quote out of the record it reads anyway.
inline constexpr Xapian::valueno kQuotesSlot = 6;
/// Article documents of schema 7 only: how many paragraphs the article has,
/// in decimal (schema 8 keeps the count in kTextHashSlot). They are the
/// documents just before it (searcher/docid_list.hpp).
inline constexpr Xapian::valueno kArticleParagraphsSlot = 7;

// Metadata keys.
inline constexpr std::string_view kVersionKey = "graf:schema";
inline constexpr std::string_view kHashKeyPrefix = "graf:hash:";  ///< + article key → content hash
/// + stem (Snowball English) → every indexed word with that stem, space-separated.
/// A lower-case query word expands to these variants at search time, which
/// keeps stems out of the postings (half the terms per paragraph). Metadata,
/// not Xapian's synonym table, because Xapian 1.4's remote protocol serves
/// metadata but no synonyms; each shard holds the variants of its own words.
inline constexpr std::string_view kStemKeyPrefix = "graf:stem:";
/// + source name → the absolute paths (folders, feed files) it was read
/// from, one per line: a second input that merely shares the name must not
/// replace its articles (indexer/source_roots.hpp). Not a schema change: an
/// index without these keys learns them on its next run.
inline constexpr std::string_view kSourceRootKeyPrefix = "graf:source-root:";

/// Schema 10: the article documents' word, title and name terms carry
/// BM25's length normalisation in their wdf (see article_wdf), so the
/// article ranking runs with b = 0 and reads no document length: the
/// lengths were scattered block reads, 13-18% of a name or word search's.
/// This key keeps what the normalisation divides by: "ARTICLES WORDS",
/// the first articles written to the index (up to
/// indexer::kLengthSampleArticles) and their summed lengths before
/// normalising; the same in every shard (indexer/article_norms.hpp).
inline constexpr std::string_view kArticleLengthsKey = "graf:article-lengths";
struct ArticleLengths {
    double articles = 0;
    double words = 0;
    double mean() const { return articles > 0 ? words / articles : 0; }
};
ArticleLengths parse_article_lengths(std::string_view value);
std::string format_article_lengths(const ArticleLengths& lengths);
/// BM25's b for article documents, written into their wdf since schema 10
/// (searcher/article_ranking.cpp says how it was chosen).
inline constexpr double kArticleLengthB = 0.4;
/// The normalised wdf is scaled by this before rounding, so rounding moves
/// a weight by a few percent at most; the ranking's k1 is scaled alike.
inline constexpr double kArticleWdfScale = 16;
/// A term's wdf in an article document of `length` (its summed wdf before
/// normalising) where articles are `mean` long: wdf / ((1 - b) + b length /
/// mean), times kArticleWdfScale, rounded, at least 1. BM25's saturation of
/// that value with k1 * kArticleWdfScale and b = 0 ranks as BM25 (k1, b)
/// of the plain wdf: BM25 is a saturation of the length-normalised wdf.
Xapian::termcount article_wdf(Xapian::termcount wdf, double length, double mean,
                              double b = kArticleLengthB);
/// b for the name mentions (AN): a per-field b, as BM25F has
/// (searcher/article_ranking.cpp says how both were chosen).
inline constexpr double kArticleNameLengthB = 0.3;

/// Xapian terms are at most 245 bytes: ids longer than this are hashed.
inline constexpr std::size_t kMaxIdBytes = 160;

/// Every paragraph document: Xapian's MatchAll less the article documents
/// (for a query of exclusions only, "-word").
inline Xapian::Query all_paragraphs() {
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                         Xapian::Query(std::string(kArticleDocMarker)));
}
/// An article's id in the index (since schema 6): its source name, ':', and
/// the id its input gives it ("bbc:politics/001", "reuters21578:17"). Unique
/// across inputs; schema 5 used the input's id alone.
std::string full_id(std::string_view source_name, std::string_view input_id);
/// The source name part of a key made from a full id (empty if none).
std::string_view source_of_key(std::string_view key);

/// The article id as used inside terms and metadata keys.
std::string article_key(std::string_view article_id);
std::string article_term(std::string_view article_id);
/// The term of an article's article document (deleted with its paragraphs).
std::string article_doc_term(std::string_view article_id);
/// The `article:` filter: an article by its full id, or every article whose
/// input gave it this id (any source; an index of schema 5 keyed by it).
Xapian::Query article_filter(std::string_view id);
std::string hash_key(std::string_view article_id);
std::string stem_key(std::string_view stem);
/// Adds `word` to a space-separated variant list unless it is there already;
/// returns whether it was added.
bool add_variant(std::string& variants, std::string_view word);
/// Calls `visit` for each word of a space-separated variant list.
template <typename Visit>
void for_each_variant(std::string_view variants, Visit&& visit) {
    while (!variants.empty()) {
        const std::size_t end = std::min(variants.find(' '), variants.size());
        if (end) visit(variants.substr(0, end));
        variants.remove_prefix(std::min(end + 1, variants.size()));
    }
}
/// 16 hex digits of the title and paragraphs alone (not the id, date or
/// source): byte-identical stories under other ids share it.
std::string text_hash(std::string_view title, const std::vector<std::string>& paragraphs);
/// An article document's kTextHashSlot value: "HASH COUNT".
std::string article_collapse_value(std::string_view hash, std::size_t paragraphs);
/// The parts of a kTextHashSlot value; `paragraphs` is 0 in a schema 7 value
/// (the hash alone).
struct ArticleCollapse {
    std::string_view hash;
    unsigned paragraphs = 0;
};
ArticleCollapse parse_article_collapse(std::string_view value);
/// "2025-01-27" → "20250127".
std::string date_value(std::string_view ymd);

/// 64-bit FNV-1a: stable across builds and machines, unlike std::hash.
std::uint64_t fnv1a(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ULL);

/// What the searcher needs to show a hit without reopening the corpus.
struct ParagraphData {
    std::string article;  ///< the id its input gives it (JSON "id", .txt path)
    std::string title;
    std::string date;  ///< YYYY-MM-DD or empty
    std::string source;
    std::string url;
    unsigned paragraph = 0;  ///< from 1
    std::string text;        ///< the original paragraph text
    std::string id;          ///< full_id (schema 6); decode gives `article` for older records
    std::string location;    ///< where it was read: absolute file, or feed:line (schema 6;
                             ///< in paragraph 1's record only)
};

/// The record stored in kRecordSlot: the fields one per line, in the order
/// of ParagraphData (newlines in a field become spaces), without labels —
/// labels would cost 4.8 MB on Reuters. Stored as it is until schema 10
/// (readable with `xapian-delve -V3`), compressed since (record_codec.hpp).
/// Schema 6 appended `id` and `location` after the text,
/// so schema 5 records decode with the same code.
std::string encode(const ParagraphData& data);
ParagraphData decode(std::string_view record);
/// Schema 4 and older kept `key=value` lines in the document data.
ParagraphData decode_legacy(std::string_view data);

}  // namespace graf::schema
