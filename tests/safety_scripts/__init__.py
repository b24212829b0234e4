"""Helper programs the safety tests run as separate processes."""
