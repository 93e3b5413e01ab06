-- Version 4: the language a signed-in user chose, saved on their account (null until they choose one).
ALTER TABLE "AspNetUsers" ADD COLUMN "PreferredCulture" TEXT NULL;
