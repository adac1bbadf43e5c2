"""Every setting comes from the environment (prefix-free names match the issue texts)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import time
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_VAR_DIR = ROOT_DIR / "var"
DEFAULT_PORTS = {
    "gateway": 4000,
    "catalog": 4101,
    "approval": 4102,
    "supervision": 4103,
    "credit": 4104,
    "access": 4105,
    "coordination": 4106,
}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    env: str = Field(default="development", alias="SHENGUAN_ENV")
    var_dir: Path = Field(default=DEFAULT_VAR_DIR, alias="SHENGUAN_VAR_DIR")
    database_url: str = Field(default="", alias="DATABASE_URL")
    # Signs credit-check tickets; the embedded default generates one into var/ on first start.
    secret_key: str = Field(default="", alias="SHENGUAN_SECRET_KEY")
    # Signs the gateway's assertions of the caller to the subgraphs (api/core/trust.py): the
    # current key, and comma-separated previous keys still accepted during a rotation.
    gateway_key: str = Field(default="", alias="SHENGUAN_GATEWAY_KEY")
    gateway_previous_keys: str = Field(default="", alias="SHENGUAN_GATEWAY_PREVIOUS_KEYS")
    # Idle timeout of a session (sliding: every request within it extends it).
    token_ttl_minutes: int = Field(default=30, alias="SHENGUAN_TOKEN_TTL_MINUTES")
    host: str = Field(default="127.0.0.1", alias="SHENGUAN_HOST")
    gateway_port: int = Field(default=DEFAULT_PORTS["gateway"], alias="SHENGUAN_GATEWAY_PORT")
    catalog_port: int = Field(default=DEFAULT_PORTS["catalog"], alias="SHENGUAN_CATALOG_PORT")
    approval_port: int = Field(default=DEFAULT_PORTS["approval"], alias="SHENGUAN_APPROVAL_PORT")
    supervision_port: int = Field(
        default=DEFAULT_PORTS["supervision"], alias="SHENGUAN_SUPERVISION_PORT"
    )
    credit_port: int = Field(default=DEFAULT_PORTS["credit"], alias="SHENGUAN_CREDIT_PORT")
    access_port: int = Field(default=DEFAULT_PORTS["access"], alias="SHENGUAN_ACCESS_PORT")
    coordination_port: int = Field(
        default=DEFAULT_PORTS["coordination"], alias="SHENGUAN_COORDINATION_PORT"
    )
    # Where a gateway started alone (`shenguan gateway`) finds each subgraph; empty: this
    # host's SHENGUAN_HOST and the subgraph's port (docs/OPERATIONS.md, multi-host layout).
    catalog_url: str = Field(default="", alias="SHENGUAN_CATALOG_URL")
    approval_url: str = Field(default="", alias="SHENGUAN_APPROVAL_URL")
    supervision_url: str = Field(default="", alias="SHENGUAN_SUPERVISION_URL")
    credit_url: str = Field(default="", alias="SHENGUAN_CREDIT_URL")
    access_url: str = Field(default="", alias="SHENGUAN_ACCESS_URL")
    coordination_url: str = Field(default="", alias="SHENGUAN_COORDINATION_URL")
    sql_echo: bool = Field(default=False, alias="SHENGUAN_SQL_ECHO")
    # Hardening (api/core/limits.py, api/core/ratelimit.py, api/core/app.py middleware).
    redis_url: str = Field(default="", alias="REDIS_URL")
    rate_limit_per_minute: int = Field(default=600, alias="SHENGUAN_RATE_LIMIT_PER_MINUTE")
    rate_limit_burst: int = Field(default=120, alias="SHENGUAN_RATE_LIMIT_BURST")
    request_timeout_seconds: float = Field(default=30.0, alias="SHENGUAN_REQUEST_TIMEOUT_SECONDS")
    # SMS reminders: "dev" records messages in the database only; "http" calls a provider.
    sms_sender: str = Field(default="dev", alias="SHENGUAN_SMS_SENDER")
    sms_url: str = Field(default="", alias="SHENGUAN_SMS_URL")
    sms_access_key: str = Field(default="", alias="SHENGUAN_SMS_ACCESS_KEY")
    sms_access_secret: str = Field(default="", alias="SHENGUAN_SMS_ACCESS_SECRET")
    sms_signature: str = Field(default="益阳审管联动", alias="SHENGUAN_SMS_SIGNATURE")
    # The office that issues the assessment (its PDF's header) when coordination's copy of
    # department names does not know the caller's department (it learns names from lists).
    assessment_issuer: str = Field(
        default="益阳市审管联动工作协调办公室", alias="SHENGUAN_ASSESSMENT_ISSUER"
    )
    sms_template_push: str = Field(default="SG_PUSH", alias="SHENGUAN_SMS_TEMPLATE_PUSH")
    sms_template_overdue: str = Field(default="SG_OVERDUE", alias="SHENGUAN_SMS_TEMPLATE_OVERDUE")
    sms_template_escalation: str = Field(
        default="SG_CARD", alias="SHENGUAN_SMS_TEMPLATE_ESCALATION"
    )
    sms_timeout_seconds: float = Field(default=5.0, alias="SHENGUAN_SMS_TIMEOUT_SECONDS")
    # The outbox worker's poll interval. Whether `shenguan serve` embeds one is the launcher's
    # choice (SHENGUAN_EMBEDDED_WORKER in the children's environment, api/launcher.py).
    worker_poll_seconds: float = Field(default=0.5, alias="SHENGUAN_WORKER_POLL_SECONDS")
    # Every process re-reads the policy version this often, besides LISTEN on PostgreSQL.
    policy_poll_seconds: float = Field(default=1.0, alias="SHENGUAN_POLICY_POLL_SECONDS")
    # Escalation cards (approval): shares of a working-hour time limit, office hours of a
    # working day (local time), and how often the worker looks for new cards.
    escalation_yellow_ratio: float = Field(default=0.5, alias="SHENGUAN_ESCALATION_YELLOW_RATIO")
    escalation_red_ratio: float = Field(default=0.9, alias="SHENGUAN_ESCALATION_RED_RATIO")
    office_hours_start: time = Field(default=time(9, 0), alias="SHENGUAN_OFFICE_HOURS_START")
    office_hours_end: time = Field(default=time(17, 0), alias="SHENGUAN_OFFICE_HOURS_END")
    periodic_job_seconds: float = Field(default=300.0, alias="SHENGUAN_PERIODIC_JOB_SECONDS")
    # Facilitation follow-up (approval): working days to supply a material accepted as
    # missing (容缺受理), and for a supervising department to verify a commitment (告知承诺).
    missing_item_days: int = Field(default=5, ge=1, le=60, alias="SHENGUAN_MISSING_ITEM_DAYS")
    verification_days: int = Field(default=10, ge=1, le=120, alias="SHENGUAN_VERIFICATION_DAYS")
    # Where uploaded files live (api/core/files.py): "local" (SHENGUAN_VAR_DIR/files) or
    # "postgresql" (chunks in the shared database, every host serves every file).
    file_store: str = Field(default="local", alias="SHENGUAN_FILE_STORE")
    # Observability (docs/OPERATIONS.md): a bearer token every /metrics then requires; the
    # worker's and the gateway's metrics ports (0: none) and the address they bind.
    metrics_token: str = Field(default="", alias="SHENGUAN_METRICS_TOKEN")
    worker_metrics_port: int = Field(default=0, alias="SHENGUAN_WORKER_METRICS_PORT")
    gateway_metrics_port: int = Field(default=0, alias="SHENGUAN_GATEWAY_METRICS_PORT")
    metrics_host: str = Field(default="127.0.0.1", alias="SHENGUAN_METRICS_HOST")
    # OTLP over HTTP (base URL, e.g. http://collector:4318): traces are exported only when
    # this or the standard OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set (api/core/tracing.py).
    otlp_endpoint: str = Field(default="", alias="SHENGUAN_OTLP_ENDPOINT")
    # Outside production: a file holding a clock offset in seconds (api/core/clock.py).
    clock_file: str = Field(default="", alias="SHENGUAN_CLOCK_FILE")

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{self.var_dir / 'shenguan.db'}"

    def effective_secret_key(self) -> str:
        if self.secret_key:
            return self.secret_key
        if self.is_production:
            msg = "SHENGUAN_SECRET_KEY must be set in production"
            raise RuntimeError(msg)
        key_file = self.var_dir / "secret.key"
        if not key_file.exists():
            self.var_dir.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_urlsafe(48))
            key_file.chmod(0o600)
        return key_file.read_text().strip()

    def effective_gateway_keys(self) -> tuple[str, ...]:
        """The key the gateway signs with, then the previous keys subgraphs still accept.

        Development without a configured key derives one from the secret key (the launcher
        sets SHENGUAN_GATEWAY_KEY for every process anyway); production requires it
        (``check_production_settings``)."""
        previous = tuple(k.strip() for k in self.gateway_previous_keys.split(",") if k.strip())
        if self.gateway_key:
            return (self.gateway_key, *previous)
        if self.is_production:
            msg = "SHENGUAN_GATEWAY_KEY must be set in production"
            raise RuntimeError(msg)
        derived = hashlib.sha256(f"{self.effective_secret_key()}:gateway".encode()).hexdigest()
        return (derived, *previous)


@lru_cache
def get_settings() -> Settings:
    return Settings()
