"""The ledger's workflows: ingesting articles, the review queue and verdicts, claim views."""
