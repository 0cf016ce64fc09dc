"""Briefing: traceable briefing cards and one-page PDF briefings for diplomatic dialogues."""

__version__ = "0.1.0"
