"""Running scrapelint inside other engines: Ray Data, datatrove, and sharded CI runs.

Every integration checks records with the same ``lint.worker.Worker`` as
``scrapelint check`` (``lint.integrations.records.RecordLinter``), so a record gets
the same findings whichever engine checks it.
"""
