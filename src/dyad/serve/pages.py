"""The dashboard and the API docs, served from files inside the package: nothing from a CDN.

``/`` is the dashboard (filters, timeline, map, actor network, event table), ``/event?id=ID``
one event with its article and evidence; ``/docs`` is Swagger UI from the vendored copy in
``static/vendor/`` (see the README there for versions and licences).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
SWAGGER = "/static/vendor/swagger-ui"


def install_pages(app: FastAPI) -> None:
    """Mount the static files and add the dashboard pages and the offline docs."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/event", include_in_schema=False)
    def event_page() -> FileResponse:
        return FileResponse(STATIC / "event.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="dyad API",
            swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER}/swagger-ui.css",
            swagger_favicon_url=f"{SWAGGER}/favicon-32x32.png",
        )
