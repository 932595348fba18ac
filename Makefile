# modelbook: build the sample book, run the tests, run the benchmarks.
#
#   make book    install what is missing, build modelbook, check and build the sample book into build/,
#                and its audit report into build/audit/
#   make test    install what is missing, run the whole test suite
#   make bench   10,000-submission benchmarks against xmllint and pandoc
#
# System packages come from Debian. As root with apt-get they are installed when missing;
# otherwise the missing ones are named and the target stops.

SWIFT       ?= swift
MANUSCRIPT  ?= manuscript
OUT         ?= build
CONFIG      ?= release

BUILD_PKGS  := pkg-config libxml2-dev libglpk-dev
BOOK_PKGS   := xsltproc docbook5-xml docbook-xsl-ns fop fonts-noto-core
TEST_PKGS   := jing libxml2-utils poppler-utils chromium
BENCH_PKGS  := pandoc time bc libxml2-utils

BIN = .build/$(CONFIG)/modelbook

.PHONY: book test bench deps-build deps-book deps-test deps-bench modelbook clean

book: deps-build deps-book modelbook
	$(BIN) check --manuscript $(MANUSCRIPT)
	$(BIN) build --manuscript $(MANUSCRIPT) --out $(OUT) --format all
	$(BIN) audit --manuscript $(MANUSCRIPT) --out $(OUT)/audit

test: deps-build deps-book deps-test
	$(SWIFT) build
	$(SWIFT) test

bench: deps-build deps-bench modelbook
	bash scripts/bench.sh $(BIN)

modelbook:
	$(SWIFT) build -c $(CONFIG) --product modelbook

deps-build:  ; @bash scripts/need-packages.sh $(BUILD_PKGS)
deps-book:   ; @bash scripts/need-packages.sh $(BOOK_PKGS)
deps-test:   ; @bash scripts/need-packages.sh $(TEST_PKGS)
deps-bench:  ; @bash scripts/need-packages.sh $(BENCH_PKGS)

clean:
	rm -rf .build $(OUT)/*
