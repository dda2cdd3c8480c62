-- Trigram indexes make name search by any part of the name fast (pg_trgm is a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
