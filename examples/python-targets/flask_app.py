"""A Flask API behind flask-cors, as a target for `cors-conformance verify` and `audit`
(Debian: python3-flask-cors).

CORS_MODE=exact (default): an exact allow-list (CORS_ORIGINS, comma-separated) with
credentials. CORS_MODE=all-with-credentials: CORS(app, supports_credentials=True), whose
default origins "*" become the request's own origin on every answer.

Run: python3 examples/python-targets/flask_app.py 8000
"""
import os
import sys

from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)

if os.environ.get("CORS_MODE", "exact") == "all-with-credentials":
    CORS(app, supports_credentials=True)
else:
    CORS(
        app,
        origins=os.environ.get("CORS_ORIGINS", "https://app.example.com").split(","),
        supports_credentials=True,
        methods=["GET", "POST", "PUT"],
        allow_headers=["content-type", "x-token"],
        max_age=600,
    )


@app.route("/api/data", methods=["GET", "POST", "PUT"])
def data():
    return jsonify(secret="account 12345", cookie="Cookie" in request.headers)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
