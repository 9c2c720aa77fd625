"""Queries over the store: ranked search, field selection and ordering, and records described in words."""
