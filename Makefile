# The two commands of the README: `make run` and `make test`.
BUILD ?= build
DATA ?= ./tusk-data
PORT ?= 5433

.PHONY: all deps build asan tsan run test test-asan test-tsan unit regress crash-loop sqlsmith bench bench-smoke clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j2

# Sanitizer trees next to the release one: build-asan (clang, AddressSanitizer +
# UndefinedBehaviorSanitizer, and libFuzzer's coverage so that the fuzz targets live in the same
# tree: one build serves make test-asan and scripts/fuzz.sh) and build-tsan (ThreadSanitizer),
# both -O1 -g1 (line tables). `make test-asan` runs make test's suites on build-asan.
ASAN_CONFIG = -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTUSK_SANITIZE=address -DTUSK_FUZZ=ON \
	-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang
asan: deps
	@cmake -S . -B build-asan -G Ninja $(ASAN_CONFIG) >/dev/null
	@cmake --build build-asan -j2

tsan: deps
	@cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTUSK_SANITIZE=thread >/dev/null
	@cmake --build build-tsan -j2

test-asan: asan
	@scripts/run-tests.sh build-asan

test-tsan: tsan
	@scripts/run-tests.sh build-tsan

run: build
	@echo "Connect with: psql -h 127.0.0.1 -p $(PORT) -U postgres"
	@$(BUILD)/tusk serve --data $(DATA) --port $(PORT) --listen 127.0.0.1

test: build
	@scripts/run-tests.sh $(BUILD)

unit: build
	@$(BUILD)/tusk_unit

regress: build
	@scripts/run-regress.sh $(BUILD)/tusk

crash-loop: build
	@scripts/crash-loop.sh $(BUILD)/tusk 20

# sqlsmith's random queries for 10 minutes (make test runs one minute of it)
sqlsmith: build
	@test/clients/sqlsmith_test.sh $(BUILD)/tusk 600

bench: build
	@python3 bench/bench.py --tusk $(BUILD)/tusk

bench-smoke: build
	@python3 bench/bench.py --tusk $(BUILD)/tusk --smoke

clean:
	rm -rf $(BUILD)

# libFuzzer targets (test/fuzz/targets/) alone, in build-asan (see asan above). Run them with
# scripts/fuzz.sh [SECONDS] [TARGET...] (test/fuzz/README.md).
.PHONY: fuzz
fuzz: deps
	@cmake -S . -B build-asan -G Ninja $(ASAN_CONFIG) >/dev/null
	@cmake --build build-asan -j$${FUZZ_JOBS:-2} --target fuzz_all
