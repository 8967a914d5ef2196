"""The dashboard's pages, each a callable registered with st.Page in the app."""
