"""Benchmarks: scripts that print numbers (never timed assertions in tests)."""
