"""Chart builders: plain data in, plotly figures out; no Streamlit here."""
