"""The office: its profile and settings (later: people, letter numbers, sign-off routes)."""
