"""The procedure catalogue: admins import it (CSV or JSON, all or nothing), everyone searches it."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.catalog import (
    MAX_FIELD,
    MAX_NAME,
    CatalogFormatError,
    ProcedureSpec,
    spec_problems,
)
from counter_app.domain.catalog_files import read_catalog_csv, read_catalog_json
from counter_app.domain.roles import Role
from counter_app.domain.text import fold, normalize
from counter_app.paths import resource_path
from counter_app.services import audit
from counter_app.services.catalog_queries import (
    CatalogQueries,
    ProcedureDetail,
    ProcedureSummary,
    spec_of,
)
from counter_app.services.errors import ServiceError, ValidationError
from counter_app.services.principal import Principal, require_role
from db.engine import Database
from db.models import Procedure, ProcedurePaper

__all__ = ["CatalogService", "ImportResult", "ProcedureDetail", "ProcedureSummary"]

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    """What an import did: procedures added, changed, already identical, switched off."""

    added: int
    updated: int
    unchanged: int
    deactivated: int
    total: int  # procedures in the imported file


def _clean(spec: ProcedureSpec) -> ProcedureSpec:
    """The spec with its text in the stored form (NFC, single spaces, code upper case)."""
    papers = tuple(dataclasses.replace(p, name=normalize(p.name)) for p in spec.papers)
    return dataclasses.replace(
        spec,
        code=normalize(spec.code).upper(),
        name=normalize(spec.name),
        field=normalize(spec.field),
        processing_text=normalize(spec.processing_text),
        fee_text=normalize(spec.fee_text),
        papers=papers,
        source=normalize(spec.source),
        note=normalize(spec.note),
    )


def _store(row: Procedure, spec: ProcedureSpec, now: datetime) -> None:
    row.code, row.name, row.field = spec.code, spec.name, spec.field
    # Folding can lengthen text (a Hangul syllable becomes three letters): cut to the column.
    row.name_folded, row.field_folded = fold(spec.name)[:MAX_NAME], fold(spec.field)[:MAX_FIELD]
    row.processing_days, row.processing_text = spec.processing_days, spec.processing_text
    row.fee_amount, row.fee_text = spec.fee_amount, spec.fee_text
    row.boundary_free, row.active = spec.boundary_free, True
    row.source, row.note, row.updated_at = spec.source, spec.note, now
    row.papers = [
        ProcedurePaper(
            position=i,
            name=p.name,
            originals=p.originals,
            copies=p.copies,
            required=p.required,
            present_only=p.present_only,
        )
        for i, p in enumerate(spec.papers, start=1)
    ]


def _read_text(path: Path) -> str:
    """The file's text (UTF-8 with or without BOM, or UTF-16 with BOM)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(
                f"Tệp {path.name} lớn quá {MAX_FILE_BYTES // (1024 * 1024)} MB, không phải "
                "danh mục thủ tục."
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"Không tìm thấy tệp {path}.") from None
    except IsADirectoryError:
        raise ValidationError(f"{path} là một thư mục, không phải tệp danh mục.") from None
    except PermissionError:
        raise ValidationError(f"Không có quyền đọc tệp {path}.") from None
    except OSError as exc:
        log.warning("catalogue file %s unreadable: %s", path, exc)
        raise ValidationError(f"Không đọc được tệp {path}.") from exc
    try:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return raw.decode("utf-16")
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f"Tệp {path.name} không phải văn bản UTF-8. Trong Excel, hãy lưu lại bằng "
            "“CSV UTF-8 (Comma delimited)”."
        ) from None


class CatalogService(CatalogQueries):
    """Import, search and look up the procedures the counter receives."""

    def __init__(self, db: Database, clock: Clock = vietnam_now) -> None:
        super().__init__(db)
        self._clock = clock

    def import_specs(
        self,
        principal: Principal,
        specs: Sequence[ProcedureSpec],
        source_name: str,
        *,
        deactivate_missing: bool = False,
    ) -> ImportResult:
        """Add or update procedures by code, papers replaced, in one transaction (admin only).

        With deactivate_missing, active procedures absent from specs are switched off (kept for
        old dossiers, hidden from search).
        """
        require_role(principal, Role.ADMIN)
        cleaned = [_clean(s) for s in specs]
        problems: list[str] = [] if cleaned else ["Danh mục không có thủ tục nào."]
        seen: set[str] = set()
        for spec in cleaned:
            label = spec.code or spec.name[:60]
            problems += [f"Thủ tục {label}: {p}" for p in spec_problems(spec)]
            if spec.code in seen:
                problems.append(f"Thủ tục {label}: mã bị lặp trong danh mục.")
            seen.add(spec.code)
        if problems:
            raise ValidationError(problems)
        try:
            result = self._write(principal, cleaned, source_name, deactivate_missing)
        except IntegrityError as exc:
            # Two admins adding the same new code at once on PostgreSQL; the loser retries.
            log.warning("catalogue import from %s collided: %s", source_name, exc.orig)
            raise ServiceError(
                "Danh mục vừa được cập nhật từ máy khác cùng lúc; chưa nhập gì. Hãy nhập lại."
            ) from exc
        log.info(
            "catalogue imported from %s: %d added, %d updated, %d unchanged, %d deactivated",
            source_name,
            result.added,
            result.updated,
            result.unchanged,
            result.deactivated,
        )
        return result

    def _write(
        self,
        principal: Principal,
        cleaned: list[ProcedureSpec],
        source_name: str,
        deactivate_missing: bool,
    ) -> ImportResult:
        seen = {spec.code for spec in cleaned}
        now = self._clock()
        added = updated = unchanged = deactivated = 0
        with self._db.write() as session:
            rows = session.scalars(select(Procedure).options(selectinload(Procedure.papers)))
            existing = {row.code: row for row in rows}
            for spec in cleaned:
                row = existing.get(spec.code)
                if row is None:
                    row = Procedure()
                    _store(row, spec, now)
                    session.add(row)
                    added += 1
                elif row.active and spec_of(row) == spec:
                    unchanged += 1
                else:
                    _store(row, spec, now)
                    updated += 1
            if deactivate_missing:
                for code, row in existing.items():
                    if code not in seen and row.active:
                        row.active, row.updated_at = False, now
                        deactivated += 1
            result = ImportResult(added, updated, unchanged, deactivated, len(cleaned))
            audit.record(
                session,
                principal,
                now,
                "catalog.import",
                "procedure_catalog",
                source_name[:60],
                source=source_name,
                **dataclasses.asdict(result),
            )
        return result

    def import_file(
        self, principal: Principal, path: Path | str, *, deactivate_missing: bool = False
    ) -> ImportResult:
        """Import a CSV or JSON catalogue file; any fault rejects the whole file (admin only)."""
        require_role(principal, Role.ADMIN)
        path = Path(path)
        text = _read_text(path)
        is_json = path.suffix.lower() == ".json" or (
            path.suffix.lower() != ".csv" and text.lstrip("\ufeff \t\r\n").startswith(("{", "["))
        )
        try:
            specs = read_catalog_json(text) if is_json else read_catalog_csv(text)
        except CatalogFormatError as exc:
            log.warning(
                "catalogue file %s rejected, nothing imported: %d problems, first: %s",
                path,
                len(exc.problems),
                exc.lines()[0] if exc.problems else "",
            )
            raise ValidationError(exc.lines()) from exc
        return self.import_specs(principal, specs, path.name, deactivate_missing=deactivate_missing)

    def load_shipped(self, principal: Principal) -> ImportResult:
        """Import the catalogue shipped with the app (resources/catalog/procedures.json)."""
        return self.import_file(principal, resource_path("catalog", "procedures.json"))
