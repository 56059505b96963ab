# The two quick-start commands: `make report` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
REPORT ?= rocb-ap-annual-report-2020-21
REPORTC = $(BUILD_DIR)/compiler/cli/reportc

.PHONY: report test deps build clean check bench

report: build
	@mkdir -p out
	$(REPORTC) build sources/$(REPORT)/report.xml -o out/$(REPORT).pdf

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

check: build
	$(REPORTC) check sources/$(REPORT)/report.xml

deps:
	@scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) out/*.pdf
