"""Questions in plain English, answered from the records or refused when the article is silent."""
