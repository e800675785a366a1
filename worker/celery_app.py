"""The app the `celery` command loads (`celery -A worker.celery_app ...`), built from the environment."""

from worker.app import make_celery
from worker.settings import Settings

app = make_celery(Settings())
