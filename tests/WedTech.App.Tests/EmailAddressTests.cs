using Bunit;
using Shouldly;
using WedTech.App.Common;
using WedTech.App.Tests.Infrastructure;

namespace WedTech.App.Tests;

public class EmailAddressTests : AppTestContext
{
    [Theory]
    [InlineData("planner-a9bd49a634c2@example.co.in", 3)]
    [InlineData("asha@studio.example", 2)]
    [InlineData("no-at-sign", 0)]
    public void An_address_reads_whole_and_may_wrap_after_the_at_and_before_each_dot_of_its_domain(string address, int breaks)
    {
        var rendered = Render<EmailAddress>(p => p.Add(e => e.Address, address));
        rendered.Find(".email-address").TextContent.ShouldBe(address);
        rendered.FindAll("wbr").Count.ShouldBe(breaks);
    }
}
