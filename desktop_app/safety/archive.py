"""The backup archive: one zip holding the database, the office's files and a manifest.

```
manifest.json        format, created_at (UTC), app version, schema (applied migrations),
                     office, counts (sop, proses, naskah, berkas), SHA-256 and size per member
pandu.sqlite3        a consistent copy made with SQLite's online backup
berkas/<sha256>.ext  the office's files, under the names they have in the data folder
```
Reading trusts nothing in the file: every member name must be one of those shapes (so no
name can point outside the data folder) and every member must match its SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.common.errors import InvalidInput
from desktop_app.common.file_store import FILES_FOLDER
from desktop_app.common.paths import DATABASE_NAME

FORMAT = "pandu-cadangan/1"
MANIFEST = "manifest.json"
DATABASE_MEMBER = DATABASE_NAME
FILE_MEMBER = re.compile(rf"{FILES_FOLDER}/[0-9a-f]{{64}}(\.[a-z0-9]{{1,8}})?")
COUNT_KEYS = ("sop", "proses", "naskah", "berkas")
MAX_MANIFEST_BYTES = 20 * 1024 * 1024
_STORED_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg", ".zip", ".docx", ".xlsx", ".odt"}
_CHUNK = 1024 * 1024
_BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Manifest:
    created_at: datetime  # UTC, naive
    app_version: str
    schema: tuple[str, ...]  # migrations applied to the database in the archive
    office: str
    counts: dict[str, int]
    members: dict[str, tuple[str, int]]  # name -> (sha256, size)
    database_check: str  # "ok", or what SQLite's quick_check said when the backup was made
    chain_head: dict | None = None  # the audit chain's head signed by the office key (issue 15)

    @property
    def files(self) -> list[str]:
        return sorted(name for name in self.members if name != DATABASE_MEMBER)

    @property
    def total_size(self) -> int:
        return sum(size for _sha, size in self.members.values())

    def to_json(self) -> str:
        return json.dumps({
            "format": FORMAT,
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z",
            "app_version": self.app_version, "schema": list(self.schema), "office": self.office,
            "counts": self.counts, "database_check": self.database_check,
            "members": {name: {"sha256": sha, "size": size}
                        for name, (sha, size) in sorted(self.members.items())},
            **({"kepala_rantai": self.chain_head} if self.chain_head else {}),
        }, ensure_ascii=False, indent=1)


def sha256_file(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def write_archive(target: Path, database_copy: Path, files: Iterable[tuple[str, Path]],
                  manifest: Manifest, progress: Progress | None = None) -> None:
    """Write the zip to `target` (the caller writes to a temporary name and renames).
    `manifest.members` must already hold every member's hash."""
    files = list(files)
    total = len(files) + 1
    with target.open("wb") as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            archive.writestr(MANIFEST, manifest.to_json())
            archive.write(database_copy, DATABASE_MEMBER)
            if progress:
                progress(1, total)
            for done, (name, path) in enumerate(files, start=2):
                compress = zipfile.ZIP_STORED if path.suffix.lower() in _STORED_EXTENSIONS \
                    else zipfile.ZIP_DEFLATED
                archive.write(path, name, compress_type=compress)
                if progress:
                    progress(done, total)
        handle.flush()
        os.fsync(handle.fileno())  # with the central directory, written when the zip closed


def _bad(path: Path, why: str) -> InvalidInput:
    return InvalidInput(f"{path.name} bukan berkas cadangan Pandu SOP yang utuh: {why}. "
                        "Pilih berkas cadangan lain (cadangan otomatis ada di folder "
                        "\"cadangan\" di dalam folder data).")


def open_archive(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise InvalidInput(f"Berkas {path} tidak ada.") from exc
    except IsADirectoryError as exc:
        raise InvalidInput(f"{path} adalah folder; pilih berkas cadangan (.zip).") from exc
    except OSError as exc:
        raise InvalidInput(f"Berkas {path} tidak dapat dibaca ({exc.strerror}).") from exc
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise _bad(path, "isinya bukan arsip zip atau arsipnya terpotong") from exc


def read_manifest(archive: zipfile.ZipFile, path: Path) -> Manifest:
    """The manifest, after checking the archive's shape (names, members listed)."""
    names = [info.filename for info in archive.infolist()]
    if MANIFEST not in names:
        raise _bad(path, "daftar isi (manifest.json) tidak ada")
    info = archive.getinfo(MANIFEST)
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _bad(path, "daftar isi terlalu besar")
    try:
        raw = json.loads(archive.read(MANIFEST).decode("utf-8"))
        manifest = _parse_manifest(raw)
    except (ValueError, KeyError, TypeError, AttributeError, zipfile.BadZipFile, OSError,
            EOFError, NotImplementedError) as exc:
        raise _bad(path, "daftar isi (manifest.json) rusak") from exc
    strange = [n for n in names if n != MANIFEST and n != DATABASE_MEMBER
               and not FILE_MEMBER.fullmatch(n)]
    strange += [n for n in manifest.members if n != DATABASE_MEMBER
                and not FILE_MEMBER.fullmatch(n)]
    if strange:
        raise _bad(path, f'berisi nama yang tidak diizinkan ("{strange[0][:80]}")')
    if len(names) != len(set(names)):
        raise _bad(path, "ada nama berkas yang ganda")
    if DATABASE_MEMBER not in manifest.members:
        raise _bad(path, "basis data tidak ada di dalamnya")
    listed, present = set(manifest.members), set(names) - {MANIFEST}
    if listed != present:
        missing = sorted(listed - present) or sorted(present - listed)
        raise _bad(path, f'isinya tidak sesuai daftar isi ("{missing[0]}")')
    return manifest


def _parse_manifest(raw: dict) -> Manifest:
    if raw["format"] != FORMAT:
        raise ValueError(raw["format"])
    created = datetime.fromisoformat(str(raw["created_at"]).removesuffix("Z"))
    if created.tzinfo is not None:
        created = created.astimezone(UTC).replace(tzinfo=None)
    members = {}
    for name, entry in raw["members"].items():
        sha, size = str(entry["sha256"]), int(entry["size"])
        if not re.fullmatch(r"[0-9a-f]{64}", sha) or size < 0:
            raise ValueError(name)
        members[str(name)] = (sha, size)
    counts = {key: int(raw["counts"].get(key, 0)) for key in COUNT_KEYS}
    return Manifest(created, str(raw.get("app_version", "")),
                    tuple(str(s) for s in raw["schema"]), str(raw.get("office", "")), counts,
                    members, str(raw.get("database_check", "ok")),
                    raw.get("kepala_rantai") if isinstance(raw.get("kepala_rantai"), dict)
                    else None)


def extract_member(archive: zipfile.ZipFile, name: str, expected: tuple[str, int],
                   target: Path, path: Path) -> None:
    """Write one member to `target`, checking its size and SHA-256 while copying; a member
    that does not match is refused (and `target` removed)."""
    sha, size = expected
    digest, written = hashlib.sha256(), 0
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    out_fd = os.open(target, flags, 0o644)  # a new file: never through a planted link
    try:
        with archive.open(name) as source, os.fdopen(out_fd, "wb") as out:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > size:
                    break
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except _BROKEN as exc:
        target.unlink(missing_ok=True)
        raise _bad(path, f"bagian {name} rusak") from exc
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    if written != size or digest.hexdigest() != sha:
        target.unlink(missing_ok=True)
        raise _bad(path, f"bagian {name} berubah atau rusak (SHA-256 tidak cocok)")


def verify_archive(path: Path) -> Manifest:
    """Read every member and check it against the manifest; InvalidInput if any differs."""
    with open_archive(path) as archive:
        manifest = read_manifest(archive, path)
        for name, (sha, size) in manifest.members.items():
            digest, seen = hashlib.sha256(), 0
            try:
                with archive.open(name) as source:
                    while (chunk := source.read(_CHUNK)) and seen <= size:
                        seen += len(chunk)
                        digest.update(chunk)
            except _BROKEN as exc:
                raise _bad(path, f"bagian {name} rusak") from exc
            except OSError as exc:  # e.g. a flash disk pulled out while reading
                raise InvalidInput(f"Berkas {path} tidak dapat dibaca ({exc.strerror}). "
                                   "Periksa flashdisk atau disknya, lalu ulangi.") from exc
            if seen != size or digest.hexdigest() != sha:
                raise _bad(path, f"bagian {name} berubah atau rusak (SHA-256 tidak cocok)")
    return manifest
