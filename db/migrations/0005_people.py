"""The office's people who log in: name, role, PIN hash and the wrong-PIN lock-out."""

from datetime import UTC, datetime

from peewee import BooleanField, DateTimeField, IntegerField, Model, TextField


def _now():
    return datetime.now(UTC).replace(tzinfo=None)


def up(migrator, db):
    class Person(Model):
        nama = TextField()
        jabatan = TextField(default="")
        nip = TextField(default="")
        role = TextField()
        pin_hash = TextField()
        failed_attempts = IntegerField(default=0)
        locked_until = DateTimeField(null=True)
        active = BooleanField(default=True)
        created_at = DateTimeField(default=_now)

        class Meta:
            database = db
            legacy_table_names = False

    db.create_tables([Person])
