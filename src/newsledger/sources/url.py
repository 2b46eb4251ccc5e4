"""Reading one web page: a small, careful HTTP(S) client on the standard library.

Reads: an ``http://`` or ``https://`` URL.  Writes: a :class:`FetchResult`
(:func:`fetch`) or a :class:`~newsledger.model.Document` (:func:`fetch_document`).
Raises :class:`InputError`, never anything else for a bad URL or server.

The rules, each with its error code:

* only ``http`` and ``https``; any other scheme is refused (E109), on the
  first URL and on every redirect;
* the host is resolved once per hop and every address is checked: loopback,
  private, link-local, reserved, multicast and unspecified addresses (IPv4 and
  IPv6) are refused (E109) unless ``ReadOptions.allow_private_urls``.  We then
  connect to the checked address itself, sending the host name in ``Host``
  (and in TLS SNI / certificate checks), so a second DNS answer cannot swap in
  another address;
* ``url_connect_timeout`` bounds each connection attempt, ``url_read_timeout``
  bounds each wait for data, and the whole fetch (all hops, headers and body)
  must end within ``url_connect_timeout + url_read_timeout`` seconds, so a
  server that trickles a byte a second cannot hold us (E113);
* at most ``url_max_redirects`` redirects, followed by hand so each hop is
  checked; a loop or one redirect too many is E110;
* the body, after gzip/deflate decompression, may not exceed ``max_bytes``,
  checked while streaming whatever ``Content-Length`` says (E108);
* an HTTP error status is E114; no answer at all (refused, unknown host, TLS
  failure, broken response) is E107.
"""

from __future__ import annotations

import codecs
import http.client
import io
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Iterator, Optional, Union
from urllib.parse import quote, urldefrag, urljoin, urlsplit

from ..errors import Code, InputError
from ..model import Document
from ..options import ReadOptions
from .decode import decode_bytes

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

_CHUNK = 64 * 1024
_DEFAULT_PORTS = {"http": 80, "https": 443}
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
# characters left alone when quoting a path or query (RFC 3986 reserved + '%')
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = _SAFE_PATH + "?"
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

IPAddress = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A successful response: where we ended up and what it sent.

    ``content_type`` is the lower-case media type without parameters (``""``
    when the server sent none); ``charset`` is the ``charset`` parameter of
    ``Content-Type`` if any; ``body`` is decompressed.
    """

    final_url: str
    status: int
    content_type: str
    charset: Optional[str]
    body: bytes


@dataclass(frozen=True, slots=True)
class _Target:
    """One URL split into what a request needs."""

    url: str  # without fragment
    scheme: str
    host: str  # lower case, IDNA-encoded
    port: int
    path: str  # path and query, percent-encoded


class _Deadline:
    """A point in time the whole fetch must finish by."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left (0 or less once passed)."""
        return self._end - time.monotonic()

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0

    def cap(self, timeout: float) -> float:
        """``timeout`` shortened to the time left; raises TimeoutError once passed."""
        left = self.remaining()
        if left <= 0:
            raise TimeoutError("overall deadline passed")
        return min(timeout, left)


# --------------------------------------------------------------------------
# public API


def fetch_document(url: str, options: ReadOptions = ReadOptions()) -> Document:
    """Fetch ``url`` and turn it into a Document (HTML page or plain text)."""
    result = fetch(url, options, content_types=HTML_TYPES | TEXT_TYPES | {""})
    html = _is_html(result)
    text = _decode(result, what=url, html=html)
    if html:
        from .html import html_to_document

        return html_to_document(text, url=result.final_url, source_id=url)
    return Document.from_text(text, source_id=url, url=result.final_url)


def fetch(url: str, options: ReadOptions = ReadOptions(), *,
          content_types: Optional[Collection[str]] = None) -> FetchResult:
    """GET ``url`` following redirects, with every check in the module docstring.

    If ``content_types`` is given, a response whose media type is not in it is
    refused (E104) before its body is read; ``""`` stands for "no
    Content-Type header".
    """
    deadline = _Deadline(options.url_connect_timeout + options.url_read_timeout)
    target = _parse_url(url, url)
    seen = {target.url}
    for _ in range(options.url_max_redirects + 1):
        with _exchange(target, options, deadline, what=url) as response:
            if response.status in REDIRECT_STATUSES:
                target = _redirect_target(url, target, response, seen)
                continue
            _check_status(url, target, response)
            content_type, charset = _content_type(response)
            if content_types is not None and content_type not in content_types:
                raise InputError(Code.UNSUPPORTED, f"{url}: the server sent '{content_type}' content; only HTML pages and plain text can be read")
            body = _read_body(response, options.max_bytes, what=url)
            return FetchResult(target.url, response.status, content_type, charset, body)
    raise InputError(Code.URL_REDIRECTS, f"{url}: more than {options.url_max_redirects} redirects; the last one pointed to {target.url}")


# --------------------------------------------------------------------------
# URLs and addresses


def _parse_url(url: str, what: str) -> _Target:
    """Split and check ``url``: http(s) only (E109), a host and a valid port (E107)."""
    url = urldefrag(url.strip())[0]
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise InputError(Code.URL_REFUSED, f"{what}: only http:// and https:// URLs are read ({shown} given: {url})")
    try:
        port = parts.port or _DEFAULT_PORTS[scheme]
    except ValueError:
        raise InputError(Code.URL_FAILED, f"{what}: invalid port in {url}") from None
    if not parts.hostname:
        raise InputError(Code.URL_FAILED, f"{what}: no host name in {url}")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise InputError(Code.URL_FAILED, f"{what}: invalid host name '{parts.hostname}'") from None
    path = quote(parts.path or "/", safe=_SAFE_PATH)
    if parts.query:
        path += "?" + quote(parts.query, safe=_SAFE_QUERY)
    return _Target(url=url, scheme=scheme, host=host, port=port, path=path)


def is_public_address(ip: IPAddress) -> bool:
    """True when ``ip`` is a global unicast address we may connect to by default.

    IPv4-mapped and 6to4 IPv6 addresses are judged by the IPv4 address inside.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour
        if inner is not None and not is_public_address(inner):
            return False
        if ip.is_site_local:
            return False
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local
                                 or ip.is_reserved or ip.is_multicast or ip.is_unspecified)


def _resolve(target: _Target, options: ReadOptions, deadline: _Deadline, what: str) -> list[tuple]:
    """The host's addresses (``getaddrinfo`` tuples), each checked (E109).

    Name lookup runs in a helper thread so that a hanging resolver is bounded by
    the connect timeout too (E113).  Unknown host: E107.
    """
    try:
        literal = ipaddress.ip_address(target.host)
    except ValueError:
        literal = None
    if literal is not None:
        family = socket.AF_INET6 if literal.version == 6 else socket.AF_INET
        sockaddr = (str(literal), target.port) if literal.version == 4 else (str(literal), target.port, 0, 0)
        infos = [(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", sockaddr)]
    else:
        infos = _lookup(target, deadline.cap(options.url_connect_timeout), what)
    if not options.allow_private_urls:
        for info in infos:
            address = _info_address(info)
            if not is_public_address(address):
                raise InputError(Code.URL_REFUSED, f"{what}: {target.host} is {address}, a loopback, private or reserved address; use --allow-private-urls (ReadOptions.allow_private_urls) to read it")
    return infos


def _lookup(target: _Target, timeout: float, what: str) -> list[tuple]:
    """``getaddrinfo`` for the target's host, given up after ``timeout`` seconds."""
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["infos"] = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            box["error"] = exc

    thread = threading.Thread(target=work, name="newsledger-dns", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise InputError(Code.URL_TIMEOUT, f"{what}: looking up {target.host} took more than {timeout:g} s")
    if "error" in box or not box.get("infos"):
        raise InputError(Code.URL_FAILED, f"{what}: unknown host {target.host} ({box.get('error', 'no address')})")
    return list(box["infos"])  # type: ignore[arg-type]


def _info_address(info: tuple) -> IPAddress:
    """The IP address of one ``getaddrinfo`` tuple (scope id dropped)."""
    return ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])


# --------------------------------------------------------------------------
# connections


def _connect(target: _Target, options: ReadOptions, deadline: _Deadline, what: str) -> socket.socket:
    """A connected (and for https, TLS-wrapped) socket to a checked address of the host."""
    infos = _resolve(target, options, deadline, what)
    last: Optional[OSError] = None
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(deadline.cap(options.url_connect_timeout))
            sock.connect(sockaddr)
            if target.scheme == "https":
                sock = _wrap_tls(sock, target.host)
            return sock
        except OSError as exc:  # includes TimeoutError and ssl.SSLError
            sock.close()
            last = exc
            if isinstance(exc, ssl.SSLError) or deadline.expired:
                break
    if isinstance(last, TimeoutError):
        raise InputError(Code.URL_TIMEOUT, f"{what}: could not connect to {target.host}:{target.port} within {options.url_connect_timeout:g} s")
    if isinstance(last, ssl.SSLError):
        raise InputError(Code.URL_FAILED, f"{what}: TLS with {target.host} failed ({last})")
    reason = "connection refused" if isinstance(last, ConnectionRefusedError) else str(last)
    raise InputError(Code.URL_FAILED, f"{what}: cannot connect to {target.host}:{target.port} ({reason})")


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """The system's default TLS settings (certificates checked), made once."""
    return ssl.create_default_context()


def _wrap_tls(sock: socket.socket, host: str) -> ssl.SSLSocket:
    """TLS over ``sock``, checking the certificate against the host name."""
    return _tls_context().wrap_socket(sock, server_hostname=host)


class _DeadlineSocket:
    """What ``http.client`` sees as its socket: every send and receive waits at
    most ``read_timeout`` and never past the deadline.

    ``close`` does nothing: :func:`_exchange` owns and closes the real socket.
    """

    def __init__(self, sock: socket.socket, deadline: _Deadline, read_timeout: float):
        self._sock = sock
        self._deadline = deadline
        self._read_timeout = read_timeout

    def _arm(self) -> None:
        self._sock.settimeout(self._deadline.cap(self._read_timeout))

    def sendall(self, data: bytes) -> None:
        self._arm()
        self._sock.sendall(data)

    def recv_into(self, buffer: memoryview) -> int:
        self._arm()
        return self._sock.recv_into(buffer)

    def makefile(self, mode: str = "rb", *args: object, **kwargs: object) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self), _CHUNK)

    def close(self) -> None:
        pass


class _DeadlineReader(io.RawIOBase):
    """Raw stream over a :class:`_DeadlineSocket`, for ``makefile``."""

    def __init__(self, sock: _DeadlineSocket):
        super().__init__()
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        return self._sock.recv_into(buffer)


@contextmanager
def _exchange(target: _Target, options: ReadOptions, deadline: _Deadline, what: str) -> Iterator[http.client.HTTPResponse]:
    """Send one GET and yield the response (headers read, body not yet).

    Network and protocol errors, here or while the caller reads the body,
    become InputError; the socket is closed on the way out.
    """
    sock: Optional[socket.socket] = None
    try:
        sock = _connect(target, options, deadline, what)
        if target.scheme == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(target.host, target.port, context=_tls_context())
        else:
            conn = http.client.HTTPConnection(target.host, target.port)
        # a connected socket is set here, so http.client never connects by itself
        conn.sock = _DeadlineSocket(sock, deadline, options.url_read_timeout)  # type: ignore[assignment]
        conn.request("GET", target.path, headers={
            "User-Agent": options.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": "gzip, deflate",
            "Connection": "close",
        })
        yield conn.getresponse()
    except InputError:
        raise
    except TimeoutError:
        if deadline.expired:
            raise InputError(Code.URL_TIMEOUT, f"{what}: no complete answer within {deadline.seconds:g} s (connect + read timeout); the server is too slow") from None
        raise InputError(Code.URL_TIMEOUT, f"{what}: the server sent nothing for {options.url_read_timeout:g} s") from None
    except (http.client.HTTPException, ValueError) as exc:
        raise InputError(Code.URL_FAILED, f"{what}: broken HTTP response from {target.host} ({type(exc).__name__}: {exc})") from None
    except OSError as exc:
        raise InputError(Code.URL_FAILED, f"{what}: connection to {target.host} failed ({exc})") from None
    finally:
        if sock is not None:
            sock.close()


# --------------------------------------------------------------------------
# responses


def _redirect_target(what: str, current: _Target, response: http.client.HTTPResponse, seen: set[str]) -> _Target:
    """The checked next hop of a redirect; a loop is E110."""
    location = response.getheader("Location")
    if not location:
        raise InputError(Code.URL_FAILED, f"{what}: redirect ({response.status}) from {current.url} without a Location header")
    target = _parse_url(urljoin(current.url, location.strip()), what)
    if target.url in seen:
        raise InputError(Code.URL_REDIRECTS, f"{what}: redirect loop ({current.url} -> {target.url})")
    seen.add(target.url)
    return target


def _check_status(what: str, target: _Target, response: http.client.HTTPResponse) -> None:
    """Refuse anything but a 2xx answer (E114)."""
    if not 200 <= response.status < 300:
        reason = f" {response.reason}" if response.reason else ""
        raise InputError(Code.URL_STATUS, f"{what}: the server answered HTTP {response.status}{reason} for {target.url}")


def _content_type(response: http.client.HTTPResponse) -> tuple[str, Optional[str]]:
    """Media type (``""`` if absent) and charset parameter of the response."""
    if response.getheader("Content-Type") is None:
        return "", None
    return response.headers.get_content_type(), response.headers.get_content_charset()


def _read_body(response: http.client.HTTPResponse, limit: int, what: str) -> bytes:
    """The whole (decompressed) body, refused past ``limit`` bytes (E108)."""
    if response.length is not None and response.length > limit:
        raise InputError(Code.URL_TOO_LARGE, f"{what}: the response is {response.length} bytes, more than the limit of {limit}; raise max_bytes to read it")
    decoder = _BodyDecoder(response.getheader("Content-Encoding"), limit, what)
    received = 0
    while True:
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        received += len(chunk)
        if received > limit:
            raise InputError(Code.URL_TOO_LARGE, f"{what}: the response is larger than the limit of {limit} bytes; raise max_bytes to read it")
        decoder.feed(chunk)
    if response.length:  # bytes still owed after the server closed
        raise InputError(Code.URL_FAILED, f"{what}: the connection closed {response.length} bytes before the end of the body")
    return decoder.finish()


class _BodyDecoder:
    """Undo ``Content-Encoding`` (identity, gzip, deflate) with an output cap,
    so a small compressed body cannot expand without bound (E108)."""

    def __init__(self, encoding: Optional[str], limit: int, what: str):
        self.encoding = (encoding or "identity").strip().lower()
        if self.encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise InputError(Code.UNSUPPORTED, f"{what}: the server used Content-Encoding '{self.encoding}', which is not supported")
        self.limit = limit
        self.what = what
        self._parts: list[bytes] = []
        self._size = 0
        self._inflater: Optional[zlib._Decompress] = None  # type: ignore[name-defined]

    def feed(self, data: bytes) -> None:
        """Add one chunk of the body as received."""
        if self.encoding == "identity":
            self._add(data)
            return
        if self._inflater is None:
            self._inflater = zlib.decompressobj(self._wbits(data))
        if self._inflater.eof:
            return  # ignore anything after the end of the compressed stream
        try:
            # ask for one byte more than allowed: getting it means "too large"
            out = self._inflater.decompress(data, self.limit - self._size + 1)
        except zlib.error as exc:
            raise InputError(Code.URL_FAILED, f"{self.what}: the {self.encoding} body is corrupt ({exc})") from None
        self._add(out)

    def finish(self) -> bytes:
        """The decoded body; a compressed stream cut short is E107."""
        if self._inflater is not None and not self._inflater.eof:
            raise InputError(Code.URL_FAILED, f"{self.what}: the {self.encoding} body is truncated")
        return b"".join(self._parts)

    def _wbits(self, first: bytes) -> int:
        """zlib window bits: gzip header, zlib header, or raw deflate."""
        if self.encoding != "deflate":
            return 16 + zlib.MAX_WBITS
        if len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0:
            return zlib.MAX_WBITS
        return -zlib.MAX_WBITS

    def _add(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self.limit:
            raise InputError(Code.URL_TOO_LARGE, f"{self.what}: the response decompresses to more than the limit of {self.limit} bytes; raise max_bytes to read it")
        self._parts.append(data)


def _is_html(result: FetchResult) -> bool:
    """HTML by Content-Type, or by a look at the body when there is none."""
    if result.content_type:
        return result.content_type in HTML_TYPES
    head = result.body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _decode(result: FetchResult, what: str, html: bool) -> str:
    """Text of the body: a byte-order mark wins, then the header's charset,
    then what :func:`decode_bytes` finds (UTF-8 or the page's meta charset)."""
    data = result.body
    codec = _codec_name(result.charset)
    if codec and codec not in ("utf-8", "ascii") and not data.startswith(_BOMS):
        try:
            data = data.decode(codec).encode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(Code.ENCODING, f"{what} is not valid {result.charset} as its Content-Type says ({exc.reason} at byte {exc.start})") from None
    return decode_bytes(data, what=what, html=html)


def _codec_name(charset: Optional[str]) -> Optional[str]:
    """Python's name for a charset label, or None if unknown."""
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


__all__ = ["FetchResult", "fetch", "fetch_document", "is_public_address", "HTML_TYPES", "TEXT_TYPES"]
