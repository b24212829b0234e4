"""Is the data sound? SQLite's integrity check, every stored file against its hash, and the
audit trail's hash chain; each problem comes with what to do, in plain Indonesian.

`check_data(..., quick=True)` is the start-up part: SQLite's quick_check, the referenced files
exist, the audit chain. The full check (`pandu check`) also reads every stored file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError

from db.models import database_proxy
from desktop_app.common.file_store import FILES_FOLDER
from desktop_app.safety.archive import FILE_MEMBER

RESTORE_HINT = ("Pulihkan dari cadangan terakhir yang sehat: menu \"Pulihkan dari "
                "cadangan…\", atau perintah: pandu restore BERKAS.zip (cadangan otomatis ada di "
                "folder \"cadangan\" di dalam folder data).")
_FILE_SETTINGS = {"logo": "logo kantor", "spesimen_ttd": "spesimen tanda tangan",
                  "cap_dinas": "cap dinas"}
_DAMAGED_TODO = "Jangan menambah data dulu."
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Problem:
    what: str  # what is wrong
    todo: str  # what to do about it


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    files_checked: int
    audit_entries: int
    quick: bool

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        if self.ok:
            what = "ada" if self.quick else "cocok dengan sidik SHA-256-nya"
            return ["Basis data: baik.",
                    f"Berkas kantor: {self.files_checked} berkas diperiksa, semua {what}.",
                    f"Jejak audit: {self.audit_entries} catatan, rantai utuh."]
        out = [f"Ditemukan {len(self.problems)} masalah:"]
        for number, problem in enumerate(self.problems, start=1):
            out += [f"{number}. {problem.what}", f"   Yang perlu dilakukan: {problem.todo}"]
        return out


def check_data(data_dir: Path, quick: bool = False,
               progress: Callable[[int, int], None] | None = None) -> CheckReport:
    """Check the open database (models bound to it) and the data folder's files."""
    problems = _database_problems(quick)
    if any(problem.todo.startswith(_DAMAGED_TODO) for problem in problems):
        return CheckReport(tuple(problems), 0, 0, quick)  # reading on could show nonsense
    try:
        file_problems, checked = _file_problems(data_dir, quick, progress)
        audit_problems, entries = _audit_problems(quick, data_dir)
    except (DatabaseError, ValueError, TypeError, OverflowError, UnicodeError) as exc:
        # a damaged page can surface as a row that does not parse, not only as an SQL error
        problems.append(_damaged(f"{type(exc).__name__}: {exc}"))
        return CheckReport(tuple(problems), 0, 0, quick)
    return CheckReport(tuple(problems + file_problems + audit_problems), checked, entries, quick)


def startup_message(data_dir: Path) -> str | None:
    """The start-up check as one plain message for the window; None when all is well."""
    report = check_data(data_dir, quick=True)
    if report.ok:
        return None
    shown = report.problems[:5]
    text = ["Pemeriksaan data saat aplikasi dibuka menemukan masalah:", ""]
    for problem in shown:
        text += [f"• {problem.what}", f"  {problem.todo}"]
    if len(report.problems) > len(shown):
        text.append(f"• … dan {len(report.problems) - len(shown)} masalah lain. Jalankan "
                    "pandu check untuk daftar lengkapnya.")
    return "\n".join(text)


def _damaged(detail: str) -> Problem:
    return Problem(f"Basis data rusak ({detail[:200]}).",
                   f"{_DAMAGED_TODO} {RESTORE_HINT} Jika tidak ada cadangan, minta bantuan "
                   "pengelola TI.")


def _database_problems(quick: bool) -> list[Problem]:
    from db.database import is_postgres

    if is_postgres(database_proxy):  # the server checks its pages and enforces references itself
        try:
            database_proxy.execute_sql("SELECT 1").fetchall()
        except DatabaseError as exc:
            return [_damaged(str(exc))]
        return []
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [r[0] for r in database_proxy.execute_sql(f"PRAGMA {pragma}(20)").fetchall()]
    except DatabaseError as exc:
        return [_damaged(str(exc))]
    if rows != ["ok"]:
        return [_damaged("; ".join(str(r) for r in rows[:3]))]
    if quick:
        return []
    try:
        broken = database_proxy.execute_sql("PRAGMA foreign_key_check").fetchall()
    except DatabaseError as exc:
        return [_damaged(str(exc))]
    if broken:
        tables = ", ".join(sorted({str(row[0]) for row in broken}))
        return [Problem(f"Basis data tidak konsisten: {len(broken)} baris merujuk ke data yang "
                        f"tidak ada (tabel {tables}).",
                        RESTORE_HINT + " Atau minta bantuan pengelola TI dengan menyertakan "
                        "hasil pandu check ini.")]
    return []


def referenced_files() -> list[tuple[str, str, str]]:
    """(stored path, SHA-256 recorded, what it is for staff) of every referenced file: the
    known tables with a label staff understand, then any table with a `*_path` column beside
    a `*sha256` one (so files of later features are checked too)."""
    tables = set(database_proxy.get_tables())
    found: list[tuple[str, str, str]] = []
    if "attachment" in tables:
        found += [(path, sha, f'lampiran "{name}" (proses {run})') for path, sha, name, run in
                  database_proxy.execute_sql(
                      "SELECT a.stored_path, a.sha256, a.original_name, s.run_id "
                      "FROM attachment a LEFT JOIN run_step s ON s.id = a.run_step_id")]
    if "document_version" in tables:
        found += [(path, sha, f'naskah "{title}" versi {number}') for path, sha, title, number in
                  database_proxy.execute_sql(
                      "SELECT v.stored_path, v.sha256, d.title, v.number "
                      "FROM document_version v LEFT JOIN document d ON d.id = v.document_id")]
    if "office_setting" in tables:
        keys = ", ".join(f"'{key}'" for key in _FILE_SETTINGS)
        for key, value in database_proxy.execute_sql(
                f"SELECT key, value FROM office_setting WHERE key IN ({keys})"):
            if value:
                name = value.rsplit("/", 1)[-1]
                found.append((value, name.split(".")[0], _FILE_SETTINGS[key]))
    for table in sorted(tables - {"attachment", "document_version"}):
        found += _generic_references(table)
    return found


def _generic_references(table: str) -> list[tuple[str, str, str]]:
    columns = [c.name for c in database_proxy.get_columns(table)]
    found = []
    for column in columns:
        if not column.endswith("path"):
            continue
        prefix = column.removesuffix("stored_path").removesuffix("path")
        sha = next((c for c in (f"{prefix}sha256", "sha256") if c in columns), None)
        if sha is None:
            continue
        key = '"id"' if "id" in columns else "0"
        rows = database_proxy.execute_sql(f'SELECT {key}, "{column}", "{sha}" FROM "{table}" '
                                    f"WHERE \"{column}\" != ''")
        found += [(path, digest, f"berkas {table} nomor {row_id}")
                  for row_id, path, digest in rows if path]
    return found


def _file_problems(data_dir: Path, quick: bool, progress
                   ) -> tuple[list[Problem], int]:
    problems: list[Problem] = []
    references = referenced_files()
    expected: dict[str, tuple[str, str]] = {}
    for path, sha, label in references:
        if not FILE_MEMBER.fullmatch(path or ""):
            problems.append(Problem(f"{_upper_first(label)} merujuk ke nama berkas yang tidak "
                                    f'sah ("{path[:80]}").',
                                    "Data ini diubah di luar aplikasi. " + RESTORE_HINT))
            continue
        expected.setdefault(path, (sha, label))
    folder = data_dir / FILES_FOLDER
    on_disk = {f"{FILES_FOLDER}/{p.name}" for p in folder.iterdir()} if folder.is_dir() else set()
    names = sorted(set(expected) | {n for n in on_disk if FILE_MEMBER.fullmatch(n)})
    for done, name in enumerate(names, start=1):
        sha, label = expected.get(name, ("", "berkas tersimpan"))
        if name not in on_disk:
            problems.append(Problem(
                f"{_upper_first(label)} hilang dari folder data ({name}).",
                "Pulihkan dari cadangan (berkas kantor ikut dipulihkan), atau lampirkan ulang "
                "berkas aslinya."))
        elif not quick:
            actual = _sha256(data_dir / name)
            own_name = name.split("/")[-1].split(".")[0]
            if actual != own_name or (sha and actual != sha):
                problems.append(Problem(
                    f"{_upper_first(label)} telah berubah sejak disimpan (sidik SHA-256 tidak "
                    f"cocok): {data_dir / name}.",
                    "Berkas rusak atau diubah di luar aplikasi; jangan memakainya sebagai "
                    "bukti. " + RESTORE_HINT))
        if progress:
            progress(done, len(names))
    return problems, len(names)


def _audit_problems(quick: bool = False, data_dir: Path | None = None
                    ) -> tuple[list[Problem], int]:
    from db import models as m
    from desktop_app.common.audit import verify_chain

    if not m.AuditEntry.table_exists():
        return [], 0
    found = verify_chain(from_checkpoint=quick)
    todo = ("Ada catatan jejak audit yang diubah atau dihapus di luar aplikasi. Laporkan kepada "
            "atasan. Jangan menghapus cadangan lama: cadangan menyimpan jejak audit yang asli "
            "untuk dibandingkan.")
    if not quick and not found and data_dir is not None:
        found = chain_head_problems(data_dir)
    return [Problem(f"Jejak audit: {text}.", todo) for text in found], m.AuditEntry.select().count()



def chain_head_problems(data_dir: Path) -> list[str]:
    """The chain against its heads signed by the office key: the newest automatic backup's
    (made after the last restore) and the one kept beside the database (issue 15)."""
    from db import models as m
    from db.database import bound, is_postgres
    from desktop_app.common.clock import to_local
    from desktop_app.safety.archive import open_archive, read_manifest
    from desktop_app.safety.backup import backup_folder
    from desktop_app.safety.rotation import automatic_backups
    from desktop_app.signing import chain_head
    from desktop_app.signing.keys import office_anchor

    if is_postgres(bound()):  # heads are kept beside the SQLite file and in its backups;
        return []             # network mode has neither yet (issue 21)
    anchor = office_anchor()
    if anchor is None:
        return []
    from desktop_app.signing.keys import office_key_replaced

    found: list[str] = []
    if office_key_replaced():
        found.append("kunci kantor di basis data tidak sama dengan kunci kantor yang disimpan "
                     "di komputer ini (diganti di luar aplikasi); naskah yang ditandatangani "
                     "tidak akan lolos pemeriksaan")
    rows = list(m.AuditEntry.select(m.AuditEntry.id, m.AuditEntry.hash)
                .order_by(m.AuditEntry.id).tuples())
    beside = chain_head.read_beside(data_dir).get("kepala")
    if beside:
        found += chain_head.head_problems(beside, "catatan di samping basis data", anchor, rows)
    since = chain_head.restored_at(data_dir)
    since_local = to_local(since).replace(tzinfo=None) if since else None
    for stamp, path in automatic_backups(backup_folder(data_dir)):
        if since_local is not None and stamp <= since_local:
            break
        try:
            with open_archive(path) as archive:
                head = read_manifest(archive, path).chain_head
        except Exception:  # noqa: BLE001 - a damaged backup is reported by its own check
            continue
        if head:
            found += chain_head.head_problems(head, f"cadangan {path.name}", anchor, rows)
            if not beside:
                found.append("catatan kepala rantai di samping basis data hilang (dihapus), "
                             "padahal cadangan mencatatnya")
            break
    if not found:  # intact: the head beside the database moves to the newest entry
        from desktop_app.common.paths import DATABASE_NAME

        chain_head.keep_beside(data_dir, chain_head.signed_head(data_dir / DATABASE_NAME))
    return list(dict.fromkeys(found))


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()
