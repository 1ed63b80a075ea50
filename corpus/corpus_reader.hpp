#pragma once
// Turns the CORPUS arguments of `graf index` into a stream of articles:
// folders are walked recursively, .txt files are one article each, .jsonl
// files (optionally .gz/.xz/.zst) one article per line.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
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
/// for a .txt file its folder's name (so the file keeps the id it has when
/// its folder is indexed); for a feed its file name without extension.
/// Spaces and ':' become '-'.
std::string default_source_name(const std::filesystem::path& input);

/// A plain-text file larger than this is skipped (a news article is < 1 MB).
inline constexpr std::uint64_t kMaxTextFileBytes = 256u << 20;

/// Lists the files to read, sorted so runs are reproducible. Throws
/// CorpusError naming a missing input. Files of other types inside folders are
/// ignored; one named explicitly is reported as skipped. `source` names every
/// input (else each gets its default_source_name).
std::vector<InputFile> list_inputs(const std::vector<std::filesystem::path>& inputs,
                                   const ProblemSink& problems, std::string_view source = {});

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
    static void set_input(const InputFile& f, std::string location, Article& article);

    std::vector<InputFile> files_;
    ProblemSink problems_;
    std::size_t next_file_ = 0;
    std::uint64_t total_bytes_ = 0;
    std::uint64_t finished_bytes_ = 0;
    class JsonLinesFile;
    std::unique_ptr<JsonLinesFile> json_;
};

}  // namespace graf::corpus
