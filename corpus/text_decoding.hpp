#pragma once
// Turns the bytes of a file or JSON string into clean UTF-8 text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace graf::corpus {

struct DecodedText {
    std::string text;
    /// Set when the input was not valid UTF-8: what was done, with the byte
    /// offset of the first bad byte.
    std::optional<std::string> repair;
};

/// Valid UTF-8 (a BOM is dropped) is kept as is. Otherwise, when the input has
/// no valid multi-byte UTF-8 sequence at all, it is a legacy single-byte file
/// and is decoded as Windows-1252 (a superset of Latin-1 that news sites used):
/// BBC's 0xA3 stays a £. When it mixes valid UTF-8 with bad bytes, it is
/// damaged UTF-8 and each bad sequence becomes U+FFFD.
DecodedText decode_to_utf8(std::string_view bytes);

/// A file that starts with a UTF-16 byte order mark (FF FE little-endian,
/// FE FF big-endian; Windows editors save "Unicode" text so) as UTF-8, an
/// unpaired surrogate becoming U+FFFD; nothing for any other file.
std::optional<std::string> decode_utf16_bom(std::string_view bytes);

/// Line endings CRLF and CR become LF; NUL and other control characters
/// (except tab and LF) become spaces, so they cannot break a term or a JSON
/// document.
void clean_controls(std::string& text);

/// True when the first 8 KiB hold a NUL byte: an image, PDF or executable.
bool looks_binary(std::string_view bytes);

}  // namespace graf::corpus
