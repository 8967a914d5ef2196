"""`streamlit` with every attempt to reach another machine refused and written down.

    python tests/views/offline_streamlit.py LOG run app.py [options]   (as python -m streamlit)

An audit hook sees each name lookup, connect and send of this process before it
happens. One that leaves the machine is appended to LOG (event, host, port) and refused
with ConnectionRefusedError, as a machine without a network would: the server carries
on, and the test reads LOG.
"""

from __future__ import annotations

import ipaddress
import runpy
import sys
from typing import Any

# Each event's arguments, by position: which one is the destination.
_HOST_AT = {"socket.getaddrinfo": 0, "socket.gethostbyname": 0, "socket.gethostbyaddr": 0}
_ADDRESS_AT = {"socket.connect": 1, "socket.connect_ex": 1, "socket.sendto": 1, "socket.sendmsg": 1}
_LOCAL_NAMES = {"", "localhost", "localhost.localdomain"}


def is_local(host: object) -> bool:
    """Loopback, the wildcard a server binds to, or no host at all (a Unix socket's path)."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    name = str(host).strip("[]").lower()
    if name in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(name.split("%")[0])
    except ValueError:
        return False  # a name to look up: the lookup itself would leave the machine
    return address.is_loopback or address.is_unspecified


def destination(event: str, args: tuple[Any, ...]) -> tuple[object, object] | None:
    """The (host, port) an event would reach; None for events that reach nothing."""
    if event in _HOST_AT:
        host = args[_HOST_AT[event]]
        return host, args[1] if event == "socket.getaddrinfo" else None
    if event in _ADDRESS_AT:
        address = args[_ADDRESS_AT[event]]
        if isinstance(address, tuple) and address:
            return address[0], address[1] if len(address) > 1 else None
        return None, None  # a Unix socket's path (multiprocessing, the fork server)
    return None


def guard(log_path: str) -> None:
    def hook(event: str, args: tuple[Any, ...]) -> None:
        reached = destination(event, args)
        if reached is None or is_local(reached[0]):
            return
        host, port = reached
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(f"{event} {host} {port}\n")
        raise ConnectionRefusedError(f"offline test: {event} to {host}:{port} refused")

    sys.addaudithook(hook)


if __name__ == "__main__":
    guard(sys.argv[1])
    sys.argv = ["streamlit", *sys.argv[2:]]
    runpy.run_module("streamlit", run_name="__main__")  # as `python -m streamlit`
