-- Issue 15 item 3: a second factor (TOTP, RFC 6238) with one-time recovery codes.

-- Which roles must sign in with a second factor: an admin's setting, on for coordinators and
-- admins (whose rights reach everyone). New installations get the same from roles.server.ts.
ALTER TABLE "role" ADD COLUMN "requires_second_factor" BOOLEAN NOT NULL DEFAULT false;
UPDATE "role" SET "requires_second_factor" = true WHERE "key" IN ('coordinator', 'admin');

-- How a session was begun: "password" (with the second step when the member has one) or "sso"
-- (the organisation's identity provider, which applies its own rules).
ALTER TABLE "session" ADD COLUMN "method" TEXT NOT NULL DEFAULT 'password';

-- The member's authenticator key. Unconfirmed until a code from it has been typed back;
-- last_counter refuses a code that was already used (RFC 6238 section 5.2).
CREATE TABLE "two_factor" (
    "user_id" UUID NOT NULL,
    "secret" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "last_counter" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "two_factor_pkey" PRIMARY KEY ("user_id"),
    CONSTRAINT "two_factor_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Ten one-time codes for a lost phone, stored as SHA-256 (they are random, not passwords).
CREATE TABLE "recovery_code" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "recovery_code_code_hash_key" ON "recovery_code"("code_hash");
CREATE INDEX "recovery_code_user_id_idx" ON "recovery_code"("user_id");

-- A password that was right, waiting for the second step: a few minutes, a few attempts.
CREATE TABLE "login_challenge" (
    "id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "persistent" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "login_challenge_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "login_challenge_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "login_challenge_user_id_idx" ON "login_challenge"("user_id");
