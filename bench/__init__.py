"""Start-up benchmarks for sgdesk: ``python -m bench`` (see docs/benchmarks.md)."""
