-- 0045: the province and year facets of /v1/figures and /v1/trade-figures count rows of a
-- table kept for each, through a covering index, instead of joining every figure to its
-- parties (province) or expanding its period with json_each (year). On a 200,000-figure
-- store `facets=province` took 0.77-1.0 s and met the 1 s costly budget (503), and
-- `facets=year` about 0.2 s (analyst 11, F12 / NEW-4).
--
-- Each table has the figure's curation and category beside the value, so a facet asked
-- with no filter but the curation (the default list) is one walk of its index. The
-- triggers below keep them in step with figures and figure_parties whoever writes them
-- (the loader, ingest, review, redate, synth). A value that is not there is stored as ''
-- (no party) or 0 (no period): a WITHOUT ROWID key cannot hold NULL; readers write
-- nullif(value, '') and nullif(year, 0).

-- What the tables must hold, from the facts themselves: one row per party of a figure,
-- or one with '' when it has none (the facet's null bucket) ...
CREATE VIEW v_figure_province_facet AS
SELECT f.id AS figure_id, coalesce(fp.province_id, '') AS province_id, f.curation AS curation,
       f.category AS category
FROM figures f LEFT JOIN figure_parties fp ON fp.figure_id = f.id;

-- ... and one row per calendar year the figure's period overlaps, up to 12 (as ?year=
-- matches it), or one with 0 when it has no period
CREATE VIEW v_figure_year_facet AS
SELECT f.id AS figure_id, coalesce(fy.value, 0) AS year, f.curation AS curation,
       f.category AS category
FROM figures f
LEFT JOIN json_each(CASE WHEN substr(f.period_start, 1, 4) = substr(f.period_end, 1, 4)
    THEN json_array(CAST(substr(f.period_start, 1, 4) AS INTEGER))
    ELSE json_array(CAST(substr(f.period_start, 1, 4) AS INTEGER),
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 1,
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 2,
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 3,
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 4,
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 5,
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 6,
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 7,
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 8,
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 9,
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 10,
                    CAST(substr(f.period_start, 1, 4) AS INTEGER) + 11) END) fy
    ON fy.value <= CAST(substr(f.period_end, 1, 4) AS INTEGER);

CREATE TABLE figure_province_facet (
    figure_id   TEXT NOT NULL,
    province_id TEXT NOT NULL, -- '' for a figure with no party
    curation    TEXT NOT NULL,
    category    TEXT NOT NULL,
    PRIMARY KEY (figure_id, province_id)
) STRICT, WITHOUT ROWID;
-- the facet's walk (and a province's count) reads this index only; it holds the key too
CREATE INDEX figure_province_facet_count ON figure_province_facet (province_id, curation, category);

CREATE TABLE figure_year_facet (
    figure_id TEXT NOT NULL,
    year      INTEGER NOT NULL, -- 0 for a figure with no period
    curation  TEXT NOT NULL,
    category  TEXT NOT NULL,
    PRIMARY KEY (figure_id, year)
) STRICT, WITHOUT ROWID;
CREATE INDEX figure_year_facet_count ON figure_year_facet (year, curation, category);

INSERT INTO figure_province_facet SELECT * FROM v_figure_province_facet;
INSERT INTO figure_year_facet SELECT * FROM v_figure_year_facet;

CREATE TRIGGER figure_facets_insert AFTER INSERT ON figures
BEGIN
    INSERT OR IGNORE INTO figure_province_facet
        SELECT * FROM v_figure_province_facet WHERE figure_id = NEW.id;
    INSERT OR IGNORE INTO figure_year_facet
        SELECT * FROM v_figure_year_facet WHERE figure_id = NEW.id;
END;

CREATE TRIGGER figure_facets_delete AFTER DELETE ON figures
BEGIN
    DELETE FROM figure_province_facet WHERE figure_id = OLD.id;
    DELETE FROM figure_year_facet WHERE figure_id = OLD.id;
END;

CREATE TRIGGER figure_facets_curation AFTER UPDATE OF id, curation, category ON figures
BEGIN
    UPDATE figure_province_facet SET figure_id = NEW.id, curation = NEW.curation,
        category = NEW.category WHERE figure_id = OLD.id;
    UPDATE figure_year_facet SET figure_id = NEW.id, curation = NEW.curation,
        category = NEW.category WHERE figure_id = OLD.id;
END;

CREATE TRIGGER figure_facets_period AFTER UPDATE OF period_start, period_end ON figures
BEGIN
    DELETE FROM figure_year_facet WHERE figure_id IN (OLD.id, NEW.id);
    INSERT INTO figure_year_facet SELECT * FROM v_figure_year_facet WHERE figure_id = NEW.id;
END;

-- a party replaces the figure's '' row; the last party gone brings it back (unless the
-- figure itself is gone)
CREATE TRIGGER figure_facets_party_insert AFTER INSERT ON figure_parties
BEGIN
    DELETE FROM figure_province_facet WHERE figure_id = NEW.figure_id AND province_id = '';
    INSERT OR IGNORE INTO figure_province_facet
        SELECT id, NEW.province_id, curation, category FROM figures WHERE id = NEW.figure_id;
END;

CREATE TRIGGER figure_facets_party_delete AFTER DELETE ON figure_parties
BEGIN
    DELETE FROM figure_province_facet
        WHERE figure_id = OLD.figure_id AND province_id = OLD.province_id;
    INSERT OR IGNORE INTO figure_province_facet
        SELECT id, '', curation, category FROM figures WHERE id = OLD.figure_id
        AND NOT EXISTS (SELECT 1 FROM figure_parties WHERE figure_id = OLD.figure_id);
END;

CREATE TRIGGER figure_facets_party_update AFTER UPDATE OF figure_id, province_id ON figure_parties
BEGIN
    DELETE FROM figure_province_facet WHERE figure_id IN (OLD.figure_id, NEW.figure_id);
    INSERT OR IGNORE INTO figure_province_facet
        SELECT * FROM v_figure_province_facet WHERE figure_id IN (OLD.figure_id, NEW.figure_id);
END;
