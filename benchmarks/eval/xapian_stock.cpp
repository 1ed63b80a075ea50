#include "benchmarks/eval/xapian_stock.hpp"

#include <fmt/format.h>

#include <chrono>
#include <stdexcept>

#include "corpus/corpus_reader.hpp"
#include "eval/evaluation.hpp"

namespace graf::bench::xapian_stock {

IndexSummary build(const std::filesystem::path& path,
                   const std::vector<std::filesystem::path>& inputs) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    auto report = [&](const corpus::Problem& p) {
        if (p.kind == corpus::Problem::Kind::Skipped) ++summary.skipped;
        fmt::print(stderr, "xapian-peer: {}: {}\n", p.where, p.what);
    };
    corpus::CorpusReader reader(corpus::list_inputs(inputs, report), report);
    std::filesystem::remove_all(path);
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
    Xapian::TermGenerator terms;
    terms.set_stemmer(Xapian::Stem("english"));
    terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (corpus::Article a; reader.next(a);) {
        Xapian::Document doc;
        terms.set_document(doc);
        terms.index_text(a.title);
        for (const std::string& p : a.paragraphs) {
            terms.increase_termpos();  // no phrase across a break
            terms.index_text(p);
        }
        doc.set_data(a.id);
        db.add_document(doc);
        ++summary.articles;
    }
    db.commit();
    summary.bytes = reader.total_bytes();
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

StockSearcher::StockSearcher(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path))
        throw std::runtime_error(fmt::format(
            "no Xapian index at {}: build one with `graf-xapian-peer index`", path.string()));
    db_ = Xapian::Database(path.string());
    parser_.set_stemmer(Xapian::Stem("english"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_database(db_);
}

eval::Ranking StockSearcher::search(const std::string& text, std::size_t k) {
    Xapian::Query query;
    try {
        query = parser_.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT);
    } catch (const Xapian::QueryParserError& e) {
        throw eval::QueryRejected(e.get_msg());
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    eval::Ranking ranked;
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
    for (auto it = mset.begin(); it != mset.end(); ++it)
        ranked.push_back({it.get_document().get_data(), it.get_weight()});
    return ranked;
}

}  // namespace graf::bench::xapian_stock
