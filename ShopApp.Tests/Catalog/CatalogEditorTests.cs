using ShopApp.Catalog;

namespace ShopApp.Tests.Catalog;

public sealed class CatalogEditorTests
{
    private static ProductDraft Draft(decimal price = 12.50m, string frName = "Tasse", bool visible = true) => new(1, 0,
        new Dictionary<string, string> { ["en"] = "Mug", ["fr"] = frName, ["de"] = "Becher" },
        new Dictionary<string, string> { ["en"] = "A mug.", ["fr"] = "Une tasse.", ["de"] = "Ein Becher." },
        1, price, 10, visible, "/images/products/enamel-mug.svg");

    [Fact]
    public void Only_the_fields_that_changed_are_recorded_with_their_old_and_new_values()
    {
        var changes = CatalogEditor.Differences(Draft(), Draft(price: 13m, frName: "Grande tasse", visible: false)).ToList();

        Assert.Equal(
            [("Name (fr)", "Tasse", "Grande tasse"), ("Price", "12.50", "13.00"), ("Visible", "true", "false")],
            changes);
    }

    [Fact]
    public void A_new_product_records_every_field_against_nothing()
    {
        var changes = CatalogEditor.Differences(null, Draft()).ToList();

        Assert.Equal(11, changes.Count);
        Assert.All(changes, change => Assert.Null(change.Old));
    }
}
