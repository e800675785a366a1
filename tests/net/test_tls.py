"""HTTPS to the checked address: the TLS handshake still names the URL's host (SNI) and verifies it."""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from worker.net import fetch as fetch_module
from worker.net.fetch import fetch
from worker.net.guard import FetchError
from worker.settings import Settings


class TLSServer:
    """A one-route HTTPS server that records the SNI name of every handshake."""

    def __init__(self, cert: Path, key: Path) -> None:
        family, _, _, _, address = socket.getaddrinfo("localhost", 0, type=socket.SOCK_STREAM)[0]
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.server_names: list[str | None] = []
        self.context.sni_callback = lambda _sock, name, _ctx: self.server_names.append(name)
        self.listener = socket.socket(family, socket.SOCK_STREAM)
        self.listener.bind(address[:2] if family == socket.AF_INET else address)
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            try:
                with self.context.wrap_socket(conn, server_side=True) as tls:
                    tls.recv(65536)
                    tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecure")
            except (ssl.SSLError, OSError):
                conn.close()  # the client refused our certificate: that is one of the tests

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[TLSServer]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
                   check=True, capture_output=True)
    server = TLSServer(cert, key)
    yield server
    server.close()


def test_https_goes_to_the_checked_address_with_the_host_name_for_sni_and_the_certificate(tls_server, tmp_path):
    config = Settings(private_network_allowlist=["localhost"], connect_timeout=2, read_timeout=2, total_timeout=5,
                      per_host_interval=0, _env_file=None)
    url = f"https://localhost:{tls_server.port}/"
    with pytest.raises(FetchError, match="could not connect to localhost: .*certificate verify failed"):
        fetch(url, config, max_bytes=1000)  # self-signed: refused, whatever the address
    assert tls_server.server_names == ["localhost"]

    # Trusting the test certificate for this process shows the check passes on the host name, not the IP.
    fetch_module.tls_context().load_verify_locations(cafile=str(tmp_path / "cert.pem"))
    assert fetch(url, config, max_bytes=1000).content == b"secure"
    assert tls_server.server_names == ["localhost", "localhost"]
