"""Office settings (kop, paper, ...) and SOP archiving / template marking."""

from peewee import BooleanField, CharField, DateTimeField, Model, TextField


def up(migrator, db):
    class OfficeSetting(Model):
        key = CharField(primary_key=True)
        value = TextField()

        class Meta:
            database = db
            legacy_table_names = False

    db.create_tables([OfficeSetting])
    migrator.migrate(
        migrator.add_column("sop", "archived_at", DateTimeField(null=True)),
        migrator.add_column("sop", "is_template", BooleanField(default=False)),
    )
