"""Following runs: a client that subscribed to run://{run_id}/log, /stderr or /metrics hears when it changes; one
that subscribed to run://{run_id}/status hears when the run starts, starts another attempt, ends (completed, failed,
cancelled, lost) or a health signal of it turns critical; one that subscribed to launch://{experiment}/{launch_id}
hears when a run of that launch ends, and so when the launch has.

2026-07-28 clients subscribe with `subscriptions/listen` (the stream lasts as long as the request; the SDK's bus
delivers the events); handshake clients with `resources/subscribe`, answered with `notifications/resources/updated`
on their connection. Either way the server learns of a change by looking: a run's files are written by its
supervisor, not by the server, so the watcher compares their sizes and times once a second (only for runs somebody
follows) and asks the store about unfinished ones now and then, so a run found dead is announced too."""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from collections.abc import Iterable, Set
from pathlib import Path
from typing import Any

import anyio
from mcp import MCPError
from mcp.server.subscriptions import ResourceUpdated, SubscriptionBus
from mcp.types import INVALID_PARAMS

from experiment_runner.errors import UserError
from experiment_runner.workspace import Workspace, confine

log = logging.getLogger("experiment_runner.server.watch")

RUN_URI = re.compile(r"^run://(?P<run_id>[^/]+)/(?P<part>log|stderr|metrics|status)$")
LAUNCH_URI = re.compile(r"^launch://(?P<experiment>[^/]+)/(?P<launch_id>[^/]+)$")
#: The run files behind each resource (a log past its cap also has tail segments and a cut record beside it).
PART_FILES = {
    "log": ("stdout.",),
    "stderr": ("stderr.",),
    "metrics": ("metrics.jsonl", "state.json"),
}
POLL_S = 1.0
#: Every this many polls, unfinished followed runs are read through the store, whose liveness check records a run
#: whose supervisor died (its state file changes, and that is announced like any change).
RECONCILE_EVERY = 5


def followable(uri: str) -> re.Match | None:
    return RUN_URI.match(uri) or LAUNCH_URI.match(uri)


class RunWatcher:
    def __init__(self, root: Path, bus: SubscriptionBus):
        self.root = root
        self.bus = bus
        self._listened: Counter[str] = Counter()  # URIs of open subscriptions/listen streams
        # handshake subscriptions by connection: (a session proxy to notify through, the URIs)
        self._sessions: dict[Any, tuple[Any, set[str]]] = {}
        self._seen: dict[str, tuple] = {}
        self._dirs: dict[str, Path] = {}

    # --- who follows what ---------------------------------------------------------------------------------------

    def listening(self, uris: Iterable[str]) -> list[str]:
        """A listen stream opened: count its run URIs (the caller calls `unlistened` with them when it ends)."""
        followed = [u for u in uris if followable(u)]
        for uri in followed:
            self._prime(uri)
        self._listened.update(followed)
        return followed

    def unlistened(self, uris: Iterable[str]) -> None:
        self._listened.subtract(uris)
        self._listened = +self._listened  # drop the zero counts

    def subscribe(self, session: Any, uri: str) -> None:
        if not followable(uri):
            raise MCPError(
                INVALID_PARAMS,
                f"{uri!r} cannot be subscribed to; runs can be followed at run://<run_id>/log, "
                "run://<run_id>/stderr, run://<run_id>/metrics and run://<run_id>/status (its state, attempts and "
                "critical health), launches at launch://<experiment>/<launch_id>",
            )
        self._prime(uri)
        conn = _connection(session)
        if conn not in self._sessions:
            self._sessions[conn] = (session, set())
            stack = getattr(conn, "exit_stack", None)
            if stack is not None:  # the connection's teardown forgets its subscriptions
                stack.callback(self._sessions.pop, conn, None)
        self._sessions[conn][1].add(uri)

    def unsubscribe(self, session: Any, uri: str) -> None:
        self._sessions.get(_connection(session), (None, set()))[1].discard(uri)

    def followed(self) -> set[str]:
        uris = set(self._listened)
        for _, subscribed in list(self._sessions.values()):
            uris |= subscribed
        return uris

    # --- looking --------------------------------------------------------------------------------------------------

    async def run(self, poll_s: float = POLL_S) -> None:
        polls = 0
        while True:
            await anyio.sleep(poll_s)
            polls += 1
            uris = self.followed()
            if not uris:
                continue
            try:
                changed = await anyio.to_thread.run_sync(self.changes, uris, polls % RECONCILE_EVERY == 0)
            except Exception:  # a damaged store must not stop the following of every other run
                log.exception("looking for run changes failed")
                continue
            for uri in changed:
                await self.announce(uri)
            for gone in set(self._seen) - self.followed():
                self._seen.pop(gone, None)

    def changes(self, uris: set[str], reconcile: bool = False) -> list[str]:
        """The followed URIs whose files differ from the last look (the first look only records them)."""
        if reconcile:
            self._reconcile({m["run_id"] for u in uris if (m := RUN_URI.match(u))}, self._launches(uris))
        out = []
        for uri in sorted(uris):
            now = self._look(uri)
            if now is None:
                continue
            before = self._seen.get(uri)
            self._seen[uri] = now
            if before is not None and before != now:
                out.append(uri)
        return out

    async def announce(self, uri: str) -> None:
        if self._listened.get(uri):
            await self.bus.publish(ResourceUpdated(uri=uri))
        for conn, (session, subscribed) in list(self._sessions.items()):
            if uri not in subscribed:
                continue
            try:
                await session.send_resource_updated(uri)  # on the connection's own channel, not a request's
            except Exception as e:  # the client went away: forget its subscriptions
                log.debug("resource update for %s not delivered: %s", uri, e)
                self._sessions.pop(conn, None)

    def _prime(self, uri: str) -> None:
        """Record how the URI's files are now, so a change right after subscribing is not taken as the first look."""
        if uri not in self._seen and (now := self._look(uri)) is not None:
            self._seen[uri] = now

    def _look(self, uri: str) -> tuple | None:
        """What decides whether a followed URI changed: the sizes and times of the files behind a run's log or
        metrics; a run's state, attempt and critical health codes; the states of a launch's runs (None: no such run
        or launch, or not a URI of either)."""
        launch = LAUNCH_URI.match(uri)
        if launch is not None:
            return self._launch_look(launch["experiment"], launch["launch_id"])
        m = RUN_URI.match(uri)
        if m is None:
            return None
        run_dir = self._dir(m["run_id"])
        if run_dir is None:
            return None
        if m["part"] == "status":
            return _status_look(run_dir)
        return _fingerprint(run_dir, PART_FILES[m["part"]])

    def _launch_look(self, experiment: str, launch_id: str) -> tuple | None:
        from experiment_runner.runs import records

        try:
            plan = records.read_plan(records.launch_path(Workspace(self.root).experiment_dir(experiment), launch_id))
        except (UserError, OSError, ValueError):
            return None
        runs = plan.exp_dir / "runs"
        return tuple((rid, _run_state(runs / rid)) for rid in plan.run_ids)

    @staticmethod
    def _launches(uris: set[str]) -> set[tuple[str, str]]:
        return {(m["experiment"], m["launch_id"]) for u in uris if (m := LAUNCH_URI.match(u))}

    def _dir(self, run_id: str) -> Path | None:
        if run_id not in self._dirs:
            from experiment_runner.runs.store import RunStore

            try:
                self._dirs[run_id] = RunStore(Workspace(self.root)).find_dir(run_id)
            except UserError:
                return None  # not there (yet): looked for again next time
        return self._dirs[run_id]

    def _reconcile(self, run_ids: set[str], launches: Set[tuple[str, str]] = frozenset()) -> None:
        from experiment_runner.runs.store import RunStore

        store = RunStore(Workspace(self.root))
        for run_id in run_ids:
            try:
                store.get(run_id)
            except UserError:
                continue
        for experiment, launch_id in launches:
            try:
                store.launch_runs(experiment, launch_id)
            except UserError:
                continue


def _connection(session: Any) -> Any:
    """The connection behind the SDK's per-request session proxy (which exposes it only privately): subscriptions
    belong to a connection, and outlive the request that made them."""
    return getattr(session, "_connection", session)


def _run_state(run_dir: Path) -> tuple:
    from experiment_runner.runs import records

    try:
        st = records.read_state(run_dir)
    except (OSError, ValueError, UserError):
        return ()
    return (st.state, st.attempt)


def _status_look(run_dir: Path) -> tuple:
    """A run's state and attempt, and the codes of its critical health signals."""
    from experiment_runner.runs import records

    try:
        health = records.read_json(run_dir / records.HEALTH)
    except (OSError, ValueError, UserError):
        health = []
    critical = sorted(
        str(h.get("code"))
        for h in (health if isinstance(health, list) else [])
        if isinstance(h, dict) and h.get("severity") == "critical"
    )
    return (*_run_state(run_dir), tuple(critical))


def _fingerprint(run_dir: Path, prefixes: tuple[str, ...]) -> tuple:
    try:  # the run folder by descriptor (a link in the store is refused), its files' own stats (links not followed)
        fd = confine.open_fd(run_dir, os.O_RDONLY | os.O_DIRECTORY)
    except (FileNotFoundError, confine.Refused):
        return ()
    try:
        with os.scandir(fd) as it:
            return tuple(
                sorted(
                    (e.name, st.st_size, st.st_mtime_ns)
                    for e in it
                    if e.name.startswith(prefixes) and (st := e.stat(follow_symlinks=False))
                )
            )
    finally:
        os.close(fd)


def follow_listens(watcher: RunWatcher):
    """Server middleware: a subscriptions/listen stream's run URIs are followed for as long as the stream lasts."""

    async def middleware(ctx, call_next):
        if ctx.method != "subscriptions/listen" or ctx.request_id is None:
            return await call_next(ctx)
        notifications = (ctx.params or {}).get("notifications") or {}
        followed = watcher.listening(notifications.get("resourceSubscriptions") or [])
        try:
            return await call_next(ctx)
        finally:
            watcher.unlistened(followed)

    return middleware


def install_legacy_subscriptions(server: Any, watcher: RunWatcher) -> None:
    """resources/subscribe and resources/unsubscribe for handshake connections (which also makes the server
    advertise resources.subscribe there). MCPServer has no public hook for these spec methods, so they go on its
    low-level server."""
    from mcp.types import EmptyResult, SubscribeRequestParams, UnsubscribeRequestParams

    async def subscribe(ctx, params: SubscribeRequestParams) -> EmptyResult:
        watcher.subscribe(ctx.session, str(params.uri))
        return EmptyResult()

    async def unsubscribe(ctx, params: UnsubscribeRequestParams) -> EmptyResult:
        watcher.unsubscribe(ctx.session, str(params.uri))
        return EmptyResult()

    lowlevel = server._lowlevel_server
    lowlevel.add_request_handler("resources/subscribe", SubscribeRequestParams, subscribe)
    lowlevel.add_request_handler("resources/unsubscribe", UnsubscribeRequestParams, unsubscribe)
