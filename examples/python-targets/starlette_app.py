"""A Starlette API behind Starlette's stock CORSMiddleware, as a target for
`cors-conformance verify` and `audit` (Debian: python3-starlette python3-uvicorn).

CORS_MODE=exact (default): an exact allow-list (CORS_ORIGINS, comma-separated) with
credentials. CORS_MODE=all-with-credentials: allow_origins=["*"] with
allow_credentials=True, which Starlette 0.26 answers with `*` to a request without a
Cookie and with the request's own origin to one that carries a Cookie.

Run: python3 -m uvicorn --app-dir examples/python-targets starlette_app:app --port 8000
"""
import os

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route


async def data(request):
    return JSONResponse({"secret": "account 12345", "cookie": "cookie" in request.headers})


if os.environ.get("CORS_MODE", "exact") == "all-with-credentials":
    cors = dict(allow_origins=["*"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])
else:
    cors = dict(
        allow_origins=os.environ.get("CORS_ORIGINS", "https://app.example.com").split(","),
        allow_credentials=True,
        allow_methods=["GET", "POST", "PUT"],
        allow_headers=["content-type", "x-token"],
        max_age=600,
    )

app = Starlette(
    routes=[Route("/api/data", data, methods=["GET", "POST", "PUT"])],
    middleware=[Middleware(CORSMiddleware, **cors)],
)
