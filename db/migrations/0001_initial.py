"""The first schema: the SOP library (SOP, revision, lanes, steps, kelengkapan, decisions)."""

from datetime import UTC, datetime

from peewee import (
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def _now():
    return datetime.now(UTC).replace(tzinfo=None)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Sop(Base):
        created_at = DateTimeField(default=_now)

    class SopRevision(Base):
        sop = ForeignKeyField(Sop, on_delete="CASCADE")
        number = IntegerField()
        created_at = DateTimeField(default=_now)
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

        class Meta:
            indexes = ((("sop", "number"), True),)

    class IdentityItem(Base):
        revision = ForeignKeyField(SopRevision, on_delete="CASCADE")
        field = CharField()
        position = IntegerField()
        text = TextField()

    class Lane(Base):
        revision = ForeignKeyField(SopRevision, on_delete="CASCADE")
        position = IntegerField()
        kode = CharField()
        nama = TextField()

        class Meta:
            indexes = ((("revision", "kode"), True),)

    class Step(Base):
        revision = ForeignKeyField(SopRevision, on_delete="CASCADE")
        number = IntegerField()
        kegiatan = TextField()
        simbol = CharField(default="proses")
        waktu = TextField(default="")
        output = TextField(default="")
        keterangan = TextField(default="")

        class Meta:
            indexes = ((("revision", "number"), True),)

    class StepLane(Base):
        step = ForeignKeyField(Step, on_delete="CASCADE")
        lane = ForeignKeyField(Lane, on_delete="RESTRICT")
        position = IntegerField()

    class KelengkapanItem(Base):
        step = ForeignKeyField(Step, on_delete="CASCADE")
        position = IntegerField()
        text = TextField()

    class DecisionTarget(Base):
        step = ForeignKeyField(Step, unique=True, on_delete="CASCADE")
        if_yes = ForeignKeyField(Step, null=True, on_delete="CASCADE", backref="+")
        if_no = ForeignKeyField(Step, on_delete="CASCADE", backref="+")

    class DocumentLink(Base):
        step = ForeignKeyField(Step, unique=True, on_delete="CASCADE")
        kind = CharField()

    db.create_tables([Sop, SopRevision, IdentityItem, Lane, Step, StepLane, KelengkapanItem,
                      DecisionTarget, DocumentLink])
