"""quotetrack: track who said what in a contested story, and find where the accounts conflict."""

__version__ = "0.1.0"
