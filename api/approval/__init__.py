"""Approval subgraph: applications, legal documents, pushes, the feedback inbox."""
