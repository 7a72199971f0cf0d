"""Two-way sync with vdirs (one file per item) that vdirsyncer keeps in step with a
CardDAV/CalDAV server: beside ``interop``, it reaches the database through ``core`` only."""
