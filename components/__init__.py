"""Streamlit views of the dashboard; each receives the dataset and the selection and only draws."""
