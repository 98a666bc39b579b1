# survfig — `make` installs what is missing, builds, and renders the examples into Output/;
# `make test` runs the whole test suite.

SHELL := /bin/bash
.DELETE_ON_ERROR:
.PHONY: all deps build examples gallery test bench bench-transport clean format lint fuzz fuzz-build

SWIFT ?= swift
CONFIG ?= release
BIN := .build/$(CONFIG)/survfig
APT_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libreadstat-dev libtiff-dev liblcms2-dev ghostscript zlib1g-dev fonts-liberation2 fonts-noto-cjk poppler-utils python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

all: examples

# Installs the Debian packages the build, the fonts and the tests need, only when one is missing.
# A stamp records that the check passed, so the check is a prerequisite that never makes anything
# out of date: after `make`, `make -q` finds nothing to do. `make clean` removes the stamp.
DEPS_STAMP := .build/.deps-installed

deps: $(DEPS_STAMP)

$(DEPS_STAMP): Makefile
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@mkdir -p $(@D) && touch $@

SOURCES := Package.swift $(shell find Sources -type f)

build: $(BIN)

$(BIN): $(SOURCES) | $(DEPS_STAMP)
	$(SWIFT) build -c $(CONFIG)
	@touch $@

EXAMPLES := Output/lung-by-sex.pdf Output/lung-by-sex.png Output/lung-by-sex.svg \
	Output/veteran-by-celltype.pdf Output/veteran-by-celltype.png \
	Output/lung-kmunicate-85mm.pdf Output/lung-kmunicate-85mm.png \
	Output/swimmer.pdf Output/swimmer.png

# Report templates: `survfig build` writes each template's figures, sidecars and report PDF and a
# dependency file, so a template is rebuilt only when it, its data or survfig changed.
TEMPLATES := $(wildcard Templates/*.yaml)
REPORTS := $(patsubst Templates/%.yaml,Output/%.pdf,$(TEMPLATES))

examples: $(EXAMPLES) $(REPORTS)

$(REPORTS): Output/%.pdf: Templates/%.yaml $(BIN)
	$(BIN) build $< --out Output --depfile Output/$*.d --quiet

-include $(REPORTS:.pdf=.d)

KM := $(BIN) km --data Templates/data/lung.csv --time time --event status --event-value 2

Output/lung-by-sex.%: $(BIN) Templates/data/lung.csv
	$(KM) --group sex --group-labels "1=Male,2=Female" --x-title "Time (days)" \
	  --title "Overall survival by sex (NCCTG lung cancer trial)" --confidence-bands --out $@

Output/lung-kmunicate-85mm.%: $(BIN) Templates/data/lung.csv
	$(KM) --group sex --group-labels "1=Male,2=Female" --x-title "Time (days)" \
	  --risk-table kmunicate --width 85 --height 95 --out $@

Output/veteran-by-celltype.%: $(BIN) Templates/data/veteran.csv
	$(BIN) km --data Templates/data/veteran.csv --time time --event status --group celltype \
	  --group-labels "1=Squamous,2=Small cell,3=Adeno,4=Large" --x-title "Time (days)" \
	  --title "Veterans' Administration lung cancer trial" --out $@

Output/swimmer.%: $(BIN) Templates/data/swimmer-patients.csv Templates/data/swimmer-events.csv
	$(BIN) swimmer --data Templates/data/swimmer-patients.csv --id patient --end end --group group \
	  --ongoing ongoing --response-start response_start --response-end response_end \
	  --events Templates/data/swimmer-events.csv --event-id patient --event-time month \
	  --event-type event --time-unit months --legend-title Treatment \
	  --title "Progression-free survival by RECIST" --out $@

# Speed benchmark (Documentation/performance.md). Each whole-process path of survfig on
# the 1,000,000-patient, 7-column cohort next to R doing the same work on the same file in the same
# run, with the ratio and the target (Scripts/bench.sh); the in-process stages; 10,000,000 rows and
# the growth from 10,000 (Scripts/bench-growth.sh); the template build against R + survminer; and
# .xpt against CSV. R is timed only when Rscript with survival (survminer for the template) is
# installed. The cohorts are written once (survfig-bench generate-cox, seed 20261124).
BENCH := Output/bench

bench: $(BIN) | $(DEPS_STAMP)
	$(SWIFT) build -c $(CONFIG) --product survfig-bench
	@mkdir -p $(BENCH)
	@[ -f $(BENCH)/cox.csv ] || .build/$(CONFIG)/survfig-bench generate-cox 1000000 20261124 $(BENCH)/cox.csv
	@echo "== survfig, in-process stages on $(BENCH)/cox.csv (best of 3)"
	@.build/$(CONFIG)/survfig-bench stages $(BENCH)/cox.csv
	@Scripts/bench.sh $(BIN) $(BENCH)
	@echo "== growth from 10,000 to 10,000,000 rows (whole processes)"
	@Scripts/bench-growth.sh $(BIN) .build/$(CONFIG)/survfig-bench $(BENCH)
	@echo "== survfig build: 15 figures (11 Kaplan–Meier with risk tables, 2 forest, 2 swimmer) and 3 tables from 1,000 patients (figure PDFs, tables, report PDF; as R draws them)"
	@.build/$(CONFIG)/survfig-bench template $(BENCH)/template
	@$(BIN) build $(BENCH)/template/bench.yaml --out $(BENCH)/template/out --quiet
	@rm -rf $(BENCH)/template/out
	@/usr/bin/time -f "%e %M" -o $(BENCH)/template/survfig.txt $(BIN) build $(BENCH)/template/bench.yaml --out $(BENCH)/template/out --quiet
	@if Rscript -e 'library(survminer)' >/dev/null 2>&1; then \
	  (cd $(BENCH)/template && /usr/bin/time -f "%e %M" -o r.txt Rscript bench.R >/dev/null 2>&1); \
	  awk 'NR == FNR { s = $$1; sm = $$2; next } { printf "survfig build %.2f s, %d MB | R + survival + survminer + ggplot2 %.2f s, %d MB | %.0f× faster (target ≥ 60×)\n", s, sm / 1024, $$1, $$2 / 1024, $$1 / s }' \
	    $(BENCH)/template/survfig.txt $(BENCH)/template/r.txt; \
	else awk '{ printf "survfig build %.2f s, %d MB (R package survminer not installed: R comparison skipped)\n", $$1, $$2 / 1024 }' $(BENCH)/template/survfig.txt; fi
	@rm -rf $(BENCH)/template/out
	@/usr/bin/time -f "%e %M" -o $(BENCH)/template/survfig.txt $(BIN) build $(BENCH)/template/bench.yaml --out $(BENCH)/template/out --documents all --quiet
	@awk '{ printf "   the same build with the Word, RTF, methods and numbers documents R does not make (--documents all): %.2f s, %d MB\n", $$1, $$2 / 1024 }' $(BENCH)/template/survfig.txt
	@$(MAKE) --no-print-directory bench-transport

# The same 1,000,000 rows (Scripts/write-timing-data.R) as a SAS transport file and as CSV: `survfig
# km` whole process on each, best of 3 (target: the .xpt no slower than the .csv). The data are
# written once when Rscript with haven is installed.
TIMING := $(BENCH)/timing-1m
TIMING_KM = $(BIN) km --data $(TIMING).$$format --param OS --group TRTP --out $(TIMING)-km-$$format.pdf

bench-transport: $(BIN) | $(DEPS_STAMP)
	@echo "== survfig km, whole process: the same 1,000,000 rows as SAS transport (.xpt) and CSV"
	@mkdir -p $(BENCH)
	@if [ ! -f $(TIMING).xpt ] || [ ! -f $(TIMING).csv ]; then \
	  if Rscript -e 'library(haven)' >/dev/null 2>&1; then Rscript Scripts/write-timing-data.R $(BENCH); fi; \
	fi
	@if [ -f $(TIMING).xpt ] && [ -f $(TIMING).csv ]; then \
	  rm -f $(TIMING)-best.txt; \
	  for format in xpt csv; do \
	    best=; \
	    for run in 1 2 3; do \
	      /usr/bin/time -f "%e %M" -o $(TIMING)-time.txt $(TIMING_KM) >/dev/null || exit 1; \
	      best=$$(awk -v best="$$best" '{ print (best == "" || $$1 < best + 0) ? $$1 " " $$2 : best }' $(TIMING)-time.txt); \
	    done; \
	    printf '%s ' "$$best" >> $(TIMING)-best.txt; \
	  done; \
	  awk '{ printf "survfig km --param OS --group TRTP, best of 3: .xpt %s s (peak %d MB), .csv %s s (peak %d MB)\n", $$1, $$2 / 1024, $$3, $$4 / 1024 }' $(TIMING)-best.txt; \
	  rm -f $(TIMING)-best.txt $(TIMING)-time.txt; \
	else echo "(Rscript with haven not installed and no $(TIMING).xpt: transport timing skipped)"; fi

# Small PNG thumbnails of the examples for the README, committed under Documentation/.
GALLERY := Documentation/lung-by-sex.png Documentation/veteran-by-celltype.png \
	Documentation/lung-kmunicate-85mm.png

SHOWCASE_GALLERY := Documentation/ima-figure-3.png Documentation/hnmm-figure-1.png \
	Documentation/imt-figure-4.png

gallery: $(GALLERY) $(SHOWCASE_GALLERY)

# Figures of the showcase templates are written by the template's build.
Documentation/ima-%.png: Output/ima.pdf
	@mkdir -p Documentation
	pdftoppm -r 60 -png -singlefile Output/ima-$*.pdf $(basename $@)
Documentation/hnmm-%.png: Output/hnmm.pdf
	@mkdir -p Documentation
	pdftoppm -r 60 -png -singlefile Output/hnmm-$*.pdf $(basename $@)
Documentation/imt-%.png: Output/imt.pdf
	@mkdir -p Documentation
	pdftoppm -r 60 -png -singlefile Output/imt-$*.pdf $(basename $@)

Documentation/%.png: Output/%.pdf
	@mkdir -p Documentation
	pdftoppm -r 90 -png -singlefile $< $(basename $@)

# Coverage-guided fuzzing of the parsers with libFuzzer: the CSV reader, template expressions,
# model formulas, captions and YAML templates (targets under Sources/Fuzz). Each runs for
# FUZZ_SECONDS (or FUZZ_RUNS inputs) from its seed corpus in Fuzz/Corpus, with the tokens of
# Fuzz/Dictionaries; an input that crashes, takes over FUZZ_TIMEOUT seconds or grows memory past
# FUZZ_RSS_MB fails the run and is kept in Output/fuzz/<target>/ (replay it with the target built
# normally: .build/debug/fuzz-<target> FILE). New inputs go to Output/fuzz/<target>/corpus; the
# committed seeds are not changed. The build is separate (.build-fuzz): the sanitizer flags never
# reach the normal build.
FUZZ_TARGETS ?= csv expressions formula captions templates
FUZZ_SECONDS ?= 600
FUZZ_RUNS ?= -1
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB ?= 2048
FUZZ_MAX_LEN ?= 4096
# swiftc keeps only its last -sanitize= flag, so the sanitizers go in one: --sanitize=fuzzer makes
# SwiftPM link libFuzzer's main (and instrument the C of libyaml), -sanitize=fuzzer,address
# instruments the Swift. Without address the targets run about twice as fast.
FUZZ_SANITIZERS ?= fuzzer,address
FUZZ_BUILD := .build-fuzz

fuzz-build:
	@for t in $(FUZZ_TARGETS); do \
	  $(SWIFT) build -c release --scratch-path $(FUZZ_BUILD) --product fuzz-$$t --sanitize=fuzzer \
	    -Xswiftc -sanitize=$(FUZZ_SANITIZERS) -Xswiftc -DFUZZING || exit 1; \
	done

fuzz: fuzz-build
	@failed=""; for t in $(FUZZ_TARGETS); do \
	  out=Output/fuzz/$$t; mkdir -p $$out/corpus; \
	  dict=""; [ -f Fuzz/Dictionaries/$$t.dict ] && dict=-dict=Fuzz/Dictionaries/$$t.dict; \
	  echo "== fuzz-$$t: $(FUZZ_SECONDS) s, timeout $(FUZZ_TIMEOUT) s, memory $(FUZZ_RSS_MB) MB"; \
	  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 $(FUZZ_BUILD)/release/fuzz-$$t $$out/corpus Fuzz/Corpus/$$t \
	    $$dict -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) -timeout=$(FUZZ_TIMEOUT) \
	    -rss_limit_mb=$(FUZZ_RSS_MB) -malloc_limit_mb=$(FUZZ_RSS_MB) -max_len=$(FUZZ_MAX_LEN) \
	    -print_final_stats=1 -artifact_prefix=$$out/ > $$out/log 2>&1; status=$$?; \
	  runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$out/log); \
	  rate=$$(sed -n 's/^stat::average_exec_per_sec: *//p' $$out/log); \
	  rss=$$(sed -n 's/^stat::peak_rss_mb: *//p' $$out/log); \
	  echo "fuzz-$$t: $${runs:-?} executions, $${rate:-?} per second, peak memory $${rss:-?} MB"; \
	  if [ $$status -ne 0 ]; then \
	    failed="$$failed $$t"; grep -E "^==[0-9]+== ERROR|^SUMMARY|Fatal error|Test unit written" $$out/log | head -5; \
	  fi; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzzing failed:$$failed (logs in Output/fuzz/<target>/log)"; exit 1; fi

# Formatting is checked against the committed .swift-format; `make format` applies it.
FORMAT_PATHS := Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive --parallel $(FORMAT_PATHS)

# The format, and the package graph: each target's declared dependencies are what it imports.
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)
	python3 Scripts/check-target-imports.py

test: $(DEPS_STAMP) lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
	find Output -mindepth 1 ! -name .gitkeep -delete
