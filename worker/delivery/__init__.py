"""alert -> delivery: signed webhook POSTs, retried with backoff, every attempt recorded."""
