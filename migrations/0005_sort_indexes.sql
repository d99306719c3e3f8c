-- 0005: indexes for sorting meetings by date alone after an equality filter.
-- `sort=date` (or `-date`) orders by (date, id), the id tie-break running the way the
-- date does, while the default `date,ordinal` orders by (date, ordinal, id); the 0001
-- indexes serve only the latter, so a filtered `sort=-date` page used to sort every
-- matching row. With these, both orders are index walks that stop at the page size.
CREATE INDEX meetings_date_id ON meetings (coalesce(date_start, '9999-12-31'), id);
CREATE INDEX meetings_mechanism_date_id ON meetings
    (mechanism_id, coalesce(date_start, '9999-12-31'), id);
CREATE INDEX meetings_year_date_id ON meetings (year, coalesce(date_start, '9999-12-31'), id);
CREATE INDEX meetings_status_date_id ON meetings (status, coalesce(date_start, '9999-12-31'), id);
CREATE INDEX meetings_curation_date_id ON meetings
    (curation, coalesce(date_start, '9999-12-31'), id);
