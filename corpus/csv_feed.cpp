// A CSV feed (RFC 4180: quoted fields, "" for a quote, line breaks inside
// quotes), parsed with libcsv in strict mode: a header row names the
// columns (csv_columns.hpp), each later row is one article.
#include <csv.h>
#include <fmt/format.h>

#include <deque>
#include <string>
#include <vector>

#include "corpus/blocks.hpp"
#include "corpus/csv_columns.hpp"
#include "corpus/feed.hpp"
#include "corpus/line_reader.hpp"
#include "corpus/text_decoding.hpp"

namespace graf::corpus {
namespace {

// One record longer than this is an unclosed quote swallowing the file, not
// an article: reading stops rather than hold the file in memory.
constexpr std::size_t kMaxRecordBytes = kMaxLineBytes;

struct Record {
    std::vector<std::string> fields;
    std::uint64_t line = 0;  // where it starts
};

// A field that is not the body, its lines joined by spaces.
std::string one_line(const std::string& s) {
    std::string out;
    for (const Block& b : split_blocks(s)) out += (out.empty() ? "" : " ") + b.text;
    return out;
}

}  // namespace

class CsvFeed final : public Feed {
  public:
    CsvFeed(const InputFile& f, const CsvColumns& columns);
    ~CsvFeed() override { csv_free(&parser_); }
    bool next(Article& article, const ProblemSink& problems) override;
    std::uint64_t bytes_read() const override { return reader_.bytes_read(); }

  private:
    static void on_field(void* data, std::size_t len, void* self);
    static void on_record(int, void* self);
    bool read_record(Record& record, const ProblemSink& problems);
    bool feed_line(const ProblemSink& problems);
    bool read_header(const ProblemSink& problems);
    bool make_article(Record& record, Article& article, const ProblemSink& problems);
    std::string where(std::uint64_t line) const { return name() + ":" + std::to_string(line); }

    LineReader reader_;
    CsvColumns columns_;
    csv_parser parser_{};
    Record pending_;
    bool in_record_ = false;
    std::size_t pending_bytes_ = 0;
    std::deque<Record> done_;
    bool header_read_ = false, stopped_ = false, warned_encoding_ = false;
    std::vector<std::string> header_;
    ColumnIndexes index_;
    std::uint64_t rows_ = 0;
    std::string line_;
};

std::unique_ptr<Feed> open_csv(const InputFile& f, const CsvColumns& columns) {
    return std::make_unique<CsvFeed>(f, columns);
}

CsvFeed::CsvFeed(const InputFile& f, const CsvColumns& columns)
    : Feed(f), reader_(f.path), columns_(columns) {
    if (csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) != 0)
        throw std::runtime_error(f.path.string() + ": cannot start the CSV parser");
}

void CsvFeed::on_field(void* data, std::size_t len, void* self) {
    auto& me = *static_cast<CsvFeed*>(self);
    me.pending_.fields.emplace_back(static_cast<const char*>(data), len);
}

void CsvFeed::on_record(int, void* self) {
    auto& me = *static_cast<CsvFeed*>(self);
    me.done_.push_back(std::move(me.pending_));
    me.pending_ = Record{};
    me.in_record_ = false;
    me.pending_bytes_ = 0;
}

// Feeds the parser one more line (with its line break); false at the end of
// the file or when reading had to stop (reported).
bool CsvFeed::feed_line(const ProblemSink& problems) {
    LineReader::Status status;
    try {
        status = reader_.next(line_);
    } catch (const std::exception& e) {
        problems({Problem::Kind::Skipped, where(reader_.line_number() + 1),
                  std::string("stopped reading: ") + e.what()});
        return false;
    }
    const std::uint64_t line = reader_.line_number();
    if (status == LineReader::Status::End) {
        if (csv_fini(&parser_, on_field, on_record, this) != 0)
            problems({Problem::Kind::Skipped, where(pending_.line),
                      "a quoted field is never closed: the row starting here (and the rest of "
                      "the file, which it swallows) was not read"});
        return false;
    }
    if (status == LineReader::Status::TooLong || pending_bytes_ + line_.size() > kMaxRecordBytes) {
        problems({Problem::Kind::Skipped, where(in_record_ ? pending_.line : line),
                  "a row longer than 64 MiB (an unclosed quote?); stopped reading this file"});
        return false;
    }
    if (!in_record_ && line_.find_first_not_of(" \t\r") == std::string::npos) return true;
    if (!in_record_) pending_.line = line;
    in_record_ = true;
    pending_bytes_ += line_.size() + 1;
    line_ += '\n';
    if (csv_parse(&parser_, line_.data(), line_.size(), on_field, on_record, this) !=
        line_.size()) {
        problems({Problem::Kind::Skipped, where(line),
                  fmt::format("malformed CSV ({}: a quote inside an unquoted field, or text "
                              "after a closing quote); stopped reading this file, the rows "
                              "before were read",
                              csv_strerror(csv_error(&parser_)))});
        return false;
    }
    return true;
}

bool CsvFeed::read_record(Record& record, const ProblemSink& problems) {
    while (done_.empty())
        if (stopped_ || !feed_line(problems)) {
            stopped_ = true;
            if (done_.empty()) return false;
        }
    record = std::move(done_.front());
    done_.pop_front();
    return true;
}

bool CsvFeed::read_header(const ProblemSink& problems) {
    header_read_ = true;
    Record header;
    if (!read_record(header, problems)) {
        problems({Problem::Kind::Skipped, name(), "empty CSV file (no header row)"});
        return false;
    }
    header_ = std::move(header.fields);
    if (auto utf16 = utf16_feed(header_.empty() ? "" : header_[0], file_)) {
        problems({Problem::Kind::Skipped, name(), *utf16});
        stopped_ = true;
        return false;
    }
    if (!header_.empty() && header_[0].rfind("\xEF\xBB\xBF", 0) == 0) header_[0].erase(0, 3);
    if (auto error = resolve_columns(header_, columns_, index_)) {
        problems({Problem::Kind::Skipped, where(header.line), *error});
        stopped_ = true;
        return false;
    }
    return true;
}

bool CsvFeed::next(Article& article, const ProblemSink& problems) {
    if (!header_read_ && !read_header(problems)) return false;
    Record record;
    while (read_record(record, problems)) {
        ++rows_;
        if (make_article(record, article, problems)) return true;
    }
    return false;
}

// One row as an article; false (reported) when it cannot be one.
bool CsvFeed::make_article(Record& record, Article& article, const ProblemSink& problems) {
    const std::string at = where(record.line);
    if (record.fields.size() != header_.size()) {
        problems({Problem::Kind::Skipped, at,
                  fmt::format("row has {} field{}, the header {}", record.fields.size(),
                              record.fields.size() == 1 ? "" : "s", header_.size())});
        return false;
    }
    article = Article{};
    article.origin = at;
    set_input(file_, file_.absolute + ":" + std::to_string(record.line), article);
    std::string body;
    std::string* targets[] = {&article.id,     &article.title, &article.date,
                              &article.source, &article.url,   &body};
    for (std::size_t f = 0; f < kCsvFields; ++f) {
        if (!index_[f]) continue;
        std::string& value = record.fields[*index_[f]];
        article.bytes += value.size() + 1;
        DecodedText d = decode_to_utf8(value);
        if (d.repair && !warned_encoding_) {
            warned_encoding_ = true;
            problems({Problem::Kind::Warning, at,
                      "not UTF-8: fields read as Windows-1252 or repaired (" + *d.repair + ")"});
        }
        *targets[f] = std::move(d.text);
        clean_controls(*targets[f]);
    }
    for (std::string* s :
         {&article.id, &article.title, &article.date, &article.source, &article.url})
        *s = one_line(*s);
    if (!article.date.empty()) {
        if (auto day = day_of(article.date)) {
            article.date = *day;
        } else {
            problems({Problem::Kind::Warning, at,
                      "date \"" + article.date + "\" is not YYYY-MM-DD; indexed without a date"});
            article.date.clear();
        }
    }
    for (Block& b : split_blocks(body)) article.paragraphs.push_back(std::move(b.text));
    if (article.id.empty()) article.id = file_.id_base + ":" + std::to_string(rows_);
    if (article.source.empty()) article.source = article.source_name;
    if (article.paragraphs.empty()) {
        problems({Problem::Kind::Skipped, at, "article \"" + article.id + "\" has no body text"});
        return false;
    }
    return true;
}

}  // namespace graf::corpus
