"""Benchmarks with budgets, each figure a ratio to a baseline measured in the same run."""
