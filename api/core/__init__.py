"""Shared infrastructure: settings, database, authn, authz, errors, the subgraph app factory."""
