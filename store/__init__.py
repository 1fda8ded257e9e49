"""The team's collection: examples, their history, people and roles, in SQLite or PostgreSQL."""
