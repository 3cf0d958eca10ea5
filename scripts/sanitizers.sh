# Sourced by the test scripts: how sanitizer builds (make asan, make tsan) report. Each report
# stops the process (so the test that caused it fails) and names its stack. Leak checking is off:
# the server ends with _exit while connection threads still hold the database.
# Suppressions, each with its reason, live in test/sanitizers/.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:handle_abort=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
