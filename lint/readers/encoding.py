"""Text encodings of files: find a file's encoding, decode it, and encode fixed text back."""

from __future__ import annotations

import codecs
import contextlib
import functools
from dataclasses import dataclass

BINARY_SNIFF = 8192

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
AUTO_CANDIDATES = ("utf-8", "gb18030")  # per JSON line: cheap, no detection
# What ``auto`` may detect when a file is not UTF-8 (charset-normalizer picks among them).
CHINESE_CANDIDATES = ("gb18030", "big5")
LEGACY_CANDIDATES = ("utf_16_le", "utf_16_be", "shift_jis", "euc_kr")
SCORE_SAMPLE = 65536  # characters of a file looked at to tell GB18030 from Big5


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
    exact: bool = True  # decoding then encoding gives the same bytes (else fixes are refused)

    def decode(self, data: bytes) -> str:
        """Decode bytes (without BOM) and normalise uniform CRLF or CR to LF."""
        text = data.decode(self.codec)
        return text.replace(self.newline, "\n") if self.newline != "\n" else text

    def encode(self, text: str) -> bytes:
        """Encode text back with the original BOM, codec and line endings."""
        if not self.exact:
            raise EncodeProblem(
                f"the file's {self.codec} bytes do not survive decoding and encoding again"
                " unchanged; fixes not written"
            )
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


@functools.cache
def _common_hanzi() -> frozenset[str]:
    """The most frequent Chinese characters: GB2312 level 1 and Big5 level 1 (from the codecs)."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):  # GB2312 level 1: 3,755 simplified characters
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes([lead, trail]).decode("gb2312"))
    for lead in range(0xA4, 0xC7):  # Big5 level 1: 5,401 traditional characters
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes([lead, trail]).decode("big5"))
    return frozenset(chars)


def _common_share(text: str) -> float:
    sample = text[:SCORE_SAMPLE]
    wide = [c for c in sample if ord(c) > 0x7F]
    if not wide:
        return 0.0
    common = _common_hanzi()
    return sum(c in common for c in wide) / len(wide)


def detect_legacy(body: bytes) -> str | None:
    """The legacy encoding of bytes that are not UTF-8, or None when nothing fits.

    Chinese pages are GB18030 (GBK) or Big5: of those that decode, the one whose
    text is made of more common Chinese characters wins (mojibake is made of rare
    ones). Anything else is left to charset-normalizer.
    """
    scores = {}
    for name in CHINESE_CANDIDATES:
        try:
            scores[name] = _common_share(body.decode(name))
        except UnicodeDecodeError:
            continue
    if scores:
        return max(scores, key=lambda n: (scores[n], n == "gb18030"))
    from charset_normalizer import from_bytes

    best = from_bytes(body, cp_isolation=list(LEGACY_CANDIDATES)).best()
    return None if best is None else best.encoding


def _newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n")
    if crlf and crlf == lf:
        return "\r\n"
    if not lf and "\r" in text:
        return "\r"
    return "\n"


def sniff_encoding(data: bytes, preferred: str = "auto") -> tuple[Encoding, bytes]:
    """Find the encoding of raw bytes; return it with the bytes after any BOM.

    A BOM decides. Otherwise ``preferred`` is used; ``auto`` means UTF-8, and for a
    file that is not UTF-8 the legacy encoding charset-normalizer finds (GB18030,
    Big5, UTF-16, ...), then GB18030. Raises ReadProblem for binary data or bytes
    that no candidate decodes.
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
    try:
        name = "utf-8" if codec == "auto" and not bom_bytes else codec
        text = body.decode(name)
        return Encoding(name, bom_bytes, _newline(text)), body
    except UnicodeDecodeError as exc:
        error = exc
    if codec == "auto" and not bom_bytes:
        for name in dict.fromkeys([detect_legacy(body) or "gb18030", "gb18030"]):
            try:
                text = body.decode(name)
            except (UnicodeDecodeError, LookupError):
                continue
            exact = text.encode(name, errors="replace") == body
            return Encoding(name, b"", _newline(text), exact), body
    hint = (
        "; no other encoding fits either"
        if codec == "auto"
        else " (set `encoding` in the configuration if the file uses another one)"
    )
    raise ReadProblem(
        f"not valid {error.encoding.upper()} at {describe_place(body, error.start)}:"
        f" {error.reason}{hint}",
        "undecodable",
    )
