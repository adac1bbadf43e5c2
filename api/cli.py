"""The `shenguan` command: migrate, compose, serve, worker, token, backup, restore, seed, …"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

from api.core.config import Settings, get_settings

if TYPE_CHECKING:
    from api.launcher import Stack


def _cmd_migrate(_args: argparse.Namespace) -> int:
    from api.core.migrate import migrate

    added = migrate()
    print(f"数据库已迁移到最新版本（{get_settings().effective_database_url.split('@')[-1]}）")
    if added:
        print(f"已载入默认授权策略 {added} 条")
    return 0


def _cmd_compose(args: argparse.Namespace) -> int:
    from api import registry
    from api.compose import CompositionError, refresh_external_sdl, stale_files, write_committed

    try:
        externals = registry.external_subgraphs()
    except registry.ExternalSubgraphError as exc:
        print(f"composition failed:\n{exc}", file=sys.stderr)
        return 1
    try:
        if args.fetch is not None:
            wanted = set(args.fetch) or {e.name for e in externals}
            unknown = wanted - {e.name for e in externals}
            if unknown:
                print(f"no external subgraph named {', '.join(sorted(unknown))}", file=sys.stderr)
                return 2
            chosen = [e for e in externals if e.name in wanted]
            for path in refresh_external_sdl(chosen, os.environ):
                print(f"fetched {path}")
        if args.check:
            stale = stale_files()
            if stale:
                print("supergraph is stale; run `shenguan compose`:", *stale, sep="\n  ")
                return 1
            print("supergraph is current")
            return 0
        for path in write_committed():
            print(f"wrote {path}")
    except CompositionError as exc:
        print(f"composition failed:\n{exc}", file=sys.stderr)
        return 1
    return 0


async def _seed_demo_if_empty() -> str | None:
    from api import demo
    from api.core.db import get_engine, session_scope

    async with session_scope(get_engine()) as session:
        if not await demo.is_empty(session):
            return None
        summary = await demo.load_demo(session)
        await demo.load_demo_activity(session)
    await get_engine().dispose()
    return (
        f"已载入演示数据：{summary.departments} 个部门、{summary.matters} 个事项、"
        f"{summary.linkages} 条联动事项（已发布第 {summary.list_version} 版清单）、"
        f"{summary.applications} 件办件、{summary.users} 个账号（密码 {demo.DEMO_PASSWORD}）"
    )


def _web_dist() -> Path | None:
    """The built SPA the gateway serves: ``SHENGUAN_WEB_DIST`` or ``web/dist``, if built."""
    from api.core.config import ROOT_DIR

    configured = os.environ.get("SHENGUAN_WEB_DIST")
    dist = Path(configured) if configured else ROOT_DIR / "web" / "dist"
    return dist.resolve() if (dist / "index.html").is_file() else None


def _worker_check_fails() -> bool:
    """The worker's start-up check (every emitted topic has a consumer), said in Chinese."""
    from api import registry
    from api.core.events import MissingConsumersError

    try:
        registry.worker_tables()
    except MissingConsumersError as exc:
        print(f"启动失败: {exc}", file=sys.stderr)
        return True
    return False


def _child_env(
    settings: Settings,
    *,
    embedded_worker: bool,
    web_dist: Path | None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, str]:
    env = dict(os.environ if environ is None else environ)
    env["DATABASE_URL"] = settings.effective_database_url
    # Every child signs and checks tokens with the same key.
    env["SHENGUAN_SECRET_KEY"] = settings.effective_secret_key()
    # The embedded default delivers events (pushes' SMS, feedback) from one subgraph's
    # process (api.registry.WORKER_HOST), with every subgraph's consumers and jobs.
    env["SHENGUAN_EMBEDDED_WORKER"] = "1" if embedded_worker else "0"
    if web_dist is not None:
        env["SHENGUAN_WEB_DIST"] = str(web_dist)
    else:
        env.pop("SHENGUAN_WEB_DIST", None)
    return env


def serve_stack(
    settings: Settings,
    *,
    demo: bool,
    worker: bool,
    environ: Mapping[str, str] | None = None,
) -> Stack:
    """What `shenguan serve` starts, not yet started: migrates, loads the demo into an empty
    database if asked, and gives every child the same settings. The scenario suite
    (tests/scenarios/) starts the stack through here, so it runs exactly what users run."""
    from api import registry
    from api.core.migrate import migrate
    from api.launcher import Stack

    migrate(settings.effective_database_url)
    if demo and (message := asyncio.run(_seed_demo_if_empty())):
        print(message)
    env = _child_env(settings, embedded_worker=worker, web_dist=_web_dist(), environ=environ)
    return Stack(
        host=settings.host,
        gateway_port=settings.gateway_port,
        subgraph_ports=registry.ports(settings),
        env=env,
        work_dir=settings.var_dir,
        log_dir=settings.var_dir / "logs",
    )


def _cmd_serve(args: argparse.Namespace) -> int:
    from api.launcher import StartupError

    settings = get_settings()
    if not args.no_worker and _worker_check_fails():
        return 1  # the embedded worker would refuse to start: say so before anything runs
    stack = serve_stack(settings, demo=not args.no_demo, worker=not args.no_worker)
    web_dist = _web_dist()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        stack.start()
        if web_dist is not None:
            print(f"应用 (web): http://{stack.host}:{stack.gateway_port}/")
        else:
            print("未找到已构建的前端（web/dist）；先运行 `make web-build`")
        print(f"网关 / GraphiQL: {stack.gateway_url}")
        for name in stack.subgraph_ports:
            print(f"  子图 {name}: {stack.subgraph_url(name)}")
        for name, url in stack.external_urls().items():
            print(f"  外部子图 {name}（自建系统，另行启动）: {url}")
        print(f"日志目录: {settings.var_dir / 'logs'}")
        print('登录：mutation { signIn(username: "spj_clerk", password: "…") { ... } }')
        print("按 Ctrl-C 停止全部进程")
        name, code = stack.wait()
    except KeyboardInterrupt:
        return 0
    except StartupError as exc:
        print(f"启动失败: {exc}", file=sys.stderr)
        return 1
    else:
        # Every process stops with it; say which one ended and what it last wrote.
        print(f"{name} exited with code {code}; stopping all processes", file=sys.stderr)
        tail = stack.log_tail(name)
        if tail:
            print(f"--- last lines of {name}.log ---\n{tail}", file=sys.stderr)
        return code or 1
    finally:
        stack.stop()


def _cmd_worker(args: argparse.Namespace) -> int:
    """Run one outbox worker until SIGTERM / Ctrl-C (scale-out: run several on PostgreSQL)."""
    import logging

    from api import registry
    from api.core import logs
    from api.core.db import get_engine, is_sqlite
    from api.core.worker import run_worker, serve_metrics

    logs.configure(logging.INFO)
    if _worker_check_fails():
        return 1
    tables = registry.worker_tables()
    settings = get_settings()
    if is_sqlite(settings.effective_database_url):
        print("SQLite: run a single worker (and `shenguan serve --no-worker` beside it)")

    async def _run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        engine = get_engine()
        metrics_port = args.metrics_port or settings.worker_metrics_port
        served = (
            asyncio.create_task(
                serve_metrics(engine, host=settings.metrics_host, port=metrics_port, stop=stop)
            )
            if metrics_port
            else None
        )
        try:
            await run_worker(
                engine,
                consumers=tables.consumers,
                jobs=tables.jobs,
                stop=stop,
                poll_seconds=args.poll or settings.worker_poll_seconds,
                batch=args.batch,
                daily_jobs=not args.no_daily,
            )
        finally:
            stop.set()
            if served is not None:
                await served
            await engine.dispose()

    print("事件投递进程已启动（Ctrl-C 停止）", flush=True)
    asyncio.run(_run())
    return 0


ADMIN_PASSWORD_ENV = "SHENGUAN_ADMIN_PASSWORD"  # noqa: S105 - the variable's name


def _admin_password() -> str | None:
    """From ``SHENGUAN_ADMIN_PASSWORD`` (scripts), else asked twice at the terminal."""
    import getpass

    if password := os.environ.get(ADMIN_PASSWORD_ENV):
        return password
    first = getpass.getpass("管理员密码：")
    if getpass.getpass("再次输入：") != first:
        print("两次输入的密码不一致", file=sys.stderr)
        return None
    return first


def _cmd_create_admin(args: argparse.Namespace) -> int:
    """Create the first system administrator (an empty database has no account at all)."""
    from api.core.accounts import create_administrator
    from api.core.db import get_engine, session_scope
    from api.core.errors import ValidationFailed
    from api.core.migrate import migrate

    migrate()
    password = _admin_password()
    if password is None:
        return 1

    async def _run() -> None:
        try:
            async with session_scope(get_engine()) as session:
                await create_administrator(
                    session=session,
                    username=args.username,
                    password=password,
                    department_id=args.department,
                    force=args.force,
                )
        finally:
            await get_engine().dispose()

    try:
        asyncio.run(_run())
    except ValidationFailed as exc:
        for issue in exc.issues:
            print(f"创建失败（{issue.field}）: {issue.message}", file=sys.stderr)
        return 1
    print(f"已创建系统管理员 {args.username}（部门 {args.department}）")
    return 0


def _replace_process(argv: list[str], env: dict[str, str], *, cwd: Path | None) -> NoReturn:
    """Become ``argv`` (uvicorn, node): signals from systemd or a terminal reach it directly."""
    sys.stdout.flush()
    if cwd is not None:
        os.chdir(cwd)
    os.execve(argv[0], argv, env)  # noqa: S606 - a fixed argv, no shell


def _cmd_subgraph(args: argparse.Namespace) -> int:
    """One process of one subgraph (scale-out: several per subgraph, behind a balancer)."""
    from api import registry
    from api.launcher import uvicorn_argv

    settings = get_settings()
    try:
        subgraph = registry.by_name(args.name)
    except KeyError as exc:
        print(exc.args[0], file=sys.stderr)
        return 2
    port = args.port or subgraph.port(settings)
    argv = uvicorn_argv([subgraph.app], args.host or settings.host, port)
    return _replace_process(argv, dict(os.environ), cwd=None)


def _cmd_gateway(args: argparse.Namespace) -> int:
    """One Hive Gateway over the subgraph URLs of the settings (``SHENGUAN_<NAME>_URL``)."""
    from api import registry
    from api.compose import GATEWAY_DIR, CompositionError, supergraph_with_urls
    from api.launcher import StartupError, gateway_argv, gateway_env

    settings = get_settings()
    host = args.host or settings.host
    port = args.port or settings.gateway_port
    pools = registry.url_pools(settings)
    urls = {name: pool[0] for name, pool in pools.items()}
    try:
        supergraph = supergraph_with_urls(
            urls,
            settings.var_dir / f"gateway-{port}" / "supergraph.graphql",
            registry.external_urls(os.environ),
        )
        argv = gateway_argv(supergraph, host, port)
    except (CompositionError, StartupError) as exc:
        print(f"启动失败: {exc}", file=sys.stderr)
        return 1
    env = dict(os.environ)
    env.update(gateway_env(supergraph, host, port))
    if args.metrics_port is not None:
        env["SHENGUAN_GATEWAY_METRICS_PORT"] = str(args.metrics_port)
    # Several processes of a subgraph: the gateway balances its calls (gateway/balance.ts).
    env["SHENGUAN_SUBGRAPH_POOLS"] = json.dumps({pool[0]: pool for pool in pools.values()})
    # The key the subgraphs check (api/core/trust.py): configured, or in development the one
    # every `shenguan subgraph` derives from the shared secret key.
    env.setdefault("SHENGUAN_GATEWAY_KEY", settings.effective_gateway_keys()[0])
    web_dist = _web_dist()
    if web_dist is not None:
        env["SHENGUAN_WEB_DIST"] = str(web_dist)
    for name, pool in pools.items():
        print(f"  子图 {name}: {'、'.join(pool)}")
    for name, url in registry.external_urls(os.environ).items():
        print(f"  外部子图 {name}: {url}")
    print(f"网关: http://{host}:{port}/graphql", flush=True)
    return _replace_process(argv, env, cwd=GATEWAY_DIR)


def _cmd_token(args: argparse.Namespace) -> int:
    """Open a session for a user and print its token (development and debugging)."""
    from api.core.accounts import departments_of
    from api.core.auth import get_user_by_username, open_session
    from api.core.db import get_engine, session_scope

    async def _run() -> str | None:
        async with session_scope(get_engine()) as session:
            user = await get_user_by_username(session, args.username)
            if user is None or user.id is None:
                return None
            departments = await departments_of(session=session, username=user.username)
            dept = args.department or (departments[0] if departments else None)
            if dept is None or dept not in departments:
                return None
            token, _row = await open_session(
                session, user_id=user.id, department_id=dept, client_address="cli"
            )
        await get_engine().dispose()
        return token

    token = asyncio.run(_run())
    if token is None:
        print(f"用户 {args.username} 不存在或在该部门没有角色", file=sys.stderr)
        return 1
    print(token)
    return 0


def _cmd_audit_purge(args: argparse.Namespace) -> int:
    """Remove audit rows older than the retention period (at least 180 days)."""
    from api.core.audit import MIN_RETENTION_DAYS, purge
    from api.core.db import get_engine, session_scope

    if args.days < MIN_RETENTION_DAYS:
        print(f"审计记录至少保留 {MIN_RETENTION_DAYS} 天", file=sys.stderr)
        return 2

    async def _run() -> int:
        async with session_scope(get_engine()) as session:
            removed = await purge(session, older_than_days=args.days)
        await get_engine().dispose()
        return removed

    print(f"已清除 {asyncio.run(_run())} 条超过 {args.days} 天的审计记录")
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from api.backup import backup

    return _database_file(backup, args.path, failed="备份失败", done=f"已备份到 {args.path}")


def _cmd_restore(args: argparse.Namespace) -> int:
    from api.backup import restore

    return _database_file(restore, args.path, failed="恢复失败", done=f"已从 {args.path} 恢复")


def _database_file(step: Callable[[str, Path], None], path: str, *, failed: str, done: str) -> int:
    """Back the database up to ``path`` or restore it from there (``step``), and say how it
    went: 0, or 1 after a ``BackupError``."""
    from api.backup import BackupError

    try:
        step(get_settings().effective_database_url, Path(path))
    except BackupError as exc:
        print(f"{failed}: {exc}", file=sys.stderr)
        return 1
    print(done)
    return 0


def _cmd_seed(args: argparse.Namespace) -> int:
    """Fill an empty database with the deterministic benchmark data set (see api/seed.py)."""
    import time

    from api.core.db import get_engine
    from api.core.migrate import migrate
    from api.seed import scale_named, seed

    migrate()
    scale = scale_named(
        args.scale,
        applications=args.applications,
        pushes=args.pushes,
        subjects=args.subjects,
        credit_records=args.credit_records,
    )
    started = time.monotonic()

    async def _run() -> dict[str, int]:
        engine = get_engine()
        try:
            summary = await seed(
                engine,
                scale,
                random_seed=args.seed,
                progress=lambda m: print(f"[{time.monotonic() - started:6.1f}s] {m}", flush=True),
            )
        finally:
            await engine.dispose()
        return summary.as_dict()

    try:
        counts = asyncio.run(_run())
    except ValueError as exc:
        print(f"生成失败: {exc}", file=sys.stderr)
        return 1
    print(f"已生成 {args.scale} 规模数据（{time.monotonic() - started:.0f} 秒）：")
    for name, count in counts.items():
        print(f"  {name}: {count:,}")
    return 0


def _cmd_files_migrate(args: argparse.Namespace) -> int:
    """Copy every uploaded file into the other store (by hash; both keep working)."""
    from api.core.db import get_engine
    from api.core.files import migrate_files, store_named

    source_name = args.source or ("local" if args.to != "local" else "postgresql")
    if source_name == args.to:
        print("来源与目标相同", file=sys.stderr)
        return 2

    async def _run() -> tuple[int, int]:
        try:
            done = await migrate_files(store_named(source_name), store_named(args.to))
        finally:
            await get_engine().dispose()
        return done.copied, done.present

    copied, present = asyncio.run(_run())
    print(f"已从 {source_name} 复制 {copied} 个文件到 {args.to}（{present} 个已存在）")
    print(f"切换：在每个进程的环境中设置 SHENGUAN_FILE_STORE={args.to} 后重启")
    return 0


def _subgraph_names() -> tuple[str, ...]:
    from api.registry import NAMES

    return NAMES


def _add_files_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    files = sub.add_parser("files", help="上传文件的存储（本地目录 / PostgreSQL）")
    files_sub = files.add_subparsers(dest="files_command", required=True)
    move = files_sub.add_parser("migrate", help="把全部文件复制到另一种存储（按哈希，可重复运行）")
    move.add_argument("--to", required=True, choices=["local", "postgresql"], help="目标存储")
    move.add_argument(
        "--from",
        dest="source",
        choices=["local", "postgresql"],
        default=None,
        help="来源存储（默认：目标之外的另一种）",
    )
    move.set_defaults(func=_cmd_files_migrate)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shenguan", description="审管联动平台")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="迁移数据库到最新版本并载入默认授权策略").set_defaults(
        func=_cmd_migrate
    )
    compose = sub.add_parser("compose", help="从各子图 SDL 合成 supergraph")
    compose.add_argument("--check", action="store_true", help="只检查已提交的 supergraph 是否最新")
    compose.add_argument(
        "--fetch",
        nargs="*",
        metavar="NAME",
        help="先从运行中的外部子图取 _service { sdl } 写入 gateway/external/（默认全部）",
    )
    compose.set_defaults(func=_cmd_compose)
    serve = sub.add_parser("serve", help="启动全部子图与网关（嵌入式默认配置）")
    serve.add_argument("--no-demo", action="store_true", help="空库时不载入演示数据")
    serve.add_argument(
        "--no-worker", action="store_true", help="不在进程内投递事件（另行运行 shenguan worker）"
    )
    serve.set_defaults(func=_cmd_serve)
    worker = sub.add_parser("worker", help="运行一个事件投递进程（可多个并行，PostgreSQL）")
    worker.add_argument("--batch", type=int, default=100, help="每轮最多投递条数")
    worker.add_argument("--poll", type=float, default=None, help="空闲时轮询间隔（秒）")
    worker.add_argument("--no-daily", action="store_true", help="不运行每日任务（逾期提醒）")
    worker.set_defaults(func=_cmd_worker)
    admin = sub.add_parser(
        "create-admin",
        help=f"创建首个系统管理员（密码从提示输入，或取自 {ADMIN_PASSWORD_ENV}）",
    )
    admin.add_argument("username")
    admin.add_argument(
        "--department", default="0", help="角色所在部门编号（默认 0：平台，尚无部门时）"
    )
    admin.add_argument("--force", action="store_true", help="已有管理员时仍然创建")
    admin.set_defaults(func=_cmd_create_admin)
    one = sub.add_parser(
        "subgraph", help="运行一个子图的一个进程（多主机部署，见 docs/OPERATIONS.md）"
    )
    one.add_argument("name", help="子图名称：" + "、".join(_subgraph_names()))
    one.add_argument("--port", type=int, default=None, help="端口（默认 SHENGUAN_<子图>_PORT）")
    one.add_argument("--host", default=None, help="监听地址（默认 SHENGUAN_HOST）")
    one.set_defaults(func=_cmd_subgraph)
    gateway = sub.add_parser(
        "gateway", help="运行一个网关进程，连接 SHENGUAN_<子图>_URL 所配置的子图"
    )
    gateway.add_argument(
        "--port", type=int, default=None, help="端口（默认 SHENGUAN_GATEWAY_PORT）"
    )
    gateway.add_argument("--host", default=None, help="监听地址（默认 SHENGUAN_HOST）")
    for process, setting in ((worker, "WORKER"), (gateway, "GATEWAY")):
        process.add_argument(
            "--metrics-port",
            type=int,
            default=None,
            help=f"Prometheus 指标端口（内部地址；默认 SHENGUAN_{setting}_METRICS_PORT，0 不提供）",
        )
    gateway.set_defaults(func=_cmd_gateway)
    _add_files_parser(sub)
    token = sub.add_parser("token", help="为用户签发会话令牌（开发、对接系统用）")
    token.add_argument("username")
    token.add_argument("--department", help="部门编号（默认为该用户的第一个部门）")
    token.set_defaults(func=_cmd_token)
    purge = sub.add_parser("audit-purge", help="清除超过保留期（至少180天）的审计记录")
    purge.add_argument("--days", type=int, default=180, help="保留天数（不少于180）")
    purge.set_defaults(func=_cmd_audit_purge)
    backup = sub.add_parser("backup", help="备份数据库（SQLite 在线备份 / pg_dump 自定义格式）")
    backup.add_argument("path")
    backup.set_defaults(func=_cmd_backup)
    restore = sub.add_parser("restore", help="把备份恢复到空数据库")
    restore.add_argument("path")
    restore.set_defaults(func=_cmd_restore)
    seed = sub.add_parser("seed", help="在空库中生成确定性的基准数据（city / medium / small）")
    seed.add_argument("--scale", choices=["small", "medium", "city"], default="small")
    seed.add_argument("--seed", type=int, default=2026, help="随机种子（同一种子生成同样的数据）")
    for option in ("applications", "pushes", "subjects", "credit-records"):
        seed.add_argument(f"--{option}", type=int, default=None, help="覆盖该规模的条数")
    seed.set_defaults(func=_cmd_seed)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from api.core.clock import ClockSettingRefusedError, check_setting

    args = build_parser().parse_args(argv)
    try:
        check_setting()
    except ClockSettingRefusedError as exc:
        print(f"启动失败: {exc}", file=sys.stderr)
        return 2
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
