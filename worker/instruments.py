"""The counters and histograms the pipeline records (see worker.metrics for how they are shared)."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

POLLS = Counter("sahelwatch_polls_total", "Feed polls by outcome.", ["outcome"])
FETCH_SECONDS = Histogram("sahelwatch_fetch_seconds", "Time to download a feed or a page.", ["kind"],
                          buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60))
ARTICLES = Counter("sahelwatch_articles_total", "Entries processed by outcome.", ["outcome"])
TAGGING_SECONDS = Histogram("sahelwatch_tagging_seconds", "Time to tag one article.",
                            buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1))
INCIDENTS = Counter("sahelwatch_incidents_total", "Incidents created or updated.", ["change"])
ALERTS = Counter("sahelwatch_alerts_total", "Alerts raised by type.", ["type"])
DELIVERIES = Counter("sahelwatch_deliveries_total", "Delivery attempts by outcome.", ["outcome", "kind"])
