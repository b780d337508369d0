"""``reviewtui where``: where data, config and state live, and every config key."""

from __future__ import annotations

import json
from typing import Any

import click

from reviewtui.commands import output

SCHEMA_VERSION = 1


@click.command()
@click.option("--json", "as_json", is_flag=True, help="The same as JSON.")
@click.pass_context
def where(ctx: click.Context, as_json: bool) -> None:
    """Print where the data, the config file and the app's state are, and the config keys."""
    from reviewtui.config import KEYS, config_file
    from reviewtui.paths import DATA_DIR_ENV, bundled_dir, data_dir, state_dir

    found: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "data_dir": str(data_dir(ctx.find_root().obj.get("data_dir"))),
        "config_file": str(config_file()),
        "config_exists": config_file().is_file(),
        "state_dir": str(state_dir()),
        "docs": str(bundled_dir("docs")),
        "config_keys": {key: {"what": what, "default": dflt} for key, (what, dflt) in KEYS.items()},
    }
    if as_json:
        output.say(json.dumps(found, ensure_ascii=False, indent=2))
        return
    exists = "" if found["config_exists"] else "  (not created yet)"
    output.say(f"data    {found['data_dir']}  (--data-dir or ${DATA_DIR_ENV})")
    output.say(f"config  {found['config_file']}{exists}")
    output.say(f"state   {found['state_dir']}  (remembered theme, drafts)")
    output.say(f"docs    {found['docs']}")
    output.say("")
    output.say("config.toml keys (all text, in quotes):")
    for key, (what, default) in KEYS.items():
        output.say(f"  {key:<11} {what}; default: {default}")
