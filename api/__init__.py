"""审管联动 platform: core services and the four federated subgraphs."""
