"""Text encodings of files: find a file's encoding, decode it, and encode fixed text back."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

BINARY_SNIFF = 8192

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
AUTO_CANDIDATES = ("utf-8", "gb18030")


class ReadProblem(Exception):
    """Input that cannot be read as documents; the message names the place.

    ``reason`` is a short word for the summary's count of skipped files.
    """

    def __init__(self, message: str, reason: str = "unreadable") -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


class EncodeProblem(Exception):
    """Fixed text that the file's encoding cannot represent; the fix is not written."""


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a file was encoded, so a fix writes it back the same way."""

    codec: str = "utf-8"
    bom: bytes = b""
    # "\r\n" when every line break was CRLF, "\r" when every one was a lone CR (old Mac
    # files): the text is then LF inside and gets its own breaks back when written
    newline: str = "\n"

    def decode(self, data: bytes) -> str:
        """Decode bytes (without BOM) and normalise uniform CRLF or CR to LF."""
        text = data.decode(self.codec)
        return text.replace(self.newline, "\n") if self.newline != "\n" else text

    def encode(self, text: str) -> bytes:
        """Encode text back with the original BOM, codec and line endings."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        try:
            return self.bom + text.encode(self.codec)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start : exc.end]
            raise EncodeProblem(
                f"the fixed text has {bad!r} (U+{ord(bad[0]):04X}), which {self.codec}"
                " cannot encode; fixes not written"
            ) from None


def describe_place(data: bytes, offset: int, codec: str = "utf-8") -> str:
    """Describe a byte offset as line and column (counting decodable characters)."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode(codec, errors="replace")) + 1
    return f"line {line}, column {column} (byte {offset})"


def check_codec(name: str) -> None:
    """Raise ReadProblem when ``name`` is neither ``auto`` nor a known codec."""
    if name == "auto":
        return
    try:
        codecs.lookup(name)
    except LookupError:
        raise ReadProblem(f"unknown encoding {name!r} in configuration") from None


def sniff_encoding(data: bytes, preferred: str = "utf-8") -> tuple[Encoding, bytes]:
    """Find the encoding of raw bytes; return it with the bytes after any BOM.

    Raises ReadProblem for binary data or bytes that the encoding cannot decode.
    """
    found = next(((bom, name) for bom, name in _BOMS if data.startswith(bom)), None)
    if found is not None:
        bom_bytes, codec = found
        body = data[len(bom_bytes) :]
    else:
        body, bom_bytes, codec = data, b"", preferred
        wide = codec.replace("_", "-").lower().startswith(("utf-16", "utf-32", "utf16", "utf32"))
        nul = -1 if wide else data.find(b"\x00")
        if nul != -1:
            raise ReadProblem(f"binary file (NUL byte at byte {nul}); not linted", "binary")
    check_codec(codec)
    candidates = [codec] if bom_bytes or codec != "auto" else list(AUTO_CANDIDATES)
    error: UnicodeDecodeError | None = None
    for name in candidates:
        try:
            text = body.decode(name)
        except UnicodeDecodeError as exc:
            error = error or exc
            continue
        crlf = text.count("\r\n")
        lf = text.count("\n")
        if crlf and crlf == lf:
            newline = "\r\n"
        elif not lf and "\r" in text:
            newline = "\r"
        else:
            newline = "\n"
        return Encoding(name, bom_bytes, newline), body
    assert error is not None
    raise ReadProblem(
        f"not valid {error.encoding.upper()} at {describe_place(body, error.start)}:"
        f" {error.reason} (set `encoding` in the configuration if the file uses another one)",
        "undecodable",
    )
