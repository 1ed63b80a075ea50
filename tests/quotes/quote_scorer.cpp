// graf-quote-scorer: the quote finder (analysis/quotes.hpp) against a judged
// set of quotations, read by the corpus reader the indexer uses.
//
//   graf-quote-scorer --judged FILE [--min-f1 F --min-accuracy A --min-precision P] CORPUS...
//   graf-quote-scorer --dump ID... -- CORPUS...     what the finder says, with offsets
//   graf-quote-scorer --candidates ID... -- CORPUS...  every quoted span, for judging
//   graf-quote-scorer --text ID... -- CORPUS...  each paragraph as the reader gives it
//   graf-quote-scorer --mentions ID... -- CORPUS...  the name finder's mentions the
//                     attribution reads (paragraph, tokens, folded name)
//
// A judged line: ARTICLE-ID <TAB> PARAGRAPH <TAB> BEGIN <TAB> END <TAB>
// SPEAKER <TAB> PATTERN [<TAB> note]; offsets are bytes of the paragraph as
// the reader gives it, the quote marks excluded; SPEAKER is a folded full
// name or "-" (the text does not say). Every quote of a listed article is
// judged: a quote found there and not listed is a false positive.
// Exit 1 when a --min target is missed.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/names.hpp"
#include "analysis/quote_marks.hpp"
#include "analysis/quotes.hpp"
#include "analysis/tokenizer.hpp"
#include "corpus/corpus_reader.hpp"

namespace {

using namespace graf;

struct Judged {
    std::string article;
    unsigned paragraph = 0;
    std::uint32_t begin = 0, end = 0;
    std::string speaker, pattern;
};

struct Found {
    unsigned paragraph;
    analysis::Quote quote;
};

std::vector<Judged> read_judged(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot be read");
    std::vector<Judged> out;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
        if (f.size() < 6)
            throw std::runtime_error(fmt::format("{}:{}: needs 6 tab-separated fields", path, n));
        out.push_back({f[0], static_cast<unsigned>(std::stoul(f[1])),
                       static_cast<std::uint32_t>(std::stoul(f[2])),
                       static_cast<std::uint32_t>(std::stoul(f[3])), f[4] == "-" ? "" : f[4],
                       f[5]});
    }
    return out;
}

// The finder's quotes of one article, paragraph by paragraph.
std::vector<Found> find_quotes(const corpus::Article& a) {
    analysis::NameFinder names;
    analysis::QuoteFinder quotes;
    std::vector<analysis::Token> tokens;
    std::vector<analysis::NameMention> mentions;
    std::vector<Found> out;
    for (std::size_t p = 0; p < a.paragraphs.size(); ++p) {
        analysis::tokenize(a.paragraphs[p], tokens);
        mentions.clear();
        names.find(tokens, mentions);
        std::vector<analysis::Quote> qs;
        quotes.find(a.paragraphs[p], tokens, mentions, qs);
        for (auto& q : qs) out.push_back({static_cast<unsigned>(p + 1), std::move(q)});
    }
    return out;
}

std::map<std::string, corpus::Article> read_articles(const std::vector<std::string>& inputs,
                                                     const std::set<std::string>& wanted) {
    std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
    auto sink = [](const corpus::Problem&) {};
    corpus::CorpusReader reader(corpus::list_inputs(paths, sink), sink);
    std::map<std::string, corpus::Article> out;
    corpus::Article a;
    while (reader.next(a))
        if (wanted.count(a.id)) out[a.id] = a;
    for (const std::string& id : wanted)
        if (!out.count(id)) throw std::runtime_error("article " + id + " is in no input given");
    return out;
}

std::string excerpt(const std::string& text, std::uint32_t b, std::uint32_t e) {
    std::string s = text.substr(b, e - b);
    return s.size() > 90 ? s.substr(0, 60) + " … " + s.substr(s.size() - 25) : s;
}

// The mentions the quote finder is given, paragraph by paragraph.
void dump_mentions(const std::string& id, const corpus::Article& a) {
    analysis::NameFinder names;
    std::vector<analysis::Token> tokens;
    std::vector<analysis::NameMention> mentions;
    for (std::size_t p = 0; p < a.paragraphs.size(); ++p) {
        analysis::tokenize(a.paragraphs[p], tokens);
        mentions.clear();
        names.find(tokens, mentions);
        for (const analysis::NameMention& m : mentions) {
            const std::string& t = a.paragraphs[p];
            fmt::print(
                "{}\t{}\t{}-{}\t{}\t{}\n", id, p + 1, m.first, m.last,
                t.substr(tokens[m.first].begin, tokens[m.last - 1].end - tokens[m.first].begin),
                m.name);
        }
    }
}

void dump(const std::map<std::string, corpus::Article>& articles, bool candidates, bool text,
          bool mentions) {
    for (const auto& [id, a] : articles) {
        if (mentions) {
            dump_mentions(id, a);
            continue;
        }
        if (text) {
            for (std::size_t p = 0; p < a.paragraphs.size(); ++p)
                fmt::print("{}\t{}\t{}\n", id, p + 1, a.paragraphs[p]);
            continue;
        }
        if (!candidates) {
            for (const Found& f : find_quotes(a))
                fmt::print("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", id, f.paragraph, f.quote.begin,
                           f.quote.end, f.quote.speaker.empty() ? "-" : f.quote.speaker,
                           analysis::pattern_name(f.quote.pattern),
                           excerpt(a.paragraphs[f.paragraph - 1], f.quote.begin, f.quote.end));
            continue;
        }
        for (std::size_t p = 0; p < a.paragraphs.size(); ++p)
            for (const auto& s : analysis::find_quote_spans(a.paragraphs[p], false))
                fmt::print("{}\t{}\t{}\t{}\t{}\n", id, p + 1, s.begin, s.end,
                           excerpt(a.paragraphs[p], s.begin, s.end));
    }
}

struct Tally {
    unsigned judged = 0, found = 0, matched = 0;  // spans
    unsigned attributed = 0, right = 0, given = 0, given_right = 0;
};

int score(const std::vector<Judged>& judged, const std::map<std::string, corpus::Article>& arts,
          double min_f1, double min_acc, double min_prec) {
    std::map<std::string, Tally> by;  // pattern → tally; "all" too
    unsigned found_total = 0, matched_total = 0;
    std::set<std::tuple<std::string, unsigned, std::uint32_t, std::uint32_t>> seen;
    std::map<std::tuple<std::string, unsigned, std::uint32_t, std::uint32_t>, Found> found;
    for (const auto& [id, a] : arts)
        for (Found& f : find_quotes(a)) {
            found[{id, f.paragraph, f.quote.begin, f.quote.end}] = f;
            ++found_total;
        }
    for (const Judged& j : judged) {
        for (const std::string& key : {j.pattern, std::string("all")}) {
            Tally& t = by[key];
            ++t.judged;
            auto it = found.find({j.article, j.paragraph, j.begin, j.end});
            if (it != found.end()) ++t.matched;
            if (j.speaker.empty()) continue;
            ++t.attributed;
            if (it == found.end() || it->second.quote.speaker.empty()) continue;
            ++t.given;
            if (it->second.quote.speaker == j.speaker) ++t.given_right, ++t.right;
        }
        auto it = found.find({j.article, j.paragraph, j.begin, j.end});
        if (it != found.end()) {
            ++matched_total;
            if (!j.speaker.empty() || it->second.quote.speaker.empty()) continue;
            ++by["all"].given;  // a speaker given where the text names none: wrong
            fmt::print("wrong: {} {} {}-{}: the finder says {}, the text says nobody\n", j.article,
                       j.paragraph, j.begin, j.end, it->second.quote.speaker);
            continue;
        }
        fmt::print("missed: {}\t{}\t{}\t{}\t{}\n", j.article, j.paragraph, j.begin, j.end,
                   excerpt(arts.at(j.article).paragraphs[j.paragraph - 1], j.begin, j.end));
    }
    for (const auto& [key, f] : found) {
        bool judged_here = false;
        for (const Judged& j : judged)
            judged_here |= j.article == std::get<0>(key) && j.paragraph == std::get<1>(key) &&
                           j.begin == std::get<2>(key) && j.end == std::get<3>(key);
        if (!judged_here)
            fmt::print("extra: {}\t{}\t{}\t{}\t{}\n", std::get<0>(key), std::get<1>(key),
                       std::get<2>(key), std::get<3>(key),
                       excerpt(arts.at(std::get<0>(key)).paragraphs[std::get<1>(key) - 1],
                               std::get<2>(key), std::get<3>(key)));
    }
    for (const Judged& j : judged) {
        auto it = found.find({j.article, j.paragraph, j.begin, j.end});
        if (it != found.end() && !j.speaker.empty() && it->second.quote.speaker.empty())
            fmt::print("unattributed: {} {} {}-{} ({}): judged {}\n", j.article, j.paragraph,
                       j.begin, j.end, j.pattern, j.speaker);
        if (it != found.end() && !j.speaker.empty() && !it->second.quote.speaker.empty() &&
            it->second.quote.speaker != j.speaker)
            fmt::print("speaker: {} {} {}-{}: judged {}, found {} ({})\n", j.article, j.paragraph,
                       j.begin, j.end, j.speaker, it->second.quote.speaker,
                       analysis::pattern_name(it->second.quote.pattern));
    }
    const double p = found_total ? double(matched_total) / found_total : 0;
    const double r = judged.empty() ? 0 : double(matched_total) / judged.size();
    const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    fmt::print("\n{:<14} {:>6} {:>8} {:>10} {:>9} {:>10}\n", "pattern", "quotes", "span R",
               "attributed", "accuracy", "precision");
    for (const auto& [key, t] : by)
        fmt::print("{:<14} {:>6} {:>8.3f} {:>10} {:>9.3f} {:>10.3f}\n", key, t.judged,
                   t.judged ? double(t.matched) / t.judged : 0, t.attributed,
                   t.attributed ? double(t.right) / t.attributed : 0,
                   t.given ? double(t.given_right) / t.given : 1.0);
    const Tally& all = by["all"];
    const double acc = all.attributed ? double(all.right) / all.attributed : 1;
    const double prec = all.given ? double(all.given_right) / all.given : 1;
    fmt::print("\nspans: {} judged, {} found, {} exact: P {:.3f} R {:.3f} F1 {:.3f}\n",
               judged.size(), found_total, matched_total, p, r, f1);
    fmt::print("speakers: accuracy {:.3f} on {} attributed quotes, precision {:.3f} of {} given\n",
               acc, all.attributed, prec, all.given);
    const bool ok = f1 >= min_f1 && acc >= min_acc && prec >= min_prec;
    if (!ok)
        fmt::print("below target: F1 >= {}, accuracy >= {}, precision >= {}\n", min_f1, min_acc,
                   min_prec);
    return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string judged_path;
        std::vector<std::string> ids, inputs;
        bool dumping = false, candidates = false, text = false, mentions = false;
        bool after_ids = false;
        double min_f1 = 0, min_acc = 0, min_prec = 0;
        for (int i = 1; i < argc; ++i) {
            const std::string a = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
                return argv[++i];
            };
            if (a == "--judged")
                judged_path = value();
            else if (a == "--min-f1")
                min_f1 = std::stod(value());
            else if (a == "--min-accuracy")
                min_acc = std::stod(value());
            else if (a == "--min-precision")
                min_prec = std::stod(value());
            else if (a == "--dump" || a == "--candidates" || a == "--text" || a == "--mentions")
                dumping = true, candidates = a == "--candidates", text = a == "--text",
                mentions = a == "--mentions";
            else if (a == "--")
                after_ids = true;
            else if (dumping && !after_ids)
                ids.push_back(a);
            else
                inputs.push_back(a);
        }
        if (inputs.empty()) throw std::runtime_error("give the corpus folders or feeds to read");
        if (dumping) {
            dump(read_articles(inputs, {ids.begin(), ids.end()}), candidates, text, mentions);
            return 0;
        }
        if (judged_path.empty()) throw std::runtime_error("give --judged FILE or --dump ID...");
        std::vector<Judged> judged = read_judged(judged_path);
        std::set<std::string> wanted;
        for (const Judged& j : judged) wanted.insert(j.article);
        // An article judged to have no quote at all is listed with paragraph 0.
        std::vector<Judged> real;
        for (const Judged& j : judged)
            if (j.paragraph > 0) real.push_back(j);
        return score(real, read_articles(inputs, wanted), min_f1, min_acc, min_prec);
    } catch (const std::exception& e) {
        std::cerr << "graf-quote-scorer: " << e.what() << "\n";
        return 2;
    }
}
