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

/// True for a real calendar date written YYYY-MM-DD.
bool is_valid_date(std::string_view ymd);

/// When `block` starts with `date YYYY-MM-DD` (or `Date:`), removes that
/// header (and the space after it) and returns the date.
std::optional<std::string> take_date_header(std::string& block);

}  // namespace graf::corpus
