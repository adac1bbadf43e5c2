"""审管联动 platform: core services and the federated subgraphs."""
