"""The Streamlit dashboard: the only package besides app.py that imports streamlit."""
