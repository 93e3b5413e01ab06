using Microsoft.EntityFrameworkCore;
using ShopApp.Catalog;

namespace ShopApp.Data;

public static partial class CatalogSeed
{
    private static readonly (int Id, string Fr, string De)[] CategoryNames =
    [
        (1, "Cuisine", "Küche"),
        (2, "Papeterie", "Schreibwaren"),
        (3, "Jeux", "Spiele"),
        (4, "Jardin et plein air", "Garten & Outdoor"),
    ];

    private static readonly (int Id, string FrName, string FrDescription, string DeName, string DeDescription)[] ProductTexts =
    [
        (1, "Tasse de camping émaillée", "Une tasse émaillée robuste au bord roulé, qui garde le café chaud au coin du feu et survit au retour.",
            "Emaille-Campingbecher", "Ein robuster Emaillebecher mit gerolltem Rand, der den Kaffee am Feuer warm hält und die Heimreise übersteht."),
        (2, "Théière en céramique", "Une théière en grès émaillé pour quatre tasses, avec un infuseur amovible en acier et un couvercle qui tient.",
            "Keramik-Teekanne", "Eine glasierte Steinzeug-Teekanne für vier Tassen, mit herausnehmbarem Stahlsieb und einem Deckel, der hält."),
        (3, "Moulin à café manuel", "Meules en céramique, corps en hêtre et vingt réglages de mouture, de l'espresso fin à la cafetière à piston.",
            "Handkaffeemühle", "Keramikmahlwerk, Gehäuse aus Buchenholz und zwanzig Mahlgrade, von fein für Espresso bis grob für die French Press."),
        (4, "Planche à découper en chêne", "Chêne européen massif avec rigole à jus, huilé à la main. Doux pour les couteaux, beau sur la table.",
            "Eichen-Schneidebrett", "Massive europäische Eiche mit Saftrille, von Hand geölt. Schont die Messer und macht sich gut auf dem Tisch."),
        (5, "Gourde en acier", "Acier inoxydable à double paroi : froide 24 heures, chaude 12, et sans goût métallique.",
            "Trinkflasche aus Stahl", "Doppelwandiger Edelstahl: 24 Stunden kalt, 12 Stunden heiß und ohne metallischen Geschmack."),
        (6, "Tablier en lin", "Lin lavé avec deux poches profondes et de longues attaches. Plus doux à chaque lavage.",
            "Leinenschürze", "Gewaschenes Leinen mit zwei tiefen Taschen und langen Bändern. Wird mit jeder Wäsche weicher."),
        (7, "Carnet A5 à points", "192 pages numérotées de papier pointillé 100 g/m² que l'encre du stylo-plume ne traverse pas.",
            "Punktraster-Notizbuch A5", "192 nummerierte Seiten Punktrasterpapier mit 100 g/m², durch das Füllertinte nicht durchschlägt."),
        (8, "Stylo-plume", "Une plume moyenne en acier dans un corps en résine, avec un convertisseur pour l'encre en flacon et deux cartouches pour commencer.",
            "Füllfederhalter", "Eine mittlere Stahlfeder in einem Harzschaft, mit Konverter für Tinte aus dem Glas und zwei Patronen für den Anfang."),
        (9, "Set de crayons de couleur", "Vingt-quatre crayons à mine tendre dans une boîte en métal, assez vifs pour esquisser et estomper.",
            "Buntstift-Set", "Vierundzwanzig Stifte mit weicher Mine in einer Blechdose, kräftig genug zum Skizzieren und Verwischen."),
        (10, "Lot de notes adhésives", "Six blocs de 100 notes aux couleurs d'été qui collent, se décollent proprement et recollent.",
            "Haftnotizen-Set", "Sechs Blöcke mit je 100 Zetteln in Sommerfarben, die haften, sich sauber lösen und wieder haften."),
        (11, "Lampe de bureau en laiton", "Un bras articulé en laiton avec une ampoule LED chaude, pour étudier tard sans éblouissement.",
            "Messing-Schreibtischlampe", "Ein verstellbarer Messingarm mit warmweißer LED, zum Lernen bis spät in die Nacht ohne Blendung."),
        (12, "Sac à dos en toile", "Toile cirée, pochette rembourrée pour ordinateur et sangles en cuir : pour une journée d'école comme un week-end.",
            "Canvas-Rucksack", "Gewachstes Canvas, gepolstertes Laptopfach und Lederriemen: trägt einen Schultag und ein Wochenende."),
        (13, "Jeu d'échecs en bois", "Un plateau pliant en noyer avec des pièces lestées tournées à la main, qui se rangent à l'intérieur.",
            "Holz-Schachspiel", "Ein klappbares Nussbaumbrett mit beschwerten, handgedrechselten Figuren, die darin Platz finden."),
        (14, "Puzzle de 1000 pièces", "Un paysage de lac de montagne sur carton épais, avec un poster de l'image comme modèle.",
            "Puzzle mit 1000 Teilen", "Eine Berglandschaft mit See auf dickem Karton, mit einem Poster des Motivs als Vorlage."),
        (15, "Set de dés", "Sept dés polyédriques pour jeux de plateau, dans une pochette en coton.",
            "Würfelset", "Sieben polyedrische Würfel für Tischspiele, in einem Baumwollbeutel."),
        (16, "Cerf-volant losange", "Un cerf-volant en nylon indéchirable qui vole par brise légère, avec 50 mètres de fil sur un enrouleur.",
            "Rautendrachen", "Ein Drachen aus reißfestem Nylon, der schon bei leichter Brise fliegt, mit 50 Metern Schnur auf einer Rolle."),
        (17, "Yo-yo classique", "Bois d'érable, axe à roulement à billes et ficelles de rechange : de longs « sleepers » pour débuter et des figures pour les autres.",
            "Klassisches Jo-Jo", "Ahornholz, Kugellagerachse und Ersatzschnüre: lange Schlafzeiten für Anfänger und Tricks für alle anderen."),
        (18, "Cartes à jouer", "Un jeu au fini toilé qui se bat en douceur, avec deux jokers et une carte de règles pour cinq jeux classiques.",
            "Spielkarten", "Ein Kartenspiel mit Leinenstruktur, das sich geschmeidig mischen lässt, mit zwei Jokern und einer Regelkarte für fünf Klassiker."),
        (19, "Pot en terre cuite", "Terre cuite non émaillée avec soucoupe : les racines respirent et le rebord de fenêtre reste sec.",
            "Terrakotta-Blumentopf", "Unglasierte Terrakotta mit Untersetzer, damit die Wurzeln atmen und die Fensterbank trocken bleibt."),
        (20, "Arrosoir", "Un arrosoir galvanisé de cinq litres avec un long bec et une pomme en laiton pour les semis.",
            "Gießkanne", "Eine verzinkte Fünf-Liter-Kanne mit langem Ausguss und einer Messingbrause für Sämlinge."),
        (21, "Kit de graines d'aromates", "Graines de basilic, persil, ciboulette et thym avec quatre pots biodégradables et des conseils de culture.",
            "Kräutersamen-Set", "Samen von Basilikum, Petersilie, Schnittlauch und Thymian mit vier kompostierbaren Töpfen und Anleitung."),
        (22, "Tente deux places", "Une tente dôme autoportante qui se monte en cinq minutes et se range à la taille d'un pain.",
            "Zwei-Personen-Zelt", "Ein freistehendes Kuppelzelt, das in fünf Minuten steht und sich auf Brotlaibgröße verpacken lässt."),
        (23, "Lanterne de camping", "Une lanterne LED rechargeable avec trois niveaux de luminosité et un crochet pour le toit de la tente.",
            "Campinglaterne", "Eine aufladbare LED-Laterne mit drei Helligkeitsstufen und einem Haken für das Zeltdach."),
        (24, "Gants de jardin", "Dos en coton respirant et paumes en latex qui tiennent les outils mouillés et arrêtent les épines.",
            "Gartenhandschuhe", "Atmungsaktiver Baumwollrücken und Latexinnenfläche, die nasse Werkzeuge greifen und Dornen abhalten."),
    ];

    /// <summary>
    /// French and German names for the seeded catalog, added when there are none yet: on a new database, and on
    /// one upgraded from before translations existed (only for the products and categories it still has).
    /// </summary>
    public static async Task SeedTranslationsAsync(ShopDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.ProductTranslations.AnyAsync(cancellationToken) || await db.CategoryTranslations.AnyAsync(cancellationToken))
        {
            return;
        }
        var categoryIds = await db.Categories.Select(c => c.Id).ToListAsync(cancellationToken);
        var productIds = await db.Products.Select(p => p.Id).ToListAsync(cancellationToken);

        foreach (var (id, fr, de) in CategoryNames.Where(c => categoryIds.Contains(c.Id)))
        {
            db.CategoryTranslations.AddRange(
                new CategoryTranslation { CategoryId = id, Culture = "fr", Name = fr },
                new CategoryTranslation { CategoryId = id, Culture = "de", Name = de });
        }
        foreach (var (id, frName, frDescription, deName, deDescription) in ProductTexts.Where(p => productIds.Contains(p.Id)))
        {
            db.ProductTranslations.AddRange(
                new ProductTranslation { ProductId = id, Culture = "fr", Name = frName, Description = frDescription },
                new ProductTranslation { ProductId = id, Culture = "de", Name = deName, Description = deDescription });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
