"""Bytes off the wire into bytes and text we can trust: bounded decompression and charset choice.

httpx's own decoder inflates whole chunks, so a 100 KB gzip bomb can grow to
gigabytes before a size check runs. We read the raw stream and inflate it
ourselves with ``max_length``, never holding more than the cap plus one chunk.
"""

from __future__ import annotations

import codecs
import re
import zlib

from worker.net.guard import FetchError

# Bytes of output asked of zlib per call: small enough that memory stays near the cap.
_STEP = 64 * 1024


def too_large(max_bytes: int) -> str:
    """'response larger than 10 MB', in the unit a person would use."""
    if max_bytes >= 1_000_000:
        return f"response larger than {max_bytes / 1_000_000:g} MB"
    if max_bytes >= 10_000:
        return f"response larger than {max_bytes / 1000:g} KB"
    return f"response larger than {max_bytes} bytes"


class BoundedDecoder:
    """Undo one Content-Encoding (identity, gzip or deflate) without inflating past ``max_bytes``."""

    def __init__(self, encoding: str | None, max_bytes: int) -> None:
        names = [part.strip().lower() for part in (encoding or "").split(",") if part.strip()]
        names = [name for name in names if name != "identity"]
        if len(names) > 1:
            raise FetchError(f"unsupported content encoding {encoding!r} (several encodings stacked)")
        self.encoding = names[0] if names else ""
        if self.encoding not in ("", "gzip", "x-gzip", "deflate"):
            raise FetchError(f"unsupported content encoding {self.encoding!r}")
        self.max_bytes = max_bytes
        self.size = 0
        self._inflater: zlib._Decompress | None = None  # type: ignore[name-defined]
        self._raw_deflate = False

    def feed(self, chunk: bytes) -> bytes:
        """Decoded bytes for ``chunk``; FetchError as soon as the total would pass the cap."""
        if not self.encoding:
            return self._count(chunk)
        out: list[bytes] = []
        data = chunk
        while data:
            inflater = self._inflater_for(data)
            try:
                piece = inflater.decompress(data, min(_STEP, self.max_bytes - self.size + 1))
            except zlib.error:
                if self.encoding == "deflate" and not self._raw_deflate and self.size == 0:
                    # RFC 9110 deflate is zlib-wrapped, but many servers send raw deflate.
                    self._raw_deflate, self._inflater = True, zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise FetchError(f"response body could not be decompressed ({self.encoding} data is corrupt)") from None
            out.append(self._count(piece))
            data = inflater.unconsumed_tail
            if inflater.eof:
                break  # trailing garbage after the stream end is ignored, as browsers do
        return b"".join(out)

    def finish(self) -> bytes:
        if self._inflater is None:
            return b""
        try:
            return self._count(self._inflater.flush())
        except zlib.error:
            raise FetchError(f"response body could not be decompressed ({self.encoding} data is truncated)") from None

    def _inflater_for(self, data: bytes) -> zlib._Decompress:  # type: ignore[name-defined]
        if self._inflater is None:
            wbits = 16 + zlib.MAX_WBITS if self.encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
            self._inflater = zlib.decompressobj(wbits)
        return self._inflater

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.max_bytes:
            raise FetchError(too_large(self.max_bytes))
        return piece


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _cp1252_for_strays(error: UnicodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 as windows-1252: the usual mislabelled page in French."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("windows-1252", errors="replace"), error.end


codecs.register_error("sahelwatch-cp1252", _cp1252_for_strays)


def declared_charset(content: bytes, content_type: str | None) -> str | None:
    """The charset named by the Content-Type header, else by a <meta> tag, if Python knows it."""
    for match in (_HEADER_CHARSET.search(content_type or ""), _META_CHARSET.search(content[:4096])):
        if match:
            name = match.group(1) if isinstance(match.group(1), str) else match.group(1).decode("ascii")
            try:
                return codecs.lookup(name).name
            except LookupError:
                continue
    return None


def decode_html(content: bytes, content_type: str | None = None) -> str:
    """Text of a page whatever its label says.

    Valid UTF-8 with non-ASCII bytes is almost never an accident, so it wins
    over a label; otherwise the declared charset; otherwise UTF-8 with stray
    bytes read as windows-1252 (a page in windows-1252 labelled utf-8).
    """
    for bom, name in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(name, errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(content, content_type)
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return content.decode(declared)
        except UnicodeDecodeError:
            pass
    return content.decode("utf-8", errors="sahelwatch-cp1252")
