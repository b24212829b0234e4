"""Buku ekspedisi (deliveries of signed documents with their lampiran, and the receipts) and the
archive: one row per document of the office, searched through an FTS5 table that triggers keep
equal to it. Triggers on the source tables (documents, letters, attachments, deliveries) queue
what changed in archive_dirty; desktop_app.archive.index rebuilds those rows.

On PostgreSQL the same marks are PL/pgSQL trigger functions (`ON CONFLICT DO NOTHING` for
SQLite's `INSERT OR IGNORE`), and the full-text index is a GIN index over ARCHIVE_TSVECTOR
(the `simple` configuration; punctuation splits words as FTS5's unicode61 does)."""

from datetime import UTC, datetime

from peewee import (
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


_FTS_COLUMNS = "nomor, perihal, tujuan, notes, catatan"
_NEW = "new.nomor, new.perihal, new.tujuan, new.notes, new.catatan"
_OLD = "old.nomor, old.perihal, old.tujuan, old.notes, old.catatan"


def _mark(source: str, id_expression: str) -> str:
    return f"INSERT OR IGNORE INTO archive_dirty VALUES ('{source}', {id_expression});"


# (name, event, body): each marks the archive rows a change in a source table may affect.
MARKS = (
    ("document_ai", "AFTER INSERT ON document", _mark("naskah", "new.id")),
    ("document_au", "AFTER UPDATE ON document",
     _mark("naskah", "new.id") + "INSERT OR IGNORE INTO archive_dirty SELECT 'surat', "
     "new.letter_id WHERE new.letter_id IS NOT NULL;"),
    ("document_ad", "AFTER DELETE ON document",
     _mark("naskah", "old.id") + "INSERT OR IGNORE INTO archive_dirty SELECT 'surat', "
     "old.letter_id WHERE old.letter_id IS NOT NULL;"),
    ("version_ai", "AFTER INSERT ON document_version", _mark("naskah", "new.document_id")),
    ("approval_ai", "AFTER INSERT ON approval", _mark("naskah", "new.document_id")),
    ("letter_ai", "AFTER INSERT ON outgoing_letter", _mark("surat", "new.id")),
    ("letter_au", "AFTER UPDATE ON outgoing_letter",
     _mark("surat", "new.id") + "INSERT OR IGNORE INTO archive_dirty SELECT 'naskah', id "
     "FROM document WHERE letter_id = new.id;"),
    ("letter_ad", "AFTER DELETE ON outgoing_letter", _mark("surat", "old.id")),
    ("attachment_ai", "AFTER INSERT ON attachment", _mark("berkas", "new.id")),
    ("attachment_ad", "AFTER DELETE ON attachment", _mark("berkas", "old.id")),
    ("run_step_au", "AFTER UPDATE OF note ON run_step",
     "INSERT OR IGNORE INTO archive_dirty SELECT 'berkas', id FROM attachment "
     "WHERE run_step_id = new.id;"),
    ("run_au", "AFTER UPDATE OF title ON run",
     "INSERT OR IGNORE INTO archive_dirty SELECT source, source_id FROM archive_item "
     "WHERE run_id = new.id;"),
    ("delivery_ai", "AFTER INSERT ON delivery", _mark("naskah", "new.document_id")),
    ("delivery_au", "AFTER UPDATE ON delivery",
     _mark("naskah", "new.document_id") + "INSERT OR IGNORE INTO archive_dirty SELECT "
     "CASE WHEN document_id IS NULL THEN 'berkas' ELSE 'naskah' END, "
     "COALESCE(document_id, attachment_id) FROM delivery_item WHERE delivery_id = new.id;"),
    ("delivery_ad", "AFTER DELETE ON delivery", _mark("naskah", "old.document_id")),
    ("delivery_item_ai", "AFTER INSERT ON delivery_item",
     "INSERT OR IGNORE INTO archive_dirty SELECT CASE WHEN new.document_id IS NULL THEN "
     "'berkas' ELSE 'naskah' END, COALESCE(new.document_id, new.attachment_id);"),
    ("delivery_item_ad", "AFTER DELETE ON delivery_item",
     "INSERT OR IGNORE INTO archive_dirty SELECT CASE WHEN old.document_id IS NULL THEN "
     "'berkas' ELSE 'naskah' END, COALESCE(old.document_id, old.attachment_id);"),
)

SQL = (
    "CREATE TABLE archive_dirty (source TEXT NOT NULL, source_id INTEGER NOT NULL, "
    "PRIMARY KEY (source, source_id)) WITHOUT ROWID",
    f"CREATE VIRTUAL TABLE archive_fts USING fts5({_FTS_COLUMNS}, content='archive_item', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    f"CREATE TRIGGER archive_item_ai AFTER INSERT ON archive_item BEGIN INSERT INTO "
    f"archive_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW}); END",
    f"CREATE TRIGGER archive_item_ad AFTER DELETE ON archive_item BEGIN INSERT INTO "
    f"archive_fts(archive_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', old.id, {_OLD}); END",
    f"CREATE TRIGGER archive_item_au AFTER UPDATE ON archive_item BEGIN INSERT INTO "
    f"archive_fts(archive_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', old.id, {_OLD}); "
    f"INSERT INTO archive_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW}); END",
    *(f"CREATE TRIGGER archive_mark_{name} {event} BEGIN {body} END"
      for name, event, body in MARKS),
    # what exists already is indexed at the first search
    "INSERT OR IGNORE INTO archive_dirty SELECT 'naskah', id FROM document",
    "INSERT OR IGNORE INTO archive_dirty SELECT 'surat', id FROM outgoing_letter",
    "INSERT OR IGNORE INTO archive_dirty SELECT 'berkas', id FROM attachment",
)


# The searched text of an archive row on PostgreSQL (desktop_app.archive.search uses it as is,
# so the planner uses the index).
ARCHIVE_TSVECTOR = ("to_tsvector('simple'::regconfig, regexp_replace("
                    "nomor || ' ' || perihal || ' ' || tujuan || ' ' || notes || ' ' || catatan, "
                    "'[^[:alnum:]]+', ' ', 'g'))")


def postgres_body(body: str) -> str:
    """A SQLite trigger body as PL/pgSQL statements."""
    statements = [part.strip() for part in body.split(";") if part.strip()]
    return " ".join(statement.replace("INSERT OR IGNORE INTO", "INSERT INTO")
                    + " ON CONFLICT DO NOTHING;" for statement in statements)


def postgres_trigger(name: str, event: str, body: str) -> tuple[str, str]:
    """CREATE FUNCTION + CREATE TRIGGER for one mark (name without the archive_mark_ prefix)."""
    function = f"archive_mark_{name}"
    return (f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"{postgres_body(body)} RETURN NULL; END $$",
            f"CREATE TRIGGER {function} {event} FOR EACH ROW EXECUTE FUNCTION {function}()")


PG_SQL = (
    "CREATE TABLE archive_dirty (source TEXT NOT NULL, source_id INTEGER NOT NULL, "
    "PRIMARY KEY (source, source_id))",
    f"CREATE INDEX archive_item_fts ON archive_item USING gin ({ARCHIVE_TSVECTOR})",
    *(statement for name, event, body in MARKS
      for statement in postgres_trigger(name, event, body)),
    *(postgres_body(statement) for statement in SQL[-3:]),
)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Person(Base):
        class Meta:
            table_name = "person"

    class RunStep(Base):
        class Meta:
            table_name = "run_step"

    class Document(Base):
        class Meta:
            table_name = "document"

    class Attachment(Base):
        class Meta:
            table_name = "attachment"

    class Delivery(Base):
        year = IntegerField()
        sequence = IntegerField()
        document = ForeignKeyField(Document, on_delete="RESTRICT")
        run_step = ForeignKeyField(RunStep, null=True, on_delete="SET NULL")
        tujuan = TextField()
        tanggal_kirim = DateField(index=True)
        kurir = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
        keterangan = TextField(default="")
        status = CharField(default="belum_dikirim")
        created_at = DateTimeField(default=_now)
        created_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
        sent_at = DateTimeField(null=True)
        sent_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
        nama_penerima = TextField(default="")
        tanggal_terima = DateField(null=True)
        receipt_sha256 = CharField(default="")
        receipt_path = TextField(default="")
        receipt_name = TextField(default="")
        receipt_at = DateTimeField(null=True)
        receipt_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")

        class Meta:
            indexes = ((("year", "sequence"), True),)

    class DeliveryItem(Base):
        delivery = ForeignKeyField(Delivery, on_delete="CASCADE")
        position = IntegerField()
        document = ForeignKeyField(Document, null=True, on_delete="RESTRICT", backref="+")
        attachment = ForeignKeyField(Attachment, null=True, on_delete="RESTRICT", backref="+")

    class ArchiveItem(Base):
        source = CharField()
        source_id = IntegerField()
        kind = CharField()
        nomor = TextField(default="")
        perihal = TextField(default="")
        tujuan = TextField(default="")
        notes = TextField(default="")
        catatan = TextField(default="")
        status = CharField(default="")
        expedition = CharField(default="")
        year = IntegerField(index=True)
        item_date = DateField(index=True)
        run_id = IntegerField(null=True, index=True)
        sop_id = IntegerField(null=True, index=True)
        stored_path = TextField(default="")
        sha256 = CharField(default="")
        updated_at = DateTimeField(default=_now)

        class Meta:
            indexes = ((("source", "source_id"), True),)

    db.create_tables([Delivery, DeliveryItem, ArchiveItem])
    from db.database import is_postgres

    for statement in PG_SQL if is_postgres(db) else SQL:
        db.execute_sql(statement)
