"""Where the repository is, and how paths appear in messages (one definition, in hooks/)."""

from hooks.notebooks import ROOT, shown as display

__all__ = ["ROOT", "display"]
