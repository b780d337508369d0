"""Pure domain: pydantic models and logic. Never imports textual or tinydb."""
