using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests.Infrastructure;

/// <summary>Vendors, bookings and a budget as the API answers them, for the Sharma–Verma wedding in Jaipur.</summary>
internal static class VendorSamples
{
    public static readonly Guid SangeetId = Guid.Parse("01938a00-0000-7000-8000-000000000051");
    public static readonly Guid MehendiId = Guid.Parse("01938a00-0000-7000-8000-000000000052");
    public static readonly Guid CatererId = Guid.Parse("01938a00-0000-7000-8000-0000000000c1");
    public static readonly Guid DecoratorId = Guid.Parse("01938a00-0000-7000-8000-0000000000c2");
    public static readonly Guid CateringBookingId = Guid.Parse("01938a00-0000-7000-8000-0000000000d1");
    public static readonly Guid DecorBookingId = Guid.Parse("01938a00-0000-7000-8000-0000000000d2");
    public static readonly Guid FavoursLineId = Guid.Parse("01938a00-0000-7000-8000-0000000000e1");
    public static readonly Guid MandapLineId = Guid.Parse("01938a00-0000-7000-8000-0000000000e2");

    public static readonly EventResponse Sangeet = Event(SangeetId.ToString(), EventType.Sangeet, "Sangeet", new DateTime(2027, 2, 13, 19, 0, 0),
        new DateTime(2027, 2, 13, 23, 30, 0), Rambagh);

    public static readonly EventResponse Mehendi = Event(MehendiId.ToString(), EventType.Mehendi, "Mehendi", new DateTime(2027, 2, 12, 15, 0, 0),
        new DateTime(2027, 2, 12, 20, 0, 0), Rambagh);

    public static VendorResponse Caterer(long version = 3) => new(
        CatererId, "Sharma Caterers", ["Caterer"], [new VendorContact("Rakesh Sharma", "Owner", "+919812345678", null)], "08ABCDE1234F1Z0", "ABCDE1234F",
        "MI Road", "Jaipur", "08", "Rajasthan", new MaskedBankDetails("Sharma Caterers", "••••5678", "HDFC0001234", null, DateTimeOffset.UnixEpoch), 4, "Best dal baati",
        2, null, version);

    public static VendorResponse Decorator() => new(
        DecoratorId, "Phoolwala Decor", ["Decorator", "Florist"], [], null, null, null, "Jaipur", null, null, null, null, null, 0, null, 1);

    public static VendorArrival Waiting => new(ArrivalAnswer.Waiting, null, null, null, null, null);

    public static BookingResponse Catering(bool money = true) => new(
        CateringBookingId, WeddingId, SangeetId, "Sangeet", CatererId, "Sharma Caterers", "Dinner buffet", "Caterer", BookingStatus.Booked,
        money ? [new QuoteLine("Veg buffet", 250, 120000, true, 500, 30000000, 1500000, 31500000)] : null,
        money ? 30000000 : null, money ? 1500000 : null, money ? 31500000 : null, money ? 10000000 : null, money ? 21500000 : null,
        money ? [new Instalment(Guid.NewGuid(), "Advance", InstalmentKind.Advance, new DateOnly(2027, 1, 10), 10000000, 10000000, InstalmentState.Paid)] : null,
        new DateTime(2027, 2, 13, 16, 30, 0), "Rakesh", "+919812345678",
        new VendorArrival(ArrivalAnswer.Proposed, new DateTime(2027, 2, 13, 17, 30, 0), "after the baraat", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, MessageChannel.WhatsApp),
        null, 4);

    public static BookingResponse Decor(bool money = true) => new(
        DecorBookingId, WeddingId, null, null, DecoratorId, "Phoolwala Decor", "Mandap and stage", "Decorator", BookingStatus.Quoted,
        money ? [new QuoteLine("Mandap", 1, 25000000, false, 1800, 25000000, 4500000, 29500000)] : null,
        money ? 25000000 : null, money ? 4500000 : null, money ? 29500000 : null, money ? 0 : null, money ? 29500000 : null, money ? [] : null,
        null, null, null, Waiting, null, 2);

    public static BookingListResponse Bookings(bool money = true) => money
        ? new BookingListResponse([Catering(), Decor()], 31500000, 10000000, 21500000)
        : new BookingListResponse([Catering(false), Decor(false)], null, null, null);

    public static BudgetResponse Budget(long favoursPerGuest = 15000, int sangeetGuests = 250, bool isWhatIf = false, long version = 5)
    {
        var favours = favoursPerGuest * sangeetGuests;
        var lines = new List<BudgetLineResponse>
        {
            new(FavoursLineId, "Favours", "Welcome kits", null, SangeetId, "Sangeet", favoursPerGuest, sangeetGuests, favours, true, null, 2),
            new(MandapLineId, "Decorator", "Mandap flowers", 30000000, null, null, null, null, 30000000, false, null, 1),
        };
        var categories = new List<BudgetCategory>
        {
            new("Caterer", 0, 31500000, 10000000, 21500000),
            new("Decorator", 30000000, 0, 0, 0),
            new("Favours", favours, 0, 0, 0),
        };
        var planned = 30000000 + favours;
        var couple = 31500000 + 30000000 + favours + 5000000;
        return new BudgetResponse(WeddingId, new BudgetSettings(FeeModel.Fixed, 5000000, 0, false), categories,
            new BudgetTotals(planned, 31500000, 10000000, 21500000, 5000000, couple), lines,
            [new BudgetHeadcount(SangeetId, "Sangeet", 250, sangeetGuests), new BudgetHeadcount(MehendiId, "Mehendi", 120, 120)], isWhatIf, version);
    }
}
