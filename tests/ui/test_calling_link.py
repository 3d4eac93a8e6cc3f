"""A ticket is joined to the dossier taken in while it was served (API, or found by the panel)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from counter_app.domain.intake import ApplicantInput, IntakeInput, PaperCheck
from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.ui.calling.panel import CallingPanel
from counter_app.ui.workers import InlinePool

KIOSK = Principal(None, "kiosk", "Kiosk", Role.DEVICE, "K")
KHAI_SINH = "1.001193"
AN = ApplicantInput(
    full_name="Nguyễn Văn An",
    id_number="001090012345",
    gender="Nam",
    birth_date=date(1990, 5, 2),
    phone="0912345678",
    address="Số 5 phố Thử, phường Ba Đình",
)


@pytest.fixture
def panel(office, qtbot) -> Iterator[CallingPanel]:
    ctx = office.ctx
    ctx.catalog.load_shipped(Principal.system(ctx.station))
    ctx.queue.ensure_default_areas(office.admin)
    made = CallingPanel(ctx, office.clerk, pool=InlinePool(), watch=False)
    qtbot.addWidget(made)
    made.show()
    made.set_counter(1)
    yield made
    made.stop()


def take_in(office, clerk: Principal) -> int:
    ctx = office.ctx
    papers = tuple(PaperCheck(i, True) for i, _ in enumerate(ctx.catalog.get(KHAI_SINH).papers, 1))
    return ctx.intake.accept(clerk, IntakeInput(AN, KHAI_SINH, papers)).id


def serve_one(office, panel: CallingPanel) -> int:
    area = office.ctx.queue.areas()[0]
    ticket = office.ctx.queue.issue(KIOSK, area.id)
    panel.call_next()
    assert panel.current_ticket_id() == ticket.id
    return ticket.id


def dossier_of(office, ticket_id: int) -> int | None:
    return office.ctx.queue.find_scanned(f"MOTCUA-VE:{ticket_id}").dossier_id


def test_intake_links_through_the_panel_api(office, panel: CallingPanel) -> None:
    ticket_id = serve_one(office, panel)
    dossier_id = take_in(office, office.clerk)
    assert panel.ticket_served_with_dossier(dossier_id)
    assert dossier_of(office, ticket_id) == dossier_id
    assert panel.message.text() == "Đã gắn hồ sơ với số A001."
    assert panel.since.text().endswith("Đã gắn hồ sơ")
    panel.finish()
    assert dossier_of(office, ticket_id) == dossier_id


def test_nothing_to_link_without_a_ticket(office, panel: CallingPanel) -> None:
    assert panel.current_ticket_id() is None
    assert not panel.ticket_served_with_dossier(12345)


def test_finish_links_the_dossier_saved_meanwhile(office, panel: CallingPanel, clock) -> None:
    take_in(office, office.clerk)  # before the call: not this citizen's
    clock.advance(minutes=1)
    ticket_id = serve_one(office, panel)
    clock.advance(minutes=4)
    dossier_id = take_in(office, office.clerk)
    panel.finish()
    assert dossier_of(office, ticket_id) == dossier_id


def test_next_number_links_too_but_not_another_clerks_dossier(
    office, panel: CallingPanel, clock
) -> None:
    first = serve_one(office, panel)
    clock.advance(minutes=2)
    take_in(office, office.supervisor)  # someone else, elsewhere
    office.ctx.queue.issue(KIOSK, office.ctx.queue.areas()[0].id)
    panel.call_next()
    assert dossier_of(office, first) is None
    second = panel.current_ticket_id()
    assert second is not None
    clock.advance(minutes=2)
    dossier_id = take_in(office, office.clerk)
    panel.call_next()  # nobody left; the second ticket is finished and linked
    assert dossier_of(office, second) == dossier_id


def test_serving_changed_tells_who_is_served(office, panel: CallingPanel, qtbot) -> None:
    area = office.ctx.queue.areas()[0]
    office.ctx.queue.issue(KIOSK, area.id)
    with qtbot.waitSignal(panel.serving_changed, timeout=1000) as called:
        panel.call_next()
    assert called.args[0].label == "A001"
    with qtbot.waitSignal(panel.serving_changed, timeout=1000) as finished:
        panel.finish()
    assert finished.args == [None]
