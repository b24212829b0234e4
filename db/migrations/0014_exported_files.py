"""Files the office saves out of the app (a merged RKT/EKT/Renja, a run's audit trail) are
kept as a copy under the data folder and listed in the archive; triggers queue the archive row
as for the other sources (see 0011). Numbered 0014: 0013 belongs to another change."""

from datetime import UTC, datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField


def _now():
    return datetime.now(UTC).replace(tzinfo=None)


SQL = (
    "CREATE TRIGGER archive_mark_exported_file_ai AFTER INSERT ON exported_file BEGIN "
    "INSERT OR IGNORE INTO archive_dirty VALUES ('keluaran', new.id); END",
    "CREATE TRIGGER archive_mark_exported_file_ad AFTER DELETE ON exported_file BEGIN "
    "INSERT OR IGNORE INTO archive_dirty VALUES ('keluaran', old.id); END",
)
# the same marks on PostgreSQL (see 0011)
PG_MARKS = (
    ("exported_file_ai", "AFTER INSERT ON exported_file",
     "INSERT OR IGNORE INTO archive_dirty VALUES ('keluaran', new.id);"),
    ("exported_file_ad", "AFTER DELETE ON exported_file",
     "INSERT OR IGNORE INTO archive_dirty VALUES ('keluaran', old.id);"),
)


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

    class ExportedFile(Base):
        kind = CharField()
        title = TextField()
        year = IntegerField()
        run = ForeignKeyField(Run, null=True, on_delete="SET NULL", backref="+")
        file_name = TextField()
        sha256 = CharField()
        stored_path = TextField()
        created_at = DateTimeField(default=_now)
        created_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")

    db.create_tables([ExportedFile])
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
