"""Today's peewee models. Migrations never import this module: they keep frozen copies.

Models are bound to a database at run time (`db.database.connect`), so no database object
lives at module level.
"""

from __future__ import annotations

from datetime import UTC, datetime

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        legacy_table_names = False


class Sop(BaseModel):
    """An SOP of the library; its content lives in revisions."""

    created_at = DateTimeField(default=utc_now)
    archived_at = DateTimeField(null=True)
    is_template = BooleanField(default=False)


class SopRevision(BaseModel):
    sop = ForeignKeyField(Sop, backref="revisions", on_delete="CASCADE")
    number = IntegerField()
    created_at = DateTimeField(default=utc_now)
    nama = TextField()
    nomor = TextField(default="")
    instansi = TextField(default="")
    tanggal_pembuatan = DateField(null=True)
    tanggal_revisi = DateField(null=True)
    tanggal_pengesahan = DateField(null=True)
    disahkan_jabatan = TextField(default="")
    disahkan_nama = TextField(default="")
    disahkan_pangkat = TextField(default="")
    disahkan_nip = TextField(default="")
    approved_at = DateTimeField(null=True)
    approved_by = TextField(default="")

    class Meta:
        indexes = ((("sop", "number"), True),)


class IdentityItem(BaseModel):
    """One numbered entry of an identity list (dasar hukum, peringatan, ...)."""

    revision = ForeignKeyField(SopRevision, backref="identity_items", on_delete="CASCADE")
    field = CharField()
    position = IntegerField()
    text = TextField()


class Lane(BaseModel):
    revision = ForeignKeyField(SopRevision, backref="lanes", on_delete="CASCADE")
    position = IntegerField()
    kode = CharField()
    nama = TextField()

    class Meta:
        indexes = ((("revision", "kode"), True),)


class Step(BaseModel):
    revision = ForeignKeyField(SopRevision, backref="steps", on_delete="CASCADE")
    number = IntegerField()
    kegiatan = TextField()
    simbol = CharField(default="proses")
    waktu = TextField(default="")
    output = TextField(default="")
    keterangan = TextField(default="")

    class Meta:
        indexes = ((("revision", "number"), True),)


class StepLane(BaseModel):
    """A pelaksana of a step; position 0 is the main one."""

    step = ForeignKeyField(Step, backref="step_lanes", on_delete="CASCADE")
    lane = ForeignKeyField(Lane, on_delete="RESTRICT")
    position = IntegerField()


class KelengkapanItem(BaseModel):
    step = ForeignKeyField(Step, backref="kelengkapan_items", on_delete="CASCADE")
    position = IntegerField()
    text = TextField()


class DecisionTarget(BaseModel):
    """Where a keputusan step goes: "Ya" (null = next step) and "Tidak"."""

    step = ForeignKeyField(Step, unique=True, backref="decision", on_delete="CASCADE")
    if_yes = ForeignKeyField(Step, null=True, on_delete="CASCADE", backref="+")
    if_no = ForeignKeyField(Step, on_delete="CASCADE", backref="+")


class DocumentLink(BaseModel):
    """The kind of naskah dinas or form a step produces."""

    step = ForeignKeyField(Step, unique=True, backref="document_link", on_delete="CASCADE")
    kind = CharField()


class OfficeSetting(BaseModel):
    """One office-wide setting; keys and defaults are declared in desktop_app.office.settings."""

    key = CharField(primary_key=True)
    value = TextField()


class Official(BaseModel):
    """An official of the office who signs or initials (camat, sekcam, kasubag, ...)."""

    position = IntegerField()
    jabatan = TextField()
    nama = TextField()
    pangkat_golongan = TextField(default="")
    nip = CharField()  # 18 digits, no spaces


class Unit(BaseModel):
    """A unit of the office (seksi, subbag) that fills its part of plans and runs SOPs."""

    position = IntegerField()
    nama = CharField(unique=True)


ALL_MODELS = [
    Sop,
    SopRevision,
    IdentityItem,
    Lane,
    Step,
    StepLane,
    KelengkapanItem,
    DecisionTarget,
    DocumentLink,
    OfficeSetting,
    Official,
    Unit,
]
