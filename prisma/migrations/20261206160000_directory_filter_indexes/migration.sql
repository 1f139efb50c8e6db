-- The people directory's filters by language, device and topic: without these each view read
-- every active member twice, once for the page (walking the name index for the few who match)
-- and once for the count (10,000 in the national data: ~10 ms of PostgreSQL for "Ukrainian").
-- The filters ask `column @> ARRAY[value]`, which these answer.
CREATE INDEX "app_user_active_advise_languages_idx" ON "app_user" USING GIN ("advise_languages") WHERE "status" = 'active';
CREATE INDEX "app_user_active_know_devices_idx" ON "app_user" USING GIN ("know_devices") WHERE "status" = 'active';
CREATE INDEX "app_user_active_know_topics_idx" ON "app_user" USING GIN ("know_topics") WHERE "status" = 'active';
