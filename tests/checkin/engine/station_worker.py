"""A door station in its own process, for the concurrency and crash tests.

python -m tests.checkin.engine.station_worker URL EVENT_ID STATION MODE START_AT SEED CODE...
Modes: enter (scan every code once, in random order), mixed (random entries and exits),
loop (scan codes of guests not inside, printing each admission once it is reported).
Each verdict is printed as one JSON line.
"""

import json
import random
import sys
import time

from checkin.db import database_url, make_engine
from checkin.engine import Door


def main(argv: list[str]) -> None:
    url, event_id, station, mode, start_at, seed, *codes = argv
    engine = make_engine(database_url(url))
    door = Door(engine, int(event_id), station)
    rng = random.Random(int(seed))
    if mode == "enter":
        plan = [(c, False) for c in rng.sample(codes, len(codes))]
    elif mode == "mixed":
        plan = [(rng.choice(codes), rng.random() < 0.4) for _ in range(80)]
    else:
        plan = [(c, False) for c in codes]
    delay = float(start_at) - time.time()
    if delay > 0:
        time.sleep(delay)  # all stations start at the same moment
    for code, leaving in plan:
        v = door.scan(code, exit=leaving)
        line = {"kind": v.kind.value, "guest": v.guest.id if v.guest else None, "passage": v.passage_id,
                "recorded": v.recorded, "repeat": v.repeat,
                "inside": v.room.inside if v.room else None, "capacity": v.room.capacity if v.room else None}
        if mode != "loop" or v.recorded:
            sys.stdout.write(json.dumps(line) + "\n")
            sys.stdout.flush()
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
