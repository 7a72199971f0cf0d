"""A contact's tabs beyond the card: follow-ups, thank-you letters, reflection, prep."""
