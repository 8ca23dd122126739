// The Python targets of the generated suites, as source text: one long-lived process per
// framework serving the suite's route behind its stock CORS middleware, rebuilt from the
// keyword arguments PUT to a control path (JSON) so every generated policy costs one local
// request instead of a process. Started with Debian's interpreter by python-adapters.ts.

/** Where the adapters PUT the middleware's keyword arguments. */
export const CONTROL_PATH = '/__cors-conformance/policy';

/** Starlette's CORSMiddleware around a plain ASGI route, served by uvicorn. */
export const STARLETTE_APP = `
import json, sys
import uvicorn
from starlette.middleware.cors import CORSMiddleware

HEADERS = [(b"x-total", b"7"), (b"x-request-id", b"cors-conformance"), (b"content-type", b"application/json")]

async def route(scope, receive, send):
    found = scope["path"] == "/api/data"
    await send({"type": "http.response.start", "status": 200 if found else 404, "headers": HEADERS if found else []})
    await send({"type": "http.response.body", "body": b'{"route":"ran"}' if found else b""})

current = {"app": CORSMiddleware(route, allow_origins=[])}

async def body_of(receive):
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            return body

async def dispatch(scope, receive, send):
    if scope["type"] == "http" and scope["path"] == "${CONTROL_PATH}":
        current["app"] = CORSMiddleware(route, **json.loads(await body_of(receive)))
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    if scope["type"] == "http":
        await current["app"](scope, receive, send)

uvicorn.run(dispatch, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
`;

/** Flask with flask-cors on a route that answers every method, served by werkzeug. */
export const FLASK_APP = `
import json, logging, sys
from flask import Flask, Response
from flask_cors import CORS
from werkzeug.serving import run_simple

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PURGE"]

def build(kwargs):
    app = Flask("cors_conformance_target")

    @app.route("/api/data", methods=METHODS)
    def data():
        return Response('{"route":"ran"}', headers={"X-Total": "7", "X-Request-Id": "cors-conformance"}, mimetype="application/json")

    CORS(app, **kwargs)
    return app

current = {"app": build({"origins": []})}

def dispatch(environ, start_response):
    if environ.get("PATH_INFO") == "${CONTROL_PATH}":
        size = int(environ.get("CONTENT_LENGTH") or 0)
        current["app"] = build(json.loads(environ["wsgi.input"].read(size)))
        start_response("204 No Content", [])
        return [b""]
    return current["app"](environ, start_response)

logging.getLogger("werkzeug").setLevel(logging.ERROR)
run_simple("127.0.0.1", int(sys.argv[1]), dispatch, threaded=True)
`;
