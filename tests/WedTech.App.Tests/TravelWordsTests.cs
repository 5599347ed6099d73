using Shouldly;
using WedTech.App.Features.Travel;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class TravelWordsTests
{
    [Theory]
    [InlineData(4, new string[0], MessageChannel.WhatsApp, "Sent to 4 households.")]
    [InlineData(1, new[] { "Sharma family" }, MessageChannel.WhatsApp, "Sent to 1 household; 1 has no WhatsApp number: Sharma family")]
    [InlineData(0, new[] { "Sharma family", "Verma family" }, MessageChannel.Email, "Sent to no household; 2 have no e-mail address: Sharma family, Verma family")]
    [InlineData(3, new[] { "Iyer family" }, MessageChannel.Sms, "Sent to 3 households; 1 has no mobile number: Iyer family")]
    public void What_telling_guests_did_reads_as_a_sentence(int queued, string[] notReached, MessageChannel channel, string expected) =>
        TravelWords.NoticeResult(new TripNoticeResponse(queued, notReached), channel).ShouldBe(expected);

    [Theory]
    [InlineData(TravelMode.Flight, "3", "Terminal 3")]
    [InlineData(TravelMode.Train, "4", "Platform 4")]
    [InlineData(TravelMode.Flight, "T2", "T2")]
    [InlineData(TravelMode.Train, "Platform 4A", "Platform 4A")]
    public void A_terminal_or_platform_is_named_once(TravelMode mode, string written, string expected) => TravelWords.Terminal(mode, written).ShouldBe(expected);

    [Fact]
    public void Planning_says_what_it_made_and_what_is_left_without_a_vehicle()
    {
        TravelWords.PlanResult(new TripPlanResponse([], 0, 0), TravelDirection.Departure)
            .ShouldBe("Nothing to plan: every departure that needs a drop is on one.");
        TravelWords.PlanResult(new TripPlanResponse([null!], 1, 0), TravelDirection.Arrival).ShouldBe("1 pickup planned for 1 arrival.");
        TravelWords.PlanResult(new TripPlanResponse([null!, null!, null!], 7, 2), TravelDirection.Departure)
            .ShouldBe("3 drops planned for 7 departures; 2 have no vehicle yet: none free with enough seats.");
    }

    [Fact]
    public void A_drivers_number_is_a_link_to_call() => TravelWords.Tel("+91 98765-43210").ShouldBe("tel:+919876543210");
}
