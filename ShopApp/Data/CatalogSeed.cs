using Microsoft.EntityFrameworkCore;
using ShopApp.Catalog;

namespace ShopApp.Data;

/// <summary>The demo catalog: 24 products in 4 categories, each with its own SVG under wwwroot/images/products.</summary>
public static partial class CatalogSeed
{
    public static async Task SeedAsync(ShopDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Categories.AnyAsync(cancellationToken))
        {
            return;
        }

        var kitchen = new Category { Id = 1, Slug = "kitchen", Name = "Kitchen", SortOrder = 1 };
        var stationery = new Category { Id = 2, Slug = "stationery", Name = "Stationery", SortOrder = 2 };
        var games = new Category { Id = 3, Slug = "games", Name = "Games", SortOrder = 3 };
        var garden = new Category { Id = 4, Slug = "garden", Name = "Garden & Outdoors", SortOrder = 4 };
        db.Categories.AddRange(kitchen, stationery, games, garden);

        db.Products.AddRange(
            Item(1, kitchen, "Enamel Camp Mug", "enamel-mug", 12.50m, 40,
                "A sturdy enamel mug with a rolled rim that keeps coffee warm by the fire and survives the trip home."),
            Item(2, kitchen, "Ceramic Teapot", "teapot", 34.00m, 15,
                "A glazed stoneware teapot for four cups, with a removable steel infuser and a lid that stays put."),
            Item(3, kitchen, "Hand Coffee Grinder", "coffee-grinder", 49.90m, 3,
                "Ceramic burrs, a beech-wood body and twenty grind settings, from espresso fine to French-press coarse."),
            Item(4, kitchen, "Oak Cutting Board", "cutting-board", 27.00m, 20,
                "Solid European oak with a juice groove, oiled by hand. Gentle on knives and handsome on the table."),
            Item(5, kitchen, "Steel Water Bottle", "water-bottle", 19.95m, 35,
                "Double-walled stainless steel: cold for 24 hours, hot for 12, and no metallic taste."),
            Item(6, kitchen, "Linen Apron", "linen-apron", 24.00m, 0,
                "Washed linen with two deep pockets and long ties. Gets softer with every wash."),
            Item(7, stationery, "Dotted Notebook A5", "notebook", 9.90m, 100,
                "192 numbered pages of 100 g/m² dotted paper that fountain-pen ink does not bleed through."),
            Item(8, stationery, "Fountain Pen", "fountain-pen", 39.00m, 12,
                "A medium steel nib in a resin barrel, with a converter for bottled ink and two cartridges to start."),
            Item(9, stationery, "Colour Pencil Set", "colour-pencils", 14.50m, 60,
                "Twenty-four soft-core pencils in a tin, bright enough for sketching and blending."),
            Item(10, stationery, "Sticky Notes Pack", "sticky-notes", 4.99m, 150,
                "Six pads of 100 notes in summer colours that stick, peel off cleanly and stick again."),
            Item(11, stationery, "Brass Desk Lamp", "desk-lamp", 59.00m, 8,
                "An adjustable brass arm with a warm LED bulb, for late-night study without the glare."),
            Item(12, stationery, "Canvas Backpack", "backpack", 64.00m, 10,
                "Waxed canvas, a padded laptop sleeve and leather straps: carries a school day and a weekend."),
            Item(13, games, "Wooden Chess Set", "chess-set", 45.00m, 9,
                "A folding walnut board with weighted, hand-turned pieces that store inside it."),
            Item(14, games, "1000-Piece Puzzle", "puzzle", 22.00m, 25,
                "A mountain-lake landscape on thick card, with a poster of the picture to work from."),
            Item(15, games, "Dice Set", "dice-set", 7.50m, 80,
                "Seven polyhedral dice for tabletop games, in a cotton pouch."),
            Item(16, games, "Diamond Kite", "kite", 18.00m, 14,
                "A ripstop nylon kite that flies in a light breeze, with 50 metres of line on a winder."),
            Item(17, games, "Classic Yo-yo", "yo-yo", 5.90m, 50,
                "Maple wood, a ball-bearing axle and spare strings: long sleeps for beginners and tricks for the rest."),
            Item(18, games, "Playing Cards", "playing-cards", 6.50m, 90,
                "A linen-finish deck that shuffles smoothly, with two jokers and a rules card for five classic games."),
            Item(19, garden, "Terracotta Plant Pot", "plant-pot", 11.00m, 45,
                "Unglazed terracotta with a saucer, so roots breathe and the windowsill stays dry."),
            Item(20, garden, "Watering Can", "watering-can", 23.50m, 18,
                "A five-litre galvanised can with a long spout and a brass rose for seedlings."),
            Item(21, garden, "Herb Seed Kit", "herb-seeds", 8.90m, 70,
                "Basil, parsley, chives and thyme seeds with four biodegradable pots and growing notes."),
            Item(22, garden, "Two-Person Tent", "tent", 129.00m, 5,
                "A freestanding dome tent that pitches in five minutes and packs to the size of a loaf."),
            Item(23, garden, "Camping Lantern", "lantern", 29.00m, 22,
                "A rechargeable LED lantern with three brightness levels and a hook for the tent roof."),
            Item(24, garden, "Garden Gloves", "garden-gloves", 12.00m, 30,
                "Breathable cotton backs and latex palms that grip wet tools and keep thorns out."));

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Product Item(int id, Category category, string name, string image, decimal price, int stock, string description) =>
        new()
        {
            Id = id,
            Category = category,
            Name = name,
            Description = description,
            Price = price,
            Stock = stock,
            ImagePath = $"/images/products/{image}.svg",
        };
}
