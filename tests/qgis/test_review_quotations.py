"""up42:quotations checks MAX_CREDITS before it decides anything (review fix): a run refused
for the price said "nothing was accepted" after it had accepted a feasibility option."""

from __future__ import annotations

from tests.qgis.support import failure
from tests.qgis.test_processing_tasking import (  # noqa: F401 - fixtures
    client,
    patches,
    place,
    tasking,
)
from tests.unit.api.tasking_support import STANDARD, wait_for
from up42_qgis.api.order_status import OrderSubStatus


def test_over_max_credits_no_feasibility_option_is_accepted_either(tasking, client):  # noqa: F811
    quoted = place()
    studied = place(STANDARD)
    wait_for(client, quoted, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    wait_for(client, studied, OrderSubStatus.FEASIBILITY_WAITING_RESPONSE)
    (quotation,) = client.quotations([quoted])
    (study,) = client.feasibility_studies([studied])
    message = failure(
        "quotations",
        {
            "ORDER_IDS": f"{quoted},{studied}",
            "DECISION": "accept",
            "MAX_CREDITS": quotation.credits_price - 1,
            "OPTION_IDS": study.options[0].id,
            "OUTPUT": "memory:",
        },
    )
    assert "nothing was accepted" in message
    assert not patches(tasking)
    (again,) = client.feasibility_studies([studied])
    assert again.is_pending
