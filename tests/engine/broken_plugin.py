"""A plugin that fails to import (for the broken-plugin test)."""

raise ImportError("this plugin is broken on purpose")
