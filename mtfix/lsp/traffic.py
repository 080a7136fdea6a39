"""What the server does with protocol traffic pygls does not answer well (session 28): every request gets an
answer, whatever its params; a body that is not JSON gets JSON-RPC's ParseError; nothing the editor sends
becomes an "Error in server" message box; and after a wrong ``Content-Length`` the reader finds the next
message's header instead of staying out of step for the rest of the session; and before ``initialize`` a
request is refused with ServerNotInitialized and a notification dropped, as LSP says.

pygls reads each body into its method's params type before dispatching it; when that fails it raises out of
its read loop, so a request got no answer (the editor waited for ever) and the user saw "Error in server:
Invalid Params".
"""

from __future__ import annotations

import json
import logging
from typing import Any, BinaryIO

from pygls.exceptions import (
    JsonRpcException,
    JsonRpcInvalidParams,
    JsonRpcInvalidRequest,
    JsonRpcMethodNotFound,
    JsonRpcParseError,
    JsonRpcServerNotInitialized,
)

log = logging.getLogger("mtfix.lsp")
HEADER = b"Content-Length:"


class Unreadable:
    """A message that could not be read (already answered or logged): dispatched to nothing."""

    jsonrpc = "2.0"


UNREADABLE = Unreadable()


class TolerantMessages:
    """A mixin for pygls' protocol class: messages that do not fit their method are answered or dropped
    with one log line, never raised out of the read loop."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)  # type: ignore[misc]
        except JsonRpcException:
            pass
        method, msg_id = data.get("method"), data.get("id")
        if "id" not in data:
            log.warning("a notification %s whose params do not fit it, ignored", _name(method))
            return UNREADABLE
        if "method" not in data:
            log.warning("an answer to request %r that does not read as one, ignored", msg_id)
            return UNREADABLE
        if not isinstance(method, str):
            error: JsonRpcException = JsonRpcInvalidRequest(f"Invalid Request: a method name that is not a string: {method!r}")
        elif getattr(self, "_shutdown", False):
            error = JsonRpcInvalidRequest(f"the server is shutting down: {method} after shutdown; only exit is expected")
        elif not self._serves(method):
            error = JsonRpcMethodNotFound.of(method)
        else:
            error = JsonRpcInvalidParams(f"Invalid Params: the params of {method} do not fit it (LSP)")
        log.warning("request %r: %s", msg_id, error.message)
        self._send_response(msg_id, None, error.to_response_error())  # type: ignore[attr-defined]
        return UNREADABLE

    def _serves(self, method: str) -> bool:
        try:
            self._get_handler(method)  # type: ignore[attr-defined]
        except JsonRpcMethodNotFound:
            return False
        return True

    def handle_message(self, message: Any) -> None:
        if message is UNREADABLE:
            return
        method = getattr(message, "method", None)
        if method == "initialize":
            self._initialize_seen = True
        elif isinstance(method, str) and method != "exit" and not getattr(self, "_initialize_seen", False):
            # LSP: before initialize, a request is refused with ServerNotInitialized, a notification dropped
            if getattr(message, "id", None) is not None:
                log.warning("request %s before initialize, refused", method)
                self._send_response(message.id, None, JsonRpcServerNotInitialized(  # type: ignore[attr-defined]
                    f"the server is not initialized: {method} before initialize").to_response_error())
            else:
                log.warning("notification %s before initialize, dropped", method)
            return
        if not hasattr(message, "jsonrpc"):  # no "jsonrpc": "2.0"; a JSON array (a batch, which LSP has not), a string
            log.warning("a message that is not a JSON-RPC 2.0 object (%s), answered with InvalidRequest",
                        type(message).__name__)
            error = JsonRpcInvalidRequest('Invalid Request: an LSP message is one JSON object with "jsonrpc": "2.0"')
            if isinstance(message, dict) and "method" in message and message.get("id") is not None:
                self._send_response(message["id"], None, error.to_response_error())  # type: ignore[attr-defined]
            else:
                answer_unknown_id(self, error)
            return
        super().handle_message(message)  # type: ignore[misc]

    def _handle_cancel_notification(self, msg_id: Any) -> None:
        """An editor cancels requests already answered all the time: not worth a warning in the log."""
        if msg_id in self._request_futures:  # type: ignore[attr-defined]
            super()._handle_cancel_notification(msg_id)  # type: ignore[misc]
        else:
            log.debug("$/cancelRequest for %r, already answered", msg_id)


def unreadable_body(protocol: Any, error: Exception) -> bool:
    """For the server's ``report_server_error``: a body that is not JSON (or not UTF-8) gets ParseError with
    id null, as JSON-RPC says, and one log line instead of a message box.  True when ``error`` was that."""
    if not isinstance(error, (json.JSONDecodeError, UnicodeDecodeError)):
        return False
    log.warning("a message that is not JSON, answered with ParseError: %s", error)
    answer_unknown_id(protocol, JsonRpcParseError(f"Parse Error: {error}"))
    return True


def answer_unknown_id(protocol: Any, error: JsonRpcException) -> None:
    """Send ``error`` as the answer to a message whose id could not be read: ``"id": null``, as JSON-RPC says
    (pygls leaves a null id out, and VS Code drops an answer without one)."""
    protocol._send_data({"jsonrpc": "2.0", "id": None,
                         "error": {"code": error.code, "message": error.message}})


class ResyncingStdin:
    """Standard input for pygls' reader.  After a wrong ``Content-Length`` the next header comes glued to the
    rest of the body before it (``…"}Content-Length: 80``), which pygls' reader does not recognise, so it
    lost every later message; this finds the header in the line and drops what comes before it."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw

    def readline(self) -> bytes:
        line = self.raw.readline()
        at = line.find(HEADER)
        if at > 0:
            log.warning("%d bytes before a message header dropped (a wrong Content-Length before it)", at)
            return line[at:]
        return line

    def read(self, n: int) -> bytes:
        return self.raw.read(n)


def _name(method: Any) -> str:
    return method if isinstance(method, str) else repr(method)
