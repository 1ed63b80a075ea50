#include "indexer/article_analyzer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/fold.hpp"
#include "analysis/name_words.hpp"
#include "analysis/names.hpp"
#include "analysis/stopwords.hpp"
#include "analysis/tokenizer.hpp"
#include "indexer/shards.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {

std::string content_hash(const corpus::Article& a) {
    std::uint64_t h = schema::fnv1a(schema::kVersion);
    // A separator byte that cannot occur in text keeps fields from running together.
    for (const std::string* field :
         {&a.source_name, &a.id, &a.title, &a.date, &a.source, &a.url, &a.location})
        h = schema::fnv1a(*field + '\x1f', h);
    for (const std::string& p : a.paragraphs) h = schema::fnv1a(p + '\x1e', h);
    return fmt::format("{:016x}:{}", h, a.paragraphs.size());
}

void store_records(AnalyzedArticle& a, const schema::RecordCompressor* records) {
    if (a.records_stored) return;
    for (Xapian::Document& doc : a.paragraphs) {
        std::string record = doc.get_value(schema::kRecordSlot);
        if (record.empty()) continue;
        doc.add_value(schema::kRecordSlot, records
                                               ? records->compress(record)
                                               : schema::plain_stored_record(std::move(record)));
    }
    a.records_stored = true;
}

ArticleAnalyzer::ArticleAnalyzer(std::size_t shards)
    : known_words_(std::max<std::size_t>(1, shards)) {}

// The paragraph's words, positions from 1 (Xapian's TermGenerator
// convention). Stopwords count (wdf, length) but keep no positions (schema
// 12): they were 28% of the position lists' entries, 8.7 MB of Reuters'
// 127.7 MB index, for phrases like "Bank of England", which the searcher
// now finds by their other words' positions and checks against the text
// (searcher/phrase_check.hpp). They still hold their place: the words
// around them keep the positions they had.
void ArticleAnalyzer::add_body_words(Xapian::Document& doc,
                                     const std::vector<analysis::Token>& tokens) {
    for (const analysis::Token& t : tokens) {
        if (analysis::is_stopword(t.term))
            doc.add_term(t.term);
        else
            doc.add_posting(t.term, t.position + 1);
    }
}

void ArticleAnalyzer::note_variants(const std::vector<analysis::Token>& tokens,
                                    AnalyzedArticle& out) {
    std::unordered_set<std::string>& known = known_words_[out.shard];
    for (const analysis::Token& t : tokens) {
        if (!analysis::is_stemmable(t.term) || !known.insert(t.term).second) continue;
        out.new_variants.emplace_back(stemmer_(t.term), t.term);
    }
}

namespace {

// One past a wire dateline's last token ("NEW YORK, March 3 -", "BRENTWOOD,
// Tenn., March 2 -"): words in capitals that start the paragraph, then
// punctuation, then up to the day's number; else 0.
std::size_t dateline_end(const std::vector<analysis::Token>& tokens) {
    std::size_t i = 0;
    while (i < tokens.size() &&
           (tokens[i].has(analysis::kAllCaps) || tokens[i].has(analysis::kAlias)))
        ++i;
    if (i == 0 || i == tokens.size() || !tokens[i].has(analysis::kRunBreak)) return 0;
    for (std::size_t j = i; j < tokens.size() && j < i + 6; ++j)
        if (tokens[j].has(analysis::kNumeric)) return j + 1;
    return i;
}

bool joined_by_space(std::string_view text, const analysis::Token& a, const analysis::Token& b) {
    for (std::uint32_t i = a.end; i < b.begin && i < text.size(); ++i)
        if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') return true;
    return false;
}

}  // namespace

// Adjacent words that could be two words of a name ("james baker", "bank
// of", "de gaulle", "jong il"), as single terms: a --name search finds a full
// name the name finder did not tag with term lookups instead of a positional
// phrase check, which costs a position read per candidate paragraph (half the
// time of a name query, measured with graf bench). One word must be
// capitalised; the other too, unless it is a name particle, a function word
// ("Holmes a Court", "Bank of Japan") or joined to it without a space
// ("Kim Jong-il"). A pair with any other lower-case word ("baker said") is
// never part of a name: leaving those out makes the index 8% smaller.
void ArticleAnalyzer::add_name_pairs(Xapian::Document& doc, std::string_view text,
                                     const std::vector<analysis::Token>& tokens) {
    const analysis::Token* prev = nullptr;
    bool prev_upper = false;
    // In a paragraph written without capitals every word may be a name's.
    // Those pairs are added with wdf 0: found by lookup, but not counted in
    // the paragraph's length. Counted, they nearly doubled the length of
    // every paragraph of an all-lower-case archive, and the mean length the
    // article ranking normalises by (article_weight) with it: MED MAP
    // 0.5493 -> 0.5452, CRAN 0.3270 -> 0.3232, NPL 0.2993 -> 0.2968.
    const bool caseless = analysis::written_without_capitals(tokens);
    auto joined = [&](const analysis::Token& a, const analysis::Token& b) {
        for (std::uint32_t i = a.end; i < b.begin && i < text.size(); ++i)
            if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') return false;
        return true;
    };
    // `XW`: the words written with a capital, unless no word of the
    // paragraph is in lower case (a heading or table in capitals: every word
    // would be) or none is capitalised (nothing tells).
    bool lower_word = false;
    for (const analysis::Token& t : tokens)
        lower_word = lower_word || (!t.has(analysis::kCapitalised) && !t.has(analysis::kAllCaps) &&
                                    !t.has(analysis::kNumeric) && !t.has(analysis::kAlias));
    const std::size_t body = dateline_end(tokens);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const analysis::Token& t = tokens[i];
        if (t.has(analysis::kAlias)) continue;
        // Not a part of a code or a compound ("<CKGH.HK>", "BankAmerica"):
        // joined to the word before without a space.
        const bool glued = prev && !joined_by_space(text, *prev, t);
        if (lower_word && !caseless && i >= body && !glued &&
            (t.has(analysis::kCapitalised) || t.has(analysis::kAllCaps)))
            add_capitalised(doc, t);
        const bool upper =
            t.has(analysis::kCapitalised) || t.has(analysis::kAllCaps) ||
            (caseless && !analysis::is_stopword(t.term) && !t.has(analysis::kNumeric));
        if (prev && (upper || prev_upper) && prev->term.size() + t.term.size() < 200) {
            const std::string& lower = upper ? prev->term : t.term;
            // Across punctuation too, as a phrase would: "(Alan) Greenspan".
            if ((upper && prev_upper) || analysis::is_particle(lower) ||
                analysis::is_stopword(lower) || joined(*prev, t)) {
                term_.assign(schema::kPairPrefix);
                term_ += prev->term;
                term_ += ' ';
                term_ += t.term;
                doc.add_term(term_, caseless ? 0 : 1);
            }
        }
        prev = &t;
        prev_upper = upper;
    }
}

// `XWbbc`: a word the paragraph writes capitalised or in capitals, for
// `graf names`' one-word organisations. Function words and the words that
// only start sentences ("The", "Analysts") are left out: they are most of
// the capitals and never an organisation.
void ArticleAnalyzer::add_capitalised(Xapian::Document& doc, const analysis::Token& t) {
    if (t.term.size() < 2 || t.term.size() > 60 || t.has(analysis::kNumeric) ||
        analysis::is_never_name(t.term) ||
        (t.has(analysis::kSentenceStart) && analysis::is_sentence_starter(t.term)))
        return;
    term_.assign(schema::kCapitalisedPrefix);
    term_ += t.term;
    doc.add_term(term_, 0);
}

// Quotations: their words again under XQ, without positions (schema 12:
// said:"a b" finds the phrase by the body's positions and checks that it
// lies inside a quotation, searcher/phrase_check.hpp), each speaker as an
// XQS term, and the spans in a value slot for graf quotes and graf show.
// Only paragraphs with quotations pay anything.
void ArticleAnalyzer::add_quotes(Xapian::Document& doc, std::string_view text) {
    found_quotes_.clear();
    quotes_.find(text, tokens_, mentions_, found_quotes_);
    if (found_quotes_.empty()) return;
    std::size_t t = 0;
    for (const analysis::Quote& q : found_quotes_) {
        while (t < tokens_.size() && tokens_[t].begin < q.begin) ++t;
        for (; t < tokens_.size() && tokens_[t].end <= q.end; ++t) {
            term_.assign(schema::kQuotePrefix);
            term_ += tokens_[t].term;
            doc.add_term(term_);
        }
        if (q.speaker.empty()) continue;
        term_.assign(schema::kSpeakerPrefix);
        term_ += q.speaker;
        doc.add_term(term_);
    }
    doc.add_boolean_term(std::string(schema::kQuoteMarker));
    doc.add_value(schema::kQuotesSlot, analysis::encode_quotes(found_quotes_));
}

// `XFbaker james baker`: who a surname names, for corpus-level resolution
// (searcher/name_corpus.cpp). Names of one word have no surname to share.
void ArticleAnalyzer::add_surname_terms(Xapian::Document& doc, const std::string& name) {
    const std::size_t space = name.rfind(' ');
    if (space == std::string::npos || analysis::is_org_word(name.substr(space + 1))) return;
    term_.assign(schema::kSurnamePrefix);
    term_.append(name, space + 1);
    term_ += ' ';
    term_ += name;
    if (term_.size() < 240) doc.add_term(term_);
}

// A name the paragraph mentions: `XN` on it, `AN` on the article, the
// surname links, and `XRfox dr liam fox` when a rank came with it.
void ArticleAnalyzer::add_mention(Xapian::Document& doc, Xapian::Document& article,
                                  const analysis::NameMention& m) {
    term_.assign(schema::kNamePrefix);
    term_ += m.name;
    doc.add_term(term_);
    add_article_word(article, schema::kArticleNamePrefix, m.name);
    add_surname_terms(doc, m.name);
    if (m.rank.empty()) return;
    term_.assign(schema::kRankPrefix);
    term_.append(m.name, m.name.rfind(' ') + 1);
    term_ += ' ';
    term_ += m.rank;
    term_ += ' ';
    term_ += m.name;
    if (term_.size() < 240) doc.add_term(term_);
}

// A surname the article never introduced: `XU`/`XV`, and `XI` with an initial.
void ArticleAnalyzer::add_unresolved(Xapian::Document& doc, const analysis::UnresolvedMention& u) {
    if (u.initial != 0) {
        term_.assign(schema::kInitialSurnamePrefix);
        term_ += u.surname;
        term_ += ' ';
        term_ += u.initial;
    } else {
        term_.assign(u.titled ? schema::kTitledSurnamePrefix : schema::kBareSurnamePrefix);
        term_ += u.surname;
    }
    if (term_.size() < 240) doc.add_term(term_);
}

void ArticleAnalyzer::add_article_word(Xapian::Document& doc, std::string_view prefix,
                                       const std::string& word) {
    term_.assign(prefix);
    term_ += word;
    doc.add_term(term_);
}

AnalyzedArticle ArticleAnalyzer::analyze(const corpus::Article& article, ArticleChange change) {
    AnalyzedArticle out;
    out.id = schema::full_id(article.source_name, article.id);
    out.change = std::move(change);
    out.bytes = article.bytes;
    out.paragraphs.reserve(article.paragraphs.size());
    const std::string& key = out.change.key;
    const std::string local_key = schema::article_key(article.id);
    out.shard = shard_of(local_key, known_words_.size());

    analysis::tokenize(article.title, title_tokens_);
    note_variants(title_tokens_, out);
    names_.reset();
    quotes_.reset();
    const std::string date = schema::date_value(article.date);
    // `source:` matches the label alone (the source name when the input has
    // none): a second term for a feed's source name cost Reuters 0.7 MB.
    const std::string source = analysis::fold(article.source);
    schema::ParagraphData data{
        article.id, article.title, article.date,    article.source, article.url, 0,
        {},         out.id,        article.location};

    out.article = Xapian::Document();
    out.article.add_boolean_term(std::string(schema::kArticleDocMarker));
    out.article.add_boolean_term(std::string(schema::kArticleDocPrefix) + key);
    out.article.add_value(schema::kArticleSlot, key);
    if (!date.empty()) out.article.add_value(schema::kArticleDateSlot, date);
    if (!source.empty())
        out.article.add_boolean_term(std::string(schema::kArticleSourcePrefix) + source);
    const std::string text = schema::text_hash(article.title, article.paragraphs);
    out.article.add_value(schema::kTextHashSlot,
                          schema::article_collapse_value(text, article.paragraphs.size()));
    out.article.add_boolean_term(std::string(schema::kTextHashPrefix) + text);
    // A title word is a word of the article too: it counts in the body
    // field (A) as well as in its own (AS), so body and title saturate
    // together where a title repeats the text (BM25F with weight 1, written
    // into the wdf). On `make eval`: CRAN MAP 0.305 -> 0.318, CISI 0.219 ->
    // 0.228, Reuters topics 0.549 -> 0.552 (with the title field at 0.25).
    for (const analysis::Token& t : title_tokens_) {
        add_article_word(out.article, schema::kArticleTitlePrefix, t.term);
        add_article_word(out.article, schema::kArticleWordPrefix, t.term);
    }

    for (std::size_t i = 0; i < article.paragraphs.size(); ++i) {
        const unsigned number = static_cast<unsigned>(i + 1);
        const std::string& text = article.paragraphs[i];
        Xapian::Document doc;
        doc.add_boolean_term(std::string(schema::kArticlePrefix) + key);
        doc.add_value(schema::kArticleSlot, key);
        doc.add_boolean_term(std::string(schema::kLocalIdPrefix) + local_key);
        // The date is a value alone: `date:` ranges, sorting and timelines read
        // the slot; a D<date> term nothing read cost Reuters 1.4 MB (schema 9).
        if (!date.empty()) doc.add_value(schema::kDateSlot, date);
        if (!source.empty()) doc.add_boolean_term(std::string(schema::kSourcePrefix) + source);

        analysis::tokenize(text, tokens_);
        add_body_words(doc, tokens_);
        note_variants(tokens_, out);
        add_name_pairs(doc, text, tokens_);
        // No title words (S) on paragraphs since schema 12: the article
        // document has them (AS), for the article ranking and title:.

        // Names: wdf counts mentions, so a paragraph about a person outranks
        // one that names them in passing.
        mentions_.clear();
        names_.find(tokens_, mentions_);
        for (const analysis::NameMention& m : mentions_) add_mention(doc, out.article, m);
        add_quotes(doc, text);

        for (const analysis::Token& t : tokens_)
            add_article_word(out.article, schema::kArticleWordPrefix, t.term);

        data.paragraph = number;
        data.text = text;
        doc.add_value(schema::kRecordSlot, schema::encode(data));
        // Where the article was read is the same for every paragraph: the
        // first one's record alone keeps it (on every record it cost
        // Reuters 4.7 MB, 4% of the index).
        data.location.clear();
        out.paragraphs.push_back(std::move(doc));
    }
    // Surnames written before their person's full name, and those the
    // article never resolves: known only now.
    names_.finish(article_names_);
    for (const auto& [p, m] : article_names_.late) add_mention(out.paragraphs[p], out.article, m);
    for (const auto& [p, u] : article_names_.unresolved) add_unresolved(out.paragraphs[p], u);
    return out;
}

}  // namespace graf::indexer
