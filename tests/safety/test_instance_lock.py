"""A second copy of the app on the same data folder is told plainly that the data is in use;
a lock left by a crashed copy is never in the way."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap

import pytest

from desktop_app.safety import instance_lock
from desktop_app.safety.instance_lock import LOCK_NAME, DataInUse, acquire, holder
from desktop_app.safety.storage import StorageError

HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from desktop_app.safety.instance_lock import acquire
    lock = acquire(Path(sys.argv[1]))
    print("terkunci", flush=True)
    time.sleep(60)
""")


def test_a_second_copy_is_told_the_data_is_in_use(data_dir):
    first = acquire(data_dir)
    with pytest.raises(DataInUse) as caught:
        acquire(data_dir)
    message = str(caught.value)
    assert "sedang dipakai oleh Pandu SOP lain" in message
    assert f"proses {os.getpid()} di komputer ini" in message
    assert "tutup dulu" in message
    assert holder(data_dir).pid == os.getpid()
    first.release()
    assert holder(data_dir) is None
    with acquire(data_dir) as again:
        assert again.held
    assert (data_dir / LOCK_NAME).read_text() == ""  # no pid lingers after release


def test_another_process_holds_it_until_it_dies(data_dir):
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(data_dir)],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "terkunci"
        with pytest.raises(DataInUse) as caught:
            acquire(data_dir)
        assert caught.value.holder.pid == process.pid
        assert caught.value.holder.host == socket.gethostname()
    finally:
        process.send_signal(signal.SIGKILL)  # a crash: nobody releases anything
        process.wait()
    lock = acquire(data_dir)  # the stale lock file is not in the way
    lock.release()


def test_without_file_locks_the_pid_decides(data_dir, monkeypatch):
    monkeypatch.setattr(instance_lock, "_try_lock", lambda fd: None)  # e.g. a network share
    data_dir.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    info = {"pid": int(dead), "host": socket.gethostname(), "program": "jendela Pandu SOP",
            "since": "2026-03-02 08.00"}
    (data_dir / LOCK_NAME).write_text(json.dumps(info))
    lock = acquire(data_dir)  # a pid that no longer runs: stale
    with pytest.raises(DataInUse):
        acquire(data_dir)  # our own live pid now
    lock.release()
    (data_dir / LOCK_NAME).write_text(json.dumps(info | {"host": "PC-SEKCAM"}))
    with pytest.raises(DataInUse, match="di komputer PC-SEKCAM"):
        acquire(data_dir)


def test_a_read_only_data_folder_gives_a_clear_message(data_dir, monkeypatch):
    data_dir.mkdir()
    real_open = os.open

    def read_only(path, flags, *args):
        if str(path).endswith(LOCK_NAME):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(instance_lock.os, "open", read_only)
    with pytest.raises(StorageError, match="tidak dapat ditulisi") as caught:
        acquire(data_dir)
    assert str(data_dir) in str(caught.value)


def test_a_read_only_data_folder_for_real(read_only_folder):
    with pytest.raises(StorageError, match="tidak dapat ditulisi"):
        acquire(read_only_folder)
