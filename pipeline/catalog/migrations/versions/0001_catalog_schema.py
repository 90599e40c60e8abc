"""The catalog schema: imports, documents, roles, role_versions, changes, api_keys.

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('api_keys',
    sa.Column('id', sa.Text(), nullable=False, comment='public id for list and revoke; not part of the secret'),
    sa.Column('key_hash', sa.Text(), nullable=False, comment='sha256 hex of the whole key'),
    sa.Column('scope', sa.Text(), nullable=False, comment='read | import'),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('revoked_at', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key_hash')
    )
    op.create_table('documents',
    sa.Column('path', sa.Text().with_variant(sa.Text(collation='C'), 'postgresql'), nullable=False, comment='relative to IN_DIR, as the batch manifest names it'),
    sa.Column('sha256', sa.Text(), nullable=True, comment='bytes whose roles the catalog holds; null when none yet'),
    sa.Column('status', sa.Text(), nullable=False, comment='ok|partial|failed|skipped of the last import; removed'),
    sa.Column('entry', sa.Text(), nullable=False, comment='the last batch manifest line (JSON)'),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('path')
    )
    op.create_table('imports',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('origin', sa.Text(), nullable=False, comment='cli (jdx import) or upload (POST /v1/documents)'),
    sa.Column('source', sa.Text(), nullable=True, comment='IN_DIR of jdx import; the document name of an upload'),
    sa.Column('started_at', sa.Text(), nullable=False),
    sa.Column('finished_at', sa.Text(), nullable=True),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('changed', sa.Integer(), nullable=False),
    sa.Column('retired', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_table('roles',
    sa.Column('key', sa.Text().with_variant(sa.Text(collation='C'), 'postgresql'), nullable=False),
    sa.Column('base_key', sa.Text().with_variant(sa.Text(collation='C'), 'postgresql'), nullable=False, comment='role_key() of the current version'),
    sa.Column('version', sa.Integer(), nullable=False, comment='current (latest) version'),
    sa.Column('status', sa.Text(), nullable=False, comment='active | retired'),
    sa.Column('document', sa.Text().with_variant(sa.Text(collation='C'), 'postgresql'), nullable=False, comment='documents.path of the current version'),
    sa.Column('role_index', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('organization_norm', sa.Text(), nullable=False, comment="normalize_name(organization); '' when none"),
    sa.Column('department_norm', sa.Text(), nullable=False),
    sa.Column('title_norm', sa.Text(), nullable=False),
    sa.Column('review_needed', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.create_index('ix_roles_base_key', ['base_key'], unique=False)
        batch_op.create_index('ix_roles_document', ['document'], unique=False)
        batch_op.create_index('ix_roles_organization_department', ['organization_norm', 'department_norm'], unique=False)

    op.create_table('changes',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False, comment='the change cursor'),
    sa.Column('kind', sa.Text(), nullable=False, comment='added | changed | retired'),
    sa.Column('key', sa.Text().with_variant(sa.Text(collation='C'), 'postgresql'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('at', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['imports.id'], ),
    sa.ForeignKeyConstraint(['key'], ['roles.key'], ),
    sa.PrimaryKeyConstraint('seq'),
    sqlite_autoincrement=True
    )
    op.create_table('role_versions',
    sa.Column('key', sa.Text().with_variant(sa.Text(collation='C'), 'postgresql'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('record', sa.Text(), nullable=False, comment='the Role as JSON, exactly as converted'),
    sa.Column('diff', sa.Text(), nullable=True, comment='JSON list of {field, before, after} against the previous version'),
    sa.Column('document', sa.Text().with_variant(sa.Text(collation='C'), 'postgresql'), nullable=False),
    sa.Column('document_sha256', sa.Text(), nullable=False),
    sa.Column('import_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['imports.id'], ),
    sa.ForeignKeyConstraint(['key'], ['roles.key'], ),
    sa.PrimaryKeyConstraint('key', 'version')
    )


def downgrade() -> None:
    op.drop_table('role_versions')
    op.drop_table('changes')
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.drop_index('ix_roles_organization_department')
        batch_op.drop_index('ix_roles_document')
        batch_op.drop_index('ix_roles_base_key')

    op.drop_table('roles')
    op.drop_table('imports')
    op.drop_table('documents')
    op.drop_table('api_keys')
