"""The Textual app: screens, panes, forms and styles."""
