# modelbook: build the sample book, run the tests, run the benchmarks.
#
#   make book    install what is missing, build modelbook, check and build the sample book into build/,
#                and its audit report into build/audit/
#   make test    install what is missing, run the whole test suite
#   make bench   growth from 1,000 to 50,000 submissions against xmllint, pandoc and jing (one table),
#                then assignment and the review desk at 10,000 (BENCH_SIZES="1000 10000" for a shorter run)
#   make fuzz    libFuzzer on the manuscript reader for FUZZ_SECONDS (default 60); an input that
#                crashes, hangs over 2 s or uses over 200 MB is kept as a regression fixture
#   make install PREFIX=/usr/local   the program into PREFIX/bin (with its schemas beside it) and the
#                styles into PREFIX/share/modelbook/styles, where `modelbook build` finds them
#
# System packages come from Debian. As root with apt-get they are installed when missing;
# otherwise the missing ones are named and the target stops.

SWIFT       ?= swift
MANUSCRIPT  ?= manuscript
OUT         ?= build
CONFIG      ?= release
PREFIX      ?= /usr/local
FUZZ_SECONDS ?= 60

BUILD_PKGS  := pkg-config libxml2-dev libglpk-dev libsqlite3-dev
BOOK_PKGS   := xsltproc docbook5-xml docbook-xsl-ns fop fonts-noto-core
TEST_PKGS   := jing libxml2-utils poppler-utils chromium chromium-driver python3-selenium
BENCH_PKGS  := pandoc time bc libxml2-utils wrk curl sqlite3 python3

BIN = .build/$(CONFIG)/modelbook

.PHONY: book test bench fuzz install deps-build deps-book deps-test deps-bench modelbook clean

book: deps-build deps-book modelbook
	$(BIN) check --manuscript $(MANUSCRIPT)
	$(BIN) build --manuscript $(MANUSCRIPT) --out $(OUT) --format all
	$(BIN) audit --manuscript $(MANUSCRIPT) --out $(OUT)/audit

test: deps-build deps-book deps-test
	$(SWIFT) build
	$(SWIFT) test

bench: deps-build deps-book deps-test deps-bench modelbook
	bash scripts/bench-growth.sh $(BIN)
	bash scripts/bench.sh $(BIN)

fuzz: deps-build
	SWIFT=$(SWIFT) bash scripts/fuzz.sh $(FUZZ_SECONDS)

# SwiftPM looks for a module's resources in a folder beside the program first.
install: deps-build modelbook
	install -D -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/modelbook
	rm -rf $(DESTDIR)$(PREFIX)/bin/modelbook_ManuscriptReader.resources
	cp -R .build/$(CONFIG)/modelbook_ManuscriptReader.resources $(DESTDIR)$(PREFIX)/bin/
	install -d $(DESTDIR)$(PREFIX)/share/modelbook/styles
	install -m 644 styles/common.xsl styles/html.xsl styles/fo.xsl styles/book.css styles/fop.xconf \
		$(DESTDIR)$(PREFIX)/share/modelbook/styles/

modelbook:
	$(SWIFT) build -c $(CONFIG) --product modelbook

deps-build:  ; @bash scripts/need-packages.sh $(BUILD_PKGS)
deps-book:   ; @bash scripts/need-packages.sh $(BOOK_PKGS)
deps-test:   ; @bash scripts/need-packages.sh $(TEST_PKGS)
deps-bench:  ; @bash scripts/need-packages.sh $(BENCH_PKGS)

clean:
	rm -rf .build $(OUT)/*
