"""partnerdash: the dashboard. Run with `make run` (or `streamlit run app.py`).

An installed package runs its own copy, partnerdash/app.py (`partnerdash dashboard`).
"""

from partnerdash.views.app import main

# Streamlit runs the script as __main__. The extraction's worker processes import it as
# __mp_main__ when they start, and must not draw a page.
if __name__ == "__main__":
    main()
