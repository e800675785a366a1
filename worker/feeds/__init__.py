"""feed -> entry: fetch the feed, parse its items, store the new ones."""
