"""GET /v1/health — no key needed."""

from __future__ import annotations

from connexion.lifecycle import ConnexionResponse

from mlm import __version__, web


def get_health() -> ConnexionResponse:
    rt = web.container()
    reachable = rt.backend_reachable()
    body = {
        "status": "ok" if reachable else "degraded",
        "version": __version__,
        "backend": {
            "mode": rt.settings.mode,
            "region": rt.settings.region,
            "reachable": reachable,
        },
    }
    return web.respond(body, status=200)
