#pragma once
// A file of many articles (JSON Lines, CSV), read one article at a time so a
// feed of any size streams through in bounded memory.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

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
    /// The file as messages name it: its path as given, or "stdin".
    std::string name() const {
        return file_.path == kStdinPath ? std::string(kStdinSource) : file_.path.string();
    }

  protected:
    const InputFile& file_;
};

/// Opens a JSON Lines or CSV feed; throws std::runtime_error naming the file
/// when it cannot be opened.
std::unique_ptr<Feed> open_feed(const InputFile& file, const ReadOptions& options);
std::unique_ptr<Feed> open_json_lines(const InputFile& file);                      // json_feed.cpp
std::unique_ptr<Feed> open_csv(const InputFile& file, const CsvColumns& columns);  // csv_feed.cpp

/// A feed that starts with a UTF-16 byte order mark: graf reads feeds line by
/// line as UTF-8, so the feed is skipped with this message (how to convert
/// it); nothing for any other start.
std::optional<std::string> utf16_feed(std::string_view first_bytes, const InputFile& file);

/// Where an article came from: its source name, input and location.
void set_input(const InputFile& f, std::string location, Article& article);

}  // namespace graf::corpus
