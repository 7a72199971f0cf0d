"""Small reusable widgets: the line lists, the key bar, the tab strip, the title line."""
