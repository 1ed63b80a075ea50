#pragma once
// Turns the CORPUS arguments of `graf index` into a stream of articles:
// folders are walked recursively, .txt files are one article each, .jsonl
// files (optionally .gz/.xz/.zst) one article per line.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "corpus/article.hpp"
#include "corpus/problem.hpp"

namespace graf::corpus {

/// An input that cannot be used at all (missing path): nothing is indexed.
class CorpusError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class Format { Text, JsonLines };

struct InputFile {
    std::filesystem::path path;
    std::string id_base;  ///< path relative to the folder given, without extension
    Format format;
    std::uint64_t size = 0;
};

/// A plain-text file larger than this is skipped (a news article is < 1 MB).
inline constexpr std::uint64_t kMaxTextFileBytes = 256u << 20;

/// Lists the files to read, sorted so runs are reproducible. Throws
/// CorpusError naming a missing input. Files of other types inside folders are
/// ignored; one named explicitly is reported as skipped.
std::vector<InputFile> list_inputs(const std::vector<std::filesystem::path>& inputs,
                                   const ProblemSink& problems);

class CorpusReader {
  public:
    CorpusReader(std::vector<InputFile> files, ProblemSink problems);
    ~CorpusReader();

    /// The next article with at least one paragraph; false at the end.
    bool next(Article& article);
    std::uint64_t total_bytes() const { return total_bytes_; }
    std::uint64_t bytes_done() const;

  private:
    bool next_unsplit(Article& article);
    bool next_text(const InputFile& f, Article& article);
    bool next_json_line(Article& article);

    std::vector<InputFile> files_;
    ProblemSink problems_;
    std::size_t next_file_ = 0;
    std::uint64_t total_bytes_ = 0;
    std::uint64_t finished_bytes_ = 0;
    class JsonLinesFile;
    std::unique_ptr<JsonLinesFile> json_;
};

}  // namespace graf::corpus
