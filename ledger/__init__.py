"""claim-ledger: pull checkable claims out of news articles into a reviewable ledger."""

__version__ = "0.1.0"
