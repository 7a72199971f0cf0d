"""Modal forms: one base, and a form per thing a person enters."""
