"""The access subgraph: sign-in, accounts and API keys, live policy administration, audit."""
