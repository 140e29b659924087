"""The rule engine: descriptors, kinds, loading, running and suppression."""
