-- Handbook search matches titles on their own first: a trigram index over the folded title.
CREATE INDEX handbook_translations_title_trgm_idx ON handbook_translations USING gin ((lower(baan_unaccent(title))) gin_trgm_ops);
