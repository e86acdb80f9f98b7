# Tandem: the two commands a new user needs are `make demo` and `make test`.
SWIFT ?= swift
CONFIG ?= release
TANDEM = .build/$(CONFIG)/tandem
# Code generation for the CPU of the machine that builds: the kernels run on
# 8- and 16-lane vectors, which the default x86-64 baseline (SSE2) splits into
# 2-lane operations (B2 then runs ~1.4x slower), and with fused multiply-adds
# (TANDEM_FMA) where the CPU has them. `make ARCH_FLAGS=` builds a portable
# binary. Every target uses the same flags, so they share one build.
HAS_FMA := $(shell grep -qw fma /proc/cpuinfo 2>/dev/null && echo yes)
ARCH_FLAGS ?= -Xswiftc -target-cpu -Xswiftc native -Xcc -march=native \
	$(if $(HAS_FMA),-Xswiftc -DTANDEM_FMA)

.PHONY: deps build demo test test-slurm fuzz bench docs format clean

deps:
	@scripts/ensure-deps

build: deps
	$(SWIFT) build -c $(CONFIG) $(ARCH_FLAGS)

# The main job on an example: tune a projectile's launch velocity to hit a target.
demo: build
	$(TANDEM) tune scenes/projectile.yaml
	@echo "See output/projectile/overlay.png (iterations, faint to bold) and the frames beside it."

# Tests run in release: dual-number code is ~150x slower in debug builds, and the
# suite runs whole simulations. Tests use only public API, so no -enable-testing.
test: deps
	$(SWIFT) test -c $(CONFIG) $(ARCH_FLAGS) --disable-testable-imports

# examples/slurm/sweep.sbatch on a real single-node Slurm (scripts/slurm-local, Debian's
# packages, installed when missing): an 8-task array sweep, merged and compared with one
# process. Needs root; skipped, saying so, otherwise. CI runs it after `make test`.
test-slurm: build
	scripts/test-slurm-sweep

# Fuzz the scene reader for FUZZ_SECONDS (default 60) with libFuzzer: a
# separate build with -sanitize=fuzzer (in .build-fuzz/; linked with lld, as
# gold fails on libFuzzer's objects), seeded with the
# saved corpus Fuzz/corpus/scene (which `make test` replays); new inputs go to
# .build-fuzz/corpus, crashes to Fuzz/crashes/ (replay one with
# `.build/release/tandem-fuzz FILE`, then save it in the corpus with a test).
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build -c release --scratch-path .build-fuzz --product tandem-fuzz \
		-Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link \
		-Xswiftc -use-ld=lld
	mkdir -p .build-fuzz/corpus Fuzz/crashes
	.build-fuzz/release/tandem-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 \
		-rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=Fuzz/crashes/ \
		.build-fuzz/corpus Fuzz/corpus/scene

# DocC archives of the library modules (each has a catalog with an overview
# article), in .build/plugins/Swift-DocC/outputs/.
DOC_TARGETS = TandemAD TandemFiles TandemProcess TandemPhysics TandemTraining TandemTuning TandemScene TandemRender TandemReports
docs: deps
	$(SWIFT) package generate-documentation $(addprefix --target ,$(DOC_TARGETS))
	@echo "DocC archives: .build/plugins/Swift-DocC/outputs/"

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build

# Tandem and the JAX peer side by side (needs ../shared/peers/run-jax).
bench: build
	bench/compare
