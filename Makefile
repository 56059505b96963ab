# The two quick-start commands: `make report` and `make test`.
#
# A second `make report` with nothing changed costs only cmake's own up-to-date check: the
# package check runs again only when scripts/install-deps.sh changes (its success leaves a stamp
# in the build directory), and cmake is configured explicitly only once (`cmake --build`
# re-configures by itself when a CMakeLists.txt changes).
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
REPORT ?= rocb-ap-annual-report-2020-21
REPORTC = $(BUILD_DIR)/compiler/cli/reportc
DEPS_STAMP = $(BUILD_DIR)/.install-deps.done
CONFIGURED = $(BUILD_DIR)/CMakeCache.txt

.PHONY: report test check build reportc deps clean test-asan fuzz dev-deps

report: reportc
	@mkdir -p out
	$(REPORTC) build sources/$(REPORT)/report.xml -o out/$(REPORT).pdf

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

check: reportc
	$(REPORTC) check sources/$(REPORT)/report.xml

# Only the command-line tool (what `make report` needs).
reportc: $(CONFIGURED)
	cmake --build $(BUILD_DIR) -j $(JOBS) --target reportc

# Everything: the tool, the tests and the benchmarks.
build: $(CONFIGURED)
	cmake --build $(BUILD_DIR) -j $(JOBS)

deps: $(DEPS_STAMP)

$(DEPS_STAMP): scripts/install-deps.sh
	scripts/install-deps.sh
	@mkdir -p $(BUILD_DIR) && touch $@

# Ninja, because its up-to-date check is much faster than recursive make's.
$(CONFIGURED): | $(DEPS_STAMP)
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release

clean:
	rm -rf $(BUILD_DIR) out/*.pdf

# The whole suite built with clang, AddressSanitizer and UndefinedBehaviorSanitizer (any finding
# fails its test: no recovery) in a build folder of its own; with -Werror, so it also shows the
# project builds warning-free with clang (`make build` does with GCC). The same build holds the
# libFuzzer targets (scripts/fuzz.sh configures it the same way). The tests run with a 64 MiB
# stack: instrumented frames carry a red zone around every local, and the inline reader's depth
# limit (1,000 levels, tests/input/limits_test.cpp) needs between 8 and 16 MiB in this build.
ASAN_BUILD_DIR ?= build-asan
test-asan: dev-deps
	ASAN_BUILD_DIR=$(ASAN_BUILD_DIR) scripts/fuzz.sh configure
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	ulimit -s 65536 && cd $(ASAN_BUILD_DIR) && ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

# Every libFuzzer target for FUZZ_SECONDS each (scripts/fuzz.sh runs one: scripts/fuzz.sh TARGET SECONDS).
FUZZ_SECONDS ?= 60
fuzz: dev-deps
	ASAN_BUILD_DIR=$(ASAN_BUILD_DIR) scripts/fuzz.sh all $(FUZZ_SECONDS)

dev-deps:
	scripts/install-dev-deps.sh
