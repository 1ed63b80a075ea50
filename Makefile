# graf — the two commands a newcomer needs are `make demo` and `make test`.
# Both install missing Debian packages first (as root; otherwise they print
# the apt-get line and stop).

BUILD       ?= build
BUILD_TYPE  ?= Release
ASAN_BUILD  ?= build-asan
JOBS        ?= $(shell nproc)
GRAF        := $(BUILD)/app/graf

.PHONY: all deps build test test-asan demo bench clean format

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Every test (unit and end-to-end through the graf binary), via ctest.
test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGRAF_SANITIZE=ON \
	       -DGRAF_BUILD_BENCHMARKS=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	 ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

# Index the bundled sample corpus and run a name, a phrase and a free-text search.
demo: build
	@bash scripts/demo.sh $(GRAF)

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) graf-demo-index
