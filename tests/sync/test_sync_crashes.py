"""Power cuts in the middle of syncing: the sender (or intake) SIGKILLed, then restarted.

Each test runs tests/sync/sender_process.py as a real process against a fresh reference server,
kills it at one point (MOTCUA_CRASH_AT, or from here while a file is being uploaded),
checks that it died by SIGKILL, restarts it without the variable, and then checks every
invariant of tests/sync/sync_invariants.py: each local dossier on the server exactly once with
identical content, attachments complete with matching hashes, upstream changes applied once.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from dossier_fixtures import AGENCY, make_counter
from sender_process import (
    AFTER_OUTBOX_COMMIT,
    CRASH_SETTINGS,
    drain,
    noise_png,
    open_sender,
    own_unit,
    varied_intake,
)
from sqlalchemy import func, select
from sync_invariants import assert_synced

from counter_app.services.dossier_lifecycle import ReturnInput
from counter_app.sync import state
from counter_app.sync.fault_proxy import FaultProxy
from counter_app.sync.provincial import upload_file
from counter_app.sync.sender import CRASH_ENV
from db.engine import Database
from db.migrate import migrate
from db.models import Dossier, DossierEvent, SyncOutbox

PROGRAM = Path(__file__).with_name("sender_process.py")
REPO = PROGRAM.parents[2]
CHUNK = inspect.signature(upload_file).parameters["chunk_size"].default
KILLED = -signal.SIGKILL


@pytest.fixture
def provincial(start_provincial, tmp_path):
    """A province of this test's own."""
    return start_provincial(f"sqlite:///{tmp_path / 'province.sqlite3'}")


@pytest.fixture
def office(sqlite_url, provincial, tmp_path):
    """An office on SQLite with its token stored, as the sender process will find it."""
    db = Database(sqlite_url)
    migrate(db)
    counter = make_counter(db)
    counter.url = sqlite_url
    counter.files_dir = counter.attachments.store.root
    counter.scans = tmp_path / "scans"
    counter.scans.mkdir()
    counter.token = provincial.token(AGENCY)
    with db.write() as session:
        state.put(session, state.TOKEN, counter.token)
    yield counter
    db.dispose()


def argv(office) -> list[str]:
    """The sender program's command line for this office."""
    return [sys.executable, str(PROGRAM), "--db", office.url, "--files", str(office.files_dir)]


def run(office, *args: str, crash: str | None = None, timeout: float = 60) -> tuple[int, list]:
    """Run the program to its end; its return code and the JSON lines it printed."""
    env = {k: v for k, v in os.environ.items() if k != CRASH_ENV}
    if crash is not None:
        env[CRASH_ENV] = crash
    done = subprocess.run(
        [*argv(office), *args], cwd=REPO, env=env, capture_output=True, timeout=timeout
    )
    lines = [json.loads(line) for line in done.stdout.decode().splitlines() if line.strip()]
    if done.returncode not in (0, KILLED):
        pytest.fail(f"sender exited {done.returncode}:\n{done.stderr.decode()[-3000:]}")
    return done.returncode, lines


def send(office, url: str, *args: str, crash: str | None = None) -> tuple[int, list]:
    """Run the sender against `url`."""
    return run(office, "--url", url, *args, crash=crash)


def fill(office, rng: random.Random, count: int, files: int = 0, side: int = 48) -> list:
    """Receive `count` varied dossiers (the first `files` with a scan); move a few on."""
    received = []
    for i in range(count):
        scans = (noise_png(office.scans / f"scan-{i}.png", rng, side),) if i < files else ()
        received.append(office.intake.accept(office.clerk, varied_intake(office, rng, scans)))
        office.clock.advance(minutes=3)
    unit = own_unit(office.db)
    for detail in received[1::3]:
        office.lifecycle.transfer(office.clerk, detail.id, unit)
        office.clock.advance(minutes=2)
    for detail in received[1::6]:
        office.lifecycle.record_result(office.clerk, detail.id)
        office.lifecycle.return_result(office.clerk, detail.id, ReturnInput(receiver_name="An"))
    return received


def ops_in(db: Database, *states: str) -> list[SyncOutbox]:
    with db.read() as session:
        query = select(SyncOutbox).where(SyncOutbox.state.in_(states)).order_by(SyncOutbox.id)
        return list(session.scalars(query))


def upstream_events(db: Database) -> int:
    with db.read() as session:
        query = select(func.count()).where(DossierEvent.action == "upstream")
        return session.scalar(query) or 0


def test_intake_killed_right_after_its_commit_loses_nothing(office, provincial):
    code, lines = run(office, "--make", "8", "--crash-skip", "4", crash=AFTER_OUTBOX_COMMIT)
    assert code == KILLED and len(lines) == 4  # the fifth committed, then the power went
    with office.db.read() as session:
        codes = set(session.scalars(select(Dossier.code)))
    queued = ops_in(office.db, "pending")
    assert len(codes) == 5 and {op.code for op in queued} == codes and len(queued) == 5
    assert send(office, provincial.base_url)[0] == 0
    assert_synced(office.db, provincial, office.token)


@pytest.mark.parametrize(
    ("point", "skip"),
    [("after_upload", 1), ("before_push", 2), ("after_server_commit", 2)],
)
def test_sender_killed_at_a_crash_point_then_restarted(office, provincial, point, skip):
    fill(office, random.Random(point), 13, files=3)
    code, _lines = send(office, provincial.base_url, "--crash-skip", str(skip), crash=point)
    assert code == KILLED
    unacknowledged = ops_in(office.db, "sending")
    if point == "after_server_commit":  # the province applied the batch; we never heard
        assert len(unacknowledged) == CRASH_SETTINGS.batch_items
        held = provincial.inspect(unacknowledged[0].code).json()
        assert unacknowledged[0].op_id in {op["op_id"] for op in held["ops"]}
    waiting = len(ops_in(office.db, "pending", "sending"))
    code, lines = send(office, provincial.base_url)
    # Each waiting operation acknowledged once (a batch the province had applied is answered
    # again from its Idempotency-Key memory, or as duplicates).
    assert code == 0 and sum(line["sent"] + line["duplicates"] for line in lines) == waiting
    assert_synced(office.db, provincial, office.token)


def test_sender_killed_in_the_middle_of_a_file_resumes_it(office, provincial):
    rng = random.Random(6)
    big = noise_png(office.scans / "so-ho-khau.png", rng, 720)  # about 1.5 MB
    sha, length = hashlib.sha256(big.read_bytes()).hexdigest(), big.stat().st_size
    first = varied_intake(office, rng, (big,))
    office.intake.accept(office.clerk, first)
    fill(office, rng, 4, files=1)
    with FaultProxy("127.0.0.1", int(provincial.port)) as line:
        line.configure(bandwidth_bps=4_000_000)  # about 3 s for the file
        env = {k: v for k, v in os.environ.items() if k != CRASH_ENV}
        process = subprocess.Popen(
            [*argv(office), "--url", line.url], cwd=REPO, env=env, stdout=subprocess.DEVNULL
        )
        try:
            received = wait_mid_file(provincial, office.token, sha, length, process)
            process.send_signal(signal.SIGKILL)  # while a chunk's PUT is on the line
        finally:
            if process.poll() is None:
                process.kill()
            returncode = process.wait(timeout=10)
    assert returncode == KILLED and 0 < received < length and received % CHUNK
    held = attachment_state(provincial, office.token, sha)
    assert held["complete"] == "0" and 0 < held["received"] < length
    code, lines = send(office, provincial.base_url)
    assert code == 0
    assert attachment_state(provincial, office.token, sha)["complete"] == "1"
    # Resumed, not sent again from the start: the restart sent about what was missing.
    assert lines[-1]["bytes_sent"] < length - held["received"] + 100_000
    assert_synced(office.db, provincial, office.token)


def attachment_state(provincial, token: str, sha: str) -> dict:
    """The province's HEAD of one file: bytes received and whether it is complete."""
    with provincial.client(token) as client:
        reply = client.head(f"/api/v1/attachments/{sha}")
    if reply.status_code == 404:
        return {"received": 0, "complete": "0"}
    return {
        "received": int(reply.headers["upload-offset"]),
        "complete": reply.headers["upload-complete"],
    }


def wait_mid_file(provincial, token: str, sha: str, length: int, process) -> int:
    """Poll until the province holds part of the file, not on a chunk boundary; the count."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            received = attachment_state(provincial, token, sha)["received"]
        except httpx.TransportError:
            received = 0
        if 0 < received < length and received % CHUNK:
            return received
        time.sleep(0.02)
    pytest.fail("the upload was never seen in the middle of the file")


def test_sender_killed_mid_pull_applies_each_upstream_change_once(office, provincial):
    received = fill(office, random.Random(9), 8, files=1)
    sender, adapter = open_sender(office.db, office.files_dir, provincial.base_url, office.token)
    with adapter:
        assert drain(sender, adapter, office.db)  # in this process: only the pull is killed
    sender.stop()
    made = [move(provincial, received[i].code, a) for i, a in ((0, "processing"), (2, "done"))]
    made.append(move(provincial, received[3].code, "supplement"))
    code, _lines = send(office, provincial.base_url, crash="mid_pull")
    assert code == KILLED and upstream_events(office.db) == 0  # fetched, never applied
    code, lines = send(office, provincial.base_url)
    assert code == 0 and sum(line["pulled"] for line in lines) == 3
    assert_synced(office.db, provincial, office.token, upstream_made=made)
    # Killed again on the next pull, after this page was applied and its snapshots sent.
    made += [move(provincial, received[i].code, "processing") for i in (4, 5)]
    code, lines = send(office, provincial.base_url, "--crash-skip", "1", crash="mid_pull")
    assert code == KILLED and sum(line["pulled"] for line in lines) == 2
    assert send(office, provincial.base_url)[0] == 0
    assert upstream_events(office.db) == 5
    assert_synced(office.db, provincial, office.token, upstream_made=made)
    with office.db.read() as session:
        assert session.get(Dossier, received[2].id).status == 9


def move(provincial, code: str, action: str) -> str:
    """An operator's upstream move; its change_id."""
    reply = provincial.ops(
        "POST",
        f"/_ops/dossiers/{code}/move",
        json={"action": action, "NguoiXuLy": "Phạm Thị Dung", "PhongBanXuLy": "Phòng Tư pháp"},
    )
    reply.raise_for_status()
    return str(reply.json()["change_id"])
