"""The office's own calendar days: extra days off ("libur") and national holidays it works
anyway ("masuk"). Office hours live in office_setting (jam_mulai, hari_kerja, jam_per_hari)."""

from peewee import CharField, DateField, Model, TextField


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class OfficeHoliday(Base):
        date = DateField(unique=True)
        name = TextField()
        kind = CharField()

    db.create_tables([OfficeHoliday])
