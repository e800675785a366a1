"""`sahelwatch demo`: the real pipeline on bundled sample feeds, offline."""
