"""What leaves the meeting: minutes, follow-ups, calendar items, emails, JSON."""
