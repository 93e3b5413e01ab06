-- Version 5: orders and their lines (price, name and address snapshots taken when the order was placed).
-- Generated from the model with GenerateCreateScript(); a database created at version 5 or later gets the
-- same tables from EnsureCreated.
CREATE TABLE "Orders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Orders" PRIMARY KEY AUTOINCREMENT,
    "Number" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "CheckoutToken" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "PlacedAtUtc" TEXT NOT NULL,
    "StatusChangedAtUtc" TEXT NULL,
    "Culture" TEXT NOT NULL,
    "Delivery" TEXT NOT NULL,
    "EarliestArrival" TEXT NOT NULL,
    "LatestArrival" TEXT NOT NULL,
    "Subtotal" TEXT NOT NULL,
    "DeliveryPrice" TEXT NOT NULL,
    "VatRate" TEXT NOT NULL,
    "Vat" TEXT NOT NULL,
    "Total" TEXT NOT NULL,
    "CardBrand" TEXT NOT NULL,
    "CardLast4" TEXT NOT NULL,
    "Shipping_AddressLine1" TEXT NOT NULL,
    "Shipping_AddressLine2" TEXT NULL,
    "Shipping_City" TEXT NOT NULL,
    "Shipping_CountryCode" TEXT NOT NULL,
    "Shipping_FullName" TEXT NOT NULL,
    "Shipping_Phone" TEXT NOT NULL,
    "Shipping_PostalCode" TEXT NOT NULL,
    CONSTRAINT "FK_Orders_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "OrderLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OrderLines" PRIMARY KEY AUTOINCREMENT,
    "OrderId" INTEGER NOT NULL,
    "ProductId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "UnitPrice" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    CONSTRAINT "FK_OrderLines_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_OrderLines_OrderId" ON "OrderLines" ("OrderId");
CREATE UNIQUE INDEX "IX_Orders_CheckoutToken" ON "Orders" ("CheckoutToken");
CREATE UNIQUE INDEX "IX_Orders_Number" ON "Orders" ("Number");
CREATE INDEX "IX_Orders_Status" ON "Orders" ("Status");
CREATE INDEX "IX_Orders_UserId_PlacedAtUtc" ON "Orders" ("UserId", "PlacedAtUtc");
