"""The desktop app: the only part of Briefing that imports Qt."""
