-- Version 3: product and category names in French and German, beside the English on the product itself.
-- The rows are seeded at start-up by CatalogSeed when the tables are empty.
CREATE TABLE "CategoryTranslations" (
    "CategoryId" INTEGER NOT NULL,
    "Culture" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "PK_CategoryTranslations" PRIMARY KEY ("CategoryId", "Culture"),
    CONSTRAINT "FK_CategoryTranslations_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE CASCADE
);
CREATE TABLE "ProductTranslations" (
    "ProductId" INTEGER NOT NULL,
    "Culture" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    CONSTRAINT "PK_ProductTranslations" PRIMARY KEY ("ProductId", "Culture"),
    CONSTRAINT "FK_ProductTranslations_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE CASCADE
);
