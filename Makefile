# Tandem: the two commands a new user needs are `make demo` and `make test`.
SWIFT ?= swift
CONFIG ?= release
TANDEM = .build/$(CONFIG)/tandem

.PHONY: deps build demo test bench format clean

deps:
	@scripts/ensure-deps

build: deps
	$(SWIFT) build -c $(CONFIG) --product tandem

# The main job on an example: tune a projectile's launch velocity to hit a target.
demo: build
	$(TANDEM) tune scenes/projectile.yaml
	@echo "See output/projectile/overlay.png (iterations, faint to bold) and the frames beside it."

# Tests run in release: dual-number code is ~150x slower in debug builds, and the
# suite runs whole simulations. Tests use only public API, so no -enable-testing.
test: deps
	$(SWIFT) test -c $(CONFIG)

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
