"""SOP documents brought in with `Impor dokumen SOP` (Word, Excel, PDF, text): the original
file of each imported draft, kept in the data folder and listed in the archive. Triggers queue
the archive row as for the other sources (see 0011)."""

from datetime import UTC, datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField


def _now():
    return datetime.now(UTC).replace(tzinfo=None)


SQL = (
    "CREATE TRIGGER archive_mark_sop_source_ai AFTER INSERT ON sop_source BEGIN "
    "INSERT OR IGNORE INTO archive_dirty VALUES ('sumber_sop', new.id); END",
    "CREATE TRIGGER archive_mark_sop_source_ad AFTER DELETE ON sop_source BEGIN "
    "INSERT OR IGNORE INTO archive_dirty VALUES ('sumber_sop', old.id); END",
)
# the same marks on PostgreSQL (see 0011)
PG_MARKS = (
    ("sop_source_ai", "AFTER INSERT ON sop_source",
     "INSERT OR IGNORE INTO archive_dirty VALUES ('sumber_sop', new.id);"),
    ("sop_source_ad", "AFTER DELETE ON sop_source",
     "INSERT OR IGNORE INTO archive_dirty VALUES ('sumber_sop', old.id);"),
)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Person(Base):
        class Meta:
            table_name = "person"

    class Sop(Base):
        class Meta:
            table_name = "sop"

    class SopSource(Base):
        sop = ForeignKeyField(Sop, backref="+", on_delete="CASCADE")
        kind = CharField()
        sha256 = CharField()
        original_name = TextField()
        stored_path = TextField()
        size = IntegerField()
        added_at = DateTimeField(default=_now)
        added_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")

    db.create_tables([SopSource])
    from db.database import is_postgres

    if is_postgres(db):
        from importlib import import_module

        archive = import_module("db.migrations.0011_expedition_archive")
        statements = [statement for name, event, body in PG_MARKS
                      for statement in archive.postgres_trigger(name, event, body)]
    else:
        statements = SQL
    for statement in statements:
        db.execute_sql(statement)
