-- Finding a member by part of a name or e-mail address (the member list of coordinators and
-- organisation admins, /members?q=, and the people directory, /people?q=) is ILIKE '%…%', which
-- no b-tree serves: on the national data (10,000 members) every search lowercased and read every
-- member's name and address (33 ms for the count in EXPLAIN ANALYZE). Trigram indexes answer a
-- pattern of three or more characters (0.4 ms); a shorter one is read as before.
CREATE INDEX "app_user_name_trgm_idx" ON "app_user" USING gin ("name" gin_trgm_ops);
CREATE INDEX "app_user_email_trgm_idx" ON "app_user" USING gin ("email" gin_trgm_ops);
