"""The access rules of ``reviewtui serve``, apart from the server."""

from __future__ import annotations

from reviewtui.web.access import (
    allowed_origins,
    default_public_url,
    is_loopback,
    new_token,
    origin_of,
    same_token,
)


def test_tokens_are_long_random_and_compared_exactly() -> None:
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50 and all(len(t) >= 22 for t in tokens)
    token = new_token()
    assert same_token(token, token) and not same_token(token[:-1], token)
    assert not same_token("", token)


def test_only_the_public_origin_and_on_loopback_this_machine_may_open_the_socket() -> None:
    local = allowed_origins("http://127.0.0.1:8765", "127.0.0.1", 8765)
    assert {"http://127.0.0.1:8765", "http://localhost:8765"} <= local
    assert "http://evil.example" not in local and "http://localhost:9999" not in local
    proxied = allowed_origins("https://meet.example.org", "0.0.0.0", 8765)
    assert proxied == {"https://meet.example.org"}
    assert origin_of("https://Meet.Example.org/abc?x=1") == "https://meet.example.org"


def test_the_default_address_is_one_a_browser_can_open() -> None:
    assert default_public_url("127.0.0.1", 8765) == "http://127.0.0.1:8765"
    assert default_public_url("::1", 80) == "http://[::1]:80"
    everywhere = default_public_url("0.0.0.0", 8765)
    assert "0.0.0.0" not in everywhere and everywhere.endswith(":8765")
    assert is_loopback("localhost") and is_loopback("[::1]") and not is_loopback("10.0.0.2")
