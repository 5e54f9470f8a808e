"""Schemathesis against the API's own OpenAPI spec: generated requests never get a 500.

A bounded number of examples per operation keeps it fast (well under a minute); the error
envelope is checked on every answer that is not a success. The operations are driven with
Hypothesis directly: schemathesis's pytest plugin does not run under this pytest.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from dyad.serve import create_app

MAX_EXAMPLES = 25


def test_openapi_generated_requests_get_no_server_error(served_db) -> None:
    # An app of its own: schemathesis runs the app's lifespan, whose end closes the store.
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(served_db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {"GET /api/events", "POST /api/ingest", "GET /api/export"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def check(case) -> None:
            response = case.call_and_validate(checks=[not_a_server_error])
            if response.status_code >= 400:
                body = response.json()
                assert body["ok"] is False and body["status"] == response.status_code and body["error"], body

        check()
