"""The demo network: believable people, generated fast for a seed (never your real data)."""
