"""Benchmarks: each bench_*.py module has run(quick) -> list[Figure]; `checkin bench` prints them."""
