"""Who may open a served meeting: the token in its link, and the page's own origin.

Pure functions, so the rules can be read (and tested) apart from the server.
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import secrets
import socket
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def new_token() -> str:
    """A fresh access token: 128 bits, URL-safe, different on every run."""
    return secrets.token_urlsafe(16)


def same_token(given: str, token: str) -> bool:
    """Whether ``given`` is the token (compared in constant time)."""
    return hmac.compare_digest(given.encode(), token.encode())


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of ``url``, as a browser sends it in ``Origin``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def is_loopback(host: str) -> bool:
    """Whether ``host`` only reaches this machine."""
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_origins(public_url: str, host: str, port: int) -> frozenset[str]:
    """The origins whose pages may open the websocket: the public URL's, and on a
    loopback server the other names of this machine (a page on any other site may not)."""
    origins = {origin_of(public_url)}
    if is_loopback(host):
        origins.update(f"http://{name}:{port}" for name in LOOPBACK_NAMES)
    return frozenset(origins)


def is_wildcard(host: str) -> bool:
    """Whether ``host`` listens on every interface (0.0.0.0 or ::)."""
    return host.strip("[]") in ("0.0.0.0", "::", "")


def lan_address() -> str | None:
    """This machine's address on its network (the interface a packet out would use;
    nothing is sent), or None without a network."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))
        address: str = probe.getsockname()[0]
        return None if address.startswith("127.") or address == "0.0.0.0" else address
    return None


def default_public_url(host: str, port: int) -> str:
    """The URL people open when no ``--public-url`` is given: the host itself, or, on a
    server listening everywhere, this machine's network address."""
    if is_wildcard(host):
        host = lan_address() or socket.gethostname()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address in a URL
    return f"http://{host}:{port}"
