"""Today's peewee models. Migrations never import this module: they keep frozen copies.

Every model reaches the database through `database_proxy`, bound at run time by the office's
workspace (`db.database.bind`); no database object lives at module level.
"""

from __future__ import annotations

from datetime import UTC, datetime

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


database_proxy = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Sop(BaseModel):
    """An SOP of the library; its content lives in revisions."""

    created_at = DateTimeField(default=utc_now)
    archived_at = DateTimeField(null=True)
    is_template = BooleanField(default=False)


class SopRevision(BaseModel):
    sop = ForeignKeyField(Sop, backref="revisions", on_delete="CASCADE")
    number = IntegerField()
    created_at = DateTimeField(default=utc_now)
    nama = TextField()
    nomor = TextField(default="")
    instansi = TextField(default="")
    tanggal_pembuatan = DateField(null=True)
    tanggal_revisi = DateField(null=True)
    tanggal_pengesahan = DateField(null=True)
    disahkan_jabatan = TextField(default="")
    disahkan_nama = TextField(default="")
    disahkan_pangkat = TextField(default="")
    disahkan_nip = TextField(default="")
    approved_at = DateTimeField(null=True)
    approved_by = TextField(default="")

    class Meta:
        indexes = ((("sop", "number"), True),)


class IdentityItem(BaseModel):
    """One numbered entry of an identity list (dasar hukum, peringatan, ...)."""

    revision = ForeignKeyField(SopRevision, backref="identity_items", on_delete="CASCADE")
    field = CharField()
    position = IntegerField()
    text = TextField()


class Lane(BaseModel):
    revision = ForeignKeyField(SopRevision, backref="lanes", on_delete="CASCADE")
    position = IntegerField()
    kode = CharField()
    nama = TextField()

    class Meta:
        indexes = ((("revision", "kode"), True),)


class Step(BaseModel):
    revision = ForeignKeyField(SopRevision, backref="steps", on_delete="CASCADE")
    number = IntegerField()
    kegiatan = TextField()
    simbol = CharField(default="proses")
    waktu = TextField(default="")
    output = TextField(default="")
    keterangan = TextField(default="")

    class Meta:
        indexes = ((("revision", "number"), True),)


class StepLane(BaseModel):
    """A pelaksana of a step; position 0 is the main one."""

    step = ForeignKeyField(Step, backref="step_lanes", on_delete="CASCADE")
    lane = ForeignKeyField(Lane, on_delete="RESTRICT")
    position = IntegerField()


class KelengkapanItem(BaseModel):
    step = ForeignKeyField(Step, backref="kelengkapan_items", on_delete="CASCADE")
    position = IntegerField()
    text = TextField()


class DecisionTarget(BaseModel):
    """Where a keputusan step goes: "Ya" (null = next step) and "Tidak"."""

    step = ForeignKeyField(Step, unique=True, backref="decision", on_delete="CASCADE")
    if_yes = ForeignKeyField(Step, null=True, on_delete="CASCADE", backref="+")
    if_no = ForeignKeyField(Step, on_delete="CASCADE", backref="+")


class DocumentLink(BaseModel):
    """The kind of naskah dinas or form a step produces."""

    step = ForeignKeyField(Step, unique=True, backref="document_link", on_delete="CASCADE")
    kind = CharField()


class OfficeSetting(BaseModel):
    """One office-wide setting; keys and defaults are declared in desktop_app.office.settings."""

    key = CharField(primary_key=True)
    value = TextField()

    @classmethod
    def put(cls, key: str, value: str) -> None:
        """Insert or overwrite one setting (an upsert both SQLite and PostgreSQL speak)."""
        cls.insert(key=key, value=value).on_conflict(conflict_target=[cls.key],
                                                      preserve=[cls.value]).execute()


class Official(BaseModel):
    """An official of the office who signs or initials (camat, sekcam, kasubag, ...)."""

    position = IntegerField()
    jabatan = TextField()
    nama = TextField()
    pangkat_golongan = TextField(default="")
    nip = CharField()  # 18 digits, no spaces


class Unit(BaseModel):
    """A unit of the office (seksi, subbag) that fills its part of plans and runs SOPs."""

    position = IntegerField()
    nama = CharField(unique=True)


class Person(BaseModel):
    """Someone of the office who logs in with a PIN (only its scrypt hash is stored)."""

    nama = TextField()
    jabatan = TextField(default="")
    nip = TextField(default="")  # 18 digits or ""
    role = TextField()  # "admin" | "staf" | "pejabat"
    pin_hash = TextField()  # "scrypt$n$r$p$salt_hex$hash_hex"
    failed_attempts = IntegerField(default=0)  # consecutive wrong PINs
    locked_until = DateTimeField(null=True)  # UTC
    active = BooleanField(default=True)
    created_at = DateTimeField(default=utc_now)


class Run(BaseModel):
    """A run of an approved SOP revision, e.g. "Penyusunan RKT 2027"."""

    revision = ForeignKeyField(SopRevision, on_delete="RESTRICT")
    title = TextField()
    year = IntegerField()
    start_date = DateField()
    created_at = DateTimeField(default=utc_now)
    created_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    status = CharField(default="berjalan")  # berjalan | selesai
    finished_at = DateTimeField(null=True)


class RunAssignment(BaseModel):
    """Who fills a lane in a run."""

    run = ForeignKeyField(Run, backref="assignments", on_delete="CASCADE")
    lane = ForeignKeyField(Lane, on_delete="RESTRICT")
    person = ForeignKeyField(Person, on_delete="RESTRICT")

    class Meta:
        indexes = ((("run", "lane"), True),)


class RunStep(BaseModel):
    """One attempt at a step; a return for revision adds attempts, never rewrites them."""

    run = ForeignKeyField(Run, backref="run_steps", on_delete="CASCADE")
    step = ForeignKeyField(Step, on_delete="RESTRICT")
    attempt = IntegerField(default=1)
    state = CharField(default="menunggu")  # menunggu | aktif | selesai | dikembalikan | dilewati
    started_at = DateTimeField(null=True)
    due_at = DateTimeField(null=True)
    completed_at = DateTimeField(null=True)
    completed_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    acted_for = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    decision = CharField(default="")  # "", ya, tidak
    note = TextField(default="")

    class Meta:
        indexes = ((("run", "step", "attempt"), True),)


class RunCheck(BaseModel):
    """The state of one kelengkapan item in one attempt."""

    run_step = ForeignKeyField(RunStep, backref="checks", on_delete="CASCADE")
    item = ForeignKeyField(KelengkapanItem, on_delete="RESTRICT")
    checked = BooleanField(default=False)
    missing_reason = TextField(default="")
    note = TextField(default="")
    updated_at = DateTimeField(default=utc_now)
    updated_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("run_step", "item"), True),)


class SopSource(BaseModel):
    """The original document (docx, xlsx, pdf, txt) an SOP was imported from."""

    sop = ForeignKeyField(Sop, backref="+", on_delete="CASCADE")
    kind = CharField()
    sha256 = CharField()
    original_name = TextField()
    stored_path = TextField()
    size = IntegerField()
    added_at = DateTimeField(default=utc_now)
    added_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")


class Attachment(BaseModel):
    """A file attached to a kelengkapan item (or, with no item, to the step's output)."""

    run_step = ForeignKeyField(RunStep, backref="attachments", on_delete="CASCADE")
    item = ForeignKeyField(KelengkapanItem, null=True, on_delete="RESTRICT")
    sha256 = CharField()
    original_name = TextField()
    stored_path = TextField()
    size = IntegerField()
    added_at = DateTimeField(default=utc_now)
    added_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")


class AuditEntry(BaseModel):
    """Append-only; `hash` covers this entry and the previous entry's hash."""

    run = ForeignKeyField(Run, null=True, on_delete="RESTRICT")
    at = DateTimeField(default=utc_now)
    person = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    on_behalf_of = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    action = CharField()
    detail = TextField(default="")
    prev_hash = CharField(default="")
    hash = CharField()


class OfficeHoliday(BaseModel):
    """A day of the office's own calendar: "libur" (an extra day off) or "masuk" (a national
    holiday or cuti bersama the office works anyway)."""

    date = DateField(unique=True)
    name = TextField()
    kind = CharField()  # libur | masuk


class Document(BaseModel):
    """A naskah dinas being prepared, approved along its route, and signed."""

    kind = CharField()  # surat_dinas | surat_pengantar | nota_dinas | disposisi
    title = TextField()
    content = TextField()  # the form's fields as JSON
    run = ForeignKeyField(Run, null=True, on_delete="SET NULL")
    run_step = ForeignKeyField(RunStep, null=True, on_delete="SET NULL")
    status = CharField(default="menunggu")  # menunggu | dikembalikan | final
    route_position = IntegerField(default=0)
    letter_id = IntegerField(null=True)
    created_at = DateTimeField(default=utc_now)
    created_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")


class DocumentVersion(BaseModel):
    """One rendering of a document, stored by hash; only a final one has a code."""

    document = ForeignKeyField(Document, backref="versions", on_delete="CASCADE")
    number = IntegerField()
    sha256 = CharField(index=True)
    stored_path = TextField()
    final = BooleanField(default=False)
    verification_code = CharField(null=True, unique=True)
    created_at = DateTimeField(default=utc_now)
    created_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("document", "number"), True),)


class SignoffStep(BaseModel):
    """One step of the sign-off route of a document kind (paraf, then tanda tangan)."""

    kind = CharField()
    position = IntegerField()
    person = ForeignKeyField(Person, on_delete="RESTRICT")
    action = CharField()  # paraf | tanda_tangan

    class Meta:
        indexes = ((("kind", "position"), True),)


class Approval(BaseModel):
    """A paraf, signature or return given on one version of a document."""

    document = ForeignKeyField(Document, backref="approvals", on_delete="CASCADE")
    version = ForeignKeyField(DocumentVersion, on_delete="CASCADE")
    position = IntegerField()
    person = ForeignKeyField(Person, on_delete="RESTRICT")
    action = CharField()
    decision = CharField()  # setuju | kembalikan
    note = TextField(default="")
    at = DateTimeField(default=utc_now)


class ClassificationCode(BaseModel):
    """An archive classification code letter numbers start with, e.g. "000.7.2.6"."""

    code = CharField(unique=True)
    description = TextField()
    active = BooleanField(default=True)  # inactive: kept for old letters, not offered for new


class OutgoingLetter(BaseModel):
    """One number of the agenda surat keluar; a cancelled ("batal") number keeps its row."""

    year = IntegerField()
    sequence = IntegerField()  # the running number; restarts each year
    number = TextField()  # formatted when taken, e.g. "000.7.2.6/015/408.12/2026"
    classification = TextField()
    kind = CharField()  # surat_dinas | surat_pengantar | nota_dinas | disposisi | lainnya
    perihal = TextField()
    tujuan = TextField(default="")
    letter_date = DateField()
    taken_at = DateTimeField(default=utc_now)
    taken_by = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
    status = CharField(default="aktif")  # aktif | batal
    cancelled_at = DateTimeField(null=True)
    cancelled_by = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
    cancel_reason = TextField(default="")
    document_id = IntegerField(null=True)

    class Meta:
        indexes = ((("year", "sequence"), True),)


class Delivery(BaseModel):
    """One entry of the buku ekspedisi: a signed document (alone, or a surat pengantar with its
    lampiran in DeliveryItem) taken to its tujuan by a kurir, and the receipt."""

    year = IntegerField()  # of tanggal_kirim; the book's running number restarts each year
    sequence = IntegerField()
    document = ForeignKeyField(Document, on_delete="RESTRICT")
    run_step = ForeignKeyField(RunStep, null=True, on_delete="SET NULL")
    tujuan = TextField()
    tanggal_kirim = DateField(index=True)
    kurir = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
    keterangan = TextField(default="")
    status = CharField(default="belum_dikirim")  # belum_dikirim | dikirim | diterima
    created_at = DateTimeField(default=utc_now)
    created_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    sent_at = DateTimeField(null=True)
    sent_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    nama_penerima = TextField(default="")
    tanggal_terima = DateField(null=True)
    receipt_sha256 = CharField(default="")  # the scan or photo of the signed page, by hash
    receipt_path = TextField(default="")
    receipt_name = TextField(default="")
    receipt_at = DateTimeField(null=True)
    receipt_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        indexes = ((("year", "sequence"), True),)


class DeliveryItem(BaseModel):
    """A lampiran sent with a delivery: a signed document or a file attached in a run."""

    delivery = ForeignKeyField(Delivery, backref="items", on_delete="CASCADE")
    position = IntegerField()
    document = ForeignKeyField(Document, null=True, on_delete="RESTRICT", backref="+")
    attachment = ForeignKeyField(Attachment, null=True, on_delete="RESTRICT", backref="+")


class ArchiveItem(BaseModel):
    """One document of the office in the archive: a naskah, an attached file, or a letter
    number taken without a naskah. Derived from those tables by desktop_app.archive (triggers
    mark what changed) and searched through the FTS5 table archive_fts."""

    source = CharField()  # naskah | berkas | surat
    source_id = IntegerField()
    kind = CharField()
    nomor = TextField(default="")
    perihal = TextField(default="")
    tujuan = TextField(default="")
    notes = TextField(default="")  # derived: contents, paraf notes, receipts
    catatan = TextField(default="")  # the office's own note, kept when the item is rebuilt
    status = CharField(default="")
    expedition = CharField(default="")  # "" | belum_dikirim | dikirim | diterima
    year = IntegerField(index=True)
    item_date = DateField(index=True)
    run_id = IntegerField(null=True, index=True)  # plain ids: items are rebuilt from sources
    sop_id = IntegerField(null=True, index=True)
    stored_path = TextField(default="")
    sha256 = CharField(default="")
    updated_at = DateTimeField(default=utc_now)

    class Meta:
        indexes = ((("source", "source_id"), True),)


class PlanSubmission(BaseModel):
    """One unit's filled plan form (RKT, EKT or Renja of a year) as imported. Importing the
    unit again adds a submission with the next number; the latest one is the unit's part."""

    kind = CharField()  # rkt | ekt | renja
    year = IntegerField()
    unit = ForeignKeyField(Unit, null=True, on_delete="SET NULL")
    unit_nama = TextField()  # kept when the unit is removed from the profile
    number = IntegerField()  # 1, 2, ... per kind, year and unit
    run = ForeignKeyField(Run, null=True, on_delete="SET NULL")
    source_name = TextField()  # the file's name as received (shown, never a path)
    sha256 = CharField()
    stored_path = TextField()  # the file as received, under the data folder by hash
    imported_at = DateTimeField(default=utc_now)
    imported_by = ForeignKeyField(Person, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("kind", "year", "unit", "number"), True),)


class PlanRow(BaseModel):
    """A row of a submission; each form uses some of the columns. Money in whole rupiah."""

    submission = ForeignKeyField(PlanSubmission, backref="rows", on_delete="CASCADE")
    position = IntegerField()
    kode = TextField(default="")
    sasaran = TextField(default="")
    uraian = TextField(default="")
    indikator = TextField(default="")
    satuan = TextField(default="")
    polaritas = TextField(default="")
    target = FloatField(null=True)
    realisasi = FloatField(null=True)
    program = TextField(default="")
    kegiatan = TextField(default="")
    anggaran = IntegerField(null=True)
    lokasi = TextField(default="")
    pagu = IntegerField(null=True)
    sumber_dana = TextField(default="")
    catatan = TextField(default="")
    target_maju = FloatField(null=True)
    pagu_maju = IntegerField(null=True)


class SigningKey(BaseModel):
    """A public key of the office (kind "kantor", the root) or of one person (kind "orang").

    A person's private key is stored only wrapped (scrypt from their own signing passphrase,
    then AES-GCM); the office's private key is kept outside the data folder (signing.keys).
    """

    kind = CharField()  # kantor | orang
    person = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
    public_key = CharField()  # 32 bytes Ed25519, hex
    fingerprint = CharField(unique=True)
    certificate = TextField()  # X.509 PEM, issued by the office key (self-signed for the root)
    endorsement = TextField(default="")  # the office key's compact signature (QR statements)
    wrapped_private = TextField(default="")  # JSON: scrypt parameters, salt, nonce, ciphertext
    created_at = DateTimeField(default=utc_now)


class KeyRevocation(BaseModel):
    """A person's key withdrawn (left the office, passphrase forgotten): later use fails."""

    key = ForeignKeyField(SigningKey, unique=True, on_delete="RESTRICT", backref="+")
    revoked_at = DateTimeField(default=utc_now)
    reason = TextField(default="")
    revoked_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    signature = TextField()  # the office key over key fingerprint and date


class ApprovalSignature(BaseModel):
    """The signer's own signature over one paraf or tanda tangan (see signing.approvals)."""

    approval = ForeignKeyField(Approval, unique=True, on_delete="CASCADE", backref="+")
    key = ForeignKeyField(SigningKey, on_delete="RESTRICT", backref="+")
    signed_sha256 = CharField()  # the version the person approved (drafts are replaced)
    signature = TextField()  # base64url


class SopApprovalSignature(BaseModel):
    """The approving official's signed statement over one approved SOP revision (its QR)."""

    revision = ForeignKeyField(SopRevision, unique=True, on_delete="CASCADE", backref="+")
    key = ForeignKeyField(SigningKey, on_delete="RESTRICT", backref="+")
    sha256 = CharField(index=True)  # of the revision's pandu-sop/1 content
    statement = TextField()
class ExportedFile(BaseModel):
    """A copy of a file the office made and saved out of the app (a merged plan, a run's audit
    trail), kept under the data folder by hash so the archive finds it again."""

    kind = CharField()  # rencana_gabungan | jejak_audit
    title = TextField()
    year = IntegerField()
    run = ForeignKeyField(Run, null=True, on_delete="SET NULL", backref="+")
    file_name = TextField()  # as saved (shown, never a path)
    sha256 = CharField()
    stored_path = TextField()
    created_at = DateTimeField(default=utc_now)
    created_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")


ALL_MODELS = [
    Sop,
    SopRevision,
    IdentityItem,
    Lane,
    Step,
    StepLane,
    KelengkapanItem,
    DecisionTarget,
    DocumentLink,
    OfficeSetting,
    Official,
    Unit,
    Person,
    Run,
    RunAssignment,
    RunStep,
    RunCheck,
    Attachment,
    AuditEntry,
    Document,
    DocumentVersion,
    SignoffStep,
    Approval,
    OfficeHoliday,
    ClassificationCode,
    OutgoingLetter,
    Delivery,
    DeliveryItem,
    ArchiveItem,
    PlanSubmission,
    PlanRow,
    SopSource,
    SigningKey,
    KeyRevocation,
    ApprovalSignature,
    SopApprovalSignature,
    ExportedFile,
]
