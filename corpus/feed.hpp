#pragma once
// A file of many articles (JSON Lines, CSV), read one article at a time so a
// feed of any size streams through in bounded memory.
#include <cstdint>
#include <memory>
#include <string>

#include "corpus/article.hpp"
#include "corpus/corpus_reader.hpp"
#include "corpus/problem.hpp"

namespace graf::corpus {

class Feed {
  public:
    explicit Feed(const InputFile& file) : file_(file) {}
    virtual ~Feed() = default;
    Feed(const Feed&) = delete;
    Feed& operator=(const Feed&) = delete;

    /// The next article with at least one paragraph; false at the end (or
    /// when the rest cannot be read: that is reported). Bad lines or rows are
    /// reported to `problems` and skipped.
    virtual bool next(Article& article, const ProblemSink& problems) = 0;
    /// Bytes of the file consumed so far, for progress.
    virtual std::uint64_t bytes_read() const = 0;
    const InputFile& file() const { return file_; }

  protected:
    const InputFile& file_;
};

/// Opens a JSON Lines or CSV feed; throws std::runtime_error naming the file
/// when it cannot be opened.
std::unique_ptr<Feed> open_feed(const InputFile& file, const ReadOptions& options);
std::unique_ptr<Feed> open_json_lines(const InputFile& file);                      // json_feed.cpp
std::unique_ptr<Feed> open_csv(const InputFile& file, const CsvColumns& columns);  // csv_feed.cpp

/// Where an article came from: its source name, input and location.
void set_input(const InputFile& f, std::string location, Article& article);

}  // namespace graf::corpus
