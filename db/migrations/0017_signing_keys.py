"""Signatures that prove themselves (issue 15): the office's and each person's public keys
(a person's private key only wrapped by their own passphrase), revoked keys, the signer's
own signature over each paraf and tanda tangan, and the signed statement of an approved SOP."""

from datetime import UTC, datetime

from peewee import CharField, DateTimeField, ForeignKeyField, Model, TextField


def _now():
    return datetime.now(UTC).replace(tzinfo=None)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Person(Base):
        class Meta:
            table_name = "person"

    class Approval(Base):
        class Meta:
            table_name = "approval"

    class SopRevision(Base):
        class Meta:
            table_name = "sop_revision"

    class SigningKey(Base):
        kind = CharField()
        person = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
        public_key = CharField()
        fingerprint = CharField(unique=True)
        certificate = TextField()
        endorsement = TextField(default="")
        wrapped_private = TextField(default="")
        created_at = DateTimeField(default=_now)

    class KeyRevocation(Base):
        key = ForeignKeyField(SigningKey, unique=True, on_delete="RESTRICT", backref="+")
        revoked_at = DateTimeField(default=_now)
        reason = TextField(default="")
        revoked_by = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
        signature = TextField()

    class ApprovalSignature(Base):
        approval = ForeignKeyField(Approval, unique=True, on_delete="CASCADE", backref="+")
        key = ForeignKeyField(SigningKey, on_delete="RESTRICT", backref="+")
        signed_sha256 = CharField()
        signature = TextField()

    class SopApprovalSignature(Base):
        revision = ForeignKeyField(SopRevision, unique=True, on_delete="CASCADE", backref="+")
        key = ForeignKeyField(SigningKey, on_delete="RESTRICT", backref="+")
        sha256 = CharField(index=True)
        statement = TextField()

    db.create_tables([SigningKey, KeyRevocation, ApprovalSignature, SopApprovalSignature])
