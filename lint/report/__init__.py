"""The corpus report: an HTML page of a run's findings (``--output-format html``, ``report``)."""
