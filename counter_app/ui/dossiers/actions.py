"""The lifecycle actions offered on a dossier: when each is allowed and which dialog it opens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from counter_app.app_context import AppContext
from counter_app.domain.dossier_status import DossierStatus, can_transition
from counter_app.services.dossier_queries import RUNNING, DossierDetail
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.dossiers.action_dialogs import ActionDialog, NoteDialog, ReturnDialog
from counter_app.ui.dossiers.apology_dialog import ApologyDialog
from counter_app.ui.dossiers.transfer_dialog import TransferDialog

S = DossierStatus
Builder = Callable[[AppContext, Principal, DossierDetail, QWidget | None], ActionDialog]


@dataclass(frozen=True)
class ActionSpec:
    """A button of the detail: its label, the status it leads to, and its dialog."""

    key: str
    label: str
    target: DossierStatus | None  # None: the status stays (apology)
    build: Builder
    extra: Callable[[DossierDetail], bool] = lambda _d: True

    def allowed(self, detail: DossierDetail) -> bool:
        """Whether the action may be taken on the dossier now."""
        if self.target is not None and not can_transition(detail.status, self.target):
            return False
        return self.extra(detail)


def _note(
    labels: tuple[str, str, str],
    method: str,
    required: bool,
) -> Builder:
    def build(
        ctx: AppContext, principal: Principal, detail: DossierDetail, parent: QWidget | None
    ) -> ActionDialog:
        service_call = getattr(ctx.lifecycle, method)
        return NoteDialog(
            ctx,
            principal,
            detail,
            labels,
            lambda text: service_call(principal, detail.id, text),
            required,
            parent,
        )

    return build


def apology_allowed(detail: DossierDetail) -> bool:
    """Once, while the deadline runs."""
    return detail.status in RUNNING and not detail.row.apology_used


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "transfer",
        texts.ACTION_TRANSFER,
        S.DANG_XU_LY,
        TransferDialog,
        # A dossier waiting for the citizen's supplement resumes by "receive supplement".
        extra=lambda d: d.status is not S.YEU_CAU_BO_SUNG,
    ),
    ActionSpec(
        "request_supplement",
        texts.ACTION_REQUEST_SUPPLEMENT,
        S.YEU_CAU_BO_SUNG,
        _note(
            (texts.SUPPLEMENT_TITLE, texts.SUPPLEMENT_INTRO, texts.SUPPLEMENT_REASONS),
            "request_supplement",
            required=True,
        ),
    ),
    ActionSpec(
        "receive_supplement",
        texts.ACTION_RECEIVE_SUPPLEMENT,
        S.DANG_XU_LY,
        _note(
            (texts.RECEIVE_SUPPLEMENT_TITLE, texts.RECEIVE_SUPPLEMENT_INTRO, texts.DOSSIER_NOTE),
            "receive_supplement",
            required=False,
        ),
        # Asked at intake (no code yet): the dossier is received anew on the intake screen.
        extra=lambda d: d.status is S.YEU_CAU_BO_SUNG and d.code is not None,
    ),
    ActionSpec(
        "record_result",
        texts.ACTION_RECORD_RESULT,
        S.DA_XU_LY_XONG,
        _note(
            (texts.RESULT_TITLE, texts.RESULT_INTRO, texts.DOSSIER_NOTE),
            "record_result",
            required=False,
        ),
    ),
    ActionSpec("return", texts.ACTION_RETURN, S.DA_TRA_KET_QUA, ReturnDialog),
    ActionSpec(
        "withdraw",
        texts.ACTION_WITHDRAW,
        S.CONG_DAN_RUT_HO_SO,
        _note(
            (texts.WITHDRAW_TITLE, texts.WITHDRAW_INTRO, texts.WITHDRAW_REASON),
            "withdraw",
            required=False,
        ),
    ),
    ActionSpec(
        "stop",
        texts.ACTION_STOP,
        S.DUNG_XU_LY,
        _note((texts.STOP_TITLE, texts.STOP_INTRO, texts.STOP_REASON), "stop", required=True),
    ),
    ActionSpec("apology", texts.ACTION_APOLOGY, None, ApologyDialog, extra=apology_allowed),
)


def action(key: str) -> ActionSpec:
    """The action with this key."""
    return next(a for a in ACTIONS if a.key == key)


def disabled_reason(spec: ActionSpec, detail: DossierDetail) -> str:
    """Why an action's button is greyed out (its tooltip)."""
    if spec.key == "apology" and detail.row.apology_used:
        return texts.ACTION_APOLOGY_USED
    return texts.ACTION_NOT_ALLOWED.format(status=detail.status.label)
