"""The dashboard's Streamlit script in an installed package: `partnerdash dashboard` runs it.

The wheel puts ``static/`` (served by Streamlit) and ``.streamlit/config.toml`` (which
Streamlit reads from beside the script it runs) in this folder, as a checkout has them
beside its top-level app.py, which `make run` starts.
"""

from partnerdash.views.app import main

# Streamlit runs the script as __main__; importing this module (say, to find its file),
# or the extraction's worker processes starting (they import it as __mp_main__), must not
# draw a page.
if __name__ == "__main__":
    main()
