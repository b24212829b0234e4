"""`pandu check` and the start-up check: the database, every stored file against its hash,
the audit chain; each problem says what to do."""

from __future__ import annotations

from db import models as m
from desktop_app.safety.integrity import check_data, startup_message


def test_healthy_data(cli, filled):
    report = check_data(filled.data_dir)
    assert report.ok and report.files_checked == 3 and report.audit_entries >= 3
    status, out, err = cli("--data-dir", filled.data_dir, "check")
    assert status == 0, out + err
    assert "Basis data: baik." in out and "3 berkas diperiksa" in out and "rantai utuh" in out
    assert startup_message(filled.data_dir) is None


def test_a_changed_stored_file_is_found(cli, filled):
    filled.attachment.write_bytes(b"%PDF-1.4\n% notulen yang diubah diam-diam\n")
    status, out, _err = cli("--data-dir", filled.data_dir, "check")
    assert status == 1
    assert 'Lampiran "notulen rapat.pdf" (proses 1) telah berubah sejak disimpan' in out
    assert "Yang perlu dilakukan:" in out and "pandu restore" in out
    # the quick start-up part does not read whole files
    assert startup_message(filled.data_dir) is None


def test_a_changed_signed_pdf_and_logo_are_found(filled):
    filled.pdf.write_bytes(b"%PDF-1.4 lain")
    filled.logo.write_bytes(b"\x89PNG\r\n\x1a\n lain")
    report = check_data(filled.data_dir)
    found = " ".join(p.what for p in report.problems)
    assert 'Naskah "Penyampaian Renja 2027" versi 1 telah berubah' in found
    assert "Logo kantor telah berubah" in found


def test_a_missing_file_is_found_at_start(filled):
    filled.attachment.unlink()
    message = startup_message(filled.data_dir)
    assert message.startswith("Pemeriksaan data saat aplikasi dibuka menemukan masalah")
    assert 'Lampiran "notulen rapat.pdf" (proses 1) hilang dari folder data' in message
    assert "Pulihkan dari cadangan" in message


def test_an_edited_audit_entry_is_found(cli, filled):
    db = filled.workspace.database
    entry = m.AuditEntry.select().order_by(m.AuditEntry.id).first()
    db.execute_sql("UPDATE audit_entry SET detail = 'diubah' WHERE id = ?", (entry.id,))
    status, out, _err = cli("--data-dir", filled.data_dir, "check")
    assert status == 1
    assert f"Jejak audit: catatan jejak audit nomor {entry.id} telah diubah." in out
    assert "Laporkan kepada atasan" in out
    message = startup_message(filled.data_dir)
    assert f"nomor {entry.id} telah diubah" in message


def test_a_deleted_audit_entry_is_found(filled):
    db = filled.workspace.database
    ids = [e.id for e in m.AuditEntry.select().order_by(m.AuditEntry.id)]
    db.execute_sql("DELETE FROM audit_entry WHERE id = ?", (ids[1],))
    report = check_data(filled.data_dir)
    assert any(f"sebelum nomor {ids[2]} hilang atau diubah" in p.what for p in report.problems)


def test_a_damaged_database_is_reported_with_what_to_do(filled):
    import desktop_app.cli.check as check_cli

    data = filled.data_dir
    db = filled.workspace.database
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    filled.workspace.close()
    path = data / "pandu.sqlite3"
    raw = bytearray(path.read_bytes())
    pages = len(raw) // 4096
    for page in range(pages // 2, pages - 1):  # rubbish over the inside of several tables
        raw[page * 4096 + 100:page * 4096 + 400] = b"\x07" * 300
    path.write_bytes(bytes(raw))

    class Args:
        pass

    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = check_cli.run_on_folder(Args, data)
    assert status == 1
    text = out.getvalue()
    assert "rusak" in text and "pandu restore" in text


def test_a_file_that_is_not_a_database(tmp_path):
    import contextlib
    import io

    import desktop_app.cli.check as check_cli

    data = tmp_path / "data"
    data.mkdir()
    (data / "pandu.sqlite3").write_bytes(b"ini bukan basis data" * 300)

    class Args:
        pass

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check_cli.run_on_folder(Args, data) == 1
    assert "pandu restore" in out.getvalue()


def test_check_reports_every_damaged_page_without_a_traceback(filled, cli):
    """Garbage written over each page of the database in turn: `pandu check` always answers
    in words (exit 1 when it sees the damage), never with a traceback."""
    data = filled.data_dir
    filled.workspace.close()
    database = data / "pandu.sqlite3"
    for suffix in ("-wal", "-shm"):
        assert not (data / f"pandu.sqlite3{suffix}").exists()
    original = database.read_bytes()
    page = int.from_bytes(original[16:18], "big") or 65536
    pages = len(original) // page
    seen_damage = 0
    try:
        for number in range(1, pages):  # page 0 holds the header: "not a database" anyway
            damaged = bytearray(original)
            damaged[number * page + 8:number * page + 600] = bytes(range(256)) * 2 + bytes(80)
            database.write_bytes(bytes(damaged))
            status, out, err = cli("--data-dir", data, "check")
            assert "Traceback" not in out + err, (number, out, err)
            assert status in (0, 1) and out.strip(), (number, out, err)
            seen_damage += status == 1
            for suffix in ("-wal", "-shm"):
                (data / f"pandu.sqlite3{suffix}").unlink(missing_ok=True)
    finally:
        database.write_bytes(original)
    assert seen_damage >= pages // 2


def test_the_start_up_check_reads_only_what_came_since_the_last_intact_check(filled,
                                                                             monkeypatch):
    from desktop_app.common import audit

    read: list[int] = []
    real = audit.chain_problems

    def counting(rows, prev=""):
        rows = list(rows)
        read.append(len(rows))
        return real(rows, prev)

    monkeypatch.setattr(audit, "chain_problems", counting)
    db = filled.workspace.database
    total = m.AuditEntry.select().count()
    assert startup_message(filled.data_dir) is None  # the first start reads all
    with db.atomic():
        audit.append(None, None, "uji", "satu entri baru")
    assert startup_message(filled.data_dir) is None
    assert read == [total, 1]
    report = check_data(filled.data_dir)  # pandu check still reads everything
    assert report.ok and read[-1] == total + 1


def test_an_edit_after_the_checkpoint_is_found_at_start_before_it_by_check(cli, filled):
    from desktop_app.common import audit

    db = filled.workspace.database
    assert startup_message(filled.data_dir) is None  # checkpoint at the newest entry
    old = m.AuditEntry.select().order_by(m.AuditEntry.id).first()
    with db.atomic():
        audit.append(None, None, "uji", "sesudah titik periksa")
    new = m.AuditEntry.select().order_by(m.AuditEntry.id.desc()).first()
    db.execute_sql("UPDATE audit_entry SET detail = 'diubah' WHERE id = ?", (new.id,))
    assert f"nomor {new.id} telah diubah" in startup_message(filled.data_dir)
    db.execute_sql("UPDATE audit_entry SET detail = 'sesudah titik periksa' WHERE id = ?",
                   (new.id,))
    assert startup_message(filled.data_dir) is None
    db.execute_sql("UPDATE audit_entry SET detail = 'diubah' WHERE id = ?", (old.id,))
    status, out, _err = cli("--data-dir", filled.data_dir, "check")
    assert status == 1 and f"catatan jejak audit nomor {old.id} telah diubah" in out


def test_a_changed_checkpoint_entry_is_found_at_start(filled):
    db = filled.workspace.database
    assert startup_message(filled.data_dir) is None
    newest = m.AuditEntry.select().order_by(m.AuditEntry.id.desc()).first()
    db.execute_sql("UPDATE audit_entry SET hash = 'palsu' WHERE id = ?", (newest.id,))
    assert f"nomor {newest.id} hilang atau diubah" in startup_message(filled.data_dir)
