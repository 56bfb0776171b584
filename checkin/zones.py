"""Showing UTC timestamps in the event's own time zone."""

from datetime import datetime
from zoneinfo import ZoneInfo


def local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def local_text(moment: datetime, zone: str, time_only: bool = False) -> str:
    """'27.02.2026 17:30' (or '17:30') in the event's zone."""
    value = local(moment, zone)
    return value.strftime("%H:%M") if time_only else value.strftime("%d.%m.%Y %H:%M")
