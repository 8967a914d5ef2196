"""partnerdash: a dashboard of municipal partnership activity, built from news items."""

__version__ = "0.1.0"
