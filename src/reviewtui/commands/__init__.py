"""Click commands beyond the group itself, one module per subject."""
