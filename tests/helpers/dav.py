"""A real Radicale server for the sync tests, vdirsyncer run as a person runs it, and a
"phone": plain HTTP PUT, GET and DELETE of items on the server, as DAVx5 does."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

BIN = Path(sys.executable).parent
USER, PASSWORD = "phone", "secret"  # Radicale runs with no authentication: any pair is let in
_AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
_ADDRESSBOOK = (
    b'<?xml version="1.0"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">'
    b"<D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype></D:prop>"
    b"</D:set></D:mkcol>"
)

_PROPFIND = b'<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>'


def request(
    method: str, url: str, body: bytes | None = None, kind: str = "", **more: str
) -> tuple[int, bytes]:
    headers = {"Authorization": _AUTH, **more}
    if kind:
        headers["Content-Type"] = kind
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, body, headers, method=method), timeout=10
        ) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Radicale:
    url: str
    process: subprocess.Popen

    def addressbook(self, name: str) -> str:
        """A new address book on the server; its URL."""
        url = f"{self.url}/{USER}/{name}/"
        assert request("MKCOL", url, _ADDRESSBOOK, "application/xml")[0] == 201
        return url


def start_radicale(storage: Path, timeout: float = 20) -> Radicale:
    """Radicale on 127.0.0.1 at a free port, storing in ``storage``; back once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "radicale"), "--server-hosts", f"127.0.0.1:{port}", "--auth-type", "none",
         "--storage-filesystem-folder", str(storage), "--logging-level", "error"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("radicale stopped as it started")
        try:
            request("GET", url + "/")
            return Radicale(url, process)
        except OSError:
            time.sleep(0.05)  # polling a condition: is the port answering yet
    process.kill()
    raise RuntimeError("radicale did not answer")


class Phone:
    """An address book on the server, edited item by item over HTTP as a phone does."""

    def __init__(self, url: str) -> None:
        self.url = url

    def put(self, name: str, text: str) -> None:
        assert request("PUT", self.url + name, text.encode("utf-8"), "text/vcard")[0] in (201, 204)

    def get(self, name: str) -> str:
        status, body = request("GET", self.url + name)
        assert status == 200, status
        return body.decode("utf-8")

    def delete(self, name: str) -> None:
        assert request("DELETE", self.url + name)[0] in (200, 204)

    def names(self) -> list[str]:
        """The items' names (a PROPFIND of depth 1)."""
        status, body = request("PROPFIND", self.url, _PROPFIND, "application/xml", Depth="1")
        assert status == 207, status
        hrefs = [element.text or "" for element in ElementTree.fromstring(body).iter("{DAV:}href")]
        return sorted(href.rsplit("/", 1)[1] for href in hrefs if not href.endswith("/"))


class Vdirsyncer:
    """vdirsyncer for one computer: its config and status in ``home``, one pair per address book."""

    def __init__(self, home: Path, addressbook: str) -> None:
        self.home = home
        self.contacts = home / "contacts"
        self.contacts.mkdir(parents=True)
        self.config = home / "vdirsyncer.conf"
        self.config.write_text(
            f'[general]\nstatus_path = "{home / "status"}/"\n\n'
            '[pair netkeep_contacts]\na = "netkeep_contacts_local"\nb = "netkeep_contacts_remote"\n'
            'collections = null\nconflict_resolution = "a wins"\n\n'
            '[storage netkeep_contacts_local]\ntype = "filesystem"\n'
            f'path = "{self.contacts}/"\nfileext = ".vcf"\n\n'
            f'[storage netkeep_contacts_remote]\ntype = "carddav"\nurl = "{addressbook}"\n'
            f'username = "{USER}"\npassword = "{PASSWORD}"\n'
        )
        self("discover")

    def __call__(self, *command: str) -> None:
        env = {**os.environ, "HOME": str(self.home)}
        done = subprocess.run(
            [str(BIN / "vdirsyncer"), "-c", str(self.config), *command],
            input="", capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr

    def sync(self) -> None:
        self("sync")
