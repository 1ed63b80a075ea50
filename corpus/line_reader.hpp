#pragma once
// Reads a file line by line, decompressing .gz, .xz and .zst on the fly so a
// compressed archive is never unpacked to disk.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace graf::corpus {

/// A line longer than this is skipped (its content is not kept in memory).
inline constexpr std::size_t kMaxLineBytes = 64u << 20;

class LineReader {
  public:
    /// Opens `path`; throws std::runtime_error naming the file when it cannot.
    explicit LineReader(const std::filesystem::path& path);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    enum class Status { Line, TooLong, End };
    /// Next line without its newline. Throws std::runtime_error on a corrupt
    /// compressed stream or a read error.
    Status next(std::string& line);
    std::uint64_t line_number() const { return line_number_; }
    /// Bytes of the file consumed so far (compressed bytes for .gz/.xz/.zst).
    std::uint64_t bytes_read() const;

    class Source;  // one per compression format

  private:
    bool fill();

    std::unique_ptr<Source> source_;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool eof_ = false;
    std::uint64_t line_number_ = 0;
};

}  // namespace graf::corpus
