"""events -> incident: what an analyst is alerted about, one per real-world incident."""
