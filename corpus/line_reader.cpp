#include "corpus/line_reader.hpp"

#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace graf::corpus {

namespace {
constexpr std::size_t kChunk = 1 << 16;

std::string describe(const std::filesystem::path& path, const std::string& what) {
    return path.string() + ": " + what;
}
}  // namespace

// Produces decompressed bytes. `read` returns 0 at the end of the data.
class LineReader::Source {
  public:
    explicit Source(const std::filesystem::path& path) : path_(path) {
        file_ = std::fopen(path.c_str(), "rb");
        if (!file_) throw std::runtime_error(describe(path, std::strerror(errno)));
    }
    virtual ~Source() {
        if (file_) std::fclose(file_);
    }
    virtual std::size_t read(char* out, std::size_t n) = 0;
    std::uint64_t consumed() const { return consumed_; }

  protected:
    std::size_t read_raw(char* out, std::size_t n) {
        std::size_t got = std::fread(out, 1, n, file_);
        if (got == 0 && std::ferror(file_))
            throw std::runtime_error(describe(path_, std::strerror(errno)));
        consumed_ += got;
        return got;
    }
    std::filesystem::path path_;

  private:
    std::FILE* file_ = nullptr;
    std::uint64_t consumed_ = 0;
};

namespace {

class PlainSource final : public LineReader::Source {
  public:
    using Source::Source;
    std::size_t read(char* out, std::size_t n) override { return read_raw(out, n); }
};

class GzipSource final : public LineReader::Source {
  public:
    explicit GzipSource(const std::filesystem::path& p) : Source(p), in_(kChunk) {
        if (inflateInit2(&z_, 15 + 32) != Z_OK)  // +32: gzip or zlib header
            throw std::runtime_error(describe(p, "cannot start gzip decoder"));
    }
    ~GzipSource() override { inflateEnd(&z_); }
    std::size_t read(char* out, std::size_t n) override {
        z_.next_out = reinterpret_cast<Bytef*>(out);
        z_.avail_out = static_cast<uInt>(n);
        for (;;) {
            if (z_.avail_out != n) return n - z_.avail_out;
            if (z_.avail_in == 0) {
                z_.avail_in = static_cast<uInt>(read_raw(in_.data(), in_.size()));
                z_.next_in = reinterpret_cast<Bytef*>(in_.data());
                if (z_.avail_in == 0) {
                    if (!between_members_)
                        throw std::runtime_error(describe(path_, "truncated gzip data"));
                    return 0;
                }
            }
            uInt before = z_.avail_in;
            int rc = inflate(&z_, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                between_members_ = true;  // gzip files may hold several members back to back
                inflateReset(&z_);
            } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
                if (z_.avail_in != before || z_.avail_out != n) between_members_ = false;
            } else {
                throw std::runtime_error(
                    describe(path_, std::string("corrupt gzip data: ") + (z_.msg ? z_.msg : "")));
            }
        }
    }

  private:
    z_stream z_{};
    std::vector<char> in_;
    bool between_members_ = true;
};

class XzSource final : public LineReader::Source {
  public:
    explicit XzSource(const std::filesystem::path& p) : Source(p), in_(kChunk) {
        if (lzma_stream_decoder(&s_, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
            throw std::runtime_error(describe(p, "cannot start xz decoder"));
    }
    ~XzSource() override { lzma_end(&s_); }
    std::size_t read(char* out, std::size_t n) override {
        s_.next_out = reinterpret_cast<uint8_t*>(out);
        s_.avail_out = n;
        while (s_.avail_out == n && !ended_) {
            lzma_action action = LZMA_RUN;
            if (s_.avail_in == 0) {
                s_.avail_in = read_raw(in_.data(), in_.size());
                s_.next_in = reinterpret_cast<const uint8_t*>(in_.data());
                if (s_.avail_in == 0) action = LZMA_FINISH;
            }
            lzma_ret rc = lzma_code(&s_, action);
            if (rc == LZMA_STREAM_END)
                ended_ = true;
            else if (rc != LZMA_OK)
                throw std::runtime_error(describe(
                    path_, "corrupt or truncated xz data (lzma error " + std::to_string(rc) + ")"));
        }
        return n - s_.avail_out;
    }

  private:
    lzma_stream s_ = LZMA_STREAM_INIT;
    std::vector<char> in_;
    bool ended_ = false;
};

class ZstdSource final : public LineReader::Source {
  public:
    explicit ZstdSource(const std::filesystem::path& p) : Source(p), in_(kChunk) {
        d_ = ZSTD_createDStream();
        if (!d_) throw std::runtime_error(describe(p, "cannot start zstd decoder"));
    }
    ~ZstdSource() override { ZSTD_freeDStream(d_); }
    std::size_t read(char* out, std::size_t n) override {
        ZSTD_outBuffer o{out, n, 0};
        while (o.pos == 0) {
            if (ib_.pos == ib_.size) {
                std::size_t got = read_raw(in_.data(), in_.size());
                if (got == 0) {
                    if (pending_) throw std::runtime_error(describe(path_, "truncated zstd data"));
                    break;
                }
                ib_ = {in_.data(), got, 0};
            }
            std::size_t rc = ZSTD_decompressStream(d_, &o, &ib_);
            if (ZSTD_isError(rc))
                throw std::runtime_error(
                    describe(path_, std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc)));
            pending_ = rc != 0;
        }
        return o.pos;
    }

  private:
    ZSTD_DStream* d_ = nullptr;
    std::vector<char> in_;
    ZSTD_inBuffer ib_{nullptr, 0, 0};
    bool pending_ = false;
};

bool ends_with(const std::string& s, const char* suffix) {
    std::size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

LineReader::LineReader(const std::filesystem::path& path) {
    std::string name = path.filename().string();
    if (ends_with(name, ".gz"))
        source_ = std::make_unique<GzipSource>(path);
    else if (ends_with(name, ".xz"))
        source_ = std::make_unique<XzSource>(path);
    else if (ends_with(name, ".zst"))
        source_ = std::make_unique<ZstdSource>(path);
    else
        source_ = std::make_unique<PlainSource>(path);
}

LineReader::~LineReader() = default;

std::uint64_t LineReader::bytes_read() const {
    return source_->consumed();
}

bool LineReader::fill() {
    if (eof_) return false;
    if (pos_ > 0) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    std::size_t old = buffer_.size();
    buffer_.resize(old + kChunk);
    std::size_t got = source_->read(buffer_.data() + old, kChunk);
    buffer_.resize(old + got);
    if (got == 0) eof_ = true;
    return got > 0;
}

LineReader::Status LineReader::next(std::string& line) {
    bool too_long = false;
    for (;;) {
        std::size_t nl = buffer_.find('\n', pos_);
        if (nl != std::string::npos) {
            ++line_number_;
            if (too_long) {
                pos_ = nl + 1;
                return Status::TooLong;
            }
            line.assign(buffer_, pos_, nl - pos_);
            pos_ = nl + 1;
            return Status::Line;
        }
        if (buffer_.size() - pos_ > kMaxLineBytes) {  // drop what we have, keep scanning
            too_long = true;
            buffer_.clear();
            pos_ = 0;
        }
        if (!fill()) {
            if (pos_ >= buffer_.size() && !too_long) return Status::End;
            ++line_number_;
            line.assign(buffer_, pos_, std::string::npos);
            buffer_.clear();
            pos_ = 0;
            return too_long ? Status::TooLong : Status::Line;
        }
    }
}

}  // namespace graf::corpus
