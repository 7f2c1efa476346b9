"""Command palette providers: quick lookup through the FTS index, and every
binding of the current screen as a command."""

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from lokus_tui.context import lokus_app
from lokus_tui.plain import markup_literal, plain

KIND_LABELS = {"initiative": "Insats", "person": "Person", "organisation": "Organisation"}


class LookupProvider(Provider):
    """Find insatser, people and organisations by any word (prefix search)."""

    async def search(self, query: str) -> Hits:
        app = lokus_app(self.screen)
        if not app.database_ready or len(query.strip()) < 2:
            return
        database = app.database
        from db.search import search

        for n, hit in enumerate(search(database, query, limit=15)):
            label = KIND_LABELS.get(hit.kind, hit.kind)
            shown = plain(f"{label}: {hit.title}", multiline=False)
            yield Hit(
                score=1.0 - n / 100,
                match_display=shown,
                command=partial(app.open_record, hit.kind, hit.id),
                text=shown.plain,
                help=markup_literal(hit.detail) if hit.detail else None,
            )


class ActionsProvider(Provider):
    """Every key binding of the active screen and the app, searchable by its description."""

    def _commands(self):
        screen = self.screen
        seen = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            yield (f"{binding.description} ({key})", binding.action, active.node)

    async def discover(self) -> Hits:
        for text, action, node in self._commands():
            yield DiscoveryHit(text, partial(node.run_action, action), text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, node in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(text), partial(node.run_action, action), text=text
                )
