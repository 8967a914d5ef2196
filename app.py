"""partnerdash: the dashboard. Run with `make run` (or `streamlit run app.py`)."""

from partnerdash.views.app import main

main()
