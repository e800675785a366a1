"""incident -> alert: which endpoints want it, and the message body they receive."""
