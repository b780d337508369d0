"""Use cases on top of the store: planning, capturing, the action lifecycle, status views."""
