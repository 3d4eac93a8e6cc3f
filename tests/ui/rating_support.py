"""Shared set-up of the rating tests (no tests here): a device account, served citizens, screens."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from helpers import PASSWORD
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from test_dossier_support import AN, KHAI_SINH, accept

from counter_app.app_context import AppContext
from counter_app.domain.roles import Role
from counter_app.services.dossier_lifecycle import ReturnInput
from counter_app.services.dossier_queries import DossierDetail
from counter_app.services.principal import Principal
from counter_app.services.queue_models import TicketInfo
from counter_app.services.rating import RatingService
from counter_app.ui.rating.window import RatingWindow
from counter_app.ui.workers import InlinePool
from db.models import ServiceRating

MakeScreen = Callable[..., RatingWindow]


def set_rating(ctx: AppContext, **changes: object) -> None:
    """Change the rating settings of a running context, and the service built on them."""
    rating = dataclasses.replace(ctx.settings.rating, **changes)
    ctx.settings = dataclasses.replace(ctx.settings, rating=rating)
    ctx.ratings = RatingService(ctx.db, rating, ctx.clock)


def saved(ctx: AppContext) -> list[ServiceRating]:
    """Every rating in the database, oldest first."""
    with ctx.db.read() as session:
        rows = list(session.scalars(select(ServiceRating).order_by(ServiceRating.id)))
        session.expunge_all()
        return rows


def serve_ticket(ctx: AppContext, issuer: Principal, clerk: Principal, counter: int) -> TicketInfo:
    """A citizen takes a number, the clerk at `counter` calls and finishes serving them."""
    area = ctx.queue.ensure_default_areas(Principal.system("T"))[0]
    ctx.queue.issue(issuer, area.id, "", uuid.uuid4().hex)
    called = ctx.queue.call_next(clerk, counter)
    assert called is not None
    return ctx.queue.finish(clerk, counter)


def return_result(ctx: AppContext, clerk: Principal, counter: int | None) -> DossierDetail:
    """A dossier received, decided and handed back at `counter` (None: no counter given)."""
    if ctx.catalog.count() == 0:
        ctx.catalog.load_shipped(Principal.system("T"))
    dossier = accept(ctx, clerk, KHAI_SINH, AN)
    ctx.lifecycle.record_result(clerk, dossier.id)
    how = ReturnInput(receiver_name="Nguyễn Văn An", counter=counter)
    return ctx.lifecycle.return_result(clerk, dossier.id, how)


@pytest.fixture
def screen_account(office: Any) -> Principal:
    """The device account the screen facing the citizen signs in with."""
    ctx = office.ctx
    ctx.accounts.create_user(office.admin, "manhinh", "Màn hình đánh giá", Role.DEVICE, PASSWORD)
    return ctx.accounts.sign_in("manhinh", PASSWORD)


@pytest.fixture
def make_screen(office: Any, screen_account: Principal, qtbot) -> Iterator[MakeScreen]:
    """Build and show a rating screen (inline pool); always stopped and closed at the end."""
    made: list[RatingWindow] = []

    def make(
        counter: int = 2,
        principal: Principal | None = None,
        size: tuple[int, int] = (1366, 768),
    ) -> RatingWindow:
        window = RatingWindow(
            office.ctx, principal or screen_account, counter, pool=InlinePool(), poll_seconds=0.05
        )
        made.append(window)
        window.resize(*size)
        window.show()
        QApplication.processEvents()
        return window

    yield make
    for window in made:
        window.stop()
        window.unlocked = True
        window.close()
        window.deleteLater()
    QApplication.processEvents()
