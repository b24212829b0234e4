"""Timestamps: stored in UTC (naive), worked with in the office's local time (naive)."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def to_local(utc: datetime) -> datetime:
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def to_utc(local: datetime) -> datetime:
    return local.astimezone(UTC).replace(tzinfo=None)
