#pragma once
// Paragraph structure shared by every input format: blocks separated by blank
// lines, and the "date YYYY-MM-DD" header some scrapers put before the text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace graf::corpus {

struct Block {
    std::string text;  ///< the block's lines, each trimmed, joined by one space
    int lines = 0;
};

/// Splits text at blank (whitespace-only) lines; empty blocks are dropped.
std::vector<Block> split_blocks(std::string_view text);

/// A paragraph longer than this (bytes) is not a paragraph but a scraper
/// accident (a whole page without blank lines, a dump); it is split so one
/// input cannot make indexing hold gigabytes. News paragraphs are < 5 KB.
inline constexpr std::size_t kMaxParagraphBytes = 64 * 1024;

/// Splits every paragraph longer than `max_bytes` into pieces of at most that
/// size, at the last space before the limit (else at a UTF-8 character
/// boundary), so no text is lost. Returns how many paragraphs were split.
std::size_t split_long_paragraphs(std::vector<std::string>& paragraphs,
                                  std::size_t max_bytes = kMaxParagraphBytes);

/// True for a real calendar date written YYYY-MM-DD.
bool is_valid_date(std::string_view ymd);

/// The day of a date or timestamp as feeds write them ("2025-01-27",
/// "2025-01-27T10:00:00Z", "2025-01-27 10:00"), or nothing.
std::optional<std::string> day_of(std::string_view timestamp);

/// When `block` starts with `date YYYY-MM-DD` (or `Date:`), removes that
/// header (and the space after it) and returns the date.
std::optional<std::string> take_date_header(std::string& block);

}  // namespace graf::corpus
