"""The app the `celery` command loads (`celery -A worker.celery_app ...`), built from the environment."""

from worker import metrics
from worker.settings import Settings

settings = Settings()
metrics.enable(settings)  # before anything imports prometheus_client

from worker.app import make_celery  # noqa: E402

app = make_celery(settings)
