"""A style sheet that parses again only what changed.

Textual re-parses every style sheet from its text, in a new sheet with an empty
cache, each time the screen of a mode is shown for the first time (twice: once
to set the mode up, once to switch to it), even when the theme's variables did
not change. At start-up that is two full parses of every widget's and lokus's
CSS before Översikt shows (about 30 ms); later, two more at each section's
first visit. Here a re-parse with the same variables parses only the sources
that are new (the others come from the process's cache, ``_parsed`` below); a
new theme still parses everything again.
"""

from pathlib import Path
from weakref import WeakSet

from textual.app import App
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation
from textual.events import ScreenResume
from textual.screen import Screen


def add_screen_styles(app: App, path: Path) -> None:
    """Add a screen's .tcss to the app's style sheet once, before its widgets are
    styled (call it at the top of ``compose``).

    Not CSS_PATH: for a screen's CSS_PATH Textual parses every style sheet of the app
    again and restyles every widget of every screen on its first push (tens of ms on
    each open); added as a source, only this file is parsed, once."""
    if not app.stylesheet.has_source(str(path)):
        app.stylesheet.read(path)


_left: "WeakSet[Screen]" = WeakSet()  # screens that another screen has covered


def styled_as_mounted(screen: Screen, event: ScreenResume) -> None:
    """Call from a screen's ``on_screen_resume`` (it runs before Textual's own): until
    the screen is first left for another, its widgets are not styled again as it is
    shown (Textual shows a section's screen twice as it is first shown).

    Textual styles every widget of a pushed screen (or a mode's screen) again as it
    is shown, for a screen shown again after others, although they were styled as
    they were mounted a moment before: 50 ms of the 0.3 s the insats form took to
    open. Shown again after another screen, it is styled again as Textual does (a
    theme chosen meanwhile is styled only then on a screen of another section)."""
    if screen not in _left:
        event.refresh_styles = False


def screen_left(screen: Screen) -> None:
    """Call from a screen's ``on_screen_suspend``: see ``styled_as_mounted``."""
    _left.add(screen)


class StyledOnce:
    """Mixin for every screen and dialog of lokus: see ``styled_as_mounted``. Textual
    runs these handlers besides a screen's own of the same name. (Översikt, whose
    resume handler is async, calls the two functions itself.)"""

    def on_screen_resume(self, event: ScreenResume) -> None:
        styled_as_mounted(self, event)  # type: ignore[arg-type]  # (mixed into a Screen)

    def on_screen_suspend(self) -> None:
        screen_left(self)  # type: ignore[arg-type]


# Every source's rules as parsed, by its text, place, scope and the theme's
# variables, for the whole process. Textual keeps them per style sheet, 64 at most:
# lokus has about 80 sources, so parsing them all (each time a kind of widget is
# first shown) evicts what the next parse needs; and a new app starts with none
# (the tests start about 80 apps in each process).
_parsed: dict[tuple, list[RuleSet]] = {}


def _theme(variables: dict[str, str]) -> tuple:
    """The theme's variables as a key (a new tuple only when they change)."""
    return tuple(sorted(variables.items()))


class ParsedOnceStylesheet(Stylesheet):
    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._lokus_theme = _theme(variables or {})
        self._lokus_parsed_with: tuple | None = None

    def set_variables(self, variables: dict[str, str]) -> None:
        theme = _theme(variables)
        if theme == self._lokus_theme:
            return  # (setting them again would empty Textual's caches for nothing)
        super().set_variables(variables)
        self._lokus_theme = theme

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (css, read_from, is_default_rules, tie_breaker, scope, self._lokus_theme)
        rules = _parsed.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            _parsed[key] = rules
        return rules

    def parse(self) -> None:
        super().parse()
        self._lokus_parsed_with = self._lokus_theme

    def reparse(self) -> None:
        if self._lokus_parsed_with is self._lokus_theme:
            self.parse()  # the same variables: only new sources are parsed
        else:
            super().reparse()  # (parses in a new sheet, not through self.parse)
            self._lokus_parsed_with = self._lokus_theme
