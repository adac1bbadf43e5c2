"""Coordination subgraph: joint meetings, escalations, statistics, assessment, case files."""
