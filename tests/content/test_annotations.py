"""The time stamp the user data stores (``utc_now``): ISO 8601 in UTC, to the second, «Z»."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sgdesk.content.annotations import utc_now


def test_the_stamp_is_utc_to_the_second_and_sorts_as_text() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    stamp = utc_now()
    after = datetime.now(UTC)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp), stamp
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    assert before <= moment <= after  # the current moment, in UTC (not local time)
