# Tandem: the two commands a new user needs are `make demo` and `make test`.
SWIFT ?= swift
CONFIG ?= release
TANDEM = .build/$(CONFIG)/tandem

.PHONY: deps build demo test bench format clean

deps:
	@scripts/ensure-deps

build: deps
	$(SWIFT) build -c $(CONFIG) --product tandem

demo: build
	$(TANDEM) demo quadratic

# Tests run in release: dual-number code is ~150x slower in debug builds, and the
# suite runs whole simulations. Tests use only public API, so no -enable-testing.
test: deps
	$(SWIFT) test -c $(CONFIG)

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
