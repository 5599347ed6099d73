"""Reads an iCalendar document on stdin with python3-icalendar and prints, as JSON, what the parser made of it.

Times are reported twice: as the parser resolves the TZID by name, and as the document's own VTIMEZONE
defines it, so a test can check that the VTIMEZONE written into the feed is right, not only the name.
"""
import datetime
import json
import sys

import icalendar

UTC = datetime.timezone.utc


def when(component, name, zones):
    if name not in component:
        return None
    prop = component[name]
    value = component.decoded(name)
    if not isinstance(value, datetime.datetime):
        return {"date": value.isoformat()}
    tzid = prop.params.get("TZID")
    result = {"utc": value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "tzid": tzid}
    if tzid is not None:
        naive = value.replace(tzinfo=None)
        result["local"] = naive.isoformat()
        if tzid in zones:
            result["utcByVtimezone"] = zones[tzid].localize(naive).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return result


def text(component, name):
    return str(component[name]) if name in component else None


def main():
    calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
    zones = {}
    time_zones = []
    for zone in calendar.walk("VTIMEZONE"):
        tzid = str(zone["TZID"])
        zones[tzid] = zone.to_tz()
        time_zones.append({
            "tzid": tzid,
            "offsetsTo": [int(sub.decoded("TZOFFSETTO").total_seconds() // 60) for sub in zone.subcomponents],
        })
    events = []
    for event in calendar.walk("VEVENT"):
        events.append({
            "uid": text(event, "UID"),
            "summary": text(event, "SUMMARY"),
            "description": text(event, "DESCRIPTION"),
            "location": text(event, "LOCATION"),
            "status": text(event, "STATUS"),
            "url": text(event, "URL"),
            "dtstamp": event.decoded("DTSTAMP").astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if "DTSTAMP" in event else None,
            "start": when(event, "DTSTART", zones),
            "end": when(event, "DTEND", zones),
        })
    names = ["PRODID", "VERSION", "CALSCALE", "METHOD", "X-WR-CALNAME", "X-WR-TIMEZONE", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"]
    refresh = calendar.get("REFRESH-INTERVAL")
    json.dump({
        "properties": {name: str(calendar[name]) for name in names if name in calendar},
        "refreshIntervalValueType": refresh.params.get("VALUE") if refresh is not None else None,
        "timeZones": time_zones,
        "events": events,
        "errors": [f"{component.name}: {error}" for component in calendar.walk() for error in getattr(component, "errors", [])],
    }, sys.stdout, ensure_ascii=False)


main()
