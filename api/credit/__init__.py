"""Credit subgraph: subjects, credit records, rules, joint punishment, lookup log."""
