from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.pipeline import Pipeline, start_pipeline, stop_pipeline


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def pipeline(request: pytest.FixtureRequest, redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    """A real worker on the real broker, once on SQLite and once on PostgreSQL."""
    tmp = tmp_path_factory.mktemp("pipeline")
    db = f"sqlite:///{tmp / 'sahelwatch.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    running = start_pipeline(db, redis_url, tmp)
    yield running
    stop_pipeline(running)


@pytest.fixture
def clean_pipeline(pipeline: Pipeline) -> Pipeline:
    pipeline.wipe()
    return pipeline
