"""Tests of the URL reader against a real HTTP server on 127.0.0.1.

No test sends traffic anywhere but 127.0.0.1: other host names are resolved by
a patched ``socket.getaddrinfo`` and refused addresses are never connected to.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
import zlib
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsledger.errors import Code, InputError
from newsledger.options import ReadOptions
from newsledger.sources import iter_inputs
from newsledger.sources import url as url_module
from newsledger.sources.url import fetch, fetch_document, is_public_address

LOCAL = ReadOptions(allow_private_urls=True, url_connect_timeout=2.0, url_read_timeout=2.0)

ARTICLE_TEXT = (
    "The city council of Springfield voted on Tuesday to build a new bridge over the river. "
    "The project will cost 12 million dollars and take three years, the mayor said. "
    "Opponents argued that the money would be better spent on schools and on repairing roads. "
    "Construction is expected to begin next spring, once the final permits have been granted."
)
ARTICLE_HTML = f"""<!DOCTYPE html>
<html><head><title>Council approves bridge</title></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Council approves bridge</h1>
{''.join(f'<p>{sentence.strip()}.</p>' for sentence in ARTICLE_TEXT.split('. ') if sentence)}
</article><footer>Copyright Springfield News</footer></body></html>"""
PLAIN_TEXT = "Plain news text: the harbour reopened on Monday after the storm."
BOMB = gzip.compress(b"\0" * (8 * 1024 * 1024), compresslevel=9)  # 8 MiB of zeros in ~8 KiB


class Handler(BaseHTTPRequestHandler):
    """Routes of the test server; each request is recorded on the server."""

    def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
        pass

    def do_GET(self):
        self.server.requests.append((self.path, self.headers.get("Host")))
        route = self.path.split("?", 1)[0]
        if route.startswith("/chain/"):
            return self.chain(int(route.rsplit("/", 1)[1]))
        action = ROUTES.get(route)
        if action is None:
            return self.send_error(404, "Not Found")
        try:
            action(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def reply(self, body: bytes, content_type: str | None = "text/html; charset=utf-8", status: int = 200,
              headers: dict | None = None, length: int | None = -1):
        """Send a whole response; ``None`` omits Content-Type or Content-Length."""
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        if length is not None:
            self.send_header("Content-Length", str(len(body) if length == -1 else length))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def chain(self, n: int):
        """/chain/3 -> /chain/2 -> /chain/1 -> /chain/0 -> the article."""
        self.redirect(f"/chain/{n - 1}" if n > 0 else "/article", 301 if n % 2 else 307)

    def chunked(self, chunks: list[bytes]):
        """An HTTP/1.1 response with Transfer-Encoding: chunked (no length)."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                         b"Connection: close\r\n\r\n")
        for chunk in chunks:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def trickle(self, head: bytes, count: int = 50, pause: float = 0.2):
        """Send ``head`` then one byte of body every ``pause`` seconds."""
        self.wfile.write(head)
        self.wfile.flush()
        for _ in range(count):
            time.sleep(pause)
            self.wfile.write(b"x")
            self.wfile.flush()


ROUTES = {
    "/article": lambda h: h.reply(ARTICLE_HTML.encode("utf-8")),
    "/plain": lambda h: h.reply(PLAIN_TEXT.encode("utf-8"), "text/plain; charset=utf-8"),
    "/latin1": lambda h: h.reply("Café crème in Zürich.".encode("latin-1"), "text/plain; charset=ISO-8859-1"),
    "/no-type": lambda h: h.reply(ARTICLE_HTML.encode("utf-8"), content_type=None),
    "/host": lambda h: h.reply(f"Host was {h.headers.get('Host')}".encode(), "text/plain"),
    "/agent": lambda h: h.reply(f"{h.headers.get('User-Agent')} | {h.headers.get('Accept-Encoding')}".encode(), "text/plain"),
    "/error500": lambda h: h.send_error(500, "Internal Server Error"),
    "/loop-a": lambda h: h.redirect("/loop-b"),
    "/loop-b": lambda h: h.redirect("http://127.0.0.1:%d/loop-a" % h.server.server_port),
    "/to-file": lambda h: h.redirect("file:///etc/passwd"),
    "/to-internal": lambda h: h.redirect("http://internal.test:%d/plain" % h.server.server_port),
    "/no-location": lambda h: h.send_response(302) or h.end_headers(),
    "/pdf": lambda h: h.reply(b"%PDF-1.4 fake", "application/pdf"),
    "/big": lambda h: h.reply(b"a" * 5000, "text/plain"),
    "/big-no-length": lambda h: h.reply(b"a" * 5000, "text/plain", length=None),
    "/length-too-small": lambda h: h.reply(b"short" + b"a" * 5000, "text/plain", length=5),
    "/length-too-big": lambda h: h.reply(b"cut off", "text/plain", length=1000),
    "/gzip-bomb": lambda h: h.reply(BOMB, "text/plain", headers={"Content-Encoding": "gzip"}),
    "/gzip": lambda h: h.reply(gzip.compress(PLAIN_TEXT.encode()), "text/plain", headers={"Content-Encoding": "gzip"}),
    "/deflate": lambda h: h.reply(zlib.compress(PLAIN_TEXT.encode()), "text/plain", headers={"Content-Encoding": "deflate"}),
    "/raw-deflate": lambda h: h.reply(_raw_deflate(PLAIN_TEXT.encode()), "text/plain", headers={"Content-Encoding": "deflate"}),
    "/brotli": lambda h: h.reply(b"\x0b\x02\x80", "text/plain", headers={"Content-Encoding": "br"}),
    "/chunked": lambda h: h.chunked([b"Plain news text: ", b"in two chunks."]),
    "/chunked-big": lambda h: h.chunked([b"a" * 400] * 10),
    "/slow-body": lambda h: h.trickle(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n"),
    "/slow-headers": lambda h: h.trickle(b"HTTP/1.0 200 OK\r\nX-Slow: "),
}


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()



@pytest.fixture(scope="module")
def server():
    """A threaded HTTP server on 127.0.0.1 with the routes above."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def base(server):
    """Base URL of the test server, with its request log cleared."""
    server.requests.clear()
    return f"http://127.0.0.1:{server.server_port}"


@pytest.fixture
def silent_server():
    """A socket that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except (TimeoutError, OSError):
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


@pytest.fixture
def fake_dns(monkeypatch):
    """Resolve made-up names without any DNS traffic: name -> IP string."""
    table: dict[str, str] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in table:
            return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (table[host], port))]
        if host in ("127.0.0.1", "localhost"):
            return real(host, port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table


def _code(excinfo) -> Code:
    return excinfo.value.code


# --------------------------------------------------------------------------
# successful reads


def test_html_article(base):
    doc = fetch_document(base + "/article", LOCAL)
    assert "new bridge over the river" in doc.text
    assert doc.url == base + "/article"
    assert doc.source_id == base + "/article"


def test_plain_text(base):
    doc = fetch_document(base + "/plain", LOCAL)
    assert doc.text == PLAIN_TEXT
    assert doc.url == base + "/plain"


def test_fetch_result_fields(base):
    result = fetch(base + "/latin1", LOCAL)
    assert result.status == 200
    assert result.content_type == "text/plain"
    assert result.charset == "iso-8859-1"
    assert result.final_url == base + "/latin1"
    assert result.body == "Café crème in Zürich.".encode("latin-1")


def test_charset_from_header(base):
    assert fetch_document(base + "/latin1", LOCAL).text == "Café crème in Zürich."


def test_missing_content_type_is_sniffed(base):
    assert "new bridge" in fetch_document(base + "/no-type", LOCAL).text


def test_chunked_body(base):
    assert fetch(base + "/chunked", LOCAL).body == b"Plain news text: in two chunks."


def test_sends_host_and_user_agent(base, server):
    assert fetch(base + "/host", LOCAL).body == f"Host was 127.0.0.1:{server.server_port}".encode()
    options = replace(LOCAL, user_agent="test-agent/1")
    assert fetch(base + "/agent", options).body == b"test-agent/1 | gzip, deflate"


@pytest.mark.parametrize("route", ["/gzip", "/deflate", "/raw-deflate"])
def test_compressed_bodies(base, route):
    assert fetch(base + route, LOCAL).body == PLAIN_TEXT.encode()


def test_redirect_chain_of_three(base, server):
    doc = fetch_document(base + "/chain/3", LOCAL)
    assert "new bridge" in doc.text
    assert doc.url == base + "/article"
    assert doc.source_id == base + "/chain/3"
    assert [path for path, _ in server.requests] == ["/chain/3", "/chain/2", "/chain/1", "/chain/0", "/article"]


# --------------------------------------------------------------------------
# HTTP-level failures


@pytest.mark.parametrize("route, status", [("/missing", 404), ("/error500", 500)])
def test_error_status(base, route, status):
    with pytest.raises(InputError) as excinfo:
        fetch_document(base + route, LOCAL)
    assert _code(excinfo) is Code.URL_STATUS
    assert str(status) in excinfo.value.message


def test_redirect_loop(base):
    with pytest.raises(InputError) as excinfo:
        fetch(base + "/loop-a", LOCAL)
    assert _code(excinfo) is Code.URL_REDIRECTS
    assert "loop" in excinfo.value.message


def test_too_many_redirects(base, server):
    with pytest.raises(InputError) as excinfo:
        fetch(base + "/chain/3", replace(LOCAL, url_max_redirects=2))
    assert _code(excinfo) is Code.URL_REDIRECTS
    assert len(server.requests) == 3  # the original request and two redirects


def test_redirect_without_location(base):
    with pytest.raises(InputError) as excinfo:
        fetch(base + "/no-location", LOCAL)
    assert _code(excinfo) is Code.URL_FAILED


def test_unsupported_content_type_is_not_downloaded(base):
    with pytest.raises(InputError) as excinfo:
        fetch_document(base + "/pdf", LOCAL)
    assert _code(excinfo) is Code.UNSUPPORTED
    assert "application/pdf" in excinfo.value.message


def test_unsupported_content_encoding(base):
    with pytest.raises(InputError) as excinfo:
        fetch(base + "/brotli", LOCAL)
    assert _code(excinfo) is Code.UNSUPPORTED


# --------------------------------------------------------------------------
# size limits


@pytest.mark.parametrize("route", ["/big", "/big-no-length", "/chunked-big"])
def test_body_over_max_bytes(base, route):
    with pytest.raises(InputError) as excinfo:
        fetch(base + route, replace(LOCAL, max_bytes=1000))
    assert _code(excinfo) is Code.URL_TOO_LARGE


def test_content_length_smaller_than_body_reads_only_declared_bytes(base):
    result = fetch(base + "/length-too-small", replace(LOCAL, max_bytes=1000))
    assert result.body == b"short"


def test_content_length_larger_than_body(base):
    with pytest.raises(InputError) as excinfo:
        fetch(base + "/length-too-big", LOCAL)
    assert _code(excinfo) is Code.URL_FAILED
    assert "closed" in excinfo.value.message


def test_gzip_bomb(base):
    start = time.monotonic()
    with pytest.raises(InputError) as excinfo:
        fetch(base + "/gzip-bomb", replace(LOCAL, max_bytes=100_000))
    assert _code(excinfo) is Code.URL_TOO_LARGE
    assert "decompresses" in excinfo.value.message
    assert time.monotonic() - start < 2


# --------------------------------------------------------------------------
# timeouts and connection failures


@pytest.mark.parametrize("route", ["/slow-body", "/slow-headers"])
def test_trickling_server_hits_the_overall_deadline(base, route):
    # a byte every 0.2 s never trips the 0.6 s read timeout; the 1 s deadline stops it
    options = replace(LOCAL, url_connect_timeout=0.4, url_read_timeout=0.6)
    start = time.monotonic()
    with pytest.raises(InputError) as excinfo:
        fetch(base + route, options)
    elapsed = time.monotonic() - start
    assert _code(excinfo) is Code.URL_TIMEOUT
    assert "too slow" in excinfo.value.message
    assert 0.9 < elapsed < 2.0


def test_server_that_never_answers(silent_server):
    options = replace(LOCAL, url_connect_timeout=1.0, url_read_timeout=0.5)
    start = time.monotonic()
    with pytest.raises(InputError) as excinfo:
        fetch(silent_server, options)
    assert _code(excinfo) is Code.URL_TIMEOUT
    assert "sent nothing" in excinfo.value.message
    assert time.monotonic() - start < 1.5


def test_connection_refused():
    closed = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    closed.bind(("127.0.0.1", 0))  # bound but not listening: connections are refused
    try:
        with pytest.raises(InputError) as excinfo:
            fetch(f"http://127.0.0.1:{closed.getsockname()[1]}/", LOCAL)
    finally:
        closed.close()
    assert _code(excinfo) is Code.URL_FAILED
    assert "refused" in excinfo.value.message


def test_unknown_host(fake_dns):
    with pytest.raises(InputError) as excinfo:
        fetch("http://no-such-host.test/", LOCAL)
    assert _code(excinfo) is Code.URL_FAILED
    assert "unknown host" in excinfo.value.message


def test_https_to_a_plain_http_server_fails_cleanly(base):
    with pytest.raises(InputError) as excinfo:
        fetch(base.replace("http://", "https://") + "/article", LOCAL)
    assert _code(excinfo) is Code.URL_FAILED
    assert "TLS" in excinfo.value.message


# --------------------------------------------------------------------------
# refused URLs and addresses


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/file.txt",
                                 "data:text/plain,hello", "gopher://127.0.0.1/", "127.0.0.1/page"])
def test_other_schemes_are_refused(url):
    with pytest.raises(InputError) as excinfo:
        fetch(url, LOCAL)
    assert _code(excinfo) is Code.URL_REFUSED


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "0.0.0.0"])
def test_default_options_refuse_loopback_without_sending(server, base, host, monkeypatch):
    connects = []
    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", lambda self, addr: connects.append(addr) or real_connect(self, addr))
    with pytest.raises(InputError) as excinfo:
        fetch_document(f"http://{host}:{server.server_port}/article", ReadOptions())
    assert _code(excinfo) is Code.URL_REFUSED
    assert connects == []
    assert server.requests == []


def test_name_resolving_to_private_address_is_refused(fake_dns):
    fake_dns["news.test"] = "10.1.2.3"
    with pytest.raises(InputError) as excinfo:
        fetch("http://news.test/", ReadOptions())
    assert _code(excinfo) is Code.URL_REFUSED
    assert "10.1.2.3" in excinfo.value.message


def test_connects_to_the_checked_address_with_the_host_name(base, server, fake_dns):
    fake_dns["news.test"] = "127.0.0.1"
    result = fetch(f"http://news.test:{server.server_port}/host", LOCAL)
    assert result.body == f"Host was news.test:{server.server_port}".encode()
    assert result.final_url == f"http://news.test:{server.server_port}/host"


def test_redirect_to_file_is_refused(base):
    with pytest.raises(InputError) as excinfo:
        fetch(base + "/to-file", LOCAL)
    assert _code(excinfo) is Code.URL_REFUSED


def test_every_redirect_hop_is_checked(base, server, fake_dns, monkeypatch):
    # pretend 127.0.0.1 is public so the first hop is allowed; internal.test is 10.0.0.7
    fake_dns["internal.test"] = "10.0.0.7"
    real_check = url_module.is_public_address
    monkeypatch.setattr(url_module, "is_public_address", lambda ip: str(ip) == "127.0.0.1" or real_check(ip))
    with pytest.raises(InputError) as excinfo:
        fetch(base + "/to-internal", ReadOptions(url_connect_timeout=1.0, url_read_timeout=1.0))
    assert _code(excinfo) is Code.URL_REFUSED
    assert "10.0.0.7" in excinfo.value.message
    assert [path for path, _ in server.requests] == ["/to-internal"]


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.9.9.9", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
    "100.64.0.1", "0.0.0.0", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
    "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::1", "2001:db8::1",
])
def test_non_public_addresses(address):
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001:82b::200e"])
def test_public_addresses(address):
    assert is_public_address(ipaddress.ip_address(address))


# --------------------------------------------------------------------------
# through iter_inputs


def test_iter_inputs_records_failure_and_goes_on(base):
    bad, good = base + "/missing", base + "/plain"
    items = list(iter_inputs([bad, good], LOCAL))
    assert [item.source_id for item in items] == [bad, good]
    assert items[0].document is None
    assert items[0].failure is not None and items[0].failure.code == Code.URL_STATUS.value
    assert "404" in items[0].failure.message
    assert items[1].failure is None and items[1].document.text == PLAIN_TEXT


def test_iter_inputs_refuses_loopback_by_default(base):
    (item,) = iter_inputs([base + "/plain"])
    assert item.failure is not None and item.failure.code == Code.URL_REFUSED.value
