"""Supervision subgraph: findings, measures, enforcement results, policy notices."""
