"""The `shenguan` command: migrate, compose, serve, token."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from api.core.config import get_settings


def _cmd_migrate(_args: argparse.Namespace) -> int:
    from api.core.migrate import migrate

    added = migrate()
    print(f"数据库已迁移到最新版本（{get_settings().effective_database_url.split('@')[-1]}）")
    if added:
        print(f"已载入默认授权策略 {added} 条")
    return 0


def _cmd_compose(args: argparse.Namespace) -> int:
    from api.compose import CompositionError, stale_files, write_committed

    try:
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
    await get_engine().dispose()
    return (
        f"已载入演示数据：{summary.departments} 个部门、{summary.matters} 个事项、"
        f"{summary.applications} 件办件、{summary.users} 个账号（密码 {demo.DEMO_PASSWORD}）"
    )


def _web_dist() -> Path | None:
    """The built SPA the gateway serves: ``SHENGUAN_WEB_DIST`` or ``web/dist``, if built."""
    from api.core.config import ROOT_DIR

    configured = os.environ.get("SHENGUAN_WEB_DIST")
    dist = Path(configured) if configured else ROOT_DIR / "web" / "dist"
    return dist.resolve() if (dist / "index.html").is_file() else None


def _cmd_serve(args: argparse.Namespace) -> int:
    from api.core.migrate import migrate
    from api.launcher import Stack, StartupError

    settings = get_settings()
    migrate()
    if not args.no_demo and (message := asyncio.run(_seed_demo_if_empty())):
        print(message)
    env = dict(os.environ)
    env["DATABASE_URL"] = settings.effective_database_url
    # Every child signs and checks tokens with the same key.
    env["SHENGUAN_SECRET_KEY"] = settings.effective_secret_key()
    web_dist = _web_dist()
    if web_dist is not None:
        env["SHENGUAN_WEB_DIST"] = str(web_dist)
    else:
        env.pop("SHENGUAN_WEB_DIST", None)
    stack = Stack(
        host=settings.host,
        gateway_port=settings.gateway_port,
        subgraph_ports=settings.subgraph_ports(),
        env=env,
        work_dir=settings.var_dir,
        log_dir=settings.var_dir / "logs",
    )

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
        print(f"日志目录: {settings.var_dir / 'logs'}")
        print('获取令牌：mutation { signIn(username: "spj_clerk", password: "…") { ... } }')
        print("按 Ctrl-C 停止全部进程")
        code = stack.wait()
    except KeyboardInterrupt:
        return 0
    except StartupError as exc:
        print(f"启动失败: {exc}", file=sys.stderr)
        return 1
    else:
        print(f"a child process exited with code {code}; stopping", file=sys.stderr)
        return code or 1
    finally:
        stack.stop()


def _cmd_token(args: argparse.Namespace) -> int:
    """Print a session token for a user (development and connected-system set-up)."""
    from api.core.accounts import departments_of
    from api.core.auth import Principal, get_user_by_username, issue_token
    from api.core.db import get_engine, session_scope

    async def _run() -> str | None:
        async with session_scope(get_engine()) as session:
            user = await get_user_by_username(session, args.username)
            if user is None or user.id is None:
                return None
            departments = await departments_of(session=session, username=user.username)
        await get_engine().dispose()
        if not departments:
            return None
        dept = args.department or departments[0]
        return issue_token(Principal(user_id=user.id, username=user.username, department_id=dept))

    token = asyncio.run(_run())
    if token is None:
        print(f"用户 {args.username} 不存在或没有部门角色", file=sys.stderr)
        return 1
    print(token)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shenguan", description="审管联动平台")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="迁移数据库到最新版本并载入默认授权策略").set_defaults(
        func=_cmd_migrate
    )
    compose = sub.add_parser("compose", help="从各子图 SDL 合成 supergraph")
    compose.add_argument("--check", action="store_true", help="只检查已提交的 supergraph 是否最新")
    compose.set_defaults(func=_cmd_compose)
    serve = sub.add_parser("serve", help="启动全部子图与网关（嵌入式默认配置）")
    serve.add_argument("--no-demo", action="store_true", help="空库时不载入演示数据")
    serve.set_defaults(func=_cmd_serve)
    token = sub.add_parser("token", help="为用户签发会话令牌（开发、对接系统用）")
    token.add_argument("username")
    token.add_argument("--department", help="部门编号（默认为该用户的第一个部门）")
    token.set_defaults(func=_cmd_token)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
