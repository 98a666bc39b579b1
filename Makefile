# survfig — `make` installs what is missing, builds, and renders the examples into Output/;
# `make test` runs the whole test suite.

SHELL := /bin/bash
.DELETE_ON_ERROR:
.PHONY: all deps build examples test bench clean

SWIFT ?= swift
CONFIG ?= release
BIN := .build/$(CONFIG)/survfig
APT_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev fonts-liberation2 poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

all: examples

# Installs the Debian packages the build, the fonts and the tests need, only when one is missing.
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

SOURCES := Package.swift $(shell find Sources -type f)

build: $(BIN)

$(BIN): $(SOURCES) | deps
	$(SWIFT) build -c $(CONFIG)
	@touch $@

EXAMPLES := Output/lung-by-sex.pdf Output/lung-by-sex.png Output/lung-by-sex.svg \
	Output/veteran-by-celltype.pdf Output/veteran-by-celltype.png \
	Output/lung-kmunicate-85mm.pdf Output/lung-kmunicate-85mm.png \
	Output/swimmer.pdf Output/swimmer.png

examples: $(EXAMPLES)

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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
	find Output -mindepth 1 ! -name .gitkeep -delete
