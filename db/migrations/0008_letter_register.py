"""The register of outgoing letters (agenda surat keluar) and the archive classification codes
letter numbers start with, seeded with the codes this app's SOPs use (Permendagri 83/2022)."""

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

SEED_CODES = (
    ("000.7.2.4", "Rencana pembangunan tahunan"),
    ("000.7.2.6", "Program kerja tahunan"),
    ("000.7.2.7", "Penetapan kinerja"),
    ("000.7.2.10", "Evaluasi program"),
    ("000.8.3.3", "Standar operasional prosedur (SOP)"),
    ("000.8.6.3", "Sistem akuntabilitas kinerja instansi pemerintah (SAKIP)"),
)


def _now():
    return datetime.now(UTC).replace(tzinfo=None)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Person(Base):
        class Meta:
            table_name = "person"

    class ClassificationCode(Base):
        code = CharField(unique=True)
        description = TextField()
        active = BooleanField(default=True)

    class OutgoingLetter(Base):
        year = IntegerField()
        sequence = IntegerField()
        number = TextField()
        classification = TextField()
        kind = CharField()
        perihal = TextField()
        tujuan = TextField(default="")
        letter_date = DateField()
        taken_at = DateTimeField(default=_now)
        taken_by = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
        status = CharField(default="aktif")
        cancelled_at = DateTimeField(null=True)
        cancelled_by = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
        cancel_reason = TextField(default="")
        document_id = IntegerField(null=True)

        class Meta:
            indexes = ((("year", "sequence"), True),)

    db.create_tables([ClassificationCode, OutgoingLetter])
    ClassificationCode.insert_many(
        [{"code": code, "description": description, "active": True}
         for code, description in SEED_CODES]).execute()
