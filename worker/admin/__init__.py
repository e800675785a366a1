"""What admins and operators do: manage feeds and endpoints, run workers, wait for results."""
