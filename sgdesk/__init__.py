"""sgdesk: the institutional and legal reference of the Secretaría General, offline."""

__version__ = "0.1.0"
