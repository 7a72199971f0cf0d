"""Whole screens and dialogs: help, confirm, import/export/merge."""
