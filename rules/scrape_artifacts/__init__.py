"""Built-in rule family: scrape artifacts (SA) — page chrome, sidebars, repeats, pasted pages.

``vocabulary`` holds the chrome labels and date patterns, ``layout`` reads a page's
structure once per document; one module per rule.
"""

from lint import Rule
from rules.scrape_artifacts.multiple_articles import MultipleArticles
from rules.scrape_artifacts.page_chrome import PageChrome
from rules.scrape_artifacts.repeated_block import RepeatedBlock
from rules.scrape_artifacts.sidebar_noise import SidebarNoise

RULES: list[type[Rule]] = [PageChrome, SidebarNoise, RepeatedBlock, MultipleArticles]
