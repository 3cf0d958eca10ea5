# The two commands of the README: `make run` and `make test`.
BUILD ?= build
DATA ?= ./tusk-data
PORT ?= 5433

.PHONY: all deps build run test unit regress crash-loop bench bench-smoke clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j2

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

bench: build
	@python3 bench/bench.py --tusk $(BUILD)/tusk

bench-smoke: build
	@python3 bench/bench.py --tusk $(BUILD)/tusk --smoke

clean:
	rm -rf $(BUILD)
