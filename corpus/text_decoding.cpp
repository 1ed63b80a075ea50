#include "corpus/text_decoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <memory>

namespace graf::corpus {
namespace {

struct Utf8Scan {
    std::optional<std::size_t> first_bad;
    std::size_t bad_sequences = 0;
    std::size_t multibyte = 0;  // valid sequences of 2-4 bytes
};

Utf8Scan scan_utf8(std::string_view s) {
    Utf8Scan r;
    const auto n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        int32_t start = i;
        UChar32 cp;
        U8_NEXT(s.data(), i, n, cp);
        if (cp < 0) {
            if (!r.first_bad) r.first_bad = static_cast<std::size_t>(start);
            ++r.bad_sequences;
        } else {
            ++r.multibyte;
        }
    }
    return r;
}

std::string from_windows_1252(std::string_view s) {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> from(ucnv_open("windows-1252", &ec),
                                                            ucnv_close);
    std::unique_ptr<UConverter, decltype(&ucnv_close)> to(ucnv_open("UTF-8", &ec), ucnv_close);
    if (U_FAILURE(ec)) return std::string(s);
    std::string out(s.size() * 3 + 16, '\0');
    int32_t len =
        ucnv_convert("UTF-8", "windows-1252", out.data(), static_cast<int32_t>(out.size()),
                     s.data(), static_cast<int32_t>(s.size()), &ec);
    if (U_FAILURE(ec)) return std::string(s);
    out.resize(static_cast<std::size_t>(len));
    return out;
}

std::string replace_bad_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    const auto n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        int32_t start = i;
        UChar32 cp;
        U8_NEXT(s.data(), i, n, cp);
        if (cp < 0)
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        else
            out.append(s.data() + start, static_cast<std::size_t>(i - start));
    }
    return out;
}

}  // namespace

DecodedText decode_to_utf8(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    Utf8Scan scan = scan_utf8(bytes);
    if (!scan.first_bad) return {std::string(bytes), std::nullopt};
    std::string offset = std::to_string(*scan.first_bad);
    if (scan.multibyte == 0)
        return {from_windows_1252(bytes),
                "not valid UTF-8 (first bad byte at offset " + offset + "); read as Windows-1252"};
    return {replace_bad_utf8(bytes), "invalid UTF-8 at byte offset " + offset + " (" +
                                         std::to_string(scan.bad_sequences) +
                                         " bad sequences replaced with U+FFFD)"};
}

void clean_controls(std::string& text) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < text.size(); ++r) {
        char c = text[r];
        if (c == '\r') {
            if (r + 1 < text.size() && text[r + 1] == '\n') continue;  // CRLF: keep the LF
            c = '\n';
        } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            c = ' ';
        }
        text[w++] = c;
    }
    text.resize(w);
}

bool looks_binary(std::string_view bytes) {
    return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::optional<std::string> decode_utf16_bom(std::string_view bytes) {
    if (bytes.size() < 2) return std::nullopt;
    const auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    const bool little = b0 == 0xFF && b1 == 0xFE, big = b0 == 0xFE && b1 == 0xFF;
    if (!little && !big) return std::nullopt;
    auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto lo = static_cast<unsigned char>(bytes[little ? i : i + 1]);
        const auto hi = static_cast<unsigned char>(bytes[little ? i + 1 : i]);
        return static_cast<std::uint32_t>(hi) << 8 | lo;
    };
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < bytes.size() && unit(i + 2) >= 0xDC00 &&
            unit(i + 2) < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD;  // an unpaired surrogate
        }
        char buf[4];
        int32_t len = 0;
        UBool error = false;
        U8_APPEND(buf, len, 4, static_cast<UChar32>(cp), error);
        if (error)
            out += "\xEF\xBF\xBD";  // U+FFFD (cannot happen for the code points above)
        else
            out.append(buf, static_cast<std::size_t>(len));
    }
    return out;
}

}  // namespace graf::corpus
