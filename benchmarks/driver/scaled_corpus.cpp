#include "benchmarks/driver/scaled_corpus.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

#include "corpus/corpus_reader.hpp"

namespace graf::bench {

ScaledCorpus write_scaled_corpus(const std::vector<std::filesystem::path>& inputs, unsigned copies,
                                 const std::filesystem::path& out) {
    std::ofstream file(out, std::ios::binary);
    if (!file) throw std::runtime_error("cannot write " + out.string());
    ScaledCorpus written;
    auto ignore = [](const corpus::Problem&) {};  // the engines report bad input themselves
    for (unsigned c = 0; c < copies; ++c) {
        corpus::CorpusReader reader(corpus::list_inputs(inputs, ignore), ignore);
        corpus::Article a;
        while (reader.next(a)) {
            std::string body;
            for (const std::string& p : a.paragraphs) body += (body.empty() ? "" : "\n\n") + p;
            nlohmann::json line = {{"id", c == 0 ? a.id : a.id + "~" + std::to_string(c)},
                                   {"title", a.title},
                                   {"date", a.date},
                                   {"source", a.source},
                                   {"url", a.url},
                                   {"body", body}};
            std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            file << text << '\n';
            written.bytes += text.size() + 1;
            ++written.articles;
        }
    }
    if (!file.flush()) throw std::runtime_error("writing " + out.string() + " failed (disk full?)");
    return written;
}

}  // namespace graf::bench
