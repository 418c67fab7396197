"""scrapelint's built-in rules, shipped as a plugin like any third-party rule package."""
