"""An example scrapelint plugin: rules a site team writes for its own scraped pages."""

__version__ = "0.1.0"
