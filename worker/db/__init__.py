"""Storage: typed models, engine/session factory and Alembic migrations."""
