"""The app's views: Today (the agenda), the contact list, a contact, the timeline, the job search."""
