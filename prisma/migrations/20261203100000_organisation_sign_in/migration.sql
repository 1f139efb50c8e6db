-- Issue 15 item 2: single sign-on (OpenID Connect) for organisations with their own identity
-- provider, e.g. the city's Entra ID.

-- The organisation's provider: issuer, this app's client id and secret there, and the e-mail
-- domains whose members sign in through it (and whom it may vouch for).
ALTER TABLE "organisation" ADD COLUMN "sso_issuer" TEXT;
ALTER TABLE "organisation" ADD COLUMN "sso_client_id" TEXT;
ALTER TABLE "organisation" ADD COLUMN "sso_client_secret" TEXT;
ALTER TABLE "organisation" ADD COLUMN "sso_email_domains" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- A sign-in sent to the provider and not yet back: state, nonce and PKCE verifier, bound to the
-- browser by a cookie holding the token whose hash is the id. Minutes, used once.
CREATE TABLE "sso_login" (
    "id" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "code_verifier" TEXT NOT NULL,
    "redirect_to" TEXT NOT NULL DEFAULT '/',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sso_login_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sso_login_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "sso_login_organisation_id_idx" ON "sso_login"("organisation_id");

-- Who the provider says a member is (issuer + subject), linked at the first sign-in by e-mail:
-- later sign-ins follow the subject, so a changed or reused address cannot take over an account.
CREATE TABLE "sso_identity" (
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sso_identity_pkey" PRIMARY KEY ("issuer", "subject"),
    CONSTRAINT "sso_identity_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "sso_identity_user_id_idx" ON "sso_identity"("user_id");
