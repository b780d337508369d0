"""Screens of the app: start, meeting, and the small dialogs."""
