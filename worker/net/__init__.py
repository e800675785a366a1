"""The only place that talks HTTP to the outside: guarded, capped, readable errors."""
