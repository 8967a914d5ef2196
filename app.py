"""partnerdash: the dashboard. Run with `make run` (or `streamlit run app.py`).

An installed package runs its own copy, partnerdash/app.py (`partnerdash dashboard`).
"""

from partnerdash.views.app import main

main()
