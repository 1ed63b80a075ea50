// zstd's magicless frames and frame header reader are in its "static
// linking only" part, which Debian's shared libzstd exports too.
#define ZSTD_STATIC_LINKING_ONLY
#include "schema/record_codec.hpp"

#include <fmt/format.h>
#include <zdict.h>
#include <zstd.h>

#include <charconv>
#include <mutex>
#include <unordered_map>

namespace graf::schema {
namespace {

// Measured on Reuters (records of the first 1,000 articles as samples):
// dictionary 32 / 64 / 110 KB at level 3: records 13.6 / 13.1 / 12.8 MB
// (26.4 plain); level 9 saved 0.3 MB more at four times the CPU (50 us a
// record, in the writer threads). Decompressing a record takes about 1 us.
constexpr std::size_t kMaxDictionaryBytes = 110 * 1024;
constexpr int kLevel = 3;
constexpr std::size_t kHeaderBytes = 5;  // marker + dictionary id

struct CCtxFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
    void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};
struct CDictFree {
    void operator()(ZSTD_CDict* d) const { ZSTD_freeCDict(d); }
};
struct DDictFree {
    void operator()(ZSTD_DDict* d) const { ZSTD_freeDDict(d); }
};

std::uint32_t id_of(std::string_view dictionary) {
    const auto id = static_cast<std::uint32_t>(fnv1a(dictionary));
    return id == 0 ? 1 : id;  // 0 marks a record stored as it is
}

std::string header(std::uint32_t id) {
    std::string h(1, kPackedRecordMarker);
    for (int shift = 24; shift >= 0; shift -= 8) h += static_cast<char>((id >> shift) & 0xff);
    return h;
}

// One context per thread: creating one per record would cost more than
// the compression (its workspace is allocated and zeroed).
ZSTD_CCtx* thread_cctx() {
    thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> cctx(ZSTD_createCCtx());
    return cctx.get();
}

ZSTD_DCtx* thread_dctx() {
    thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> dctx = [] {
        std::unique_ptr<ZSTD_DCtx, DCtxFree> d(ZSTD_createDCtx());
        ZSTD_DCtx_setParameter(d.get(), ZSTD_d_format, ZSTD_f_zstd1_magicless);
        return d;
    }();
    return dctx.get();
}

// Every dictionary this process has met, by id. An id is a hash of the
// dictionary's bytes, so one cache serves every index (and every reopen of
// one: a Searcher reopens at each new revision).
class DictionaryCache {
  public:
    static DictionaryCache& instance() {
        static DictionaryCache cache;
        return cache;
    }
    bool knows(std::uint32_t id) {
        std::lock_guard lock(mutex_);
        return dicts_.count(id) > 0;
    }
    void add(std::uint32_t id, std::string_view dictionary) {
        std::shared_ptr<ZSTD_DDict> d(ZSTD_createDDict(dictionary.data(), dictionary.size()),
                                      DDictFree());
        std::lock_guard lock(mutex_);
        dicts_.emplace(id, std::move(d));
    }
    std::shared_ptr<ZSTD_DDict> find(std::uint32_t id) {
        std::lock_guard lock(mutex_);
        auto it = dicts_.find(id);
        return it == dicts_.end() ? nullptr : it->second;
    }

  private:
    std::mutex mutex_;
    std::unordered_map<std::uint32_t, std::shared_ptr<ZSTD_DDict>> dicts_;
};

[[noreturn]] void corrupt(const std::string& why) {
    throw Xapian::DatabaseCorruptError("graf record: " + why);
}

}  // namespace

struct RecordCompressor::Impl {
    std::string dictionary;
    std::uint32_t id = 0;
    std::string hex;
    std::string header;
    std::unique_ptr<ZSTD_CDict, CDictFree> cdict;
};

RecordCompressor::RecordCompressor(std::string dictionary) {
    auto impl = std::make_shared<Impl>();
    impl->id = id_of(dictionary);
    impl->hex = fmt::format("{:08x}", impl->id);
    impl->header = header(impl->id);
    impl->cdict.reset(ZSTD_createCDict(dictionary.data(), dictionary.size(), kLevel));
    // What this process writes, it can read back.
    if (!DictionaryCache::instance().knows(impl->id))
        DictionaryCache::instance().add(impl->id, dictionary);
    impl->dictionary = std::move(dictionary);
    impl_ = std::move(impl);
}

std::optional<RecordCompressor> RecordCompressor::train(const std::vector<std::string>& records) {
    std::string samples;
    std::vector<std::size_t> sizes;
    for (const std::string& r : records) {
        if (r.empty()) continue;
        samples += r;
        sizes.push_back(r.size());
    }
    if (samples.size() < kMinTrainingBytes) return std::nullopt;
    // zstd's advice: a dictionary about a tenth of its samples or less.
    std::string dictionary(std::min(kMaxDictionaryBytes, samples.size() / 10), '\0');
    const std::size_t n =
        ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), samples.data(), sizes.data(),
                              static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(n)) return std::nullopt;  // e.g. samples too alike or too few
    dictionary.resize(n);
    return RecordCompressor(std::move(dictionary));
}

const std::string& RecordCompressor::id() const {
    return impl_->hex;
}

const std::string& RecordCompressor::dictionary() const {
    return impl_->dictionary;
}

std::string RecordCompressor::compress(std::string_view record) const {
    ZSTD_CCtx* cctx = thread_cctx();
    ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
    // The marker and id say what a frame's magic number and dictionary id
    // would; the content size stays (the reader sizes its buffer by it).
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_format, ZSTD_f_zstd1_magicless);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_dictIDFlag, 0);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 0);
    ZSTD_CCtx_refCDict(cctx, impl_->cdict.get());
    std::string out = impl_->header;
    out.resize(kHeaderBytes + ZSTD_compressBound(record.size()));
    const std::size_t n = ZSTD_compress2(cctx, out.data() + kHeaderBytes, out.size() - kHeaderBytes,
                                         record.data(), record.size());
    if (ZSTD_isError(n)) return plain_stored_record(std::string(record));
    out.resize(kHeaderBytes + n);
    return out;
}

std::string plain_stored_record(std::string record) {
    if (record.empty() || record[0] != kPackedRecordMarker) return record;
    return header(0) + record;
}

std::string record_dictionary_key(std::string_view id) {
    return std::string(kRecordDictKeyPrefix) + std::string(id);
}

void learn_record_dictionaries(const Xapian::Database& db) {
    const std::string prefix(kRecordDictKeyPrefix);
    DictionaryCache& cache = DictionaryCache::instance();
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string key = *it;
        std::uint32_t id = 0;
        const char* hex = key.data() + prefix.size();
        const auto [end, ec] = std::from_chars(hex, key.data() + key.size(), id, 16);
        if (ec != std::errc() || end != key.data() + key.size() || cache.knows(id)) continue;
        cache.add(id, db.get_metadata(key));
    }
}

std::string expand_record(std::string_view stored) {
    if (stored.empty() || stored[0] != kPackedRecordMarker) return std::string(stored);
    if (stored.size() < kHeaderBytes) corrupt("a record cut short");
    std::uint32_t id = 0;
    for (std::size_t i = 1; i < kHeaderBytes; ++i)
        id = id << 8 | static_cast<unsigned char>(stored[i]);
    stored.remove_prefix(kHeaderBytes);
    if (id == 0) return std::string(stored);
    const std::shared_ptr<ZSTD_DDict> dict = DictionaryCache::instance().find(id);
    if (!dict) corrupt(fmt::format("the dictionary {:08x} of a record is not in the index", id));
    ZSTD_frameHeader frame;
    if (ZSTD_getFrameHeader_advanced(&frame, stored.data(), stored.size(),
                                     ZSTD_f_zstd1_magicless) != 0 ||
        frame.frameContentSize == ZSTD_CONTENTSIZE_UNKNOWN)
        corrupt("a record's frame header");
    std::string out(frame.frameContentSize, '\0');
    const std::size_t n = ZSTD_decompress_usingDDict(thread_dctx(), out.data(), out.size(),
                                                     stored.data(), stored.size(), dict.get());
    if (ZSTD_isError(n) || n != out.size()) corrupt("a record that does not decompress");
    return out;
}

ParagraphData read_record(const Xapian::Document& doc) {
    const std::string stored = doc.get_value(kRecordSlot);
    return stored.empty() ? decode_legacy(doc.get_data()) : decode(expand_record(stored));
}

}  // namespace graf::schema
