# graf — the two commands a newcomer needs are `make demo` and `make test`.
# Both install missing Debian packages first (as root; otherwise they print
# the apt-get line and stop).

BUILD       ?= build
BUILD_TYPE  ?= Release
ASAN_BUILD  ?= build-asan
JOBS        ?= $(shell nproc)
GRAF        := $(BUILD)/app/graf

.PHONY: all deps build install test test-asan fuzz demo bench bench-shards bench-micro eval clean format

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# graf, its man page, bash and zsh completion under $(DESTDIR)$(PREFIX)
# (bin/, share/man/man1/, share/bash-completion/completions/, share/zsh/site-functions/).
PREFIX ?= /usr/local
install: build
	@DESTDIR=$(DESTDIR) cmake --install $(BUILD) --prefix $(PREFIX)

# Every test (unit and end-to-end through the graf binary), via ctest.
test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGRAF_SANITIZE=ON \
	       -DGRAF_BUILD_BENCHMARKS=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	 ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

# libFuzzer targets (clang): each runs FUZZ_SECONDS, seeded from the sample
# corpus and real queries; crashes land in $(FUZZ_BUILD)/crashes.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz: deps
	@cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	       -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGRAF_FUZZ=ON -DGRAF_BUILD_TESTS=OFF \
	       -DGRAF_BUILD_BENCHMARKS=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@bash scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# Index the bundled sample corpus and run a name, a phrase and a free-text search.
demo: build
	@bash scripts/demo.sh $(GRAF)

# graf and SQLite FTS5 side by side: same corpus, same queries, one table.
# Defaults to the shared Reuters corpus; e.g.
#   make bench CORPUS=../shared/corpus/bbc QUERIES=../shared/queries/bbc.tsv
#   make bench SCALE=1,4,16        (the corpus repeated 4 and 16 times)
CORPUS  ?= ../shared/corpus/reuters21578.jsonl
QUERIES ?= ../shared/queries/reuters.tsv
SCALE   ?= 1
RUNS    ?= 5
bench: build
	@$(BUILD)/benchmarks/compare/graf-bench-compare --queries $(QUERIES) --scale $(SCALE) --runs $(RUNS) \
	  --work bench-out --json bench-out/compare.json $(CORPUS)

# Query latency with 1, 2 and 4 shards, local and served by xapian-tcpsrv on
# loopback (same CORPUS, QUERIES, RUNS; SHARDS=1,2,4).
SHARDS ?= 1,2,4
bench-shards: build
	@$(BUILD)/benchmarks/shards/graf-bench-shards --queries $(QUERIES) --shards $(SHARDS) --runs $(RUNS) \
	  --work bench-out --json bench-out/shards.json $(CORPUS)

# Ranking quality: graf, SQLite FTS5 and Xapian's stock stack on every judged
# collection in JUDGED (indexes in bench-out/eval/NAME), one table of MAP,
# nDCG@10, P@10, R@100; every figure in bench-out/eval/eval.json. E.g.
#   make eval COLLECTIONS=med,cran
JUDGED      ?= ../shared/corpus/judged
COLLECTIONS ?=
eval: build
	@$(BUILD)/benchmarks/eval/graf-eval-compare --judged $(JUDGED) --work bench-out/eval \
	  --json bench-out/eval/eval.json $(if $(COLLECTIONS),--collections $(COLLECTIONS))

# Google Benchmark micro-benchmarks of the inner loops (analysis, snippets).
bench-micro: build
	@$(BUILD)/benchmarks/micro/graf-micro-bench

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) graf-demo-index
