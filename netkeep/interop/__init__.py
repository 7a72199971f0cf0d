"""Bringing data in and taking it out: LinkedIn, vCard, CSV, JSON backup, iCalendar."""
