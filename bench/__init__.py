"""wirecheck benchmarks: ``python -m bench.run_all`` (``make bench``); see docs/benchmarks.md."""
