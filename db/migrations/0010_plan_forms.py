"""Plan forms: each unit's imported RKT, EKT or Renja (a submission per import, the file kept
by hash) and its rows."""

from datetime import UTC, datetime

from peewee import (
    CharField,
    DateTimeField,
    FloatField,
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

    class Unit(Base):
        class Meta:
            table_name = "unit"

    class Run(Base):
        class Meta:
            table_name = "run"

    class Person(Base):
        class Meta:
            table_name = "person"

    class PlanSubmission(Base):
        kind = CharField()
        year = IntegerField()
        unit = ForeignKeyField(Unit, null=True, on_delete="SET NULL")
        unit_nama = TextField()
        number = IntegerField()
        run = ForeignKeyField(Run, null=True, on_delete="SET NULL")
        source_name = TextField()
        sha256 = CharField()
        stored_path = TextField()
        imported_at = DateTimeField(default=_now)
        imported_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")

        class Meta:
            indexes = ((("kind", "year", "unit", "number"), True),)

    class PlanRow(Base):
        submission = ForeignKeyField(PlanSubmission, on_delete="CASCADE")
        position = IntegerField()
        kode = TextField(default="")
        sasaran = TextField(default="")
        uraian = TextField(default="")
        indikator = TextField(default="")
        satuan = TextField(default="")
        polaritas = TextField(default="")
        target = FloatField(null=True)
        realisasi = FloatField(null=True)
        program = TextField(default="")
        kegiatan = TextField(default="")
        anggaran = IntegerField(null=True)
        lokasi = TextField(default="")
        pagu = IntegerField(null=True)
        sumber_dana = TextField(default="")
        catatan = TextField(default="")
        target_maju = FloatField(null=True)
        pagu_maju = IntegerField(null=True)

    db.create_tables([PlanSubmission, PlanRow])
