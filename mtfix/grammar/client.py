"""One LanguageTool check over HTTP, through ``language-tool-python``'s remote-server mode.

``language_tool_python.LanguageTool(remote_server=URL)`` never downloads or starts anything: it
asks ``URL/v2/languages`` for the languages (validating ours) and posts texts to ``URL/v2/check``.
mtfix replaces only its transport (``_query_server``) so that

- every request has a timeout and is tried once (mtfix's batching decides about retries and
  restarts, knowing whether it may restart the server),
- an HTTP status other than 200, a body that is not LT's JSON, no answer within the timeout and
  a refused connection each become a :class:`LTRequestError` that says which,
- each thread keeps one keep-alive connection (measured: cheaper than one per request).

Offsets: LT counts UTF-16 code units, Python counts code points.  Characters outside the Basic
Multilingual Plane (emoji, some CJK) are replaced by ``□`` before sending, so that both count the
same and offsets need no translation (the replacement has the same length in both).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any, Literal

import language_tool_python
import regex
import requests
from language_tool_python.exceptions import LanguageToolError

from mtfix.errors import GrammarError
from mtfix.text.tokens import LONE_SURROGATE as _SURROGATE

_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")
_LIMIT = regex.compile(r"limit of (\d+) characters")  # LT's 413: "Your text exceeds the limit of 1500 characters"
ASTRAL_STAND_IN = "\u25a1"
SURROGATE_STAND_IN = "\ufffd"


class LTRequestError(GrammarError):
    """A check request that failed; ``kind`` is connection, timeout, http or garbage."""

    def __init__(self, kind: str, url: str, detail: str, status: int | None = None):
        self.kind, self.url, self.detail, self.status = kind, url, detail, status
        super().__init__(f"LanguageTool at {url}: {kind}: {detail}")

    @property
    def server_gone(self) -> bool:
        """True when a restarted server might succeed (nothing answered)."""
        return self.kind in ("connection", "timeout")

    @property
    def text_limit(self) -> int | None:
        """The server's limit on the length of a text when it refused one as too long (HTTP 413, LT's
        ``maxTextLength``), else None; 0 when it did not say the number."""
        if self.status != 413:
            return None
        found = _LIMIT.search(self.detail)
        return int(found.group(1)) if found else 0


@dataclass(frozen=True, slots=True)
class LTMatch:
    """The parts of an LT match mtfix uses; offsets are code points into the checked text."""

    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]
    offset: int
    length: int

    def to_row(self) -> list[Any]:
        return [self.rule_id, self.category, self.issue_type, self.message, list(self.replacements),
                self.offset, self.length]

    @classmethod
    def from_row(cls, row: list[Any]) -> LTMatch:
        rule_id, category, issue_type, message, repl, offset, length = row
        return cls(rule_id, category, issue_type, message, tuple(repl), int(offset), int(length))

    def shifted(self, delta: int) -> LTMatch:
        return LTMatch(self.rule_id, self.category, self.issue_type, self.message, self.replacements,
                       self.offset + delta, self.length)


def bmp_only(text: str) -> str:
    """``text`` with characters beyond U+FFFF replaced by ``□`` and lone surrogates (which cannot be
    sent as UTF-8) by ``\ufffd``: the same length in code points.

    >>> bmp_only("ok \\U0001F600!"), bmp_only("a \\ud800 b")
    ('ok □!', 'a \ufffd b')
    """
    if text.isascii():
        return text
    return _SURROGATE.sub(SURROGATE_STAND_IN, _ASTRAL.sub(ASTRAL_STAND_IN, text))


class _RemoteTool(language_tool_python.LanguageTool):
    """``LanguageTool`` in remote-server mode with mtfix's transport (see the module docstring)."""

    def __init__(self, url: str, language: str, timeout: float):
        self._mtfix_timeout = timeout
        self._mtfix_local = threading.local()
        super().__init__(language, remote_server=url)

    def _session(self) -> requests.Session:
        s = getattr(self._mtfix_local, "session", None)
        if s is None:
            s = self._mtfix_local.session = requests.Session()
            s.trust_env = False  # a loopback server: never through an HTTP proxy from the environment
        return s

    def _query_server(self, url: str, params: dict[str, str] | None = None, num_tries: int = 2,
                      method: Literal["get", "post"] = "get") -> Any:
        base = self._url
        try:
            if method == "post":
                resp = self._session().post(url, data=params, timeout=self._mtfix_timeout)
            else:
                resp = self._session().get(url, params=params, timeout=self._mtfix_timeout)
        except requests.Timeout:
            raise LTRequestError("timeout", base, f"no answer within {self._mtfix_timeout:g} s") from None
        except requests.ConnectionError as exc:
            raise LTRequestError("connection", base, f"cannot connect ({type(exc).__name__})") from None
        except requests.RequestException as exc:
            raise LTRequestError("connection", base, str(exc)) from None
        if resp.status_code != 200:
            body = resp.text.strip().replace("\n", " ")[:200]
            raise LTRequestError("http", base, f"HTTP {resp.status_code}: {body}", resp.status_code)
        try:
            return resp.json()
        except (ValueError, json.JSONDecodeError):
            raise LTRequestError("garbage", base, f"answer is not JSON: {resp.text[:80]!r}") from None


class LTClient:
    """Checks texts on one LT server; thread-safe."""

    def __init__(self, url: str, *, language: str = "en-US", timeout: float = 60.0,
                 disabled_rules: tuple[str, ...] = (), enabled_rules: tuple[str, ...] = ()):
        self.url = url.rstrip("/")
        try:
            self._tool = _RemoteTool(self.url + "/", language, timeout)
        except LTRequestError:
            raise
        except (LanguageToolError, ValueError) as exc:
            raise GrammarError(f"LanguageTool at {self.url} cannot check {language!r}: {exc}") from None
        self._tool.disabled_rules = set(disabled_rules)
        self._tool.enabled_rules = set(enabled_rules)

    def check(self, text: str) -> list[LTMatch]:
        """LT's matches for ``text`` (offsets into ``text``)."""
        try:
            matches = self._tool.check(bmp_only(text))
        except LTRequestError:
            raise
        except (KeyError, TypeError, AttributeError, LanguageToolError) as exc:
            raise LTRequestError("garbage", self.url, f"answer is not LT's JSON ({type(exc).__name__}: {exc})") \
                from None
        out = []
        for m in matches:
            try:
                out.append(LTMatch(str(m.rule_id), str(m.category), str(m.rule_issue_type or ""), str(m.message),
                                   tuple(str(r) for r in m.replacements), int(m.offset), int(m.error_length)))
            except (AttributeError, TypeError, ValueError) as exc:
                raise LTRequestError("garbage", self.url, f"malformed match ({exc})") from None
        return out
