"""Naskah dinas: documents, their versions (files by hash; the final one carries a
verification code), the sign-off route per document kind, and the approvals given."""

from datetime import UTC, datetime

from peewee import (
    BooleanField,
    CharField,
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

    class Person(Base):
        class Meta:
            table_name = "person"

    class Run(Base):
        class Meta:
            table_name = "run"

    class RunStep(Base):
        class Meta:
            table_name = "run_step"

    class Document(Base):
        kind = CharField()
        title = TextField()
        content = TextField()  # the form's fields as JSON
        run = ForeignKeyField(Run, null=True, on_delete="SET NULL")
        run_step = ForeignKeyField(RunStep, null=True, on_delete="SET NULL")
        status = CharField(default="menunggu")
        route_position = IntegerField(default=0)
        letter_id = IntegerField(null=True)
        created_at = DateTimeField(default=_now)
        created_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")

    class DocumentVersion(Base):
        document = ForeignKeyField(Document, on_delete="CASCADE")
        number = IntegerField()
        sha256 = CharField(index=True)
        stored_path = TextField()
        final = BooleanField(default=False)
        verification_code = CharField(null=True, unique=True)
        created_at = DateTimeField(default=_now)
        created_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")

        class Meta:
            indexes = ((("document", "number"), True),)

    class SignoffStep(Base):
        kind = CharField()
        position = IntegerField()
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        action = CharField()  # paraf | tanda_tangan

        class Meta:
            indexes = ((("kind", "position"), True),)

    class Approval(Base):
        document = ForeignKeyField(Document, on_delete="CASCADE")
        version = ForeignKeyField(DocumentVersion, on_delete="CASCADE")
        position = IntegerField()
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        action = CharField()
        decision = CharField()  # setuju | kembalikan
        note = TextField(default="")
        at = DateTimeField(default=_now)

    db.create_tables([Document, DocumentVersion, SignoffStep, Approval])
