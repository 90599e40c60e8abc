"""Field extractors: pure functions from a role's sectioned pieces to contract values."""
