"""SOP approval ("Sahkan"): when and by whom a revision was approved; approved ones are locked."""

from peewee import DateTimeField, TextField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("sop_revision", "approved_at", DateTimeField(null=True)),
        migrator.add_column("sop_revision", "approved_by", TextField(default="")),
    )
