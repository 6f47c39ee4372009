"""Conflict detection: which pairs to compare (candidates), why they disagree (rules), review."""
