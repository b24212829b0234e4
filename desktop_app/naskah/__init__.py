"""Naskah dinas: content, workflow (paraf, sign), composition, verification, and its PDF."""
