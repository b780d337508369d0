"""A child process that captures actions into a data dir and prints each acknowledged number.

Used by the crash and concurrency tests: a number is printed only after ``capture``
returned, i.e. after the item is fsynced, so every printed number must survive a kill.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reviewtui.domain.capture import ItemKind
from reviewtui.store.repository import Store


def main() -> None:
    """``writer_child.py DATA_DIR MEETING_ID COUNT LABEL [PAUSE_SECONDS]``."""
    root, meeting_id, count, label = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    pause = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    store = Store(root)
    print("ready", flush=True)
    for index in range(count):
        item = store.capture(ItemKind.ACTION, f"{label} action {index}", meeting_id, owner=label)
        print(item.number, flush=True)
        time.sleep(pause)


if __name__ == "__main__":
    main()
