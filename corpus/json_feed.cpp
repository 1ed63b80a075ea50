// A JSON Lines feed (optionally .gz/.xz/.zst, or standard input): one article
// per line, see json_article.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>

#include "corpus/feed.hpp"
#include "corpus/json_article.hpp"
#include "corpus/line_reader.hpp"
#include "corpus/text_decoding.hpp"

namespace graf::corpus {
namespace fs = std::filesystem;

class JsonLinesFeed final : public Feed {
  public:
    explicit JsonLinesFeed(const InputFile& f) : Feed(f), reader_(f.path) {}
    bool next(Article& article, const ProblemSink& problems) override;
    std::uint64_t bytes_read() const override { return reader_.bytes_read(); }

  private:
    std::optional<std::string> not_json_lines() const;
    void decode_line(const std::string& where, const ProblemSink& problems);

    LineReader reader_;
    std::string line_;
    bool first_line_ = true, warned_encoding_ = false;
};

// Feeds that are not JSON Lines at all, told by their first line, are
// skipped whole with what to run. A JSON array (what many tools export),
// read line by line, would give a malformed line per element and an article
// from any element that fits on one line.
std::optional<std::string> JsonLinesFeed::not_json_lines() const {
    if (auto utf16 = utf16_feed(line_, file_)) return utf16;
    std::size_t start = line_.find_first_not_of(" \t\r");
    if (line_.compare(0, 3, "\xEF\xBB\xBF") == 0) start = line_.find_first_not_of(" \t\r", 3);
    if (start == std::string::npos || line_[start] != '[') return std::nullopt;
    return "a JSON array, not JSON Lines (one article object per line); " +
           (file_.path == kStdinPath
                ? std::string("pipe it through `jq -c '.[]'` first")
                : fmt::format("convert it with `jq -c '.[]' {} > {}-lines.jsonl`",
                              file_.path.filename().string(),
                              fs::path(file_.id_base).filename().string()));
}

// JSON is UTF-8, but feeds written by older tools are Latin-1 or
// Windows-1252: such a line is decoded as the text files are (one warning
// per feed) rather than skipped. Only lines with a non-ASCII byte are looked at.
void JsonLinesFeed::decode_line(const std::string& where, const ProblemSink& problems) {
    if (std::all_of(line_.begin(), line_.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return;
    DecodedText d = decode_to_utf8(line_);
    if (!d.repair) return;
    if (!std::exchange(warned_encoding_, true))
        problems({Problem::Kind::Warning, where,
                  "not UTF-8: lines read as Windows-1252 or repaired (" + *d.repair + ")"});
    line_ = std::move(d.text);
}

std::unique_ptr<Feed> open_json_lines(const InputFile& f) {
    return std::make_unique<JsonLinesFeed>(f);
}

bool JsonLinesFeed::next(Article& article, const ProblemSink& problems) {
    const std::string name = this->name();
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
        if (std::exchange(first_line_, false))
            if (auto why = not_json_lines()) {
                problems({Problem::Kind::Skipped, name, *why});
                return false;
            }
        decode_line(where, problems);
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
