"""Database layer: SQLAlchemy models, engine factory and Alembic migrations."""
