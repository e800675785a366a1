"""entry -> article: fetch the page, extract its text, key it by canonical URL and content hash."""
