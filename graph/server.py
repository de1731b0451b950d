"""A read-only SPARQL 1.1 Protocol endpoint over a civicgraph graph.

The query engine, the protocol (GET/POST, content negotiation) and the
browser query page (YASGUI, served from the binary itself: nothing is
fetched from the internet) are Oxigraph's own server, ``oxigraph
serve-read-only`` from the ``oxigraph`` PyPI package, run as a child process
on a private loopback port over a store built from the graph file. It is
read-only by construction and enforces the per-query time limit itself
(``--timeout-s``); its check is cooperative, so the front also gives up on
the engine one second after the limit and answers ``503``.

Oxigraph has no result-size cap and no request log, so a thin policy layer
(the standard library's ``ThreadingHTTPServer``) sits in front of it on the
public address:

* every request is logged in one line (client, method, path, query form,
  status, rows, milliseconds) through the ``log`` callback;
* SPARQL updates (``/update``, an ``update=`` parameter, a
  ``application/sparql-update`` body or update text sent as a query) are
  refused with ``403`` and a one-line explanation before they reach Oxigraph;
* SELECT results are fetched from Oxigraph as TSV and CONSTRUCT/DESCRIBE as
  N-Triples (both one solution/triple per line), read only up to the cap (the
  upstream connection is then closed, which stops the query), and written in
  the format the client asked for by Oxigraph's own serialisers
  (:func:`pyoxigraph.parse_query_results` / :func:`pyoxigraph.serialize`).
  A truncated answer carries the header ``X-Civicgraph-Truncated: <limit>``.

The protocol parsing, the SPARQL engine and the YASGUI page are therefore
not hand-written; the layer only reads, counts and re-encodes lines.
"""

from __future__ import annotations

import http.client
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from graph.errors import CivicGraphError, GraphLoadError
from graph.sparql import DEFAULT_PREFIXES, is_update
from graph.store import FORMATS


class ServerError(CivicGraphError):
    """The SPARQL server could not be started."""


#: Result media types clients may ask for -> Oxigraph results format.
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
#: Graph media types clients may ask for -> Oxigraph RDF format.
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
}
_UPSTREAM_ACCEPT = "text/tab-separated-values, application/n-triples;q=0.9"


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server binary (installed beside this Python)."""
    local = Path(sys.executable).parent / "oxigraph"
    if local.is_file():
        return str(local)
    found = shutil.which("oxigraph")
    if not found:
        raise ServerError("the 'oxigraph' server binary is not installed (pip install oxigraph)")
    return found


def _die_with_parent() -> None:
    """In the Oxigraph child: ask Linux to SIGTERM it when the parent dies, however it dies."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _accepted(header: str | None) -> list[str]:
    """Media types of an Accept header, best first (q-values honoured, order kept on ties)."""
    items = []
    for i, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            items.append((-q, i, fields[0].lower()))
    return [t for _, _, t in sorted(items)]


def choose_type(accept: str | None, table: Mapping[str, object], default: str) -> str | None:
    """The media type of ``table`` to answer with, or None when nothing acceptable."""
    types = _accepted(accept)
    if not types:
        return default
    for t in types:
        if t in table:
            return t
        if t in ("*/*", "application/*", "text/*"):
            return default
    return None


class SparqlServer:
    """Oxigraph's read-only server behind a logging, capping, update-refusing front.

    Args:
        graph_path: the graph file (``.ttl``, ``.nt``, ``.trig``, ``.nq``).
        host, port: the public address (``port=0`` picks a free port).
        timeout: per-query time limit in seconds (Oxigraph's ``--timeout-s``).
        limit: the most solutions (SELECT) or triples (CONSTRUCT/DESCRIBE) returned.
        log: called with one line per request (and server events).

    Use as a context manager, or :meth:`start` then :meth:`serve_forever` /
    :meth:`stop`.
    """

    def __init__(
        self,
        graph_path: str | Path,
        host: str = "127.0.0.1",
        port: int = 7878,
        timeout: float = 30.0,
        limit: int = 10000,
        log: Callable[[str], None] | None = None,
    ) -> None:
        if timeout <= 0:
            raise ServerError("--timeout must be a positive number of seconds")
        if limit < 1:
            raise ServerError("--limit must be at least 1")
        self.graph_path = Path(graph_path)
        if self.graph_path.is_dir():
            self.graph_path = self.graph_path / "graph.ttl"
        self.host, self.port = host, port
        self.timeout, self.limit = timeout, limit
        self.log = log or (lambda line: None)
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.upstream_port = 0
        self.triples = 0

    # ---- lifecycle -------------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL of the public endpoint (queries go to ``url + '/query'``)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> str:
        """Load the store, start Oxigraph and the front; return the public URL."""
        if not self.graph_path.is_file():
            raise GraphLoadError(
                f"{self.graph_path}: no such graph file (run 'civicgraph build' first, or pass --graph PATH)"
            )
        suffix = self.graph_path.suffix.lower()
        if suffix not in FORMATS:
            raise GraphLoadError(
                f"{self.graph_path}: unsupported graph format '{suffix}' (use .ttl, .nt, .trig or .nq)"
            )
        binary = oxigraph_binary()
        self._tmp = tempfile.TemporaryDirectory(prefix="civicgraph-serve-")
        location = str(Path(self._tmp.name) / "store")
        try:
            loaded = subprocess.run(
                [binary, "load", "--location", location, "--file", str(self.graph_path)],
                capture_output=True, text=True, check=False,
            )
            if loaded.returncode != 0:
                msg = " ".join(loaded.stderr.split())[:300]
                raise GraphLoadError(f"{self.graph_path}: cannot load graph: {msg}")
            store = ox.Store.read_only(location)
            self.triples = len(store)
            del store
            # the public socket first, so a busy port fails before Oxigraph starts
            try:
                self._httpd = _FrontServer((self.host, self.port), _Handler, self)
            except OSError as exc:
                raise ServerError(f"cannot listen on {self.host}:{self.port}: {exc.strerror or exc}") from None
            self.port = int(self._httpd.server_address[1])
            self.upstream_port = free_port()
            args = [binary, "serve-read-only", "--location", location,
                    "--bind", f"127.0.0.1:{self.upstream_port}", "--timeout-s", str(int(max(1, self.timeout)))]
            if suffix in (".trig", ".nq"):
                args.append("--union-default-graph")
            self._proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                          preexec_fn=_die_with_parent)
            self._wait_upstream()
        except BaseException:
            self.stop()
            raise
        self.log(f"oxigraph {ox.__version__} serving {self.triples} triples from {self.graph_path} "
                 f"(read-only, timeout {self.timeout:g} s, limit {self.limit} results)")
        return self.url

    def _wait_upstream(self, seconds: float = 30.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                err = (self._proc.stderr.read() if self._proc.stderr else b"").decode("utf-8", "replace")
                raise ServerError(f"oxigraph server exited: {' '.join(err.split())[:300]}")
            try:
                with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise ServerError("oxigraph server did not start within 30 s")

    def serve_forever(self) -> None:
        """Serve requests until :meth:`stop` (or Ctrl-C in the caller)."""
        assert self._httpd is not None, "call start() first"
        self._httpd.serve_forever(poll_interval=0.2)

    def serve_in_thread(self) -> None:
        """Serve from a daemon thread (for tests and embedding)."""
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the front and the Oxigraph child; remove the temporary store."""
        if self._httpd is not None:
            if self._thread is not None:
                self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover
                self._proc.kill()
                self._proc.wait()
            if self._proc.stderr:
                self._proc.stderr.close()
            self._proc = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> SparqlServer:
        self.start()
        self.serve_in_thread()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _FrontServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type, app: SparqlServer) -> None:
        self.app = app
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, handler)

    def handle_error(self, request: object, client_address: object) -> None:
        exc = sys.exc_info()[1]
        self.app.log(f"{client_address} request failed: {type(exc).__name__}: {exc}")


class _Handler(BaseHTTPRequestHandler):
    server: _FrontServer
    protocol_version = "HTTP/1.1"
    server_version = "civicgraph-serve"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # one line per request is written by _log instead

    def _log(self, form: str, status: int, rows: int | None, started: float, note: str = "") -> None:
        ms = (time.perf_counter() - started) * 1000
        count = "" if rows is None else f" {rows} results"
        extra = f" ({note})" if note else ""
        self.server.app.log(
            f"{self.client_address[0]} {self.command} {self.path.split('?')[0]} {form} "
            f"{status}{count} {ms:.1f} ms{extra}"
        )

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, form: str, started: float) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")
        self._log(form, status, None, started, message)

    # ---- routing ---------------------------------------------------------------

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        started = time.perf_counter()
        path, _, qs = self.path.partition("?")
        params = urllib.parse.parse_qs(qs, keep_blank_values=True)
        if path in ("/update",) or "update" in params:
            return self._refuse_update(started)
        if path in ("/query", "/sparql") and "query" in params:
            return self._query(params, started)
        if path in ("/query", "/sparql"):
            if path == "/sparql":  # YASGUI's default endpoint without a query: the page
                return self._pass_through("/", started)
            return self._error(400, "no query: send ?query=... (GET) or a form/SPARQL body (POST)",
                               "-", started)
        return self._pass_through(self.path, started)

    def do_POST(self) -> None:  # noqa: N802
        started = time.perf_counter()
        path, _, qs = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(qs, keep_blank_values=True)
        if path == "/update" or ctype == "application/sparql-update":
            return self._refuse_update(started)
        if ctype == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        elif ctype in ("application/x-www-form-urlencoded", ""):
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            if "update" in form:
                return self._refuse_update(started)
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
        else:
            return self._error(415, f"unsupported Content-Type '{ctype}' (use "
                               "application/x-www-form-urlencoded or application/sparql-query)",
                               "-", started)
        if path not in ("/query", "/sparql") or "query" not in params:
            return self._error(400, "POST a query to /query (form field 'query' or a "
                               "application/sparql-query body)", "-", started)
        return self._query(params, started)

    def _refuse_update(self, started: float) -> None:
        self._error(403, "civicgraph serve is read-only: SPARQL updates are refused "
                    "(rebuild the graph with 'civicgraph build' instead)", "update", started)

    def _pass_through(self, path: str, started: float) -> None:
        app = self.server.app
        conn = http.client.HTTPConnection("127.0.0.1", app.upstream_port, timeout=app.timeout + 1)
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            ctype = resp.getheader("Content-Type") or "application/octet-stream"
            self._send(resp.status, body, ctype)
            self._log("page", resp.status, None, started)
        except OSError as exc:
            self._error(502, f"query engine unavailable: {exc}", "page", started)
        finally:
            conn.close()

    # ---- queries ---------------------------------------------------------------

    def _query(self, params: dict[str, list[str]], started: float) -> None:
        app = self.server.app
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._error(400, "send exactly one non-empty 'query' parameter", "-", started)
        query = queries[0]
        if is_update(query):
            return self._refuse_update(started)
        forward = [(k, v) for k, vs in params.items() for v in vs
                   if k in ("query", "default-graph-uri", "named-graph-uri")]
        conn = http.client.HTTPConnection("127.0.0.1", app.upstream_port, timeout=app.timeout + 1)
        try:
            conn.request(
                "POST", "/query", body=urllib.parse.urlencode(forward).encode("utf-8"),
                headers={"Content-Type": "application/x-www-form-urlencoded",
                         "Accept": _UPSTREAM_ACCEPT},
            )
            resp = conn.getresponse()
            utype = (resp.getheader("Content-Type") or "").split(";")[0].strip().lower()
            if resp.status != 200:
                msg = " ".join(resp.read().decode("utf-8", "replace").split()) or resp.reason
                if resp.status == 500 and "timeout" in msg.lower():
                    return self._error(503, f"query timed out after {app.timeout:g} s", "query", started)
                return self._error(resp.status, msg, "query", started)
            if utype == "application/n-triples":
                return self._graph_answer(resp, started)
            return self._results_answer(resp, started)
        except TimeoutError:
            self._error(503, f"query timed out after {app.timeout:g} s", "query", started)
        except OSError as exc:
            self._error(502, f"query engine unavailable: {exc}", "query", started)
        finally:
            conn.close()

    def _broken_stream(self, exc: BaseException, data: bytes, form: str, started: float) -> None:
        """Oxigraph writes a failure (e.g. the time limit) into an answer it already started."""
        text = data.decode("utf-8", "replace") + " " + str(exc)
        if "cancelled" in text or "timeout" in text.lower():
            return self._error(503, f"query timed out after {self.server.app.timeout:g} s "
                               "(civicgraph serve --timeout)", form, started)
        return self._error(502, f"the query engine sent a broken answer: {' '.join(str(exc).split())[:200]}",
                           form, started)

    def _read_lines(self, resp: http.client.HTTPResponse, limit: int) -> tuple[list[bytes], bool]:
        lines: list[bytes] = []
        while True:
            line = resp.readline()
            if not line:
                return lines, False
            if len(lines) >= limit:
                return lines, True
            lines.append(line)

    def _results_answer(self, resp: http.client.HTTPResponse, started: float) -> None:
        app = self.server.app
        accept = self.headers.get("Accept")
        first = resp.readline()
        if first.strip() in (b"true", b"false"):  # ASK
            form, rows, truncated = "ask", None, False
            data = first
        else:
            form = "select"
            lines, truncated = self._read_lines(resp, app.limit)
            rows = len(lines)
            data = first + b"".join(lines)
        mtype = choose_type(accept, RESULT_TYPES, "application/sparql-results+json")
        if mtype is None:
            return self._error(406, "cannot answer in the requested format; accept one of: "
                               + ", ".join(RESULT_TYPES), form, started)
        try:
            parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV)
            out = parsed.serialize(format=RESULT_TYPES[mtype]) or b""
        except (SyntaxError, ValueError, OSError) as exc:
            return self._broken_stream(exc, data, form, started)
        headers = {"X-Civicgraph-Truncated": str(app.limit)} if truncated else {}
        charset = "" if mtype.endswith("json") else "; charset=utf-8"
        self._send(200, out, mtype + charset, headers)
        self._log(form, 200, rows, started, f"truncated at {app.limit}" if truncated else "")

    def _graph_answer(self, resp: http.client.HTTPResponse, started: float) -> None:
        app = self.server.app
        lines, truncated = self._read_lines(resp, app.limit)
        mtype = choose_type(self.headers.get("Accept"), GRAPH_TYPES, "text/turtle")
        if mtype is None:
            return self._error(406, "cannot answer in the requested format; accept one of: "
                               + ", ".join(GRAPH_TYPES), "graph", started)
        fmt = GRAPH_TYPES[mtype]
        prefixes = DEFAULT_PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
        data = b"".join(lines)
        try:
            triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
            out = ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
        except (SyntaxError, ValueError, OSError) as exc:
            return self._broken_stream(exc, data, "graph", started)
        headers = {"X-Civicgraph-Truncated": str(app.limit)} if truncated else {}
        self._send(200, out, mtype + "; charset=utf-8", headers)
        self._log("graph", 200, len(lines), started, f"truncated at {app.limit}" if truncated else "")
