"""Runs of an SOP revision: lane assignments, step attempts, kelengkapan checks,
attachments, and the append-only audit trail (each entry carries the previous one's hash)."""

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


def _now():
    return datetime.now(UTC).replace(tzinfo=None)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class SopRevision(Base):
        class Meta:
            table_name = "sop_revision"

    class Lane(Base):
        class Meta:
            table_name = "lane"

    class Step(Base):
        class Meta:
            table_name = "step"

    class KelengkapanItem(Base):
        class Meta:
            table_name = "kelengkapan_item"

    class Person(Base):
        class Meta:
            table_name = "person"

    class Run(Base):
        revision = ForeignKeyField(SopRevision, on_delete="RESTRICT")
        title = TextField()
        year = IntegerField()
        start_date = DateField()
        created_at = DateTimeField(default=_now)
        created_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")
        status = CharField(default="berjalan")
        finished_at = DateTimeField(null=True)

    class RunAssignment(Base):
        run = ForeignKeyField(Run, on_delete="CASCADE")
        lane = ForeignKeyField(Lane, on_delete="RESTRICT")
        person = ForeignKeyField(Person, on_delete="RESTRICT")

        class Meta:
            indexes = ((("run", "lane"), True),)

    class RunStep(Base):
        run = ForeignKeyField(Run, on_delete="CASCADE")
        step = ForeignKeyField(Step, on_delete="RESTRICT")
        attempt = IntegerField(default=1)
        state = CharField(default="menunggu")
        started_at = DateTimeField(null=True)
        due_at = DateTimeField(null=True)
        completed_at = DateTimeField(null=True)
        completed_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
        acted_for = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
        decision = CharField(default="")
        note = TextField(default="")

        class Meta:
            indexes = ((("run", "step", "attempt"), True),)

    class RunCheck(Base):
        run_step = ForeignKeyField(RunStep, on_delete="CASCADE")
        item = ForeignKeyField(KelengkapanItem, on_delete="RESTRICT")
        checked = BooleanField(default=False)
        missing_reason = TextField(default="")
        note = TextField(default="")
        updated_at = DateTimeField(default=_now)
        updated_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")

        class Meta:
            indexes = ((("run_step", "item"), True),)

    class Attachment(Base):
        run_step = ForeignKeyField(RunStep, on_delete="CASCADE")
        item = ForeignKeyField(KelengkapanItem, null=True, on_delete="RESTRICT")
        sha256 = CharField()
        original_name = TextField()
        stored_path = TextField()
        size = IntegerField()
        added_at = DateTimeField(default=_now)
        added_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")

    class AuditEntry(Base):
        run = ForeignKeyField(Run, null=True, on_delete="RESTRICT")
        at = DateTimeField(default=_now)
        person = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
        on_behalf_of = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
        action = CharField()
        detail = TextField(default="")
        prev_hash = CharField(default="")
        hash = CharField()

    db.create_tables([Run, RunAssignment, RunStep, RunCheck, Attachment, AuditEntry])
