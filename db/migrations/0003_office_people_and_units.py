"""The office's officials (who sign and initial) and its units (seksi, subbag)."""

from peewee import CharField, IntegerField, Model, TextField


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Official(Base):
        position = IntegerField()
        jabatan = TextField()
        nama = TextField()
        pangkat_golongan = TextField(default="")
        nip = CharField()

    class Unit(Base):
        position = IntegerField()
        nama = CharField(unique=True)

    db.create_tables([Official, Unit])
