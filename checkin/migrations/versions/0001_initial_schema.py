"""Initial schema: events, rooms, guests, stations, the passage log, settings.

Revision ID: 0001
Revises: 
Create Date: 2026-11-24
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('starts', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends', sa.DateTime(timezone=True), nullable=True),
    sa.Column('timezone', sa.String(), nullable=False),
    sa.Column('venue', sa.String(), nullable=False),
    sa.Column('address', sa.String(), nullable=False),
    sa.Column('source_file', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('setting',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('guest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(), nullable=False),
    sa.Column('last_name', sa.String(), nullable=False),
    sa.Column('organization', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('email', sa.String(), nullable=False),
    sa.Column('phone', sa.String(), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('walk_in', sa.Boolean(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('code_source', sa.String(), nullable=False),
    sa.Column('name_key', sa.String(), nullable=False),
    sa.Column('email_key', sa.String(), nullable=False),
    sa.Column('search_text', sa.String(), nullable=False),
    sa.Column('source_file', sa.String(), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id', 'code', name='uq_guest_event_code')
    )
    with op.batch_alter_table('guest', schema=None) as batch_op:
        batch_op.create_index('ix_guest_code', ['code'], unique=False)
        batch_op.create_index('ix_guest_event_email', ['event_id', 'email_key'], unique=False)
        batch_op.create_index('ix_guest_event_name_key', ['event_id', 'name_key'], unique=False)

    op.create_table('room',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('warn_at', sa.Float(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id', 'name', name='uq_room_event_name')
    )
    with op.batch_alter_table('room', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_event_id'), ['event_id'], unique=False)

    op.create_table('station',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id', 'name', name='uq_station_event_name')
    )
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_event_id'), ['event_id'], unique=False)

    op.create_table('passage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('guest_id', sa.Integer(), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('direction', sa.String(), nullable=False),
    sa.Column('verdict', sa.String(), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('raw_input', sa.String(), nullable=False),
    sa.Column('forced', sa.Boolean(), nullable=False),
    sa.Column('request_id', sa.String(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('undoes_id', sa.Integer(), nullable=True),
    sa.Column('undone_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.ForeignKeyConstraint(['guest_id'], ['guest.id'], ),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], ),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.ForeignKeyConstraint(['undoes_id'], ['passage.id'], ),
    sa.ForeignKeyConstraint(['undone_by_id'], ['passage.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('request_id')
    )
    with op.batch_alter_table('passage', schema=None) as batch_op:
        batch_op.create_index('ix_passage_guest', ['guest_id', 'at'], unique=False)
        batch_op.create_index('ix_passage_room', ['room_id', 'at'], unique=False)
        batch_op.create_index('ix_passage_station', ['station_id', 'at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('passage', schema=None) as batch_op:
        batch_op.drop_index('ix_passage_station')
        batch_op.drop_index('ix_passage_room')
        batch_op.drop_index('ix_passage_guest')

    op.drop_table('passage')
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_station_event_id'))

    op.drop_table('station')
    with op.batch_alter_table('room', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_room_event_id'))

    op.drop_table('room')
    with op.batch_alter_table('guest', schema=None) as batch_op:
        batch_op.drop_index('ix_guest_event_name_key')
        batch_op.drop_index('ix_guest_event_email')
        batch_op.drop_index('ix_guest_code')

    op.drop_table('guest')
    op.drop_table('setting')
    op.drop_table('event')
