"""``python -m county_inspection serve | add-visit | sdl | access-log``.

Settings (environment): ``COUNTY_DB`` (SQLite file, default ``county-inspection.db``),
``COUNTY_GATEWAY_KEY`` (the key the platform issued to this subgraph; required to serve),
``COUNTY_GATEWAY_PREVIOUS_KEYS`` (comma-separated, still accepted during a rotation),
``COUNTY_AUDIENCE`` (the name the platform registered, default ``county_inspection``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path


def _db() -> Path:
    return Path(os.environ.get("COUNTY_DB", "county-inspection.db"))


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from county_inspection.app import create_app

    keys = (
        os.environ.get("COUNTY_GATEWAY_KEY", ""),
        *(k for k in os.environ.get("COUNTY_GATEWAY_PREVIOUS_KEYS", "").split(",") if k),
    )
    app = create_app(_db(), os.environ.get("COUNTY_AUDIENCE", "county_inspection"), keys)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def _add_visit(args: argparse.Namespace) -> int:
    from county_inspection import store

    try:
        visit_id = store.add_visit(
            store.engine_for(_db()),
            application_id=args.application,
            credit_code=args.subject,
            visited_on=dt.date.fromisoformat(args.date),
            inspector=args.inspector,
            result=args.result,
            department_id=args.department,
            note=args.note,
        )
    except ValueError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 2
    print(visit_id)
    return 0


def _sdl(_args: argparse.Namespace) -> int:
    from county_inspection.schema import schema

    print(schema.as_str().rstrip())
    return 0


def _access_log(_args: argparse.Namespace) -> int:
    from county_inspection import store

    for row in store.access_rows(store.engine_for(_db())):
        print(json.dumps({**row._asdict(), "at": row.at.isoformat()}, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="county_inspection")
    sub = parser.add_subparsers(required=True)
    serve = sub.add_parser("serve", help="serve /graphql (signed requests only) and /health")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=4201)
    serve.set_defaults(func=_serve)
    visit = sub.add_parser("add-visit", help="record an inspection visit")
    visit.add_argument("--application", required=True, help="the platform's Application.id")
    visit.add_argument("--subject", required=True, help="the applicant's credit code")
    visit.add_argument("--date", required=True, help="YYYY-MM-DD")
    visit.add_argument("--inspector", required=True)
    visit.add_argument("--result", required=True, help="PASSED / RECTIFICATION_REQUIRED / FAILED")
    visit.add_argument("--department", required=True, help="the inspecting department's id")
    visit.add_argument("--note", default="")
    visit.set_defaults(func=_add_visit)
    sub.add_parser("sdl", help="print the subgraph's SDL").set_defaults(func=_sdl)
    sub.add_parser("access-log", help="who asked, as JSON lines").set_defaults(func=_access_log)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
