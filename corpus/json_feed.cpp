// A JSON Lines feed (optionally .gz/.xz/.zst, or standard input): one article
// per line, see json_article.hpp.
#include <string>

#include "corpus/feed.hpp"
#include "corpus/json_article.hpp"
#include "corpus/line_reader.hpp"

namespace graf::corpus {

class JsonLinesFeed final : public Feed {
  public:
    explicit JsonLinesFeed(const InputFile& f) : Feed(f), reader_(f.path) {}
    bool next(Article& article, const ProblemSink& problems) override;
    std::uint64_t bytes_read() const override { return reader_.bytes_read(); }

  private:
    LineReader reader_;
    std::string line_;
};

std::unique_ptr<Feed> open_json_lines(const InputFile& f) {
    return std::make_unique<JsonLinesFeed>(f);
}

bool JsonLinesFeed::next(Article& article, const ProblemSink& problems) {
    const std::string name = file_.path.string();
    for (;;) {
        LineReader::Status status;
        try {
            status = reader_.next(line_);
        } catch (const std::exception& e) {
            problems({Problem::Kind::Skipped,
                      name + ":" + std::to_string(reader_.line_number() + 1),
                      std::string("stopped reading: ") + e.what()});
            return false;
        }
        if (status == LineReader::Status::End) return false;
        const std::string line_no = std::to_string(reader_.line_number());
        const std::string where = name + ":" + line_no;
        if (status == LineReader::Status::TooLong) {
            problems({Problem::Kind::Skipped, where, "line longer than 64 MiB"});
            continue;
        }
        if (line_.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
        article = Article{};
        article.origin = where;
        set_input(file_, file_.absolute + ":" + line_no, article);
        article.bytes = line_.size() + 1;
        std::string warning;
        if (auto error = parse_json_article(line_, article, warning)) {
            problems({Problem::Kind::Skipped, where, *error});
            continue;
        }
        if (!warning.empty()) problems({Problem::Kind::Warning, where, warning});
        if (article.id.empty()) article.id = file_.id_base + ":" + line_no;
        if (article.source.empty()) article.source = article.source_name;
        if (article.paragraphs.empty()) {
            problems(
                {Problem::Kind::Skipped, where, "article \"" + article.id + "\" has no body text"});
            continue;
        }
        return true;
    }
}

}  // namespace graf::corpus
