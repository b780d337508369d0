"""The Textual app: the live meeting on the projector."""
