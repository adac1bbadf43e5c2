"""Catalog subgraph: departments, people, matters, linkages and their publication."""
