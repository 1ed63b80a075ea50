#pragma once
// Turns the CORPUS arguments of `graf index` into a stream of articles:
// folders are walked recursively, .txt, .md and .html files are one article
// each, .jsonl files (optionally .gz/.xz/.zst) one article per line, .csv
// files one per row; `-` is JSON Lines on standard input.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/article.hpp"
#include "corpus/csv_columns.hpp"
#include "corpus/problem.hpp"

#include "error/error.hpp"

namespace graf::corpus {

/// An input that cannot be used at all (missing path): nothing is indexed.
class CorpusError : public Error {
  public:
    explicit CorpusError(const std::string& message) : Error(kUsage, message) {}
};

enum class Format { Text, Html, JsonLines, Csv };

/// How feeds are read: the CSV columns chosen with --csv-columns, and what
/// standard input holds (--stdin-format: JSON Lines or CSV).
struct ReadOptions {
    CsvColumns csv_columns;
    Format stdin_format = Format::JsonLines;
};

/// The CORPUS argument that means standard input, the source name it gets
/// by default, and the path it is read from.
inline constexpr std::string_view kStdinInput = "-";
inline constexpr std::string_view kStdinSource = "stdin";
inline constexpr std::string_view kStdinPath = "/dev/stdin";

struct InputFile {
    std::filesystem::path path;
    std::string id_base;  ///< path relative to the folder given, without extension
    Format format;
    std::uint64_t size = 0;
    std::string source_name;  ///< the source name of the CORPUS argument it came from
    std::size_t input = 0;    ///< which CORPUS argument that was
    std::string absolute;     ///< the absolute path, stored as the articles' location
};

/// Longest source name, in bytes (it is part of every article id).
inline constexpr std::size_t kMaxSourceNameBytes = 64;

/// Why `name` cannot be a source name (empty, too long, a space or ':'),
/// or empty when it can.
std::string source_name_problem(std::string_view name);

/// The source name of a CORPUS argument given no --source: a folder's name;
/// for a .txt, .md or .html file its folder's name (so the file keeps the id
/// it has when its folder is indexed); for a feed its file name without
/// extension; "stdin" for `-`. Spaces and ':' become '-'.
std::string default_source_name(const std::filesystem::path& input);

/// What a source name stands for: the absolute, normal path of a folder
/// given, of the folder of a .txt, .md or .html file given alone (as
/// default_source_name), or of a feed file; empty for `-`, which has no path.
std::string source_root(const std::filesystem::path& input);

/// A plain-text file larger than this is skipped (a news article is < 1 MB).
inline constexpr std::uint64_t kMaxTextFileBytes = 256u << 20;

/// Lists the files to read, sorted so runs are reproducible. Throws
/// CorpusError naming a missing input (or `-` given twice). Files of other types inside folders are
/// ignored; one named explicitly is reported as skipped. `source` names every
/// input (else each gets its default_source_name).
std::vector<InputFile> list_inputs(const std::vector<std::filesystem::path>& inputs,
                                   const ProblemSink& problems, std::string_view source = {});

class Feed;

class CorpusReader {
  public:
    CorpusReader(std::vector<InputFile> files, ProblemSink problems, ReadOptions options = {});
    ~CorpusReader();

    /// The next article with at least one paragraph; false at the end.
    bool next(Article& article);
    std::uint64_t total_bytes() const { return total_bytes_; }
    std::uint64_t bytes_done() const;

  private:
    bool next_unsplit(Article& article);
    bool next_file(const InputFile& f, Article& article);

    std::vector<InputFile> files_;
    ProblemSink problems_;
    ReadOptions options_;
    std::size_t next_file_ = 0;
    std::uint64_t total_bytes_ = 0;
    std::uint64_t finished_bytes_ = 0;
    std::unique_ptr<Feed> feed_;
};

}  // namespace graf::corpus
