"""The domain: plain Python over the store. Never imports Textual."""
