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

.PHONY: report test check build reportc deps clean

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
